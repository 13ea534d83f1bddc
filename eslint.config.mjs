// Lints what n8n Cloud verification lints: package.json and everything under nodes/ and
// credentials/, with n8n's community-node rules and eslint-plugin-n8n-nodes-base.
import tsParser from '@typescript-eslint/parser';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const tsLanguage = {
	parser: tsParser,
	parserOptions: { sourceType: 'module', extraFileExtensions: ['.json'] },
};

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'sandbox/**', 'bench/**', 'scripts/**', 'examples/**', '.n8n-local/**', 'gulpfile.js', 'jest.config.js', 'eslint.config.mjs'] },
	{
		files: [...shipped, 'package.json'],
		languageOptions: tsLanguage,
		plugins: { ...n8nCommunityNodesPlugin.configs.recommended.plugins },
		rules: { ...n8nCommunityNodesPlugin.configs.recommended.rules },
	},
	{
		files: ['package.json'],
		languageOptions: tsLanguage,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: tsLanguage,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: tsLanguage,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: shipped,
		languageOptions: tsLanguage,
		rules: { 'no-console': 'error' },
	},
];
