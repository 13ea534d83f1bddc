#!/usr/bin/env node
// npm run queue:check — does the package run on n8n queue-mode WORKERS, and do they share
// Jitbit's limit?
//
// Starts Debian's redis-server on 127.0.0.1 (installing it with apt-get if missing; needs
// root), one `n8n start` (main) and 3 `n8n worker`s, all with EXECUTIONS_MODE=queue and the
// same data folder (SQLite, encryption key, installed package). The sandbox allows 90 calls per
// 6 s (Jitbit's 90 a minute, scaled) and the credential says the same.
//   1. Webhook -> Jitbit Ticket Get: the production webhook on the main answers with the ticket,
//      a worker ran it (its log), the sandbox saw the call.
//   2. A batch of 450 ticket creates in 9 executions (Webhook -> Split Out -> Ticket Create),
//      posted at once so the workers run them at the same time: every ticket created once, no
//      execution failed, at most 10% of the calls answered 429, every worker took part; the
//      figures (the benchmark's, bench/figures.ts) come from the sandbox's request log.
// Assumes `npm run build` has run. Ends with `N passed, N failed`; exit 1 on failure.
// QUEUE_CHECK_KEEP=1 keeps the temp folder.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureN8n } from './install.mjs';
import * as L from './lib.mjs';

const T0 = Date.now();
const WF_ID = 'jitbitQueueChk01';
const HOOK = 'jitbit-queue-check';
const BATCH_WF_ID = 'jitbitQueueChk02';
const BATCH_HOOK = 'jitbit-queue-batch';
const WORKERS = 3;
const EXECUTIONS = 9;
const PER_EXECUTION = 50;
const LIMIT = 90;
const WINDOW_S = 6;
const SUBJECT = 'queue batch ';
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

/** A workflow whose nodes run one after the other, left to right. */
function chain(id, name, idPrefix, nodes) {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: nodes.map((node, i) => ({ id: `${idPrefix}-0000-4000-8000-00000000000${i + 1}`, typeVersion: 1, position: [220 * i, 0], ...node })),
		connections: Object.fromEntries(
			nodes.slice(0, -1).map((node, i) => [node.name, { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }]),
		),
	};
}

const webhook = (idPrefix, hookPath, httpMethod, responseMode) => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	webhookId: `${idPrefix}-0000-4000-8000-0000000000ff`,
	parameters: { httpMethod, path: hookPath, responseMode, options: {} },
});

const jitbit = (name, parameters) => ({
	name,
	type: 'n8n-nodes-jitbit.jitbit',
	parameters,
	credentials: { jitbitApi: { id: L.CREDENTIAL_ID, name: L.CREDENTIAL_NAME } },
});

function workflow(ticketId) {
	return chain(WF_ID, 'Queue check: webhook -> Jitbit Ticket Get', 'aaaa0000', [
		webhook('aaaa0000', HOOK, 'GET', 'lastNode'),
		jitbit('Get ticket', { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: String(ticketId) } }),
	]);
}

