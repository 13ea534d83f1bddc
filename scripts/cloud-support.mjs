#!/usr/bin/env node
// npm run cloud-support: `n8n-node cloud-support`, as n8n's CLI reports it, turned into an exit code
// for CI. The CLI itself always exits 0; the package is eligible for n8n Cloud verification when
// package.json has `n8n.strict: true` and eslint.config.mjs is n8n's default, unchanged.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['--no-install', 'n8n-node', 'cloud-support'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
process.stdout.write(output);
const eligible = /Status: eligible for n8n Cloud verification/.test(output);
if (r.status !== 0 || !eligible) {
	console.error('n8n-node cloud-support: the package is NOT eligible for n8n Cloud verification.');
	process.exit(1);
}
