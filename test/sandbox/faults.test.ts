/** Fault injection for the client's retry logic: each kind, endpoint/method filters, counts, recording. */
import { call, useSandbox } from './helpers';

const s = useSandbox();

describe('fault injection', () => {
	it("'429' answers without running the handler, with Retry-After only when asked", async () => {
		s.sb.inject({ kind: '429', endpoint: 'updateticket' });
		s.sb.inject({ kind: '429', endpoint: 'updateticket', retryAfter: 7 });
		const a = await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, subject: 'first' } });
		expect(a.status).toBe(429);
		expect(a.headers['retry-after']).toBeUndefined();
		const b = await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, subject: 'second' } });
		expect(b.status).toBe(429);
		expect(b.headers['retry-after']).toBe('7');
		expect(s.sb.db.ticket(1001).subject).not.toMatch(/first|second/);
		expect((await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, subject: 'third' } })).status).toBe(200);
		expect(s.sb.db.ticket(1001).subject).toBe('third');
	});

	it("'5xx' defaults to 500 and takes a status; 'status' answers any code with plain text", async () => {
		s.sb.inject({ kind: '5xx' });
		s.sb.inject({ kind: '5xx', status: 503 });
		s.sb.inject({ kind: 'status', status: 418 });
		expect((await call(s.sb, '/api/Tickets')).status).toBe(500);
		expect((await call(s.sb, '/api/Tickets')).status).toBe(503);
		const teapot = await call(s.sb, '/api/Tickets');
		expect(teapot.status).toBe(418);
		expect(teapot.contentType).toMatch(/^text\/plain/);
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
	});

	it("'html' answers 200 with an HTML login page", async () => {
		s.sb.inject({ kind: 'html', endpoint: 'ticket' });
		const r = await call(s.sb, '/api/Ticket', { query: { id: 1001 } });
		expect(r.status).toBe(200);
		expect(r.contentType).toMatch(/^text\/html/);
		expect(r.text).toMatch(/<html/i);
	});

	it("'empty' answers 200 with an empty body", async () => {
		s.sb.inject({ kind: 'empty', endpoint: 'ticket', method: 'POST' });
		const r = await call(s.sb, '/api/Ticket', { form: { categoryId: 1, subject: 's', body: 'b' } });
		expect(r.status).toBe(200);
		expect(r.text).toBe('');
		expect(s.sb.db.tickets.size).toBe(50); // nothing was created
	});

	it("'slow' delays, then handles normally", async () => {
		s.sb.inject({ kind: 'slow', delayMs: 250 });
		const t0 = Date.now();
		const r = await call(s.sb, '/api/Ticket', { query: { id: 1001 } });
		expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
		expect(r.data.TicketID).toBe(1001);
	});

	it("'drop' destroys the socket without answering, and is recorded with status 0", async () => {
		s.sb.inject({ kind: 'drop', endpoint: 'tickets' });
		await expect(call(s.sb, '/api/Tickets')).rejects.toThrow();
		expect(s.sb.requests.at(-1)).toMatchObject({ endpoint: 'tickets', status: 0 });
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
	});

	it('matches endpoint and method filters, counts `times`, supports Infinity, and clearFaults removes them', async () => {
		s.sb.inject({ kind: '5xx', endpoint: 'ticket', method: 'POST', times: 2 });
		expect((await call(s.sb, '/api/Ticket', { query: { id: 1001 } })).status).toBe(200); // GET: no match
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200); // other endpoint
		const form = { categoryId: 1, subject: 's', body: 'b' };
		expect((await call(s.sb, '/API/TICKET', { form })).status).toBe(500);
		expect((await call(s.sb, '/api/ticket', { form })).status).toBe(500);
		expect((await call(s.sb, '/api/Ticket', { form })).status).toBe(200);
		s.sb.inject({ kind: '429', times: Infinity });
		for (let i = 0; i < 5; i++) expect((await call(s.sb, '/api/Stats')).status).toBe(429);
		s.sb.clearFaults();
		expect((await call(s.sb, '/api/Stats')).status).toBe(200);
	});

	it('records faulted requests with their status, and reset clears pending faults', async () => {
		s.sb.inject({ kind: '429', times: 3 });
		await call(s.sb, '/api/Tickets');
		expect(s.sb.requests.at(-1)!.status).toBe(429);
		s.sb.reset();
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
	});
});
