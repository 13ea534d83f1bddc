// The lint configuration of what does not ship: test/, sandbox/, bench/ and scripts/ each have an
// eslint.config.mjs that re-exports this one. The root eslint.config.mjs stays n8n's default, for
// the package itself (nodes/, credentials/, package.json). ESLint takes the config nearest to each
// file only with its config-lookup flag, which `npm run lint` sets (README, Development).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			// Tests, bench and scripts load the compiled dist/ with require(), the module instance
			// n8n loads, with the types of the source: `require(...) as typeof import(...)`.
			'@typescript-eslint/no-require-imports': 'off',
			// `const { dropped: _d, ...kept } = x` is how the sandbox leaves fields out of a shape.
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
		},
	},
	{
		files: ['**/*.{js,mjs,cjs}'],
		extends: [js.configs.recommended],
		languageOptions: { globals: globals.node },
	},
	{ files: ['**/*.{js,cjs}'], languageOptions: { sourceType: 'commonjs' } },
);
