/* eslint-disable @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { Harness, tokenCredentials } from '../harness';
import { useEnv } from '../harness/env';

// The compiled module the harness loads: its pacing state is the one to reset.
const { resetPacing } = require('../../dist/nodes/Jitbit/transport/throttle') as typeof import('../../nodes/Jitbit/transport/throttle');

/** Reads through the pipeline: pacing, 429 backoff, retries of idempotent calls, clear errors. */
describe('request pipeline on reads', () => {
	const env = useEnv();
	let ticketId: number;
	beforeEach(() => {
		ticketId = Math.min(...env.sb.db.tickets.keys());
	});
	const getTicket = (extra: object = {}) => ({
		resource: 'ticket',
		operation: 'get',
		simplify: false,
		ticketId: { __rl: true, mode: 'id', value: String(ticketId) },
		...extra,
	});
	const ticketCalls = () => env.sb.requests.filter((r) => r.endpoint === 'ticket');

	it('waits as long as Retry-After says, then succeeds', async () => {
		env.sb.inject({ kind: '429', endpoint: 'ticket', times: 2, retryAfter: 0.05 });
		const { items, error } = await env.h.run(getTicket(), { credentials: env.admin });
		expect(error).toBeUndefined();
		expect(items[0].json.TicketID).toBe(ticketId);
		expect(ticketCalls().map((r) => r.status)).toEqual([429, 429, 200]);
	});

	it('backs off on a 429 without Retry-After (as Jitbit sends it) when pacing is off', async () => {
		env.sb.inject({ kind: '429', endpoint: 'ticket', times: 1 });
		const { error } = await env.h.run(getTicket(), { credentials: env.admin });
		expect(error).toBeUndefined();
		expect(ticketCalls().map((r) => r.status)).toEqual([429, 200]);
	});

	it('with pacing off, a backoff longer than Max Total Wait ends in the rate-limit error', async () => {
		env.sb.inject({ kind: '429', endpoint: 'ticket', times: 1 });
		const { error } = await env.h.run(getTicket({ rateLimitHandling: { maxWaitSeconds: 0 } }), { credentials: env.admin });
		expect(ticketCalls()).toHaveLength(1);
		expect(error?.message).toMatch(/after 0 retries over 0 s/);
	});

	describe('with pacing on', () => {
		const paced = () => tokenCredentials(env.sb.url, env.sb.users.admin.token, { rateLimit: 90, rateLimitWindow: 1 });
		beforeEach(() => resetPacing());

		it('retries a 429 when the pacing has room, without a backoff: Max Total Wait 0 still lets it through', async () => {
			env.sb.inject({ kind: '429', endpoint: 'ticket', times: 1 });
			const { items, error } = await env.h.run(getTicket({ rateLimitHandling: { maxWaitSeconds: 0 } }), { credentials: paced() });
			expect(error).toBeUndefined();
			expect(items[0].json.TicketID).toBe(ticketId);
			expect(ticketCalls().map((r) => r.status)).toEqual([429, 200]);
		});

		it('refuses a Retry-After longer than Max Total Wait before waiting it', async () => {
			env.sb.inject({ kind: '429', endpoint: 'ticket', times: 10, retryAfter: 30 });
			const { error } = await env.h.run(getTicket({ rateLimitHandling: { maxWaitSeconds: 5 } }), { credentials: paced() });
			expect(ticketCalls()).toHaveLength(1);
			expect(error?.message).toMatch(/after 0 retries over 0 s/);
		});
	});

	it('gives up after the retry budget with a message that says how to raise it', async () => {
		env.sb.inject({ kind: '429', endpoint: 'ticket', times: 10, retryAfter: 0.01 });
		const { error } = await env.h.run(getTicket({ rateLimitHandling: { maxRetries: 2 } }), { credentials: env.admin });
		expect(ticketCalls()).toHaveLength(3);
		expect(error).toMatchObject({ httpCode: '429', context: { itemIndex: 0 } });
		expect(error?.message).toMatch(/still exceeded after 2 retries/);
		expect(error?.description).toMatch(/Max Retries/);
	});

	it('stops when the next wait would exceed the total wait budget', async () => {
		env.sb.inject({ kind: '429', endpoint: 'ticket', times: 10, retryAfter: 30 });
		const { error } = await env.h.run(getTicket({ rateLimitHandling: { maxWaitSeconds: 5 } }), { credentials: env.admin });
		expect(ticketCalls()).toHaveLength(1);
		expect(error?.message).toMatch(/after 0 retries over 0 s/);
	});

	it.each([
		['a 503', { kind: '5xx' as const, status: 503 }],
		['a 500', { kind: '5xx' as const, status: 500 }],
		['a dropped connection', { kind: 'drop' as const }],
	])('retries a read after %s', async (_name, fault) => {
		env.sb.inject({ ...fault, endpoint: 'ticket', times: 1 });
		const { items, error } = await env.h.run(getTicket(), { credentials: env.admin });
		expect(error).toBeUndefined();
		expect(items[0].json.TicketID).toBe(ticketId);
		expect(ticketCalls()).toHaveLength(2);
	});

	it('a persistent server error ends in a clear error after the budget', async () => {
		env.sb.inject({ kind: '5xx', status: 502, endpoint: 'ticket', times: Infinity });
		const { error } = await env.h.run(getTicket({ rateLimitHandling: { maxRetries: 1 } }), { credentials: env.admin });
		expect(ticketCalls()).toHaveLength(2);
		expect(error?.message).toMatch(/could not handle the request \(502\)/);
	});

	it('a slow reply is waited for', async () => {
		env.sb.inject({ kind: 'slow', endpoint: 'ticket', delayMs: 300 });
		const { error } = await env.h.run(getTicket(), { credentials: env.admin });
		expect(error).toBeUndefined();
		expect(ticketCalls()).toHaveLength(1);
	});

	it('an HTML page instead of data is a clear error, not retried', async () => {
		env.sb.inject({ kind: 'html', endpoint: 'ticket' });
		const { error } = await env.h.run(getTicket(), { credentials: env.admin });
		expect(ticketCalls()).toHaveLength(1);
		expect(error?.message).toMatch(/web page instead of API data/);
		expect(error?.description).toMatch(/Helpdesk URL/);
	});

	it('an empty answer to a read is a clear error, never an empty result', async () => {
		env.sb.inject({ kind: 'empty', endpoint: 'ticket' });
		const { error, items } = await env.h.run(getTicket(), { credentials: env.admin });
		expect(items).toHaveLength(0);
		expect(error?.message).toMatch(/empty body where data was expected/);
	});

	it('connection refused names the URL and is not a crash', async () => {
		const { error } = await env.h.run(getTicket({ rateLimitHandling: { maxRetries: 0 } }), {
			credentials: tokenCredentials('http://127.0.0.1:9', 'token'),
		});
		expect(error?.message).toMatch(/Could not reach the helpdesk at http:\/\/127\.0\.0\.1:9: connection refused/);
	});

	it('list searches go through the same pipeline', async () => {
		env.sb.inject({ kind: '429', endpoint: 'tickets', times: 1, retryAfter: 0.01 });
		const result = await env.h.listSearch('searchTickets', env.admin);
		expect(result.results.length).toBeGreaterThan(0);
		expect(env.sb.requests.filter((r) => r.endpoint === 'tickets').map((r) => r.status)).toEqual([429, 200]);
	});
});

