// sandbox/ is linted by the configuration of what does not ship (../eslint.dev.mjs).
export { default } from '../eslint.dev.mjs';
