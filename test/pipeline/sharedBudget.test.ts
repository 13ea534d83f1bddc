/* eslint-disable @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
import type { RecordedRequest, Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { Harness, tokenCredentials } from '../harness';

// The compiled module, the one the harness loads: its pacing state is this process's.
const { resetPacing } = require('../../dist/nodes/Jitbit/transport/throttle') as typeof import('../../nodes/Jitbit/transport/throttle');

/**
 * Adaptive pacing when other clients share the helpdesk user's limit. The "others" are the
 * sandbox granting less than the credential says; "they stop" is the sandbox granting it all.
 * Everything is read from the sandbox's request log: which calls were answered 429, in what
 * order, and how many arrived within any one window compared with the limit.
 */
const WINDOW_MS = 1000;
const LIMIT = 12;

/** The most calls that arrived within any one window. */
function busiestWindow(calls: RecordedRequest[]): number {
	const times = calls.map((r) => r.time).sort((a, b) => a - b);
	let most = 0;
	for (let i = 0, j = 0; i < times.length; i++) {
		while (times[i] - times[j] >= WINDOW_MS) j++;
		most = Math.max(most, i - j + 1);
	}
	return most;
}

const rejected = (calls: RecordedRequest[]) => calls.filter((r) => r.status === 429);

describe('adaptive pacing on a shared limit', () => {
	let sb: Sandbox;
	let h: Harness;
	beforeAll(async () => {
		[sb, h] = await Promise.all([startSandbox({ rateLimit: { limit: LIMIT, searchLimit: LIMIT, windowMs: WINDOW_MS }, lockout: false }), Harness.load()]);
	});
	afterAll(async () => await sb.close());
	beforeEach(() => {
		sb.reset();
		resetPacing();
	});

	const grant = (limit: number, extra: { searchLimit?: number; countRejected?: boolean } = {}) =>
		sb.setRateLimit({ limit, searchLimit: extra.searchLimit ?? limit, windowMs: WINDOW_MS, countRejected: extra.countRejected });
	const credentials = () => tokenCredentials(sb.url, sb.users.tech.token, { rateLimit: LIMIT, searchRateLimit: 6, rateLimitWindow: WINDOW_MS / 1000 });
	const ticketIds = () => [...sb.db.tickets.keys()].slice(0, 10);
	async function getTickets(count: number) {
		const ids = ticketIds();
		return await h.run(
			{ resource: 'ticket', operation: 'get', simplify: false, ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ credentials: credentials(), items: Array.from({ length: count }, (_, n) => ({ json: { id: ids[n % ids.length] } })) },
		);
	}
	async function createTickets(count: number, prefix: string) {
		return await h.run(
			{ resource: 'ticket', operation: 'create', categoryId: [...sb.db.categories.keys()][0], subject: `={{ "${prefix} " + $json.n }}`, body: 'Shared budget' },
			{ credentials: credentials(), items: Array.from({ length: count }, (_, n) => ({ json: { n } })), continueOnFail: true },
		);
	}
	const sinceFirst429 = (calls: RecordedRequest[]) => {
		const first = rejected(calls)[0];
		return first ? calls.filter((r) => r.time >= first.time + WINDOW_MS) : [];
	};

	it('backs off to the third of the limit it is granted, then climbs back to the full limit once the others stop', async () => {
		grant(LIMIT / 3);
		const shared = await getTickets(24);
		expect(shared.error).toBeUndefined();
		expect(shared.items).toHaveLength(24);
		const first = sb.requests.slice();
		// Pacing fixed at 12 would see two 429s for every accepted call; this one learns the 4 it gets.
		expect(rejected(first).length).toBeGreaterThan(0);
		expect(rejected(first).length).toBeLessThan(first.length / 3);
		// Once it has learnt, a window holds the granted 4 and now and then a probe for more, never
		// the configured 12.
		const learnt = sinceFirst429(first);
		expect(busiestWindow(learnt)).toBeLessThan(LIMIT);
		expect(rejected(learnt).length).toBeLessThan(learnt.length / 3);

		sb.clearRequests();
		grant(LIMIT);
		const alone = await getTickets(36);
		expect(alone.error).toBeUndefined();
		const second = sb.requests.slice();
		expect(rejected(second)).toHaveLength(0);
		expect(busiestWindow(second)).toBe(LIMIT); // back to the full limit, never above it
	});

	it('starts slow: a fresh process has an eighth of the limit in the window at first and fills it step by step, with no 429 when alone', async () => {
		grant(LIMIT);
		const { error } = await getTickets(LIMIT);
		expect(error).toBeUndefined();
		const calls = sb.requests.slice().sort((a, b) => a.time - b.time);
		expect(rejected(calls)).toHaveLength(0);
		// The allowance, 2 calls at first, doubles every sixteenth of a window: the 12th call cannot
		// leave before two doublings, however fast the answers come. A process started together with
		// others therefore leaves them room instead of taking the whole window before they send a call.
		expect(calls[LIMIT - 1].time - calls[0].time).toBeGreaterThanOrEqual(WINDOW_MS / 8);
	});

	it.each([false, true])('creates each ticket exactly once on a third of the limit (429s counted: %s)', async (countRejected) => {
		grant(LIMIT / 3, { countRejected });
		const { items } = await createTickets(16, `shared ${countRejected}`);
		expect(items.filter((i) => i.json.error)).toHaveLength(0);
		const posts = sb.requests.filter((r) => r.method === 'POST' && r.endpoint === 'ticket');
		const landed = [...sb.db.tickets.values()].filter((t) => t.subject.startsWith(`shared ${countRejected} `));
		expect(landed).toHaveLength(16);
		expect(new Set(landed.map((t) => t.subject)).size).toBe(16);
		// Every create was sent once more per 429 it got, and no more: rejected calls did not lock it out.
		expect(posts.filter((r) => r.status === 200)).toHaveLength(16);
		expect(rejected(posts).length).toBeLessThan(posts.length / 2);
	});

	it('holds every call of the helpdesk user for as long as a Retry-After asks', async () => {
		grant(LIMIT);
		sb.inject({ kind: '429', endpoint: 'ticket', times: 1, retryAfter: 0.5 });
		const { error } = await getTickets(6);
		expect(error).toBeUndefined();
		const calls = sb.requests.filter((r) => r.endpoint === 'ticket');
		expect(calls.map((r) => r.status)).toEqual([429, 200, 200, 200, 200, 200, 200]);
		const [limited, ...rest] = calls;
		// Calls in flight when the 429 came may arrive with it; none leaves after it before Retry-After.
		expect(rest.filter((r) => r.time > limited.time + 50 && r.time < limited.time + 500)).toHaveLength(0);
		expect(rest.at(-1)!.time).toBeGreaterThanOrEqual(limited.time + 500);
	});

	it('learns the Search limit on its own, without slowing other calls', async () => {
		grant(LIMIT, { searchLimit: 2 });
		const searches = await h.run(
			{ resource: 'ticket', operation: 'search', query: '={{ "printer " + $json.n }}' },
			{ credentials: credentials(), items: Array.from({ length: 8 }, (_, n) => ({ json: { n } })) },
		);
		expect(searches.error).toBeUndefined();
		const searchCalls = sb.requests.filter((r) => r.endpoint === 'search');
		expect(searchCalls.filter((r) => r.status === 200)).toHaveLength(8);
		// The credential allows 6 searches a window, the helpdesk 2: pacing fixed at 6 would see two
		// 429s for every accepted search.
		expect(rejected(searchCalls).length).toBeGreaterThan(0);
		expect(rejected(searchCalls).length).toBeLessThan(searchCalls.length / 2);

		sb.clearRequests();
		const gets = await getTickets(LIMIT);
		expect(gets.error).toBeUndefined();
		// The general bucket took no cut for the Search 429s: a full window of calls goes at once.
		expect(rejected(sb.requests)).toHaveLength(0);
		expect(busiestWindow(sb.requests)).toBe(LIMIT);
	});
});
