// The README's install route for a package that is not on npm yet: build, `npm pack`, then
// `npm install --omit=peer <tarball>` in the n8n data folder's nodes/ and restart n8n. Checks that
// only the package lands there (no n8n-workflow of its own) and that n8n loads its node types.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as L from '../../scripts/n8n/lib.mjs';

export async function tarballInstallChecks({ test, assert, log }) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jitbit-e2e-tarball-'));
	let ok = false;
	try {
		ok = await test('install route: npm pack, npm install --omit=peer into ~/.n8n/nodes, n8n loads the nodes', async () => {
			const pack = await L.runCommand('npm', ['pack', '--pack-destination', work], { timeoutMs: 120000 });
			const tarball = fs.readdirSync(work).find((f) => f.endsWith('.tgz'));
			assert(pack.code === 0 && tarball, `npm pack: ${pack.output.slice(-500)}`);
			const nodes = path.join(work, '.n8n', 'nodes');
			fs.mkdirSync(nodes, { recursive: true });
			const install = await L.runCommand('npm', ['install', '--omit=peer', '--no-audit', '--no-fund', path.join(work, tarball)], { cwd: nodes, timeoutMs: 300000 });
			assert(install.code === 0, `npm install: ${install.output.slice(-800)}`);
			const installed = fs.readdirSync(path.join(nodes, 'node_modules')).filter((f) => !f.startsWith('.'));
			assert(installed.join() === L.PACKAGE_NAME, `node_modules holds ${installed.join(', ')}`);
			const file = path.join(work, 'nodes.json');
			const r = await L.n8nCli(['export:nodes', `--output=${file}`], L.n8nEnv(work, { brokerPort: await L.freePort() }), { timeoutMs: 180000 });
			assert(r.code === 0, `n8n export:nodes: ${r.output.slice(-800)}`);
			const types = new Set(JSON.parse(fs.readFileSync(file, 'utf8')).map((t) => t.name));
			for (const type of ['n8n-nodes-jitbit.jitbit', 'n8n-nodes-jitbit.jitbitTrigger']) assert(types.has(type), `n8n did not load ${type}`);
			log(`${tarball} installed into .n8n/nodes; n8n loaded its node types`);
		});
	} finally {
		if (ok && !process.env.E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
		else log(`kept ${work}`);
	}
}