/** Webhook (answers at once) -> Split Out the posted tickets -> Jitbit Ticket Create for each. */
function batchWorkflow(categoryId) {
	return chain(BATCH_WF_ID, 'Queue check: webhook -> split out -> Jitbit Ticket Create', 'bbbb0000', [
		webhook('bbbb0000', BATCH_HOOK, 'POST', 'onReceived'),
		{ name: 'Split Out', type: 'n8n-nodes-base.splitOut', parameters: { fieldToSplitOut: 'body.tickets', options: {} } },
		jitbit('Create ticket', { resource: 'ticket', operation: 'create', categoryId, subject: '={{ $json.subject }}', body: 'Created by the queue check' }),
	]);
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
		await sandbox.setRateLimit({ limit: LIMIT, searchLimit: 60, windowMs: WINDOW_S * 1000 });
		const ticketId = await sandbox.firstTicketId();
		const categories = await sandbox.api('Categories');
		const categoryId = categories.json?.[0]?.CategoryID;
		assert(categoryId, `no category in the sandbox: ${categories.text.slice(0, 200)}`);

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
		const credentials = L.sandboxCredential(sandbox);
		credentials[0].data.rateLimitWindow = WINDOW_S; // the sandbox's scaled window
		const credFile = L.writeJson(path.join(work, 'import', 'cred.json'), credentials);
		let r = await L.n8nCli(['import:credentials', `--input=${credFile}`], cliEnv);
		assert(r.code === 0, `import:credentials: ${r.output.slice(-1500)}`);
		const wfFile = L.writeJson(path.join(work, 'import', 'wf.json'), [workflow(ticketId), batchWorkflow(categoryId)]);
		r = await L.n8nCli(['import:workflow', `--input=${wfFile}`], cliEnv);
		assert(r.code === 0, `import:workflow: ${r.output.slice(-1500)}`);
		for (const id of [WF_ID, BATCH_WF_ID]) {
			r = await L.n8nCli(['publish:workflow', `--id=${id}`], cliEnv);
			assert(r.code === 0, `publish:workflow ${id}: ${r.output.slice(-1500)}`);
		}

		const mainEnv = L.n8nEnv(work, { port: mainPort, brokerPort: await L.freePort(), extra: queue });
		const main = L.startN8n(mainEnv, { logFile: path.join(work, 'main.log'), name: 'n8n main' });
		await L.waitForHttp(`http://127.0.0.1:${mainPort}/healthz/readiness`, 120000, main);
		log(`n8n main (queue mode) on 127.0.0.1:${mainPort}`);

		// One execution at a time per worker: the batch's executions spread over all of them.
		const workers = [];
		for (let i = 1; i <= WORKERS; i++) {
			const env = L.n8nEnv(work, {
				port: await L.freePort(),
				brokerPort: await L.freePort(),
				extra: { ...queue, QUEUE_HEALTH_CHECK_PORT: String(await L.freePort()) },
			});
			const proc = L.startN8n(env, { args: ['worker', '--concurrency=1'], logFile: path.join(work, `worker${i}.log`), name: `n8n worker ${i}` });
			const started = [];
			proc.onLine((line) => {
				const m = /Worker started execution (\d+)/i.exec(line);
				if (m) started.push(m[1]);
			});
			workers.push({ proc, started });
		}
		await Promise.all(
			workers.map((w) => w.proc.waitForLine(/n8n worker is now ready|Worker ready|ready to process jobs/i, 180000, `${w.proc.name} to be ready`)),
		);
		log(`${WORKERS} n8n workers ready`);
		const worker = { waitForLine: (re, ms, what) => Promise.any(workers.map((w) => w.proc.waitForLine(re, ms, what))) };

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

		await sandbox.clearRequests();
		const before = new Set((await L.readExecutions(work, { workflowId: BATCH_WF_ID })).map((e) => e.id));
		const startedBefore = workers.map((w) => w.started.length);
		const posted = await Promise.all(
			Array.from({ length: EXECUTIONS }, (_, e) =>
				fetch(`http://127.0.0.1:${mainPort}/webhook/${BATCH_HOOK}`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ tickets: Array.from({ length: PER_EXECUTION }, (_, n) => ({ subject: `${SUBJECT}${e}-${n}` })) }),
					signal: AbortSignal.timeout(60000),
				}).then((res) => res.status),
			),
		);
		log(`posted ${EXECUTIONS} batches of ${PER_EXECUTION} creates (webhook answered ${[...new Set(posted)].join(', ')})`);
		let runs = [];
		const deadline = Date.now() + 600000;
		for (;;) {
			runs = (await L.readExecutions(work, { workflowId: BATCH_WF_ID, limit: 100 })).filter((e) => !before.has(e.id));
			if (runs.length >= EXECUTIONS && runs.every((e) => e.finished || ['success', 'error', 'crashed', 'canceled'].includes(e.status))) break;
			if (Date.now() > deadline) break;
			await L.sleep(2000);
		}
		const figures = await sandbox.figures({ subjectPrefix: SUBJECT, limit: LIMIT, windowMs: WINDOW_S * 1000 });
		const failed = runs.filter((e) => e.status !== 'success');
		const expected = EXECUTIONS * PER_EXECUTION;
		log(
			`figures from the sandbox's request log: throughput ÷ limit ${figures.throughput.toFixed(3)}, ` +
				`calls answered 429 ${(figures.rejectedShare * 100).toFixed(1)}% (${Math.round(figures.rejectedShare * figures.calls)} of ${figures.calls}), ` +
				`failed executions ${failed.length}/${runs.length}, created ${figures.created}/${expected}, created twice ${figures.createdTwice}, ` +
				`${figures.seconds.toFixed(1)} s (the limit allows ${((Math.ceil(expected / LIMIT) - 1) * WINDOW_S).toFixed(0)} s)`,
		);
		const perWorker = workers.map((w, i) => w.started.length - startedBefore[i]);
		log(`executions of the batch per worker: ${perWorker.map((n, i) => `worker ${i + 1}: ${n}`).join(', ')}`);
		await check(`${EXECUTIONS} executions of the batch finished without error`, async () => {
			assert(runs.length === EXECUTIONS, `${runs.length} executions found`);
			assert(!failed.length, failed.map((e) => `execution ${e.id}: ${e.status} ${e.error?.message ?? ''}`).join('\n'));
		});
		await check(`all ${expected} tickets created, each exactly once`, async () => {
			assert(figures.created === expected, `${figures.created} created`);
			assert(figures.createdTwice === 0, `${figures.createdTwice} subjects created twice`);
		});
		await check('at most 10% of the create calls answered 429 (the workers learnt their shares)', async () => {
			assert(figures.rejectedShare <= 0.1, `${(figures.rejectedShare * 100).toFixed(1)}%`);
		});
		await check(`all ${WORKERS} workers ran executions of the batch at the same time`, async () => {
			assert(perWorker.every((n) => n > 0), perWorker.join(', '));
		});

		await main.stop(15000);
		await Promise.all(workers.map((w) => w.proc.stop(15000)));
		await redis.stop(5000);
	} finally {
		if (sandbox) await sandbox.close();
		await L.stopAll(3000);
		if (!process.env.QUEUE_CHECK_KEEP && !results.includes(false)) fs.rmSync(work, { recursive: true, force: true });
		else log(`kept ${work} (main.log, worker1-3.log, redis.log, sandbox.log)`);
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
