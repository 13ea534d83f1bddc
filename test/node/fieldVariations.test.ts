/* eslint-disable @n8n/community-nodes/no-restricted-globals -- does not ship (README, Development: Lint) */
/**
 * What differs between Jitbit installs (docs/jitbit-api.md §18), through n8n's engine on every test
 * profile: comment order, the `<!--html-->` marker, typed custom field values, every date format
 * (answers, trigger cursor, filters) and uploads above the helpdesk's request limit.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Variations } from '../../sandbox';
import { byId, eachProfile, jsonOf, useEnv } from '../harness/env';
import { TRIGGER_TYPE } from '../harness';

/** Demo ticket 1008: category Hardware (fields 1 text, 2 date, 3 dropdown, 4 checkbox), several comments. */
const T = 1008;

eachProfile((profile) => {
	const env = useEnv({ clearPerRun: true, profile });
	const legacy = profile === 'legacy';

	describe('comment order: oldest first by date, then by comment ID, whatever order Jitbit lists them in', () => {
		/** Two comments in one second (the later id first in the store) and one back-dated import. */
		function addTies() {
			const db = env.sb.db;
			const at = '2026-03-10T12:00:00Z';
			const b = db.addComment(T, { userId: 2, body: 'second of the same second', date: at });
			const a = db.addComment(T, { userId: 3, body: 'first of the same second', date: at });
			const old = db.addComment(T, { userId: 3, body: 'imported, dated long ago', date: '2001-01-01T00:00:00Z' });
			return { old: old.commentId, b: b.commentId, a: a.commentId };
		}

		it('Comment → Get Many', async () => {
			const { old, a, b } = addTies();
			const { items } = await env.run({ resource: 'comment', operation: 'getMany', ticketId: byId(T) });
			const order = jsonOf(items).map((c) => Number(c.CommentID));
			expect(order[0]).toBe(old);
			expect(order.slice(-2)).toEqual([b, a].sort((x, y) => x - y));
			expect(order).toHaveLength(env.sb.db.commentsOf(T).length);
		});

		it('Ticket → Get with comments, raw and simplified', async () => {
			const { old, a, b } = addTies();
			const expected = [old, ...env.sb.db.commentsOf(T).map((c) => c.commentId).filter((id) => ![old, a, b].includes(id)), Math.min(a, b), Math.max(a, b)];
			const raw = await env.run({ resource: 'ticket', operation: 'get', ticketId: byId(T), simplify: false, options: { includeComments: true } });
			expect((raw.items[0].json.Comments as IDataObject[]).map((c) => c.CommentID)).toEqual(expected);
			const simple = await env.run({ resource: 'ticket', operation: 'get', ticketId: byId(T), options: { includeComments: true } });
			expect((simple.items[0].json.comments as IDataObject[]).map((c) => c.id)).toEqual(expected);
		});

		it('the descriptions say the order', () => {
			const description = JSON.stringify(env.h.nodeTypes.getByNameAndVersion('n8n-nodes-jitbit.jitbit').description);
			expect(description).toContain('List the comments of a ticket, oldest first by date, then by comment ID');
			expect(description).toContain('comments (oldest first by date, then by comment ID)');
			const trigger = JSON.stringify(env.h.nodeTypes.getByNameAndVersion(TRIGGER_TYPE).description);
			expect(trigger).toContain('one run item per comment, with its ticket, oldest first by date, then by comment ID');
		});
	});

	describe('the <!--html--> marker', () => {
		beforeEach(() => {
			// Stored by the web app with the marker (the legacy profile adds it to every body anyway).
			env.sb.db.ticket(T).body = '<!--html--><p>Printer &amp; scanner</p>';
		});

		it('never reaches simplified or Strip-HTML output; raw output stays as Jitbit sent it', async () => {
			const raw = await env.run({ resource: 'ticket', operation: 'get', ticketId: byId(T), simplify: false, options: { includeComments: true } });
			expect(raw.items[0].json.Body).toBe('<!--html--><p>Printer &amp; scanner</p>');
			const rawComments = raw.items[0].json.Comments as IDataObject[];
			for (const c of rawComments) expect(String(c.Body).startsWith('<!--html-->')).toBe(legacy);

			const simple = await env.run({ resource: 'ticket', operation: 'get', ticketId: byId(T), options: { includeComments: true } });
			expect(simple.items[0].json.body).toBe('<p>Printer &amp; scanner</p>');
			const stored = new Map(env.sb.db.commentsOf(T).map((c) => [c.commentId, c.body]));
			for (const c of simple.items[0].json.comments as IDataObject[]) expect(c.body).toBe(stored.get(Number(c.id)));

			const plain = await env.run({ resource: 'ticket', operation: 'get', ticketId: byId(T), options: { includeComments: true, stripHtml: true } });
			expect(plain.items[0].json.body).toBe('Printer & scanner');
			expect(JSON.stringify(plain.items[0].json)).not.toContain('<!--html-->');

			const comments = await env.run({ resource: 'comment', operation: 'getMany', ticketId: byId(T), stripHtml: true });
			expect(JSON.stringify(jsonOf(comments.items))).not.toContain('<!--html-->');
		});

		it('lists: Ticket → Get Many simplified has no marker in any field', async () => {
			const { items } = await env.run({ resource: 'ticket', operation: 'getMany', returnAll: true });
			expect(items.length).toBeGreaterThan(0);
			expect(JSON.stringify(jsonOf(items))).not.toContain('<!--html-->');
		});
	});

	describe('custom field values as Jitbit types them', () => {
		beforeEach(() => {
			const fields = env.sb.db.ticket(T).customFields;
			fields[1] = '4242';
			fields[4] = 'true';
			delete fields[2];
		});
		const valueOf = (items: INodeExecutionData[], key: string, id: number) =>
			jsonOf(items).find((f) => f[key === 'FieldID' ? 'FieldID' : 'id'] === id)?.[key === 'FieldID' ? 'Value' : 'value'];

		it('Simplify keeps the type Jitbit sent: numbers, booleans, null or text', async () => {
			const params = { resource: 'customField', operation: 'getForTicket', ticketId: byId(T), returnUnset: true };
			const raw = (await env.run({ ...params, simplify: false })).items;
			const simple = (await env.run(params)).items;
			expect(valueOf(raw, 'FieldID', 1)).toBe(legacy ? 4242 : '4242');
			expect(valueOf(raw, 'FieldID', 4)).toBe(legacy ? true : 'true');
			for (const id of [1, 2, 3, 4]) expect(valueOf(simple, 'id', id)).toStrictEqual(valueOf(raw, 'FieldID', id));
			expect(valueOf(simple, 'id', 2)).toBeNull();
		});

		it('Ticket → Get with custom fields and Get Many with Include Custom Fields keep them too', async () => {
			const get = await env.run({ resource: 'ticket', operation: 'get', ticketId: byId(T), options: { includeCustomFields: true } });
			const fields = get.items[0].json.customFields as IDataObject[];
			expect(fields.find((f) => f.id === 1)?.value).toBe(legacy ? 4242 : '4242');
			expect(fields.find((f) => f.id === 4)?.value).toBe(legacy ? true : 'true');
			const list = await env.run({ resource: 'ticket', operation: 'getMany', returnAll: true, filters: { includeCustomFields: true } });
			const listed = jsonOf(list.items).find((t) => t.id === T)!.customFields as IDataObject[];
			expect(listed.find((f) => f.id === 1)?.value).toBe(legacy ? 4242 : '4242');
		});

		it('Set and Set Many send numbers, booleans and null from expressions as Jitbit reads them', async () => {
			const item = { json: { count: 42, warranty: false, nothing: null } };
			const set = await env.run(
				{ resource: 'customField', operation: 'set', ticketId: byId(T), fieldId: 1, value: '={{ $json.count }}' },
				{ items: [item] },
			);
			expect(set.error).toBeUndefined();
			expect(env.calls()[0].body).toEqual({ ticketId: String(T), fieldId: '1', value: '42' });
			const many = await env.run(
				{
					resource: 'customField',
					operation: 'setMany',
					ticketId: byId(T),
					customFieldsUi: {
						field: [
							{ fieldId: 1, value: '={{ $json.count }}' },
							{ fieldId: 4, value: '={{ $json.warranty }}' },
							{ fieldId: 2, value: '={{ $json.nothing }}' },
						],
					},
				},
				{ items: [item] },
			);
			expect(many.error).toBeUndefined();
			expect(env.calls()[0].body).toEqual({ ticketId: String(T), cf1: '42', cf4: 'false', cf2: '' });
			expect(env.sb.db.ticket(T).customFields).toMatchObject({ 1: '42', 4: 'false', 2: '' });
		});
	});

	describe('uploads above the helpdesk’s request limit (legacy: 4 MB; default: none)', () => {
		const file = (name: string, megabytes: number) => ({
			data: Buffer.alloc(Math.round(megabytes * 1_048_576), 7).toString('base64'),
			mimeType: 'application/octet-stream',
			fileName: name,
		});

		it.each([
			[
				'Attachment → Upload',
				{ resource: 'attachment', operation: 'upload', ticketId: byId(1001), binaryPropertyNames: 'data' },
				{ data: file('scan.pdf', 4.5) },
				'The request was too large for the helpdesk: the file totals 4.5 MB (AttachFile id=1001) [item 0]',
			],
			[
				'Ticket → Create',
				{ resource: 'ticket', operation: 'create', categoryId: 1, subject: 'Big', body: 'files', binaryPropertyNames: 'a, b' },
				{ a: file('a.bin', 2.5), b: file('b.bin', 2.5) },
				'The request was too large for the helpdesk: the 2 files total 5.0 MB (Ticket categoryId=1 priorityId=0) [item 0]',
			],
			[
				'Comment → Create',
				{ resource: 'comment', operation: 'create', ticketId: byId(1002), body: 'see file', binaryPropertyNames: 'data' },
				{ data: file('video.mp4', 6) },
				'The request was too large for the helpdesk: the file totals 6.0 MB (comment id=1002) [item 0]',
			],
		])('%s says the request was too large and the size of the files', async (_name, parameters, binary, message) => {
			const before = env.sb.db.files.size;
			const { items, error } = await env.run(parameters, { items: [{ json: {}, binary }] });
			if (legacy) {
				expect(error?.message).toBe(message);
				expect(error?.httpCode).toBe('404');
				expect(error?.description).toMatch(/refused it before Jitbit saw it.*often 20 MB or 50 MB.*one Attachment → Upload per file/);
				expect(env.calls().map((c) => c.status)).toEqual([404]);
				expect(env.sb.db.files.size).toBe(before);
			} else {
				expect(error).toBeUndefined();
				expect(items).toHaveLength(1);
				expect(env.sb.db.files.size).toBe(before + Object.keys(binary).length);
			}
		});

		it('a 413 from a proxy is the same clear error; a real 404 on an upload still says not found', async () => {
			const one = { data: file('small.txt', 0.001) };
			env.sb.inject({ kind: 'status', status: 413, endpoint: 'attachfile' });
			const tooLarge = await env.run(
				{ resource: 'attachment', operation: 'upload', ticketId: byId(1001), binaryPropertyNames: 'data' },
				{ items: [{ json: {}, binary: one }] },
			);
			expect(tooLarge.error?.message).toBe('The request was too large for the helpdesk: the file totals 1 KB (AttachFile id=1001) [item 0]');
			const missing = await env.run(
				{ resource: 'attachment', operation: 'upload', ticketId: byId(99999), binaryPropertyNames: 'data' },
				{ items: [{ json: {}, binary: one }] },
			);
			expect(missing.error?.message).toBe('Not found in Jitbit: an ID sent to AttachFile id=99999 [item 0]');
		});
	});
});

