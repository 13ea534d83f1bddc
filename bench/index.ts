/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console, @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
/**
 * `npm run bench`: what the request pipeline buys and what it costs, side by side in one run.
 *   1. 300 ticket creates against a sandbox enforcing 90 calls per 6 s (Jitbit's 90/min, scaled):
 *      our node (pacing + backoff) vs n8n's default behaviour (pacing off, no retry).
 *   2. 1 000 GETs with limits off: our node, the same bare declarative node with and without our
 *      pipeline, and raw axios.
 *   3. Ticket → Get Many, Return All of 1 000 tickets on a helpdesk that returns at most 300 per page
 *      and on one that returns at most 100 (docs/jitbit-api.md §5): the requests it costs.
 *   4. Shared budget: N worker processes on one helpdesk user's limit, fixed vs adaptive pacing
 *      (bench/shared-budget.ts; BENCH_SCENARIOS="N = 3,N = 5" runs some of them).
 * Figures, never pass/fail: these machines are noisy, so the suite asserts behaviour, not speed.
 */
import path from 'node:path';

import axios from 'axios';
import http from 'node:http';

import { addTickets, startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { Harness, tokenCredentials } from '../test/harness';
import { budgetFigures, THROUGHPUT } from './figures';
import { sharedBudget } from './shared-budget';

// The compiled module, the one the harness loads (its pacing state is the one to reset); types from the source.
const { resetPacing } = require('../dist/nodes/Jitbit/transport/throttle') as typeof import('../nodes/Jitbit/transport/throttle');

const CREATES = Number(process.env.BENCH_CREATES ?? 300);
const GETS = Number(process.env.BENCH_GETS ?? 1000);
const LIMIT = 90;
const WINDOW_S = 6;

function row(cells: Array<string | number>) {
	return cells.map((c, i) => String(c).padEnd(i === 0 ? 34 : 16)).join('');
}

async function createRun(h: Harness, sandbox: Sandbox, label: string, paced: boolean) {
	sandbox.reset();
	resetPacing();
	const subject = `bench ${label}`;
	const categoryId = [...sandbox.db.categories.keys()][0];
	const items = Array.from({ length: CREATES }, (_, i) => ({ json: { n: i } }));
	const started = Date.now();
	const { items: out } = await h.run(
		{
			resource: 'ticket',
			operation: 'create',
			categoryId,
			subject: `={{ "${subject} #" + $json.n }}`,
			body: 'Created by the benchmark',
			rateLimitHandling: paced ? {} : { maxRetries: 0 },
		},
		{
			credentials: tokenCredentials(sandbox.url, sandbox.users.tech.token, paced ? { rateLimit: LIMIT, rateLimitWindow: WINDOW_S } : {}),
			continueOnFail: true,
			items,
		},
	);
	const wallSeconds = (Date.now() - started) / 1000;
	const figures = budgetFigures(sandbox.requests, { subjectPrefix: subject, limit: LIMIT, windowMs: WINDOW_S * 1000 });
	const failed = out.filter((item) => item.error || item.json.error).length;
	return { label, wallSeconds, failed, ...figures };
}

async function getRun(label: string, run: () => Promise<number>) {
	await run(); // warm-up: JIT, sockets
	const started = process.hrtime.bigint();
	const count = await run();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	return { label, ms, perCall: (ms * 1000) / count };
}

/** Requests and items of Ticket → Get Many with Return All, on a helpdesk whose pages hold at most `cap`. */
async function returnAllRun(h: Harness, sandbox: Sandbox, tickets: number, cap: number) {
	sandbox.reset();
	sandbox.setRateLimit(false);
	sandbox.setVariations({ ticketsPageCap: cap });
	resetPacing();
	addTickets(sandbox.db, tickets - sandbox.db.tickets.size);
	const { items, error } = await h.run(
		{ resource: 'ticket', operation: 'getMany', returnAll: true, simplify: false },
		{ credentials: tokenCredentials(sandbox.url, sandbox.users.admin.token) },
	);
	if (error) throw new Error(`Return All failed: ${error.message}`);
	const ids = new Set(items.map((item) => item.json.IssueID));
	return { requests: sandbox.requests.filter((r) => r.endpoint === 'tickets').length, items: items.length, distinct: ids.size };
}

async function main() {
	const [sandbox, h, bare] = await Promise.all([
		startSandbox({ rateLimit: { limit: LIMIT, searchLimit: 60, windowMs: WINDOW_S * 1000 }, lockout: false }),
		Harness.load(),
		Harness.load(path.join(__dirname, 'fixture')),
	]);
	try {
		console.log(`\n1) ${CREATES} ticket creates, sandbox limit ${LIMIT} calls / ${WINDOW_S} s (goal: ≥ 0.95 of the limit, 0 failed, ≤ 1% 429, 0 duplicates)`);
		console.log(`   ${THROUGHPUT}\n`);
		const paced = await createRun(h, sandbox, 'our node (pacing + backoff)', true);
		const naive = await createRun(h, sandbox, 'n8n default (no pacing, no retry)', false);
		console.log(row(['', 'our node', 'n8n default']));
		const line = (name: string, f: (r: typeof paced) => string | number) => console.log(row([name, f(paced), f(naive)]));
		line('wall time, with engine start (s)', (r) => r.wallSeconds.toFixed(1));
		line('first call to last accepted (s)', (r) => r.seconds.toFixed(1));
		line('throughput ÷ limit', (r) => r.throughput.toFixed(3));
		line('tickets created', (r) => r.created);
		line('failed items', (r) => r.failed);
		line('create calls sent', (r) => r.calls);
		line('calls answered 429', (r) => `${(r.rejectedShare * 100).toFixed(1)}%`);
		line('tickets created twice', (r) => r.createdTwice);

		sandbox.reset(); // restores the start settings, so the limit goes off after it
		sandbox.setRateLimit(false);
		resetPacing();
		const id = String(Math.min(...sandbox.db.tickets.keys()));
		const token = sandbox.users.admin.token;
		const items = Array.from({ length: GETS }, () => ({ json: {} }));
		console.log(`\n2) ${GETS} GET Ticket calls per run, limits off, all items concurrent (goal: the pipeline adds ≤ 10% to a bare node)\n`);
		const ours = await getRun('our node (full pipeline)', async () => {
			const { items: out } = await h.run(
				{ resource: 'ticket', operation: 'get', simplify: false, ticketId: { __rl: true, mode: 'id', value: id } },
				{ credentials: tokenCredentials(sandbox.url, token), items },
			);
			return out.length;
		});
		const bareRun = await getRun('bare declarative node', async () => {
			const { items: out } = await bare.run(
				{ baseUrl: sandbox.url, token, ticketId: id },
				{ credentials: tokenCredentials(sandbox.url, token), items, nodeType: 'n8n-nodes-bench-bare.bareJitbit' },
			);
			return out.length;
		});
		const piped = await getRun('bare node + our pipeline', async () => {
			const { items: out } = await bare.run(
				{ ticketId: id },
				{ credentials: tokenCredentials(sandbox.url, token), items, nodeType: 'n8n-nodes-bench-bare.pipedJitbit' },
			);
			return out.length;
		});
		const agent = new http.Agent({ keepAlive: true });
		const raw = await getRun('raw axios, same concurrency', async () => {
			const answers = await Promise.all(
				items.map(() =>
					axios.get(`${sandbox.url}/api/Ticket`, { params: { id }, headers: { Authorization: `Bearer ${token}` }, httpAgent: agent }),
				),
			);
			return answers.length;
		});
		console.log(row(['', 'total (ms)', 'per call (µs)']));
		for (const r of [ours, piped, bareRun, raw]) console.log(row([r.label, r.ms.toFixed(0), r.perCall.toFixed(0)]));
		console.log(`\npipeline cost, (bare + pipeline) / bare: ${(piped.ms / bareRun.ms).toFixed(3)}`);
		console.log(`our node / bare node: ${(ours.ms / bareRun.ms).toFixed(3)}`);
		console.log(`our node / raw axios: ${(ours.ms / raw.ms).toFixed(3)}`);
		console.log(`bare node / raw axios: ${(bareRun.ms / raw.ms).toFixed(3)}`);

		console.log('\n3) Ticket → Get Many, Return All: requests by the most tickets one page holds (goal: 4 on 300, at most 11 on 100, 1 below 100)\n');
		console.log(row(['', 'requests', 'items (distinct)']));
		for (const [tickets, cap] of [
			[1000, 300],
			[1000, 100],
			[60, 300],
			[60, 100],
		]) {
			const r = await returnAllRun(h, sandbox, tickets, cap);
			console.log(row([`${tickets} tickets, ${cap} per page`, r.requests, `${r.items} (${r.distinct})`]));
		}
		await sharedBudget(sandbox);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
