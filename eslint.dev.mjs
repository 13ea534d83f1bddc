// The lint configuration of what does not ship: test/, sandbox/, bench/ and scripts/, run by
// `npm run lint` after `n8n-node lint` (README, Development: Lint). n8n's default config, the root
// eslint.config.mjs, lints every file but only TypeScript gets rules there; this one adds Node's
// globals and the recommended rules for the JavaScript here too (the e2e suite, the n8n scripts).
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
	},
	{
		files: ['**/*.{js,mjs,cjs}'],
		extends: [js.configs.recommended],
		languageOptions: { globals: globals.node },
	},
	{ files: ['**/*.{js,cjs}'], languageOptions: { sourceType: 'commonjs' } },
	{
		// A file here that breaks one of n8n's rules for shipped code (Node's globals and modules,
		// console, child processes) names it in an eslint-disable header, for the root config. The
		// plugin is loaded so that those names resolve; its rules stay off here, so the headers are
		// not reported as unused: the root config reports them once nothing breaks the rule.
		plugins: { '@n8n/community-nodes': n8nCommunityNodesPlugin },
		linterOptions: { reportUnusedDisableDirectives: 'off' },
	},
);