describe('dates in every form Jitbit writes them, on an n8n host that is not on UTC', () => {
	const env = useEnv({ clearPerRun: true });
	const zone = process.env.TZ;
	beforeAll(() => {
		process.env.TZ = 'America/New_York';
	});
	afterAll(() => {
		if (zone === undefined) delete process.env.TZ;
		else process.env.TZ = zone;
	});

	const FORMATS: Array<Variations['dates']> = ['iso', 'ms', 'unzoned', 'offset'];

	it.each(FORMATS)('answers (%s): Simplify gives UTC ISO dates for tickets, comments and users', async (dates) => {
		env.sb.setVariations({ dates });
		const db = env.sb.db;
		db.ticket(T).issueDate = '2026-03-10T12:00:00Z';
		db.ticket(T).dueDate = '2026-03-31T23:30:00Z';
		const comment = db.addComment(T, { userId: 3, body: 'dated', date: '2026-03-10T12:34:56Z', bumpTicket: false });
		db.user(3).lastSeen = '2026-03-09T08:00:00Z';
		const ticket = await env.run({ resource: 'ticket', operation: 'get', ticketId: byId(T), options: { includeComments: true } });
		expect(ticket.items[0].json).toMatchObject({ createdAt: '2026-03-10T12:00:00.000Z', dueDate: '2026-03-31T23:30:00.000Z' });
		const simplified = (ticket.items[0].json.comments as IDataObject[]).find((c) => c.id === comment.commentId);
		expect(simplified?.createdAt).toBe('2026-03-10T12:34:56.000Z');
		const user = await env.run({ resource: 'user', operation: 'get', userId: byId(3) });
		expect(user.items[0].json.lastSeen).toBe('2026-03-09T08:00:00.000Z');
	});

	it.each(FORMATS)('trigger cursor (%s): read from answers and from a stored cursor in that form, nothing lost or repeated', async (dates) => {
		env.sb.setVariations({ dates });
		const db = env.sb.db;
		let now = Date.parse('2026-03-10T12:00:00Z');
		db.setClock(() => new Date(now));
		const node = env.h.makeNode({ event: 'ticketUpdated' }, { nodeType: TRIGGER_TYPE, name: 'Jitbit Trigger' });
		const workflow = env.h.makeWorkflow(node);
		const poll = async (wf = workflow) => ((await env.h.poll(wf, env.admin))?.[0] ?? []).map((i) => i.json);
		db.updateTicket(1003, { priority: 1 }, 2);
		expect(await poll()).toEqual([]);
		const state = workflow.staticData['node:Jitbit Trigger'] as IDataObject;
		expect(state.lastUpdated).toBe('2026-03-10T12:00:00.000Z');

		now += 5000;
		db.updateTicket(1004, { priority: 1 }, 2);
		expect((await poll()).map((t) => t.IssueID)).toEqual([1004]);
		expect(state.lastUpdated).toBe('2026-03-10T12:00:05.000Z');
		expect(await poll()).toEqual([]);

		// A cursor stored in Jitbit's own form (e.g. copied from an answer) is read the same way.
		const written = { iso: '2026-03-10T12:00:05Z', ms: '/Date(1773144005000)/', unzoned: '2026-03-10T12:00:05', offset: '2026-03-10T14:00:05+02:00' }[dates];
		const stored = env.h.makeWorkflow(node, { 'node:Jitbit Trigger': { ...state, lastUpdated: written } });
		now += 5000;
		db.updateTicket(1005, { priority: 1 }, 2);
		expect((await poll(stored)).map((t) => t.IssueID)).toEqual([1005]);
		expect(await poll(stored)).toEqual([]);
	});

	it.each([
		['2026-03-10', '2026-03-10'],
		['2026-03-10T00:00:00', '2026-03-10'],
		['2026-03-10T23:30:00Z', '2026-03-10'],
		['2026-03-10T23:30:00.000Z', '2026-03-10'],
		['2026-03-10T23:30:00-05:00', '2026-03-10'],
		['2026-03-10T01:30:00+02:00', '2026-03-10'],
		['/Date(1773144000000)/', '2026-03-10'],
		['/Date(1773144000000+0100)/', '2026-03-10'],
	])('filters: %s is sent as the day %s', async (value, day) => {
		const { error } = await env.run(
			{ resource: 'ticket', operation: 'getMany', returnAll: false, limit: 1, filters: { dateFrom: '={{ $json.day }}', updatedTo: '={{ $json.day }}' } },
			{ items: [{ json: { day: value } }] },
		);
		expect(error).toBeUndefined();
		expect(env.calls()[0].query).toMatchObject({ dateFrom: day, updatedTo: day });
	});

	it('filters: a date from an expression ($now, a JavaScript Date) is sent as its day', async () => {
		const { error } = await env.run(
			{
				resource: 'ticket',
				operation: 'getMany',
				returnAll: false,
				limit: 1,
				filters: { dateFrom: '={{ $now.minus({ days: 1 }) }}', dateTo: '={{ new Date(Date.UTC(2026, 2, 10, 12)) }}' },
			},
		);
		expect(error).toBeUndefined();
		const { query } = env.calls()[0];
		expect(query.dateFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(query.dateTo).toBe('2026-03-10');
	});
});
