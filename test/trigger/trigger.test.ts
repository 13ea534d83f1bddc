/**
 * Jitbit Trigger through n8n-core's PollContext against the sandbox: cursor rules, cost, failures,
 * manual runs and every event. The sandbox clock is simulated so same-second boundaries are exact.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { RecordedRequest } from '../../sandbox';
import { STATUS_CLOSED, STATUS_IN_PROCESS } from '../../sandbox';
import { eachProfile } from '../harness/env';
import { ADMIN, CUSTOMER, TECH, TriggerUnderTest, ids, newTicket, useTriggerEnv } from './helpers';

eachProfile((profile) => {
	const env = useTriggerEnv(profile);

	const listCalls = (requests: RecordedRequest[]) => requests.filter((r) => r.endpoint === 'tickets');
	/** A body as this profile's Jitbit sends it: the trigger emits raw data, marker included. */
	const sent = (body: string) => (profile === 'legacy' ? `<!--html-->${body}` : body);
	/** The Tickets offsets a 700-ticket scan reads: a 300 page ends short; on 100-ticket pages only the empty page ends it. */
	// After several pages the scan reads the top again, for tickets that changed meanwhile (tickets.ts).
	const offsetsOf700 = { default: ['0', '300', '600', '0'], legacy: ['0', '100', '200', '300', '400', '500', '600', '700', '0'] }[profile];

	describe('New Ticket', () => {
		const params = { event: 'newTicket' };

		test('first poll records where we are and emits nothing; new tickets emit once each, oldest first', async () => {
			newTicket(env, 'existing');
			const trigger = new TriggerUnderTest(env, params);
			const first = await trigger.poll();
			expect(first.items).toEqual([]);
			expect(first.requests).toHaveLength(1);
			expect(trigger.state()).toMatchObject({ lastId: 1001, lastIssued: '2026-03-10T12:00:00.000Z' });

			env.clock.tick(5000);
			const a = newTicket(env, 'A');
			env.clock.tick(1000);
			const b = newTicket(env, 'B');
			const second = await trigger.poll();
			expect(ids(second.items)).toEqual([a.ticketId, b.ticketId]);
			expect(second.items[0]).toMatchObject({ Subject: 'A', UserID: CUSTOMER, StatusID: 1 });
			// The exact call Jitbit receives: the list, 300 a page from offset 0, by creation day (one day back).
			expect(second.requests).toHaveLength(1);
			expect(second.requests[0]).toMatchObject({ method: 'GET', path: '/api/Tickets' });
			expect(second.requests[0].query).toEqual({ dateFrom: '2026-03-09', count: '300', offset: '0' });

			const idle = await trigger.poll();
			expect(idle.items).toEqual([]);
			expect(idle.requests).toHaveLength(1);
			expect(trigger.state()).toMatchObject({ lastId: b.ticketId });
		});

		test('tickets created in the same second as the cursor are neither lost nor repeated', async () => {
			const trigger = new TriggerUnderTest(env, params);
			await trigger.poll();
			const a = newTicket(env, 'A');
			expect(ids((await trigger.poll()).items)).toEqual([a.ticketId]);
			const b = newTicket(env, 'B'); // same second as A
			expect(ids((await trigger.poll()).items)).toEqual([b.ticketId]);
			expect((await trigger.poll()).items).toEqual([]);
		});

		test('a large backlog is emitted oldest first, each ticket once, paged by what the server returned', async () => {
			const trigger = new TriggerUnderTest(env, params);
			await trigger.poll();
			const created = [];
			for (let i = 0; i < 700; i++) {
				env.clock.tick(1000);
				created.push(newTicket(env, `backlog ${i}`).ticketId);
			}
			const result = await trigger.poll();
			expect(ids(result.items)).toEqual(created);
			expect(result.requests.map((r) => r.query.offset)).toEqual(offsetsOf700);
			expect(result.requests.every((r) => r.query.count === '300')).toBe(true);
		});

		test('filters and Include Custom Fields go to Jitbit as list parameters', async () => {
			const trigger = new TriggerUnderTest(env, {
				...params,
				filters: {
					categoryIds: [1],
					statusIds: [1, 2],
					assignee: { __rl: true, mode: 'id', value: String(TECH) },
					companyId: { __rl: true, mode: 'id', value: '7' },
				},
				options: { fetchDetails: true, includeCustomFields: true },
			});
			await trigger.poll();
			const first = env.sb.requests.at(-1)!;
			expect(first.query).toMatchObject({
				categoryId: '1',
				statusId: ['1', '2'],
				handledByUserID: String(TECH),
				fromCompanyId: '7',
				includeCustomFields: 'true',
			});
		});

		test('Fetch Full Ticket: one detail call per emitted ticket, merged over the list item', async () => {
			const trigger = new TriggerUnderTest(env, { ...params, options: { fetchDetails: true } });
			await trigger.poll();
			const a = newTicket(env, 'A', { body: '<p>printer</p>' });
			const result = await trigger.poll();
			expect(result.requests.map((r) => r.endpoint)).toEqual(['tickets', 'ticket']);
			expect(result.requests[1].query).toEqual({ id: String(a.ticketId) });
			expect(result.items).toHaveLength(1);
			expect(result.items[0]).toMatchObject({ IssueID: a.ticketId, TicketID: a.ticketId, Body: sent('<p>printer</p>') });
		});
	});

	describe('failures never move the cursor', () => {
		test('a 5xx on the list fails the poll, leaves the cursor untouched, and the next poll catches up', async () => {
			const trigger = new TriggerUnderTest(env, { event: 'newTicket', rateLimitHandling: { maxRetries: 0 } });
			await trigger.poll();
			const a = newTicket(env, 'A');
			const before = trigger.state();
			env.sb.inject({ kind: '5xx', endpoint: 'tickets', status: 503 });
			await expect(trigger.poll()).rejects.toThrow();
			expect(trigger.state()).toEqual(before);
			expect(ids((await trigger.poll()).items)).toEqual([a.ticketId]);
		});

		test('429 beyond the retry budget fails the poll without moving the cursor', async () => {
			const trigger = new TriggerUnderTest(env, { event: 'ticketUpdated', rateLimitHandling: { maxRetries: 0 } });
			const t = newTicket(env, 'A');
			await trigger.poll();
			env.clock.tick(2000);
			env.sb.db.updateTicket(t.ticketId, { subject: 'A2' }, TECH);
			const before = trigger.state();
			env.sb.inject({ kind: '429', endpoint: 'tickets', times: 3 });
			await expect(trigger.poll()).rejects.toThrow(/rate limit|429|too many/i);
			expect(trigger.state()).toEqual(before);
			env.sb.clearFaults();
			expect((await trigger.poll()).items).toMatchObject([{ IssueID: t.ticketId, Subject: 'A2' }]);
		});

		test('a detail call failing after the list succeeded also leaves the cursor untouched', async () => {
			const trigger = new TriggerUnderTest(env, {
				event: 'newTicket',
				options: { fetchDetails: true },
				rateLimitHandling: { maxRetries: 0 },
			});
			await trigger.poll();
			const a = newTicket(env, 'A');
			const b = newTicket(env, 'B');
			const before = trigger.state();
			env.sb.inject({ kind: '5xx', endpoint: 'ticket', times: 1 });
			await expect(trigger.poll()).rejects.toThrow();
			expect(trigger.state()).toEqual(before);
			expect(ids((await trigger.poll()).items)).toEqual([a.ticketId, b.ticketId]);
		});
	});

	describe('manual mode (Fetch Test Event)', () => {
		test('returns the latest matching ticket and never touches the cursor', async () => {
			newTicket(env, 'old');
			env.clock.tick(1000);
			const latest = newTicket(env, 'latest');
			const trigger = new TriggerUnderTest(env, { event: 'newTicket' });
			const sample = await trigger.poll('manual');
			expect(ids(sample.items)).toEqual([latest.ticketId]);
			expect(trigger.state()).toEqual({});

			await trigger.poll(); // production baseline
			const cursor = trigger.state();
			env.clock.tick(1000);
			const next = newTicket(env, 'after baseline');
			expect(ids((await trigger.poll('manual')).items)).toEqual([next.ticketId]);
			expect(trigger.state()).toEqual(cursor);
			// The production poll still sees it as new.
			expect(ids((await trigger.poll()).items)).toEqual([next.ticketId]);
		});

		test('New Comment sample: the latest matching comment with its ticket', async () => {
			const t = newTicket(env, 'with comments');
			env.sb.db.addComment(t.ticketId, { userId: CUSTOMER, body: 'first' });
			env.clock.tick(1000);
			env.sb.db.addComment(t.ticketId, { userId: TECH, body: 'internal', forTechsOnly: true });
			const trigger = new TriggerUnderTest(env, { event: 'newComment', commentVisibility: 'public' });
			const sample = await trigger.poll('manual');
			expect(sample.items).toMatchObject([{ Body: sent('first'), IssueID: t.ticketId, Ticket: { IssueID: t.ticketId } }]);
			expect(trigger.state()).toEqual({});
		});
	});

	describe('Ticket Updated', () => {
		const params = { event: 'ticketUpdated' };

		test('idle poll costs exactly one request and emits nothing', async () => {
			const t = newTicket(env, 'A');
			const trigger = new TriggerUnderTest(env, params);
			await trigger.poll();
			env.clock.tick(60_000);
			env.sb.db.updateTicket(t.ticketId, { priority: 2 }, TECH);
			expect((await trigger.poll()).items).toHaveLength(1);
			const idle = await trigger.poll();
			expect(idle.items).toEqual([]);
			expect(idle.requests).toHaveLength(1);
			expect(idle.requests[0].query).toEqual({ updatedFrom: '2026-03-09', count: '300', offset: '0' });
		});

		test('updates in the same second as the cursor are neither lost nor repeated', async () => {
			const a = newTicket(env, 'A');
			const b = newTicket(env, 'B');
			const c = newTicket(env, 'C');
			const trigger = new TriggerUnderTest(env, params);
			await trigger.poll();
			env.clock.tick(3000);
			env.sb.db.updateTicket(a.ticketId, { subject: 'A2' }, TECH);
			expect(ids((await trigger.poll()).items)).toEqual([a.ticketId]);
			// Same second as A's update (the cursor): B updated, C updated, a new ticket D created.
			env.sb.db.updateTicket(b.ticketId, { subject: 'B2' }, TECH);
			env.sb.db.updateTicket(c.ticketId, { subject: 'C2' }, TECH);
			const d = newTicket(env, 'D');
			expect(ids((await trigger.poll()).items)).toEqual([b.ticketId, c.ticketId]); // D is new, not updated
			expect(trigger.state()).toMatchObject({ boundary: [a.ticketId, b.ticketId, c.ticketId, d.ticketId] });
			expect((await trigger.poll()).items).toEqual([]);
			env.clock.tick(1000);
			env.sb.db.updateTicket(d.ticketId, { subject: 'D2' }, TECH);
			expect(ids((await trigger.poll()).items)).toEqual([d.ticketId]);
			expect(trigger.state()).toMatchObject({ boundary: [d.ticketId] });
		});

		test('Include New Tickets also fires for tickets only created', async () => {
			const trigger = new TriggerUnderTest(env, { ...params, includeNewTickets: true });
			await trigger.poll();
			const a = newTicket(env, 'A');
			expect(ids((await trigger.poll()).items)).toEqual([a.ticketId]);
		});

		test('700 updates: oldest first, each once, paged by what the server returned', async () => {
			const tickets = [];
			for (let i = 0; i < 700; i++) tickets.push(newTicket(env, `T${i}`));
			const trigger = new TriggerUnderTest(env, params);
			await trigger.poll();
			// Updated newest-created first, so the update order differs from the id order.
			const order = [...tickets].reverse().map((t) => t.ticketId);
			for (const id of order) {
				env.clock.tick(1000);
				env.sb.db.updateTicket(id, { priority: 1 }, TECH);
			}
			const result = await trigger.poll();
			expect(ids(result.items)).toEqual(order);
			expect(listCalls(result.requests).map((r) => r.query.offset)).toEqual(offsetsOf700);
			expect((await trigger.poll()).requests).toHaveLength(1);
		});
	});

	describe('Ticket Status Changed', () => {
		test('fires once per change, with the previous status; other updates do not fire', async () => {
			const a = newTicket(env, 'A');
			const trigger = new TriggerUnderTest(env, { event: 'statusChanged' });
			await trigger.poll();
			env.clock.tick(1000);
			env.sb.db.updateTicket(a.ticketId, { statusId: STATUS_IN_PROCESS }, TECH);
			expect((await trigger.poll()).items).toMatchObject([{ IssueID: a.ticketId, StatusID: 2, PreviousStatusID: 1 }]);
			expect((await trigger.poll()).items).toEqual([]);
			env.clock.tick(1000);
			env.sb.db.updateTicket(a.ticketId, { subject: 'renamed' }, TECH);
			expect((await trigger.poll()).items).toEqual([]);
			env.clock.tick(1000);
			env.sb.db.updateTicket(a.ticketId, { statusId: STATUS_CLOSED }, TECH);
			const idleAfter = await trigger.poll();
			expect(idleAfter.items).toMatchObject([{ IssueID: a.ticketId, StatusID: 3, PreviousStatusID: 2 }]);
			expect(idleAfter.requests).toHaveLength(1);
			expect((await trigger.poll()).requests).toHaveLength(1);
		});

		test('To Status: only changes into that status fire, including one within the cursor second', async () => {
			const a = newTicket(env, 'A');
			const b = newTicket(env, 'B');
			const trigger = new TriggerUnderTest(env, { event: 'statusChanged', toStatus: '3' });
			await trigger.poll();
			env.clock.tick(1000);
			env.sb.db.updateTicket(a.ticketId, { statusId: STATUS_IN_PROCESS }, TECH);
			env.sb.db.updateTicket(b.ticketId, { statusId: STATUS_CLOSED }, TECH);
			expect(ids((await trigger.poll()).items)).toEqual([b.ticketId]);
			// Same second: A is closed after the poll read it.
			env.sb.db.updateTicket(a.ticketId, { statusId: STATUS_CLOSED }, TECH);
			expect((await trigger.poll()).items).toMatchObject([{ IssueID: a.ticketId, PreviousStatusID: 2 }]);
			expect((await trigger.poll()).items).toEqual([]);
		});

		test('a ticket created and moved between two polls counts as a change from New', async () => {
			const trigger = new TriggerUnderTest(env, { event: 'statusChanged' });
			await trigger.poll();
			env.clock.tick(1000);
			const a = newTicket(env, 'A');
			env.clock.tick(1000);
			env.sb.db.updateTicket(a.ticketId, { statusId: STATUS_IN_PROCESS }, TECH);
			const b = newTicket(env, 'B'); // stays New: no event
			const result = await trigger.poll();
			expect(result.items).toMatchObject([{ IssueID: a.ticketId, PreviousStatusID: 1 }]);
			expect(ids(result.items)).not.toContain(b.ticketId);
		});

		test('the remembered statuses stay bounded', async () => {
			const trigger = new TriggerUnderTest(env, { event: 'statusChanged' });
			await trigger.poll();
			for (let i = 0; i < 500; i++) {
				env.clock.tick(1000);
				newTicket(env, `T${i}`);
			}
			await trigger.poll();
			expect(String(trigger.state().statuses).split(',')).toHaveLength(300);
			expect(trigger.stateBytes()).toBeLessThan(4096);
		});
	});

	describe('New Comment', () => {
		test('each comment fires once, with its ticket; filters by visibility and author', async () => {
			const a = newTicket(env, 'A');
			env.sb.db.addComment(a.ticketId, { userId: CUSTOMER, body: 'before the trigger' });
			const all = new TriggerUnderTest(env, { event: 'newComment' });
			const publicFromCustomers = new TriggerUnderTest(env, {
				event: 'newComment',
				commentVisibility: 'public',
				commentAuthor: 'customer',
			});
			const techNotes = new TriggerUnderTest(env, { event: 'newComment', commentVisibility: 'techOnly' });
			for (const t of [all, publicFromCustomers, techNotes]) expect((await t.poll()).items).toEqual([]);

			env.clock.tick(1000);
			const c1 = env.sb.db.addComment(a.ticketId, { userId: CUSTOMER, body: 'still broken' });
			env.clock.tick(1000);
			const c2 = env.sb.db.addComment(a.ticketId, { userId: TECH, body: 'looking', forTechsOnly: true });
			env.clock.tick(1000);
			const c3 = env.sb.db.addComment(a.ticketId, { userId: ADMIN, body: 'fixed' });
			env.sb.db.addComment(a.ticketId, { userId: ADMIN, body: 'rule ran', isSystem: true });

			const everything = await all.poll();
			expect(everything.items.map((c) => c.CommentID)).toEqual([c1.commentId, c2.commentId, c3.commentId]);
			expect(everything.items[0]).toMatchObject({
				Body: sent('still broken'),
				IssueID: a.ticketId,
				Ticket: { IssueID: a.ticketId, Subject: 'A' },
			});
			expect(everything.requests.map((r) => r.endpoint)).toEqual(['tickets', 'comments']);
			expect(everything.requests[1].query).toEqual({ id: String(a.ticketId) });

			const customers = await publicFromCustomers.poll();
			expect(customers.items.map((c) => c.CommentID)).toEqual([c1.commentId]);
			expect(customers.requests.filter((r) => r.endpoint === 'user').map((r) => r.query.userId).sort()).toEqual(['1', '3']);
			expect((await techNotes.poll()).items.map((c) => c.CommentID)).toEqual([c2.commentId]);

			for (const t of [all, publicFromCustomers, techNotes]) {
				const idle = await t.poll();
				expect(idle.items).toEqual([]);
				expect(idle.requests).toHaveLength(1);
			}
		});

		test('a comment added in the same second after the poll read the ticket is emitted once, later', async () => {
			const a = newTicket(env, 'A');
			const b = newTicket(env, 'B');
			const trigger = new TriggerUnderTest(env, { event: 'newComment' });
			await trigger.poll();
			env.clock.tick(1000);
			const c1 = env.sb.db.addComment(a.ticketId, { userId: CUSTOMER, body: 'one' });
			expect((await trigger.poll()).items.map((c) => c.CommentID)).toEqual([c1.commentId]);
			const c2 = env.sb.db.addComment(a.ticketId, { userId: CUSTOMER, body: 'two, same second' });
			// Nothing newer than the cursor second yet: one request, nothing emitted.
			const idle = await trigger.poll();
			expect(idle.items).toEqual([]);
			expect(idle.requests).toHaveLength(1);
			env.clock.tick(1000);
			const c3 = env.sb.db.addComment(b.ticketId, { userId: CUSTOMER, body: 'three' });
			expect((await trigger.poll()).items.map((c) => c.CommentID)).toEqual([c2.commentId, c3.commentId]);
			expect((await trigger.poll()).items).toEqual([]);
		});
	});

	describe('static data', () => {
		test('changing the event or the filters starts over instead of reusing the cursor', async () => {
			newTicket(env, 'A');
			const trigger = new TriggerUnderTest(env, { event: 'newTicket' });
			await trigger.poll();
			const other = new TriggerUnderTest(env, { event: 'ticketUpdated' }, JSON.parse(JSON.stringify(trigger.workflow.staticData)));
			expect((await other.poll()).items).toEqual([]);
			expect(other.state()).toHaveProperty('lastUpdated');
			expect(other.state()).not.toHaveProperty('lastId');
		});
	});

	describe('node description', () => {
		test('a polling trigger on the jitbitApi credential whose pickers all exist', () => {
			const type = env.h.nodeTypes.getByNameAndVersion('n8n-nodes-jitbit.jitbitTrigger');
			const d = type.description;
			expect(d).toMatchObject({ polling: true, inputs: [], credentials: [{ name: 'jitbitApi', required: true }] });
			expect(d.usableAsTool).toBeUndefined();
			expect(d.properties.map((p) => p.name)).toContain('rateLimitHandling');
			const wanted = JSON.stringify(d.properties).match(/"(loadOptionsMethod|searchListMethod)":"(\w+)"/g) ?? [];
			for (const entry of wanted) {
				const [, kind, name] = /"(\w+)":"(\w+)"/.exec(entry)!;
				const table = kind === 'loadOptionsMethod' ? type.methods?.loadOptions : type.methods?.listSearch;
				expect({ [name]: typeof table?.[name] }).toEqual({ [name]: 'function' });
			}
			expect(wanted.length).toBe(4);
		});
	});

	test('the Assigned To filter lists technicians, not every user', () => {
		const d = env.h.nodeTypes.getByNameAndVersion('n8n-nodes-jitbit.jitbitTrigger').description;
		const filters = d.properties.flatMap((p) => (p.options ?? []) as INodeProperties[]);
		const assignee = filters.find((option) => option.displayName === 'Assigned To');
		expect(JSON.stringify(assignee?.modes)).toContain('"searchListMethod":"searchTechnicians"');
	});
});
