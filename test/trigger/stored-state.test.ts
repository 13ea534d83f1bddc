/**
 * The cursor in static data is what a published workflow carries across upgrades of the package:
 * its keys and their meaning must not change. Each case starts from static data written the way
 * the trigger's first version stored it (literal keys, the configuration fingerprint included)
 * and checks the next poll continues from it, and writes the same keys back.
 */
import type { IDataObject } from 'n8n-workflow';

import { STATUS_CLOSED, STATUS_IN_PROCESS } from '../../sandbox';
import { CUSTOMER, TECH, TriggerUnderTest, ids, newTicket, useTriggerEnv } from './helpers';

const env = useTriggerEnv();

const START = '2026-03-10T12:00:00.000Z';
/** The fingerprints of `{ event, listQs: {} }`, as stored since the first version. */
const KEYS = { newTicket: 'z23cw3', ticketUpdated: '1g8n0k6', statusChanged: '1q1nw3n', newComment: '1gloalq' };

const published = (parameters: IDataObject, cursor: IDataObject) =>
	new TriggerUnderTest(env, parameters, { 'node:Jitbit Trigger': cursor });

const keysOf = (state: IDataObject) => Object.keys(state).sort();

test('first polls store the same keys as before', async () => {
	newTicket(env, 'A');
	const expected: Record<string, string[]> = {
		newTicket: ['key', 'lastId', 'lastIssued'],
		ticketUpdated: ['boundary', 'key', 'lastUpdated'],
		statusChanged: ['boundary', 'key', 'lastUpdated', 'statuses'],
		newComment: ['boundary', 'key', 'lastComments', 'lastUpdated'],
	};
	for (const [event, keys] of Object.entries(expected)) {
		const trigger = new TriggerUnderTest(env, { event });
		await trigger.poll();
		expect({ event, keys: keysOf(trigger.state()), key: trigger.state().key }).toEqual({ event, keys, key: KEYS[event as keyof typeof KEYS] });
	}
});

test('New Ticket continues after the stored id', async () => {
	newTicket(env, 'A');
	const b = newTicket(env, 'B');
	const trigger = published({ event: 'newTicket' }, { key: KEYS.newTicket, lastId: 1001, lastIssued: START });
	const result = await trigger.poll();
	expect(ids(result.items)).toEqual([b.ticketId]);
	expect(result.requests[0].query).toMatchObject({ dateFrom: '2026-03-09' });
	expect(trigger.state()).toEqual({ key: KEYS.newTicket, lastId: b.ticketId, lastIssued: START });
});

test('Ticket Updated skips the tickets of the stored boundary, and only those', async () => {
	const a = newTicket(env, 'A');
	const b = newTicket(env, 'B');
	// Include New Tickets is not part of the fingerprint: the stored cursor still applies.
	const trigger = published(
		{ event: 'ticketUpdated', includeNewTickets: true },
		{ key: KEYS.ticketUpdated, lastUpdated: START, boundary: [a.ticketId] },
	);
	expect(ids((await trigger.poll()).items)).toEqual([b.ticketId]);
	expect(trigger.state()).toEqual({ key: KEYS.ticketUpdated, lastUpdated: START, boundary: [a.ticketId, b.ticketId] });
});

test('Ticket Status Changed reads the stored statuses (base 36 ids)', async () => {
	const a = newTicket(env, 'A');
	env.sb.db.updateTicket(a.ticketId, { statusId: STATUS_IN_PROCESS }, TECH);
	// 1001 is "rt" in base 36: A was last seen In Process (2).
	const trigger = published({ event: 'statusChanged' }, { key: KEYS.statusChanged, lastUpdated: START, boundary: [a.ticketId], statuses: 'rt:2' });
	env.clock.tick(1000);
	env.sb.db.updateTicket(a.ticketId, { statusId: STATUS_CLOSED }, TECH);
	expect((await trigger.poll()).items).toMatchObject([{ IssueID: a.ticketId, StatusID: STATUS_CLOSED, PreviousStatusID: STATUS_IN_PROCESS }]);
	expect(trigger.state()).toEqual({
		key: KEYS.statusChanged,
		lastUpdated: '2026-03-10T12:00:01.000Z',
		boundary: [a.ticketId],
		statuses: 'rt:3',
	});
});

test('New Comment reads the newest comment id stored per boundary ticket', async () => {
	const a = newTicket(env, 'A');
	const b = newTicket(env, 'B');
	const c1 = env.sb.db.addComment(a.ticketId, { userId: CUSTOMER, body: 'seen' });
	const c2 = env.sb.db.addComment(a.ticketId, { userId: CUSTOMER, body: 'same second, not seen' });
	const trigger = published(
		{ event: 'newComment' },
		{ key: KEYS.newComment, lastUpdated: START, boundary: [a.ticketId], lastComments: [c1.commentId] },
	);
	env.clock.tick(1000);
	const c3 = env.sb.db.addComment(b.ticketId, { userId: CUSTOMER, body: 'later' });
	expect((await trigger.poll()).items.map((c) => c.CommentID)).toEqual([c2.commentId, c3.commentId]);
	expect(trigger.state()).toEqual({
		key: KEYS.newComment,
		lastUpdated: '2026-03-10T12:00:01.000Z',
		boundary: [b.ticketId],
		lastComments: [c3.commentId],
	});
});

test('a cursor stored for other filters starts over', async () => {
	newTicket(env, 'A');
	const trigger = published({ event: 'newTicket', filters: { categoryIds: [1] } }, { key: KEYS.newTicket, lastId: 0, lastIssued: null });
	expect((await trigger.poll()).items).toEqual([]);
	expect(trigger.state()).toMatchObject({ lastId: 1001 });
	expect(trigger.state().key).not.toBe(KEYS.newTicket);
});
