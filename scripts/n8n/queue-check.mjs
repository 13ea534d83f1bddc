#!/usr/bin/env node
// npm run queue:check — does the package run on an n8n queue-mode WORKER?
//
// Starts Debian's redis-server on 127.0.0.1 (installing it with apt-get if missing; needs
// root), one `n8n start` (main) and one `n8n worker`, both with EXECUTIONS_MODE=queue and the
// same data folder (SQLite, encryption key, installed package). It publishes a workflow
// Webhook -> Jitbit Ticket Get (first demo ticket), calls the production webhook on the main, and checks
// that the worker ran the execution (its log), that the sandbox saw the API call, and that the
// webhook answered with ticket 1. Assumes `npm run build` has run.
// Ends with `N passed, N failed`; exit 1 on failure. QUEUE_CHECK_KEEP=1 keeps the temp folder.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureN8n } from './install.mjs';
import * as L from './lib.mjs';

const T0 = Date.now();
const WF_ID = 'jitbitQueueChk01';
const HOOK = 'jitbit-queue-check';
const results = [];
const log = (m) => process.stdout.write(`[queue ${L.fmtMs(Date.now() - T0).padStart(6)}] ${m}\n`);
async function check(name, fn) {
	try {
		await fn();
		results.push(true);
		log(`PASS ${name}`);
	} catch (err) {
		results.push(false);
		log(`FAIL ${name}\n       ${String(err?.message || err).split('\n').join('\n       ')}`);
	}
}
const assert = (c, m) => {
	if (!c) throw new Error(m);
};

function findRedis() {
	for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (fs.existsSync(p)) return p;
	const w = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return w.status === 0 ? w.stdout.trim() : null;
}

async function ensureRedis() {
	let bin = findRedis();
	if (bin) return bin;
	log("redis-server not found: installing Debian's redis-server (apt-get)");
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let r = await L.runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { env, timeoutMs: 600000 });
	if (r.code !== 0) {
		log('apt-get install failed; running apt-get update once and retrying');
		const u = await L.runCommand('apt-get', ['update'], { env, timeoutMs: 600000 });
		if (u.code !== 0) throw new Error(`apt-get update failed:\n${u.output.slice(-1500)}`);
		r = await L.runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { env, timeoutMs: 600000 });
	}
	if (r.code !== 0) throw new Error(`apt-get install redis-server failed (are you root?):\n${r.output.slice(-1500)}`);
	bin = findRedis();
	if (!bin) throw new Error('redis-server still not found after apt-get install');
	return bin;
}

function workflow(ticketId) {
	const cred = { jitbitApi: { id: L.CREDENTIAL_ID, name: L.CREDENTIAL_NAME } };
	return {
		id: WF_ID,
		name: 'Queue check: webhook -> Jitbit Ticket Get',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'aaaa0000-0000-4000-8000-000000000001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'aaaa0000-0000-4000-8000-0000000000ff',
				parameters: { httpMethod: 'GET', path: HOOK, responseMode: 'lastNode', options: {} },
			},
			{
				id: 'aaaa0000-0000-4000-8000-000000000002',
				name: 'Get ticket',
				type: 'n8n-nodes-jitbit.jitbit',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: String(ticketId) } },
				credentials: cred,
			},
		],
		connections: { Webhook: { main: [[{ node: 'Get ticket', type: 'main', index: 0 }]] } },
	};
}

