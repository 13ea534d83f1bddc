/* eslint-disable @n8n/community-nodes/no-restricted-globals -- does not ship (README, Development: Lint) */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Fault } from '../../sandbox';
import { prng } from '../../sandbox';
import { useEnv } from '../harness/env';

/**
 * 500 mixed operations in four concurrent executions while faults rain down: 429 bursts with and
 * without Retry-After, 5xx, slow replies, dropped connections. Nothing may be lost or doubled.
 */
describe('fault soak', () => {
	const env = useEnv({ resetEach: false });

	// Every failure must read as one of the pipeline's explanations, never a bare crash.
	const CLEAR_ERROR =
		/Jitbit's rate limit was still exceeded|could not handle the request \(5\d\d\)|Could not reach the helpdesk|Not found in Jitbit/;

	it('500 operations: every read ends in data or a clear error, every create lands at most once', async () => {
		const random = prng(42);
		const tickets = [...env.sb.db.tickets.keys()];
		const categoryId = [...env.sb.db.categories.keys()][0];
		const credentials = env.admin;
		const budget = { rateLimitHandling: { maxRetries: 4, maxWaitSeconds: 20 } };
		const numbered = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { n: i } }) as INodeExecutionData);

		const menu: Array<[number, Fault]> = [
			[4, { kind: '429', times: 8, retryAfter: 0.05 }],
			[2, { kind: '429', times: 3 }],
			[2, { kind: '5xx', status: 503, times: 2 }],
			[1, { kind: '5xx', status: 500, method: 'POST', times: 1 }],
			[2, { kind: 'slow', delayMs: 150, times: 3 }],
			[2, { kind: 'drop', times: 1 }],
		];
		const pick = (): Fault => {
			let roll = random() * menu.reduce((sum, [w]) => sum + w, 0);
			for (const [weight, fault] of menu) if ((roll -= weight) < 0) return fault;
			return menu[0][1];
		};
		let running = true;
		let injected = 0;
		const rain = (async () => {
			while (running && injected < 150) {
				env.sb.inject(pick());
				injected++;
				await new Promise((resolve) => setTimeout(resolve, 15));
			}
		})();

		const runs = await Promise.all([
			env.h.run(
				{ resource: 'ticket', operation: 'create', categoryId, subject: '={{ "soak #" + $json.n }}', body: 'soak', ...budget },
				{ credentials, continueOnFail: true, items: numbered(200) },
			),
			env.h.run(
				{ resource: 'ticket', operation: 'get', simplify: false, ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, ...budget },
				{
					credentials,
					continueOnFail: true,
					items: Array.from({ length: 150 }, (_, i) => ({ json: { id: i % 15 === 0 ? 99000 + i : tickets[i % tickets.length] } })),
				},
			),
			env.h.run(
				{
					resource: 'comment',
					operation: 'create',
					ticketId: { __rl: true, mode: 'id', value: String(tickets[0]) },
					body: '={{ "soak comment #" + $json.n }}',
					...budget,
				},
				{ credentials, continueOnFail: true, items: numbered(100) },
			),
			env.h.run(
				{ resource: 'ticket', operation: 'getMany', returnAll: false, limit: 5, simplify: false, ...budget },
				{ credentials, continueOnFail: true, items: numbered(50) },
			),
		]);
		running = false;
		await rain;

		const [creates, gets, comments, lists] = runs;
		// No item silently dropped: one output item per input item, each data or a clear error.
		expect(runs.map((r) => r.error)).toEqual([undefined, undefined, undefined, undefined]);
		expect(creates.items).toHaveLength(200);
		expect(comments.items).toHaveLength(100);
		expect(gets.items).toHaveLength(150);
		const failures = runs.flatMap((r) => r.items.filter((item) => item.json.error).map((item) => String(item.json.error)));
		for (const message of failures) expect(message).toMatch(CLEAR_ERROR);

		// Creates: a success exists exactly once, a failure at most once, nothing twice.
		const bySubject = new Map<string, number>();
		for (const t of env.sb.db.tickets.values()) bySubject.set(t.subject, (bySubject.get(t.subject) ?? 0) + 1);
		creates.items.forEach((item, n) => {
			const count = bySubject.get(`soak #${n}`) ?? 0;
			if (item.json.error) expect(count).toBeLessThanOrEqual(1);
			else expect([count, env.sb.db.tickets.get(Number(item.json.id))?.subject]).toEqual([1, `soak #${n}`]);
		});
		const byBody = new Map<string, number>();
		for (const c of env.sb.db.comments.values()) byBody.set(c.body, (byBody.get(c.body) ?? 0) + 1);
		comments.items.forEach((item, n) => {
			const count = byBody.get(`soak comment #${n}`) ?? 0;
			expect(count).toBeLessThanOrEqual(1);
			if (!item.json.error) expect(count).toBe(1);
		});

		// Reads: known tickets come back (or fail clearly after their budget); unknown ones never
		// succeed (a 404, or the budget ran out on faults before Jitbit could say so).
		gets.items.forEach((item, i) => {
			if (i % 15 === 0) expect(String(item.json.error)).toMatch(CLEAR_ERROR);
			else if (!item.json.error) expect(item.json.TicketID).toBe(tickets[i % tickets.length]);
		});
		// Each of the 50 list calls ends in a page of 5 tickets or one clear error item.
		const listErrors = lists.items.filter((item) => item.json.error).length;
		expect((lists.items.length - listErrors) / 5 + listErrors).toBe(50);

		const statuses = env.sb.requests.map((r) => r.status);
		process.stdout.write(
			`fault soak: ${env.sb.requests.length} requests, ${injected} faults injected, ${statuses.filter((s) => s === 429).length} answered 429, ` +
				`${failures.length} items ended in a clear error, ${creates.items.filter((i) => !i.json.error).length}/200 creates landed once\n`,
		);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
	}, 120_000);
});