describe('proactive pacing', () => {
	let sandbox: Sandbox;
	let h: Harness;
	beforeAll(async () => {
		[sandbox, h] = await Promise.all([
			startSandbox({ rateLimit: { limit: 5, searchLimit: 2, windowMs: 1000 }, lockout: false }),
			Harness.load(),
		]);
	});
	afterAll(async () => await sandbox.close());

	it('keeps 12 concurrent items under a 5-per-second limit without a single 429', async () => {
		const ids = [...sandbox.db.tickets.keys()].slice(0, 12);
		const { items, error } = await h.run(
			{ resource: 'ticket', operation: 'get', simplify: false, ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{
				credentials: tokenCredentials(sandbox.url, sandbox.users.tech.token, { rateLimit: 5, searchRateLimit: 2, rateLimitWindow: 1 }),
				items: ids.map((id) => ({ json: { id } })),
			},
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.TicketID)).toEqual(ids);
		const statuses = sandbox.requests.map((r) => r.status);
		expect(statuses.filter((s) => s === 429)).toHaveLength(0);
		expect(statuses).toHaveLength(12);
	});

	it('applies the lower search limit to Search on top of the general one', async () => {
		sandbox.reset();
		const credentials = tokenCredentials(sandbox.url, sandbox.users.admin.token, { rateLimit: 5, searchRateLimit: 2, rateLimitWindow: 1 });
		const searches = await Promise.all([1, 2, 3, 4].map((n) => h.listSearch('searchTickets', credentials, {}, `printer ${n}`)));
		expect(searches).toHaveLength(4);
		expect(sandbox.requests.filter((r) => r.status === 429)).toHaveLength(0);
		expect(sandbox.requests.filter((r) => r.endpoint === 'search')).toHaveLength(4);
	});
});
