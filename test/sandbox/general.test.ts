/* eslint-disable @typescript-eslint/no-explicit-any -- does not ship (README, Development: Lint) */
/** Transport-level quirks: paths, parameter sources and casing, response formats, recording, reset, builder. */
import { addTickets, isoSeconds } from '../../sandbox';
import { call, useSandbox } from './helpers';

const s = useSandbox();

describe('paths', () => {
	it('answers under /api and /helpdesk/api, any case', async () => {
		for (const path of ['/api/Tickets', '/helpdesk/api/Tickets', '/API/tickets', '/Helpdesk/Api/TICKETS', '/api/Tickets/']) {
			const r = await call(s.sb, path);
			expect(r.status).toBe(200);
			expect(Array.isArray(r.data)).toBe(true);
		}
	});

	it('takes the id from the path (/Ticket/123, /comments/123, /Article/1) and records the endpoint name', async () => {
		expect((await call(s.sb, '/api/Ticket/1002')).data.TicketID).toBe(1002);
		expect(Array.isArray((await call(s.sb, '/api/comments/1002')).data)).toBe(true);
		const art = await call(s.sb, '/api/Article/1');
		expect(art.data.ArticleId).toBe(1);
		const rec = s.sb.requests.at(-1)!;
		expect(rec.endpoint).toBe('article');
		expect(rec.path).toBe('/api/Article/1');
		expect(rec.params.id).toBe('1');
	});

	it('answers an unknown method with 404 plain text naming it', async () => {
		const r = await call(s.sb, '/api/NoSuchMethod');
		expect(r.status).toBe(404);
		expect(r.contentType).toMatch(/^text\/plain/);
		expect(r.text).toContain('NoSuchMethod');
	});

	it('answers a GET to a POST-only method with 404, as MVC does', async () => {
		const r = await call(s.sb, '/api/UpdateTicket', { query: { id: 1001, subject: 'x' } });
		expect(r.status).toBe(404);
		expect(r.text).toContain('POST');
	});

	it('redirects non-API paths to the HTML login page (a wrong base URL)', async () => {
		const r = await call(s.sb, '/Tickets');
		expect(r.status).toBe(302);
		expect(r.headers.location).toMatch(/^\/User\/Login/);
		const page = await call(s.sb, '/User/Login');
		expect(page.status).toBe(200);
		expect(page.contentType).toMatch(/^text\/html/);
	});
});

describe('parameters', () => {
	it('treats parameter names case-insensitively', async () => {
		const a = await call(s.sb, '/api/Tickets', { query: { CATEGORYID: 2, count: 300 } });
		const b = await call(s.sb, '/api/Tickets', { query: { categoryid: 2, COUNT: 300 } });
		expect(a.data.length).toBeGreaterThan(0);
		expect(a.data.every((t: any) => t.CategoryID === 2)).toBe(true);
		expect(b.data).toEqual(a.data);
		expect((await call(s.sb, '/api/ticket', { query: { ID: 1003 } })).data.TicketID).toBe(1003);
	});

	it('turns repeated keys into arrays (statusId=1&statusId=2) and records them', async () => {
		const r = await call(s.sb, '/api/Tickets', { query: { statusId: [1, 2], count: 300 } });
		const statuses = new Set(r.data.map((t: any) => t.StatusID));
		expect([...statuses].sort()).toEqual([1, 2]);
		const rec = s.sb.requests.at(-1)!;
		expect(rec.query.statusId).toEqual(['1', '2']);
		expect(rec.params.statusid).toEqual(['1', '2']);
	});

	it('rejects a comma-joined list where MVC binds int[] (400 naming the parameter)', async () => {
		const r = await call(s.sb, '/api/Tickets', { query: { statusId: '1,2' } });
		expect(r.status).toBe(400);
		expect(r.text).toContain('statusId');
	});

	it('reads POST parameters from the query string, a form, multipart and JSON alike', async () => {
		const bodies = {
			query: { query: { id: 1001, subject: 'via query' } },
			form: { form: { id: 1001, subject: 'via form' } },
			json: { json: { id: 1001, subject: 'via json' } },
		} as const;
		for (const [how, opts] of Object.entries(bodies)) {
			const r = await call(s.sb, '/api/UpdateTicket', { method: 'POST', ...opts });
			expect(r.status).toBe(200);
			expect(s.sb.db.ticket(1001).subject).toBe(`via ${how}`);
		}
		const fd = new FormData();
		fd.append('id', '1001');
		fd.append('subject', 'via multipart');
		expect((await call(s.sb, '/api/UpdateTicket', { multipart: fd })).status).toBe(200);
		expect(s.sb.db.ticket(1001).subject).toBe('via multipart');
		const rec = s.sb.requests.at(-1)!;
		expect(rec.contentType).toBe('multipart/form-data');
		expect(rec.body).toEqual({ id: '1001', subject: 'via multipart' });
	});

	it('lets the body win over the query string (MVC value-provider order)', async () => {
		await call(s.sb, '/api/UpdateTicket?subject=from-query', { form: { id: 1001, subject: 'from-body' } });
		expect(s.sb.db.ticket(1001).subject).toBe('from-body');
	});

	it('flattens JSON bodies: arrays repeat, nested objects become JSON strings', async () => {
		const r = await call(s.sb, '/api/Ticket', { json: { categoryId: 2, subject: 'JSON', body: 'b', customFields: { 3: '102' }, tags: ['a', 'b'] } });
		expect(r.status).toBe(200);
		const t = s.sb.db.ticket(r.data);
		expect(t.customFields[3]).toBe('102');
		expect(t.tags).toEqual(['a', 'b']);
		expect(s.sb.requests.at(-1)!.body.customFields).toBe('{"3":"102"}');
	});

	it('parses booleans case-insensitively and rejects other values', async () => {
		expect((await call(s.sb, '/api/comment', { form: { id: 1001, body: 'x', forTechsOnly: 'TRUE' } })).status).toBe(200);
		const r = await call(s.sb, '/api/comment', { form: { id: 1001, body: 'x', forTechsOnly: 'yes' } });
		expect(r.status).toBe(400);
		expect(r.text).toContain('forTechsOnly');
	});

	it('answers malformed JSON with 400 plain text', async () => {
		const r = await call(s.sb, '/api/UpdateTicket', { raw: { body: '{"id": 1001,', contentType: 'application/json' } });
		expect(r.status).toBe(400);
		expect(r.contentType).toMatch(/^text\/plain/);
		expect(r.text).toMatch(/JSON/);
	});
});

