#!/usr/bin/env node
// npm run scan: n8n's verification scanner (@n8n/scan-community-package) on this package, both
// legs of its gate, with its own file patterns and its own rule versions:
// - the source leg: what the provenance attestation points at, the repository's files at the
//   released commit (here: the files git tracks or would add), linted with the scanner's
//   SOURCE_FILE_PATTERNS (`package.json`, `{nodes,credentials}/**/*.{js,ts,json}`);
// - the tarball leg: the published package (here: `npm pack`), `**/*.js` and `package.json`.
// Inline eslint-disable comments do not count in either. The scanner is installed once into
// ~/.cache/n8n-nodes-jitbit with its own dependencies (eslint 9.29.0, eslint-plugin-n8n-nodes-base
// 1.16.x, @n8n/eslint-plugin-community-nodes 0.29.0), so it stays out of our tree.
// What this cannot check locally: the provenance itself (only a package published from GitHub
// Actions has one; see RELEASING.md).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const VERSION = '0.32.0';
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-jitbit', `scan-${VERSION}`);
const SCANNER = path.join(CACHE, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs');

if (!fs.existsSync(SCANNER)) {
	fs.mkdirSync(CACHE, { recursive: true });
	console.log(`installing @n8n/scan-community-package@${VERSION} into ${CACHE}`);
	execFileSync('npm', ['install', '--prefix', CACHE, '--ignore-scripts', '--no-audit', '--no-fund', `@n8n/scan-community-package@${VERSION}`], {
		stdio: 'inherit',
	});
}
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(SCANNER).href);
const versionOf = (name) => JSON.parse(fs.readFileSync(path.join(CACHE, 'node_modules', name, 'package.json'), 'utf8')).version;
console.log(
	`@n8n/scan-community-package ${VERSION}: eslint ${versionOf('eslint')}, eslint-plugin-n8n-nodes-base ${versionOf('eslint-plugin-n8n-nodes-base')}, ` +
		`@n8n/eslint-plugin-community-nodes ${versionOf('@n8n/eslint-plugin-community-nodes')}`,
);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jitbit-scan-'));

// The source leg: the files a push would publish (tracked, or new and not ignored).
const source = path.join(work, 'source');
const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' })
	.split('\0')
	.filter((f) => f && fs.existsSync(path.join(REPO, f)));
for (const f of files) {
	fs.mkdirSync(path.dirname(path.join(source, f)), { recursive: true });
	fs.copyFileSync(path.join(REPO, f), path.join(source, f));
}

// The tarball leg.
execFileSync('npm', ['pack', '--pack-destination', work], { cwd: REPO, stdio: 'ignore' });
const tarball = fs.readdirSync(work).find((f) => f.endsWith('.tgz'));
execFileSync('tar', ['xzf', tarball], { cwd: work });

let failed = 0;
for (const [name, dir, patterns] of [
	[`source (${SOURCE_FILE_PATTERNS.join(', ')})`, source, SOURCE_FILE_PATTERNS],
	['published tarball (**/*.js, package.json)', path.join(work, 'package'), ['**/*.js', 'package.json']],
]) {
	const result = await analyzePackage(dir, patterns);
	console.log(`${result.passed ? 'PASS' : 'FAIL'} n8n scan of the ${name}${result.passed ? '' : `: ${result.message}`}`);
	if (result.details) console.log(result.details);
	if (!result.passed) failed++;
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`${2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