async function main() {
	process.on('SIGINT', () => L.stopAll(3000).finally(() => process.exit(130)));
	process.on('SIGTERM', () => L.stopAll(3000).finally(() => process.exit(130)));
	L.watchParent(() => L.stopAll(3000).finally(() => process.exit(130)));
	const pkgDir = path.resolve(process.env.JITBIT_PKG_DIR || L.REPO);
	if (!fs.existsSync(path.join(pkgDir, 'dist', 'nodes', 'Jitbit'))) throw new Error('dist/ is missing: run `npm run build` first');
	const redisBin = await ensureRedis();
	await ensureN8n();

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jitbit-n8n-queue-'));
	log(`data folder ${work}`);
	let sandbox;
	try {
		L.installPackageInto(work, { pkgDir });
		sandbox = await L.startSandbox({ logFile: path.join(work, 'sandbox.log') });
		const ticketId = await sandbox.firstTicketId();

		const redisPort = await L.freePort();
		const redis = L.startProcess(
			redisBin,
			['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', work],
			{ logFile: path.join(work, 'redis.log'), name: 'redis' },
		);
		await redis.waitForLine(/Ready to accept connections/, 20000, 'redis to start');
		log(`redis-server on 127.0.0.1:${redisPort}`);

		const mainPort = await L.freePort();
		const queue = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'false',
			N8N_LOG_LEVEL: 'info', // the worker logs "Worker started execution N (job N)" at info
		};
		const cliEnv = L.n8nEnv(work, { port: mainPort, brokerPort: await L.freePort(), extra: queue });
		const credFile = L.writeJson(path.join(work, 'import', 'cred.json'), L.sandboxCredential(sandbox));
		let r = await L.n8nCli(['import:credentials', `--input=${credFile}`], cliEnv);
		assert(r.code === 0, `import:credentials: ${r.output.slice(-1500)}`);
		const wfFile = L.writeJson(path.join(work, 'import', 'wf.json'), [workflow(ticketId)]);
		r = await L.n8nCli(['import:workflow', `--input=${wfFile}`], cliEnv);
		assert(r.code === 0, `import:workflow: ${r.output.slice(-1500)}`);
		r = await L.n8nCli(['publish:workflow', `--id=${WF_ID}`], cliEnv);
		assert(r.code === 0, `publish:workflow: ${r.output.slice(-1500)}`);

		const mainEnv = L.n8nEnv(work, { port: mainPort, brokerPort: await L.freePort(), extra: queue });
		const main = L.startN8n(mainEnv, { logFile: path.join(work, 'main.log'), name: 'n8n main' });
		await L.waitForHttp(`http://127.0.0.1:${mainPort}/healthz/readiness`, 120000, main);
		log(`n8n main (queue mode) on 127.0.0.1:${mainPort}`);

		const workerEnv = L.n8nEnv(work, {
			port: await L.freePort(),
			brokerPort: await L.freePort(),
			extra: { ...queue, QUEUE_HEALTH_CHECK_PORT: String(await L.freePort()) },
		});
		const worker = L.startN8n(workerEnv, { args: ['worker', '--concurrency=2'], logFile: path.join(work, 'worker.log'), name: 'n8n worker' });
		await worker.waitForLine(/n8n worker is now ready|Worker ready|ready to process jobs/i, 120000, 'the worker to be ready');
		log('n8n worker ready');

		await sandbox.clearRequests();
		let body;
		await check(`production webhook on the main answers with ticket ${ticketId} (run in queue mode)`, async () => {
			const res = await fetch(`http://127.0.0.1:${mainPort}/webhook/${HOOK}`, { signal: AbortSignal.timeout(60000) });
			const text = await res.text();
			assert(res.ok, `webhook answered ${res.status}: ${text.slice(0, 500)}`);
			body = JSON.parse(text);
			const t = Array.isArray(body) ? body[0] : body;
			assert(String(t?.TicketID ?? t?.IssueID ?? t?.id) === String(ticketId), `unexpected webhook answer: ${text.slice(0, 300)}`);
		});
		await check('the WORKER executed it (worker log)', async () => {
			const line = await worker.waitForLine(/Worker (started|finished) execution|execution \d+.*(started|finished)/i, 20000, 'an execution in the worker log');
			log(`worker: ${line.trim()}`);
			const onMain = main.recent().find((l) => /Enqueued execution|added to the queue|Enqueued/i.test(l));
			if (onMain) log(`main:   ${onMain.trim()}`);
		});
		await check(`the sandbox received GET /api/Ticket?id=${ticketId} with the Bearer token`, async () => {
			const reqs = await sandbox.requests();
			const hit = reqs.find((q) => /\/api\/ticket$/i.test(String(q.path ?? q.url).split('?')[0]) && String(q.query?.id) === String(ticketId));
			assert(hit, `not among ${reqs.length} requests`);
			const auth = Object.entries(hit.headers || {}).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
			assert(auth === `Bearer ${sandbox.users.admin.token}`, 'wrong or missing Authorization header');
		});
		// Not checked here: `n8n execute` ignores queue mode ("CLI command `execute` does not support
		// queue mode. Falling back to regular mode.") and runs in the CLI process itself.

		await main.stop(15000);
		await worker.stop(15000);
		await redis.stop(5000);
	} finally {
		if (sandbox) await sandbox.close();
		await L.stopAll(3000);
		if (!process.env.QUEUE_CHECK_KEEP && !results.includes(false)) fs.rmSync(work, { recursive: true, force: true });
		else log(`kept ${work} (main.log, worker.log, redis.log, sandbox.log)`);
	}
}

main()
	.catch((err) => {
		results.push(false);
		log(`FAIL ${err?.stack || err}`);
	})
	.finally(() => {
		const passed = results.filter(Boolean).length;
		const failed = results.length - passed;
		log(`done in ${L.fmtMs(Date.now() - T0)}`);
		process.stdout.write(`${passed} passed, ${failed} failed\n`);
		process.exit(failed ? 1 : 0);
	});
