const path = require('node:path');
const { task, src, dest } = require('gulp');

// tsc only emits .js: node and credential icons must sit beside them in dist/.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist'))),
);
