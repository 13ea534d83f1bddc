// test/ is linted by the configuration of what does not ship (../eslint.dev.mjs).
import dev from '../eslint.dev.mjs';

export default [
	...dev,
	// Tests read the JSON that the sandbox and n8n answer and assert on its shape.
	{ files: ['**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
];
