#!/usr/bin/env node
// npm run scan: n8n Cloud's verification scanner (@n8n/scan-community-package) on this package,
// both ways n8n runs it: on the published tarball (npm pack) and on the source checkout, where
// inline eslint-disable comments do not count. Installs the pinned scanner once into
// ~/.cache/n8n-nodes-jitbit (it pins its own eslint and TypeScript, so it stays out of our tree).
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
const { analyzePackage } = await import(pathToFileURL(SCANNER).href);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jitbit-scan-'));
execFileSync('npm', ['pack', '--pack-destination', work], { cwd: REPO, stdio: 'ignore' });
const tarball = fs.readdirSync(work).find((f) => f.endsWith('.tgz'));
execFileSync('tar', ['xzf', tarball], { cwd: work });

let failed = 0;
for (const [name, dir, patterns] of [
	['published tarball', path.join(work, 'package'), undefined],
	['source checkout', REPO, ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts']],
]) {
	const result = await analyzePackage(dir, patterns);
	console.log(`${result.passed ? 'PASS' : 'FAIL'} n8n Cloud scan of the ${name}${result.passed ? '' : `: ${result.message}`}`);
	if (result.details) console.log(result.details);
	if (!result.passed) failed++;
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`${2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