describe('responses', () => {
	it('sends JSON with charset, bare arrays for lists and plain-text errors', async () => {
		const list = await call(s.sb, '/api/Tickets');
		expect(list.contentType).toBe('application/json; charset=utf-8');
		expect(list.text.startsWith('[')).toBe(true);
		const missing = await call(s.sb, '/api/Ticket', { query: { id: 999999 } });
		expect(missing.status).toBe(404);
		expect(missing.contentType).toMatch(/^text\/plain/);
		expect(missing.text).toContain('999999');
		const noId = await call(s.sb, '/api/Ticket');
		expect(noId.status).toBe(400);
		expect(noId.text).toContain("'id'");
		const badId = await call(s.sb, '/api/Ticket', { query: { id: 'abc' } });
		expect(badId.status).toBe(400);
	});

	it('answers updates with 200 and an empty body', async () => {
		const r = await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, priority: 2 } });
		expect(r.status).toBe(200);
		expect(r.text).toBe('');
	});
});

describe('recording and reset', () => {
	it('records every request with method, path, query, body, params, headers, status, user and time', async () => {
		const before = Date.now();
		await call(s.sb, '/helpdesk/api/UpdateTicket?Id=1001', { form: { Subject: 'Recorded', Priority: '1' } });
		const rec = s.sb.requests.at(-1)!;
		expect(rec).toMatchObject({
			method: 'POST', path: '/helpdesk/api/UpdateTicket', endpoint: 'updateticket', query: { Id: '1001' },
			contentType: 'application/x-www-form-urlencoded', body: { Subject: 'Recorded', Priority: '1' },
			rawBody: 'Subject=Recorded&Priority=1', params: { id: '1001', subject: 'Recorded', priority: '1' }, status: 200, user: 'admin',
		});
		expect(rec.headers.authorization).toMatch(/^Bearer /);
		expect(rec.time).toBeGreaterThanOrEqual(before);
	});

	it('records failed and unauthenticated calls too, with their status', async () => {
		await call(s.sb, '/api/Tickets', { as: null });
		await call(s.sb, '/api/Nope');
		expect(s.sb.requests.map((r) => [r.endpoint, r.status])).toEqual([['tickets', 401], ['nope', 404]]);
		expect(s.sb.requests[0].user).toBeUndefined();
	});

	it('reset re-seeds data and clears requests; clearRequests only clears requests', async () => {
		const held = s.sb.requests;
		await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, subject: 'changed' } });
		s.sb.clearRequests();
		expect(held).toHaveLength(0);
		expect(s.sb.db.ticket(1001).subject).toBe('changed');
		await call(s.sb, '/api/Tickets');
		s.sb.reset();
		expect(held).toHaveLength(0);
		expect(s.sb.db.ticket(1001).subject).toBe('Printer on 3rd floor is jammed');
		expect(s.sb.db.tickets.size).toBe(50);
	});

	it('seeds deterministically', async () => {
		const first = JSON.stringify((await call(s.sb, '/api/Tickets', { query: { count: 300 } })).data);
		s.sb.reset();
		expect(JSON.stringify((await call(s.sb, '/api/Tickets', { query: { count: 300 } })).data)).toBe(first);
	});
});

describe('data helpers', () => {
	it('builds 10 000 tickets well under a second and pages through them', async () => {
		const t0 = Date.now();
		const created = addTickets(s.sb.db, 10_000);
		expect(Date.now() - t0).toBeLessThan(1000);
		expect(created).toHaveLength(10_000);
		expect(s.sb.db.tickets.size).toBe(10_050);
		const page = await call(s.sb, '/api/Tickets', { query: { count: 300, offset: 9_900 } });
		expect(page.data).toHaveLength(150);
	});

	it('lets tests control the clock; mutations bump LastUpdated with second precision', async () => {
		s.sb.db.setClock(() => new Date('2026-11-28T14:03:05.987Z'));
		const t = s.sb.db.createTicket({ subject: 'Clocked', categoryId: 1, userId: 3 });
		expect(t.issueDate).toBe('2026-11-28T14:03:05Z');
		s.sb.db.now = () => new Date('2026-11-28T14:03:06Z');
		s.sb.db.updateTicket(t.ticketId, { priority: 1 });
		expect(t.lastUpdated).toBe('2026-11-28T14:03:06Z');
		s.sb.db.now = () => new Date('2026-11-28T14:05:00Z');
		s.sb.db.addComment(t.ticketId, { userId: 2, body: 'hi' });
		expect(t.lastUpdated).toBe('2026-11-28T14:05:00Z');
		expect(t.updatedByPerformer).toBe(true);
		const top = (await call(s.sb, '/api/Tickets', { query: { count: 1 } })).data[0];
		expect(top.IssueID).toBe(t.ticketId);
		expect(top.LastUpdated).toBe('2026-11-28T14:05:00Z');
		s.sb.reset();
		expect(Math.abs(s.sb.db.now().getTime() - Date.now())).toBeLessThan(1000);
		expect(isoSeconds(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
	});
});
