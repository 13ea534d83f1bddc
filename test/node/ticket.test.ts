/**
 * Ticket operations through n8n's real engine against the sandbox: the exact request Jitbit
 * received and the items n8n emitted.
 */
import type { IDataObject } from 'n8n-workflow';

import { addTickets } from '../../sandbox';
import { byId, eachProfile, jsonOf, summary, useEnv } from '../harness/env';

eachProfile((profile) => {
	const env = useEnv({ resource: 'ticket', clearPerRun: true, profile });
	const { run } = env;
	/** The API calls the sandbox received since the run started (the node makes no others). */
	const calls = () => env.calls().map(summary);

	/** Demo ticket 1008: category Hardware (2) with custom fields, three comments, assigned. */
	const T = 1008;

	describe('Ticket → Get', () => {
		it('reads one ticket and simplifies it to the mapped fields', async () => {
			const { items, error } = await run({ operation: 'get', ticketId: byId(T) });
			expect(error).toBeUndefined();
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'ticket', query: { id: String(T) }, body: {}, contentType: '' }]);
			const t = env.sb.db.ticket(T);
			const submitter = env.sb.db.user(t.userId);
			const tech = env.sb.db.user(t.assignedToUserId!);
			expect(jsonOf(items)).toEqual([
				{
					id: T,
					subject: t.subject,
					status: env.sb.db.statuses.get(t.statusId)!.name,
					statusId: t.statusId,
					priority: t.priority,
					priorityName: ['Low', 'Normal', 'High', 'Critical'][t.priority + 1],
					category: 'Hardware',
					categoryId: 2,
					submitter: { id: submitter.userId, name: `${submitter.firstName} ${submitter.lastName}`, email: submitter.email },
					assignee: { id: tech.userId, name: `${tech.firstName} ${tech.lastName}` },
					createdAt: new Date(t.issueDate).toISOString(),
					updatedAt: new Date(t.lastUpdated).toISOString(),
					dueDate: null,
					resolvedAt: t.resolvedDate ? new Date(t.resolvedDate).toISOString() : null,
					url: `${env.sb.url}/helpdesk/Ticket/${T}`,
					body: t.body,
					tags: t.tags,
				},
			]);
		});

		it('adds comments and custom fields (one paced call each) and strips HTML, raw output', async () => {
			const { items, error } = await run({
				operation: 'get',
				ticketId: { __rl: true, mode: 'url', value: `${env.sb.url}/helpdesk/Ticket/${T}` },
				simplify: false,
				options: { includeComments: true, includeCustomFields: true, stripHtml: true },
			});
			expect(error).toBeUndefined();
			expect(calls().map(({ method, endpoint, query }) => ({ method, endpoint, query }))).toEqual([
				{ method: 'GET', endpoint: 'ticket', query: { id: String(T) } },
				{ method: 'GET', endpoint: 'comments', query: { id: String(T) } },
				{ method: 'GET', endpoint: 'ticketcustomfields', query: { id: String(T), returnUnset: 'true' } },
			]);
			const out = items[0].json;
			expect(out.TicketID).toBe(T);
			expect(out.Body).toBe(`${env.sb.db.ticket(T).subject}.\n\nReported by ${env.sb.db.user(env.sb.db.ticket(T).userId).firstName}.`);
			const comments = out.Comments as IDataObject[];
			expect(comments).toHaveLength(env.sb.db.commentsOf(T).length);
			expect(comments.length).toBeGreaterThan(0);
			for (const c of comments) expect(String(c.Body)).not.toMatch(/<[a-z/]/i);
			const fields = out.CustomFields as IDataObject[];
			expect(fields.map((f) => f.FieldName)).toEqual(
				expect.arrayContaining(['Asset tag', 'Purchase date', 'Operating system', 'Under warranty', 'Internal notes']),
			);
			expect(fields.find((f) => f.FieldName === 'Asset tag')?.Value).toBe(env.sb.db.ticket(T).customFields[1]);
		});

		it('strips HTML to readable text: blocks, lists, links and entities', async () => {
			env.sb.db.ticket(T).body =
				'<div><p>Hi&nbsp;there &amp; welcome</p><ul><li>one</li><li>two &lt;3</li></ul>See <a href="https://kb.example/vpn">the guide</a>.<br>Thanks<script>x()</script></div>';
			const { items } = await run({ operation: 'get', ticketId: byId(T), options: { stripHtml: true } });
			expect(items[0].json.body).toBe('Hi there & welcome\n\n- one\n- two <3\nSee the guide (https://kb.example/vpn).\nThanks');
		});

		it('simplifies the added comments and custom fields too', async () => {
			const { items } = await run({
				operation: 'get',
				ticketId: byId(T),
				options: { includeComments: true, includeCustomFields: true },
			});
			const out = items[0].json;
			const first = env.sb.db.commentsOf(T)[0];
			const author = env.sb.db.user(first.userId);
			expect((out.comments as IDataObject[])[0]).toEqual({
				id: first.commentId,
				createdAt: new Date(first.commentDate).toISOString(),
				author: { id: author.userId, name: `${author.firstName} ${author.lastName}`, email: author.email },
				body: first.body,
				forTechsOnly: first.forTechsOnly,
				isSystem: first.isSystem,
			});
			expect((out.customFields as IDataObject[]).find((f) => f.name === 'Asset tag')).toEqual({
				id: 1,
				name: 'Asset tag',
				value: env.sb.db.ticket(T).customFields[1],
				optionId: null,
			});
		});

		it('rejects a non-numeric ticket ID before any request', async () => {
			// An expression gets past the editor's own check; the node still refuses it.
			const { error } = await run(
				{ operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				{ items: [{ json: { id: '12a' } }] },
			);
			expect(error?.message).toBe(`'Ticket ID' must be a positive whole number, got "12a" [item 0]`);
			expect(env.sb.requests).toHaveLength(0);
		});

		it('continues on fail: a missing ticket becomes an error item, the others still run', async () => {
			const { items, error } = await run(
				{ operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				{ continueOnFail: true, items: [{ json: { id: T } }, { json: { id: 99999 } }, { json: { id: 1001 } }] },
			);
			expect(error).toBeUndefined();
			expect(calls().map((c) => c.query.id)).toEqual([String(T), '99999', '1001']);
			expect(items).toHaveLength(3);
			expect(items[0].json.id).toBe(T);
			expect(String(items[1].json.error)).toContain('Not found in Jitbit');
			expect(items[2].json.id).toBe(1001);
		});
	});

	describe('Ticket → Get Many', () => {
		it('sends every filter under Jitbit’s names (arrays as repeated keys, days as YYYY-MM-DD)', async () => {
			const { error } = await run({
				operation: 'getMany',
				returnAll: false,
				limit: 20,
				filters: {
					mode: 'unclosed',
					categoryId: [2, 3],
					sectionId: 1,
					statusId: [1, 7],
					fromUserId: byId(3),
					fromCompanyId: byId(1),
					handledByUserID: byId(2),
					tagName: 'vpn',
					dateFrom: '2025-09-01T00:00:00',
					dateTo: '2025-11-30T00:00:00',
					updatedFrom: '2025-09-02',
					updatedTo: '2025-12-01T10:00:00',
					dueInDays: 14,
					includeCustomFields: true,
					subscribedOnly: false,
				},
			});
			expect(error).toBeUndefined();
			expect(calls()).toEqual([
				{
					method: 'GET',
					endpoint: 'tickets',
					query: {
						mode: 'unclosed',
						categoryId: ['2', '3'],
						sectionId: '1',
						statusId: ['1', '7'],
						fromUserId: '3',
						fromCompanyId: '1',
						handledByUserID: '2',
						tagName: 'vpn',
						dateFrom: '2025-09-01',
						dateTo: '2025-11-30',
						updatedFrom: '2025-09-02',
						updatedTo: '2025-12-01',
						dueInDays: '14',
						includeCustomFields: 'true',
						subscribedOnly: 'false',
						count: '20',
						offset: '0',
					},
					body: {},
					contentType: '',
				},
			]);
		});

		it('filters by status and category and emits the matching tickets, simplified, with custom fields', async () => {
			const { items } = await run({
				operation: 'getMany',
				returnAll: true,
				filters: { categoryId: [2], statusId: [1, 2], includeCustomFields: true },
			});
			const expected = [...env.sb.db.tickets.values()]
				.filter((t) => t.categoryId === 2 && [1, 2].includes(t.statusId))
				.map((t) => t.ticketId);
			expect(expected.length).toBeGreaterThan(0);
			expect(jsonOf(items).map((t) => t.id).sort()).toEqual(expected.sort());
			for (const t of jsonOf(items)) {
				expect(t.category).toBe('Hardware');
				expect(t.url).toBe(`${env.sb.url}/Ticket/${t.id}`);
				expect(Array.isArray(t.customFields)).toBe(true);
				expect(Object.keys(t)).toEqual(expect.arrayContaining(['statusId', 'priorityName', 'submitter', 'assignee', 'createdAt']));
			}
		});

		it('Return All asks for 300 a page and moves on by what came back: 700 tickets, each once', async () => {
			addTickets(env.sb.db, 650);
			const total = env.sb.db.tickets.size;
			expect(total).toBe(700);
			const { items, error } = await run({ operation: 'getMany', returnAll: true, simplify: false });
			expect(error).toBeUndefined();
			// 300 a page: the short last page ends it. 100 a page: a page of 100 may be full, so the end is the empty page.
			const offsets = { default: [0, 300, 600], legacy: [0, 100, 200, 300, 400, 500, 600, 700] }[profile];
			expect(calls().map((c) => c.query)).toEqual(offsets.map((offset) => ({ count: '300', offset: String(offset) })));
			expect(items).toHaveLength(700);
			expect(new Set(jsonOf(items).map((t) => t.IssueID)).size).toBe(700);
		});

		it('Limit asks only for what is still needed, across pages', async () => {
			addTickets(env.sb.db, 650);
			let result = await run({ operation: 'getMany', returnAll: false, limit: 5 });
			expect(calls().map((c) => c.query)).toEqual([{ count: '5', offset: '0' }]);
			expect(result.items).toHaveLength(5);
			result = await run({ operation: 'getMany', returnAll: false, limit: 350 });
			const pages = {
				default: [
					[300, 0],
					[50, 300],
				],
				legacy: [
					[300, 0],
					[250, 100],
					[150, 200],
					[50, 300],
				],
			}[profile];
			expect(calls().map((c) => c.query)).toEqual(pages.map(([count, offset]) => ({ count: String(count), offset: String(offset) })));
			expect(result.items).toHaveLength(350);
			expect(new Set(jsonOf(result.items).map((t) => t.id)).size).toBe(350);
		});
	});

	describe('Ticket → Search', () => {
		it('sends the query and filters, pages 100 at a time with Return All', async () => {
			addTickets(env.sb.db, 230, { subjectPrefix: 'Zebra printer', categoryId: 3 });
			const { items, error } = await run({
				operation: 'search',
				query: 'zebra',
				returnAll: true,
				filters: { categoryId: [3], statusId: [1, 2, 3], fromUserId: byId(3), assignedToUserId: byId(2), dateFrom: '2020-01-01' },
			});
			expect(error).toBeUndefined();
			// addTickets leaves them unassigned: the assignee filter matches none. Drop it to see pages.
			expect(calls()).toEqual([
				{
					method: 'GET',
					endpoint: 'search',
					query: {
						query: 'zebra',
						categoryId: '3',
						statusId: ['1', '2', '3'],
						fromUserId: '3',
						assignedToUserId: '2',
						dateFrom: '2020-01-01',
						count: '100',
						offset: '0',
					},
					body: {},
					contentType: '',
				},
			]);
			expect(items).toHaveLength(0);

			const all = await run({ operation: 'search', query: 'zebra', returnAll: true, filters: { categoryId: [3] } });
			expect(calls().map((c) => [c.query.count, c.query.offset])).toEqual([
				['100', '0'],
				['100', '100'],
				['100', '200'],
			]);
			expect(all.items).toHaveLength(230);
			expect(all.items.every((item) => String(item.json.subject).startsWith('Zebra printer'))).toBe(true);
		});

		it('Limit caps the results', async () => {
			const { items } = await run({ operation: 'search', query: 'printer', returnAll: false, limit: 2 });
			expect(calls().map((c) => c.query)).toEqual([{ query: 'printer', count: '2', offset: '0' }]);
			expect(items).toHaveLength(2);
		});
	});

	describe('Ticket → Create', () => {
		it('posts the required fields form-encoded and returns the new id', async () => {
			const body = `<p>${'Long body. '.repeat(400)}</p>`;
			const { items, error } = await run({
				operation: 'create',
				categoryId: 1,
				subject: 'Screen flickers',
				body,
				priority: 1,
			});
			expect(error).toBeUndefined();
			expect(calls()).toEqual([
				{
					method: 'POST',
					endpoint: 'ticket',
					query: {},
					body: { categoryId: '1', subject: 'Screen flickers', body, priorityId: '1' },
					contentType: 'application/x-www-form-urlencoded',
				},
			]);
			const id = items[0].json.id as number;
			expect(jsonOf(items)).toEqual([{ id }]);
			expect(env.sb.db.ticket(id)).toMatchObject({ subject: 'Screen flickers', body, categoryId: 1, priority: 1 });
		});

		it('sends every additional field, sets the due date afterwards, returns the created ticket', async () => {
			const macOs = String(env.sb.db.field(3).options[1].optionId);
			const { items, error } = await run({
				operation: 'create',
				categoryId: 2,
				subject: 'New laptop',
				body: 'Please',
				priority: -1,
				additionalFields: {
					userId: byId(3),
					assignedToUserId: byId(2),
					tags: 'hardware,onboarding',
					origin: 6,
					suppressConfirmation: true,
					dueDate: '2026-01-31T12:00:00',
					customFieldsUi: { field: [{ fieldId: 1, value: 'AT-9' }, { fieldId: 3, value: macOs }] },
				},
				returnTicket: true,
			});
			expect(error).toBeUndefined();
			const id = (items[0].json.id as number) ?? 0;
			expect(calls()).toEqual([
				{
					method: 'POST',
					endpoint: 'ticket',
					query: {},
					body: {
						categoryId: '2',
						subject: 'New laptop',
						body: 'Please',
						priorityId: '-1',
						userId: '3',
						assignedToUserId: '2',
						tags: 'hardware,onboarding',
						origin: '6',
						suppressConfirmation: 'true',
						customFields: `{"1":"AT-9","3":"${macOs}"}`,
					},
					contentType: 'application/x-www-form-urlencoded',
				},
				{
					method: 'POST',
					endpoint: 'updateticket',
					query: {},
					body: { id: String(id), dueDate: '2026-01-31T12:00:00' },
					contentType: 'application/x-www-form-urlencoded',
				},
				{ method: 'GET', endpoint: 'ticket', query: { id: String(id) }, body: {}, contentType: '' },
			]);
			const t = env.sb.db.ticket(id);
			expect(t).toMatchObject({ userId: 3, assignedToUserId: 2, tags: ['hardware', 'onboarding'], origin: 6, priority: -1 });
			expect(t.customFields).toEqual({ 1: 'AT-9', 3: macOs });
			expect(t.dueDate).toBe('2026-01-31T12:00:00Z');
			expect(items[0].json).toMatchObject({
				id,
				subject: 'New laptop',
				priorityName: 'Low',
				category: 'Hardware',
				submitter: { id: 3 },
				assignee: { id: 2 },
				dueDate: '2026-01-31T12:00:00.000Z',
				tags: ['hardware', 'onboarding'],
			});
		});

		it('uploads binary attachments as multipart, byte for byte', async () => {
			const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 254, 255]);
			const text = Buffer.from('héllo, wörld\r\n--boundary-like line\r\n');
			const { items, error } = await run(
				{ operation: 'create', categoryId: 1, subject: 'With files', body: 'See attached', binaryPropertyNames: 'data, log' },
				{
					items: [
						{
							json: {},
							binary: {
								data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'shot.png' },
								log: { data: text.toString('base64'), mimeType: 'text/plain', fileName: 'log.txt' },
							},
						},
					],
				},
			);
			expect(error).toBeUndefined();
			const [req] = env.sb.requests;
			expect(env.sb.requests).toHaveLength(1);
			expect(req.method).toBe('POST');
			expect(req.endpoint).toBe('ticket');
			expect(req.contentType).toBe('multipart/form-data');
			expect(req.query).toEqual({});
			expect(req.body).toEqual({ categoryId: '1', subject: 'With files', body: 'See attached', priorityId: '0' });
			expect(req.files.map((f) => ({ ...f, data: f.data.toString('base64') }))).toEqual([
				{ field: 'uploadFile', filename: 'shot.png', contentType: 'image/png', data: png.toString('base64') },
				{ field: 'uploadFile', filename: 'log.txt', contentType: 'text/plain', data: text.toString('base64') },
			]);
			const id = items[0].json.id as number;
			expect(env.sb.db.filesOfTicket(id).map((f) => f.fileName)).toEqual(['shot.png', 'log.txt']);
		});

		it('rejects a missing category before any request', async () => {
			const { error } = await run(
				{ operation: 'create', categoryId: '={{ $json.category }}', subject: 's', body: 'b' },
				{ items: [{ json: { category: 'Hardware' } }] },
			);
			expect(error?.message).toBe(`'Category ID' must be a positive whole number, got "Hardware" [item 0]`);
			expect(env.sb.requests).toHaveLength(0);
		});
	});

	describe('Ticket → Update', () => {
		it('posts every field under Jitbit’s UpdateTicket names', async () => {
			const { items, error } = await run({
				operation: 'update',
				ticketId: byId(T),
				updateFields: {
					categoryId: 3,
					priority: 2,
					statusId: 2,
					assignedUserId: byId(4),
					dueDate: '2026-02-01T09:30:00',
					tags: 'a,b',
					subject: 'Renamed',
					body: '<p>New body</p>',
					timeSpentInSeconds: 3600,
				},
			});
			expect(error).toBeUndefined();
			expect(calls()).toEqual([
				{
					method: 'POST',
					endpoint: 'updateticket',
					query: {},
					body: {
						id: String(T),
						categoryId: '3',
						priority: '2',
						statusId: '2',
						assignedUserId: '4',
						dueDate: '2026-02-01T09:30:00',
						tags: 'a,b',
						subject: 'Renamed',
						body: '<p>New body</p>',
						timeSpentInSeconds: '3600',
					},
					contentType: 'application/x-www-form-urlencoded',
				},
			]);
			expect(jsonOf(items)).toEqual([{ success: true, ticketId: T }]);
			expect(env.sb.db.ticket(T)).toMatchObject({
				categoryId: 3,
				priority: 2,
				statusId: 2,
				assignedToUserId: 4,
				dueDate: '2026-02-01T09:30:00Z',
				tags: ['a', 'b'],
				subject: 'Renamed',
				body: '<p>New body</p>',
				timeSpentInSeconds: 3600,
			});
		});

		it('unassigns with assignee 0 and accepts a custom status id', async () => {
			const { error } = await run({
				operation: 'update',
				ticketId: byId(T),
				updateFields: { assignedUserId: byId(0), statusId: 7 },
			});
			expect(error).toBeUndefined();
			expect(calls()[0].body).toEqual({ id: String(T), assignedUserId: '0', statusId: '7' });
			expect(env.sb.db.ticket(T)).toMatchObject({ assignedToUserId: null, statusId: 7 });
		});

		it('refuses an update with nothing to change', async () => {
			const { error } = await run({ operation: 'update', ticketId: byId(T), updateFields: {} });
			expect(error?.message).toBe('Nothing to update [item 0]');
			expect(env.sb.requests).toHaveLength(0);
		});
	});

	describe('Ticket → Close, Get Stats, Delete', () => {
		it('closes with a POST form, optionally without notification', async () => {
			const open = [...env.sb.db.tickets.values()].find((t) => t.statusId === 1)!;
			const { items, error } = await run({ operation: 'close', ticketId: byId(open.ticketId), suppressNotification: true });
			expect(error).toBeUndefined();
			expect(calls()).toEqual([
				{
					method: 'POST',
					endpoint: 'close',
					query: {},
					body: { id: String(open.ticketId), suppressNotification: 'true' },
					contentType: 'application/x-www-form-urlencoded',
				},
			]);
			expect(jsonOf(items)).toEqual([{ success: true, ticketId: open.ticketId, closed: true }]);
			expect(env.sb.db.ticket(open.ticketId).statusId).toBe(3);
		});

		it('returns the statistics object', async () => {
			const { items, error } = await run({ operation: 'getStats' });
			expect(error).toBeUndefined();
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'stats', query: {}, body: {}, contentType: '' }]);
			const all = [...env.sb.db.tickets.values()];
			expect(items[0].json).toMatchObject({ TotalTickets: all.length, Closed: all.filter((t) => t.statusId === 3).length });
		});

		it('deletes a ticket', async () => {
			const { items, error } = await run({ operation: 'delete', ticketId: byId(1003) });
			expect(error).toBeUndefined();
			expect(calls()).toEqual([
				{ method: 'POST', endpoint: 'deleteticket', query: {}, body: { id: '1003' }, contentType: 'application/x-www-form-urlencoded' },
			]);
			expect(jsonOf(items)).toEqual([{ deleted: true, ticketId: 1003 }]);
			expect(env.sb.db.tickets.has(1003)).toBe(false);
		});
	});

	describe('Ticket relations and subscribers', () => {
		const form = (endpoint: string, body: Record<string, string>) => ({
			method: 'POST',
			endpoint,
			query: {},
			body,
			contentType: 'application/x-www-form-urlencoded',
		});

		it('merges the second ticket into the first', async () => {
			const { items, error } = await run({ operation: 'merge', ticketId: byId(1002), mergedTicketId: byId(1003) });
			expect(error).toBeUndefined();
			expect(calls()).toEqual([form('mergetickets', { id: '1002', id2: '1003' })]);
			expect(jsonOf(items)).toEqual([{ success: true, ticketId: 1002, mergedTicketId: 1003 }]);
			expect(env.sb.db.tickets.has(1003)).toBe(false);
		});

		it('links and unlinks, and lists linked tickets', async () => {
			let result = await run({ operation: 'link', ticketId: byId(1002), linkedTicketId: byId(1004) });
			expect(calls()).toEqual([form('linktickets', { id: '1002', id2: '1004' })]);
			expect(jsonOf(result.items)).toEqual([{ success: true, ticketId: 1002, linkedTicketId: 1004 }]);
			expect(env.sb.db.ticket(1002).linkedIds).toContain(1004);

			result = await run({ operation: 'getLinkedTickets', ticketId: byId(1002) });
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'linkedtickets', query: { id: '1002' }, body: {}, contentType: '' }]);
			expect(jsonOf(result.items).map((t) => [t.id, t.subject])).toEqual([[1004, env.sb.db.ticket(1004).subject]]);

			result = await run({ operation: 'unlink', ticketId: byId(1002), linkedTicketId: byId(1004) });
			expect(calls()).toEqual([form('unlinktickets', { id: '1002', id2: '1004' })]);
			expect(env.sb.db.ticket(1002).linkedIds).not.toContain(1004);
		});

		it('adds and removes a sub-ticket, and lists sub-tickets', async () => {
			let result = await run({ operation: 'addSubTicket', ticketId: byId(1002), childTicketId: byId(1005) });
			expect(calls()).toEqual([form('addsubticket', { parentId: '1002', childId: '1005' })]);
			expect(jsonOf(result.items)).toEqual([{ success: true, parentTicketId: 1002, childTicketId: 1005 }]);
			expect(env.sb.db.ticket(1005).parentId).toBe(1002);

			result = await run({ operation: 'getSubTickets', ticketId: byId(1002), simplify: false });
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'subtickets', query: { id: '1002' }, body: {}, contentType: '' }]);
			expect(jsonOf(result.items).map((t) => t.IssueID)).toEqual([1005]);

			result = await run({ operation: 'removeSubTicket', childTicketId: byId(1005) });
			expect(calls()).toEqual([form('removesubticket', { childId: '1005' })]);
			expect(jsonOf(result.items)).toEqual([{ success: true, childTicketId: 1005 }]);
			expect(env.sb.db.ticket(1005).parentId).toBeNull();
		});

		it('adds, lists and removes subscribers', async () => {
			let result = await run({ operation: 'addSubscriber', ticketId: byId(1002), userId: byId(5) });
			expect(calls()).toEqual([form('addsubscriber', { id: '1002', userId: '5' })]);
			expect(jsonOf(result.items)).toEqual([{ success: true, ticketId: 1002, userId: 5 }]);

			result = await run({ operation: 'getSubscribers', ticketId: byId(1002) });
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'subscribers', query: { id: '1002' }, body: {}, contentType: '' }]);
			expect(jsonOf(result.items).map((u) => u.UserID)).toEqual(env.sb.db.ticket(1002).subscriberIds);
			expect(jsonOf(result.items).map((u) => u.UserID)).toContain(5);

			result = await run({ operation: 'removeSubscriber', ticketId: byId(1002), userId: byId(5) });
			expect(calls()).toEqual([form('removesubscriber', { id: '1002', userId: '5' })]);
			expect(env.sb.db.ticket(1002).subscriberIds).not.toContain(5);
		});

		it('validates both ticket IDs before merging', async () => {
			const { error } = await run({ operation: 'merge', ticketId: byId(1002), mergedTicketId: byId('0') });
			expect(error?.message).toBe(`'Ticket to Merge Into It' must be a positive whole number, got "0" [item 0]`);
			expect(env.sb.requests).toHaveLength(0);
		});
	});
});
