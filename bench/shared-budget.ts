/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console -- does not ship (README, Development: Lint) */
/**
 * Shared budget: N separate worker processes (bench/worker.ts), each running Ticket Create through
 * n8n's engine, against one sandbox whose limit belongs to the one helpdesk user they all use,
 * as n8n's queue-mode workers do. Each scenario runs twice, with the fixed pacing of earlier
 * versions and with adaptive pacing, and the figures come from the sandbox's request log.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import type { Sandbox } from '../sandbox';
import { budgetFigures, createCalls } from './figures';
import type { BudgetFigures } from './figures';
import type { WorkerJob, WorkerMessage } from './worker';

const LIMIT = 90;
const WINDOW_S = 6;
/** Creates per worker: 150, as when the problem was measured; N = 1 runs the 300 of benchmark 1. */
const PER_WORKER = Number(process.env.BENCH_PER_WORKER ?? 150);
const ALONE = Number(process.env.BENCH_CREATES ?? 300);

interface Goal {
	throughput?: number;
	rejectedShare: number;
}

interface Scenario {
	name: string;
	workers: number;
	perWorker: number;
	/** What the sandbox grants the user per window; the credential always says LIMIT. */
	granted: number;
	countRejected: boolean;
	goal: Goal;
}

const shared = { throughput: 0.85, rejectedShare: 0.1 };
export const SCENARIOS: Scenario[] = [
	{ name: 'N = 1', workers: 1, perWorker: ALONE, granted: LIMIT, countRejected: false, goal: { throughput: 0.95, rejectedShare: 0.01 } },
	{ name: 'N = 3', workers: 3, perWorker: PER_WORKER, granted: LIMIT, countRejected: false, goal: shared },
	{ name: 'N = 5', workers: 5, perWorker: PER_WORKER, granted: LIMIT, countRejected: false, goal: shared },
	{ name: 'shared budget', workers: 1, perWorker: PER_WORKER, granted: LIMIT / 3, countRejected: false, goal: { rejectedShare: 0.1 } },
	{ name: 'N = 3, 429s count', workers: 3, perWorker: PER_WORKER, granted: LIMIT, countRejected: true, goal: shared },
	{ name: 'shared budget, 429s count', workers: 1, perWorker: PER_WORKER, granted: LIMIT / 3, countRejected: true, goal: { rejectedShare: 0.1 } },
];

interface Outcome extends BudgetFigures {
	failed: number;
	wallSeconds: number;
}

const workerScript = path.join(__dirname, 'worker.ts');
const tsNode = require.resolve('ts-node/register/transpile-only');

