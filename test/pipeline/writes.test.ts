import { useEnv } from '../harness/env';

/** Writes: a 429 is retried (Jitbit did not process it); anything that may have landed is not. */
describe('request pipeline on writes', () => {
	const env = useEnv();

	const create = (subject: string) => ({
		resource: 'ticket',
		operation: 'create',
		categoryId: [...env.sb.db.categories.keys()][0],
		subject,
		body: 'Printer on fire',
	});
	const posts = () => env.sb.requests.filter((r) => r.method === 'POST' && r.endpoint === 'ticket');
	const landed = (subject: string) => [...env.sb.db.tickets.values()].filter((t) => t.subject === subject);

	it('retries a create answered 429 and creates the ticket exactly once', async () => {
		env.sb.inject({ kind: '429', endpoint: 'ticket', method: 'POST', times: 2, retryAfter: 0.02 });
		const { items, error } = await env.h.run(create('once'), { credentials: env.admin });
		expect(error).toBeUndefined();
		expect(posts().map((r) => r.status)).toEqual([429, 429, 200]);
		expect(landed('once')).toHaveLength(1);
		expect(items[0].json).toEqual({ id: landed('once')[0].ticketId });
	});

	it.each([
		['a server error', { kind: '5xx' as const, status: 500 }, /could not handle the request \(500\)/],
		['a dropped connection', { kind: 'drop' as const }, /Could not reach the helpdesk.*dropped/],
	])('never replays a create after %s', async (_name, fault, message) => {
		env.sb.inject({ ...fault, endpoint: 'ticket', method: 'POST', times: 1 });
		const { items } = await env.h.run(create('maybe'), { credentials: env.admin, continueOnFail: true });
		expect(posts()).toHaveLength(1);
		expect(items).toHaveLength(1);
		expect(String(items[0].json.error)).toMatch(message);
		expect(landed('maybe').length).toBeLessThanOrEqual(1);
	});

	it('sends the ticket body form-encoded in the POST body, never in the URL', async () => {
		const long = 'x'.repeat(5000);
		await env.h.run({ ...create('long'), body: long }, { credentials: env.admin });
		const [post] = posts();
		expect(post.contentType).toBe('application/x-www-form-urlencoded');
		expect(post.query).toEqual({});
		expect(post.body.body).toBe(long);
	});

	it.each([
		['a 503', { kind: '5xx' as const, status: 503 }, /could not handle the request \(503\)/],
		['a dropped connection', { kind: 'drop' as const }, /Could not reach the helpdesk.*dropped/],
	])('never re-sends DeleteFile, a GET that deletes, after %s', async (_name, fault, message) => {
		const file = [...env.sb.db.files.values()].find((f) => f.ticketId)!;
		env.sb.inject({ ...fault, endpoint: 'deletefile', times: 1 });
		const { items } = await env.h.run(
			{ resource: 'attachment', operation: 'delete', fileId: String(file.fileId), rateLimitHandling: { maxRetries: 3 } },
			{ credentials: env.admin, continueOnFail: true },
		);
		expect(env.sb.requests.filter((r) => r.endpoint === 'deletefile').map((r) => r.method)).toEqual(['GET']);
		expect(String(items[0].json.error)).toMatch(message);
	});

	it('encodes fields the same way form-encoded and multipart: arrays repeat their key', async () => {
		const comment = (extra: object) => ({
			resource: 'comment',
			operation: 'create',
			ticketId: { __rl: true, mode: 'id', value: '1002' },
			body: 'b',
			options: { recipientIds: '5, 2', forTechsOnly: true },
			...extra,
		});
		const file = { data: Buffer.from('x').toString('base64'), mimeType: 'text/plain', fileName: 'x.txt' };
		await env.h.run(comment({}), { credentials: env.admin });
		await env.h.run(comment({ binaryPropertyNames: 'data' }), { credentials: env.admin, items: [{ json: {}, binary: { data: file } }] });
		const [form, multipart] = env.sb.requests.filter((r) => r.endpoint === 'comment');
		expect([form.contentType, multipart.contentType]).toEqual(['application/x-www-form-urlencoded', 'multipart/form-data']);
		expect(form.body).toEqual({ id: '1002', body: 'b', recipientIds: ['5', '2'], forTechsOnly: 'true' });
		expect(multipart.body).toEqual(form.body);
	});
});