function startWorker(job: WorkerJob) {
	const child = fork(workerScript, [JSON.stringify(job)], { execArgv: ['-r', tsNode], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const next = () =>
		new Promise<WorkerMessage>((resolve, reject) => {
			child.once('message', (m) => resolve(m as WorkerMessage));
			child.once('exit', (code) => reject(new Error(`bench worker exited with ${code}`)));
		});
	return { child, exited, next };
}

async function runScenario(sandbox: Sandbox, scenario: Scenario, adaptive: boolean): Promise<Outcome> {
	sandbox.reset();
	sandbox.setRateLimit({ limit: scenario.granted, searchLimit: 60, windowMs: WINDOW_S * 1000, countRejected: scenario.countRejected });
	const categoryId = [...sandbox.db.categories.keys()][0];
	const subjectPrefix = `${scenario.name} ${adaptive ? 'adaptive' : 'static'} #`;
	const workers = Array.from({ length: scenario.workers }, (_, w) =>
		startWorker({
			url: sandbox.url,
			token: sandbox.users.tech.token,
			categoryId,
			subjectPrefix: `${subjectPrefix}${w}-`,
			count: scenario.perWorker,
			adaptive,
			rateLimit: LIMIT,
			rateLimitWindow: WINDOW_S,
		}),
	);
	try {
		await Promise.all(workers.map((w) => w.next())); // all loaded: start them together
		const started = Date.now();
		const done = workers.map((w) => w.next());
		for (const w of workers) w.child.send('go');
		const results = (await Promise.all(done)) as Array<Extract<WorkerMessage, { done: true }>>;
		const wallSeconds = (Date.now() - started) / 1000;
		await Promise.all(workers.map((w) => w.exited));
		if (process.env.BENCH_TIMELINE) writeTimeline(process.env.BENCH_TIMELINE, subjectPrefix, sandbox);
		return {
			...budgetFigures(sandbox.requests, { subjectPrefix, limit: scenario.granted, windowMs: WINDOW_S * 1000 }),
			failed: results.reduce((n, r) => n + r.failed, 0),
			wallSeconds,
		};
	} finally {
		for (const w of workers) if (w.child.exitCode === null) w.child.kill();
	}
}

/** BENCH_TIMELINE=dir: the create calls the sandbox received (ms from the first, worker, status), one JSON file per run. */
function writeTimeline(dir: string, subjectPrefix: string, sandbox: Sandbox): void {
	const creates = createCalls(sandbox.requests, subjectPrefix);
	const first = Math.min(...creates.map((r) => r.time));
	const rows = creates.map((r) => [r.time - first, Number(/#(\d+)-/.exec(String(r.params.subject))?.[1]), r.status]);
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, `${subjectPrefix.replace(/[^\w]+/g, '_')}.json`), JSON.stringify(rows));
}

function meets(goal: Goal, r: Outcome, expected: number): boolean {
	return (
		(goal.throughput === undefined || r.throughput >= goal.throughput) &&
		r.rejectedShare <= goal.rejectedShare &&
		r.failed === 0 &&
		r.createdTwice === 0 &&
		r.created === expected
	);
}

function describeGoal(goal: Goal): string {
	return `${goal.throughput === undefined ? '' : `≥ ${goal.throughput}, `}≤ ${goal.rejectedShare * 100}% 429, 0 failed, 0 twice`;
}

const cell = (cells: Array<string | number>, widths: number[]) => cells.map((c, i) => String(c).padEnd(widths[i])).join('');

export async function sharedBudget(sandbox: Sandbox, only = process.env.BENCH_SCENARIOS): Promise<void> {
	// Names separated by commas; a name may hold one itself ("N = 3, 429s count").
	const list = only && `,${only.replace(/\s*,\s*/g, ',')},`;
	const scenarios = list ? SCENARIOS.filter((s) => list.includes(`,${s.name.replace(/\s*,\s*/g, ',')},`)) : SCENARIOS;
	console.log(
		`\n4) Shared budget: N worker processes, each creating tickets (${ALONE} for N = 1, else ${PER_WORKER} each) as the same helpdesk user,` +
			`\n   credential at ${LIMIT} calls / ${WINDOW_S} s. "shared budget": the sandbox grants a third of that, the rest taken by others;` +
			`\n   "429s count": it counts rejected calls against the window too. static = pacing fixed at the credential's limit,` +
			`\n   adaptive = each process learns its share. Throughput ÷ the limit the sandbox grants, as defined in 1).\n`,
	);
	// BENCH_PACING=adaptive (or static) runs one side only, for quick iteration.
	const pacings = [false, true].filter((a) => !process.env.BENCH_PACING || process.env.BENCH_PACING === (a ? 'adaptive' : 'static'));
	const widths = [38, 10, 12, 10, 8, 8, 10, 10];
	console.log(cell(['scenario', 'pacing', 'thr÷limit', '429s', 'failed', 'twice', 'created', 'seconds'], widths) + 'goal (adaptive)');
	for (const scenario of scenarios) {
		const expected = scenario.workers * scenario.perWorker;
		for (const adaptive of pacings) {
			const r = await runScenario(sandbox, scenario, adaptive);
			const verdict = adaptive ? `${describeGoal(scenario.goal)}: ${meets(scenario.goal, r, expected) ? 'met' : 'NOT MET'}` : '';
			console.log(
				cell(
					[
						adaptive && pacings.length > 1 ? '' : `${scenario.name} (${scenario.granted}/${WINDOW_S} s)`,
						adaptive ? 'adaptive' : 'static',
						r.throughput.toFixed(3),
						`${(r.rejectedShare * 100).toFixed(1)}%`,
						r.failed,
						r.createdTwice,
						`${r.created}/${expected}`,
						r.seconds.toFixed(1),
					],
					widths,
				) + verdict,
			);
		}
	}
}
