/* eslint-disable @typescript-eslint/no-explicit-any -- does not ship (README, Development: Lint) */
/** Authentication, permissions, IP lockout, token invalidation and rate limits. */
import { call, sleep, useSandbox } from './helpers';

const s = useSandbox();

describe('authentication', () => {
	it('accepts Basic and Bearer, and POST Authorization returns the current user', async () => {
		const basic = await call(s.sb, '/api/Authorization', { method: 'POST', as: { basic: ['tech', 'tech-pass'] } });
		expect(basic.status).toBe(200);
		expect(basic.data).toMatchObject({ UserID: 2, Username: 'tech', IsTech: true, IsAdmin: false, Password: null });
		const bearer = await call(s.sb, '/api/Authorization', { method: 'POST', as: 'customer' });
		expect(bearer.data.Username).toBe('customer');
		expect(s.sb.requests.at(-1)!.user).toBe('customer');
		// GET is accepted too: some older versions took it (docs/jitbit-api.md §1).
		expect((await call(s.sb, '/api/Authorization', { as: 'admin' })).status).toBe(200);
	});

	it('accepts a DOMAIN\\user login and passwords containing colons', async () => {
		const r = await call(s.sb, '/api/Authorization', { method: 'POST', as: { basic: ['DOMAIN\\jdoe', 'jdoe-pass'] } });
		expect(r.status).toBe(200);
		expect(r.data.Username).toBe('DOMAIN\\jdoe');
		s.sb.db.userByName('tech')!.password = 'a:b:c';
		expect((await call(s.sb, '/api/Authorization', { method: 'POST', as: { basic: ['tech', 'a:b:c'] } })).status).toBe(200);
	});

	it('answers 401 plain text for missing or wrong credentials', async () => {
		for (const as of [null, { basic: ['admin', 'wrong'] as [string, string] }, { bearer: 'nope' }, { header: 'Digest abc' }]) {
			const r = await call(s.sb, '/api/Tickets', { as });
			expect(r.status).toBe(401);
			expect(r.contentType).toMatch(/^text\/plain/);
			expect(r.text.length).toBeGreaterThan(0);
		}
	});

	it("invalidates a user's token when UpdateUser changes the password", async () => {
		const old = s.sb.users.tech.token;
		expect((await call(s.sb, '/api/Tickets', { as: { bearer: old } })).status).toBe(200);
		expect((await call(s.sb, '/api/UpdateUser', { form: { userId: 2, password: 'new-pass' } })).status).toBe(200);
		expect((await call(s.sb, '/api/Tickets', { as: { bearer: old } })).status).toBe(401);
		const fresh = s.sb.db.user(2).token;
		expect(fresh).not.toBe(old);
		expect(s.sb.users.tech.token).toBe(fresh);
		expect((await call(s.sb, '/api/Tickets', { as: { bearer: fresh } })).status).toBe(200);
		expect((await call(s.sb, '/api/Tickets', { as: { basic: ['tech', 'new-pass'] } })).status).toBe(200);
		expect((await call(s.sb, '/api/Tickets', { as: { basic: ['tech', 'tech-pass'] } })).status).toBe(401);
	});

	it('rejects disabled users', async () => {
		expect((await call(s.sb, '/api/Tickets', { as: { basic: ['former.employee', 'x-pass'] } })).status).toBe(401);
	});
});

describe('permissions', () => {
	it('answers 403 plain text for admin-only methods called by technicians and customers', async () => {
		const adminOnly: Array<[string, Record<string, string | number>]> = [
			['/api/Users', {}], ['/api/CreateUser', { email: 'x@y.example' }], ['/api/UpdateUser', { userId: 3 }], ['/api/DeleteUser', { userId: 3 }],
			['/api/MergeUsers', { userId: 3, userId2: 5 }], ['/api/Company', { name: 'X' }], ['/api/UpdateCompany', { id: 1 }], ['/api/DeleteTicket', { id: 1001 }],
		];
		for (const as of ['tech', 'customer'] as const) {
			for (const [path, form] of adminOnly) {
				const r = path === '/api/Users' ? await call(s.sb, path, { as }) : await call(s.sb, path, { as, form });
				expect([path, as, r.status]).toEqual([path, as, 403]);
				expect(r.contentType).toMatch(/^text\/plain/);
			}
		}
		expect(s.sb.db.users.has(3)).toBe(true);
		expect(s.sb.db.tickets.has(1001)).toBe(true);
	});

	it('answers 403 to customers for technician methods, on-behalf create and assignment', async () => {
		for (const [path, query] of [['/api/UserByUsername', { username: 'tech' }], ['/api/User', { userId: 2 }], ['/api/UserByEmail', { email: 'tech@helpdesk.example' }], ['/api/Assets', {}]] as const) {
			expect((await call(s.sb, path, { as: 'customer', query })).status).toBe(403);
			expect((await call(s.sb, path, { as: 'tech', query })).status).toBe(200);
		}
		expect((await call(s.sb, '/api/Ticket', { as: 'customer', form: { categoryId: 1, subject: 's', body: 'b', userId: 5 } })).status).toBe(403);
		expect((await call(s.sb, '/api/Ticket', { as: 'customer', form: { categoryId: 1, subject: 's', body: 'b', assignedToUserId: 2 } })).status).toBe(403);
		expect((await call(s.sb, '/api/Ticket', { as: 'tech', form: { categoryId: 1, subject: 's', body: 'b', userId: 5 } })).status).toBe(200);
	});

	it('shows customers only their own tickets', async () => {
		const mine = await call(s.sb, '/api/Tickets', { as: 'customer', query: { count: 300 } });
		expect(mine.data.length).toBeGreaterThan(0);
		expect(mine.data.every((t: any) => t.UserID === 3)).toBe(true);
		const other = [...s.sb.db.tickets.values()].find((t) => t.userId !== 3)!;
		expect((await call(s.sb, '/api/Ticket', { as: 'customer', query: { id: other.ticketId } })).status).toBe(403);
		const own = mine.data[0].IssueID;
		expect((await call(s.sb, '/api/Ticket', { as: 'customer', query: { id: own } })).status).toBe(200);
	});

	it('hides tech-only comments and categories from customers', async () => {
		s.sb.db.addComment(1001, { userId: 2, body: 'internal', forTechsOnly: true });
		s.sb.db.addComment(1001, { userId: 2, body: 'public' });
		const cust = await call(s.sb, '/api/comments', { as: 'customer', query: { id: 1001 } });
		expect(cust.data.map((c: any) => c.Body)).toEqual(['public']);
		const tech = await call(s.sb, '/api/comments', { as: 'tech', query: { id: 1001 } });
		expect(tech.data.map((c: any) => c.Body)).toEqual(['internal', 'public']);
		const cats = await call(s.sb, '/api/categories', { as: 'customer' });
		expect(cats.data.some((c: any) => c.ForTechsOnly)).toBe(false);
	});
});

describe('IP lockout', () => {
	it('locks the caller IP after 3 bad logins in a row, for durationMs, even for good credentials', async () => {
		s.sb.setLockout({ attempts: 3, durationMs: 300 });
		for (let i = 0; i < 3; i++) expect((await call(s.sb, '/api/Authorization', { method: 'POST', as: { basic: ['admin', 'bad'] } })).status).toBe(401);
		const locked = await call(s.sb, '/api/Authorization', { method: 'POST', as: 'admin' });
		expect(locked.status).toBe(401);
		expect(locked.text).toMatch(/locked/i);
		await sleep(350);
		expect((await call(s.sb, '/api/Authorization', { method: 'POST', as: 'admin' })).status).toBe(200);
	});

	it('only counts failures in a row: a success resets the count', async () => {
		s.sb.setLockout({ attempts: 3, durationMs: 60_000 });
		await call(s.sb, '/api/Tickets', { as: { basic: ['admin', 'bad'] } });
		await call(s.sb, '/api/Tickets', { as: { bearer: 'bad' } });
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
		await call(s.sb, '/api/Tickets', { as: { basic: ['admin', 'bad'] } });
		await call(s.sb, '/api/Tickets', { as: { basic: ['admin', 'bad'] } });
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
		// A request with no credentials at all is not a failed login.
		for (let i = 0; i < 4; i++) await call(s.sb, '/api/Tickets', { as: null });
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
	});

	it('is lifted by reset', async () => {
		s.sb.setLockout({ attempts: 3, durationMs: 60_000 });
		for (let i = 0; i < 3; i++) await call(s.sb, '/api/Tickets', { as: { basic: ['admin', 'bad'] } });
		expect((await call(s.sb, '/api/Tickets')).status).toBe(401);
		s.sb.reset();
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
	});
});

describe('rate limits', () => {
	it('answers 429 plain text without Retry-After over the per-user limit, then recovers', async () => {
		s.sb.setRateLimit({ limit: 5, searchLimit: 3, windowMs: 500 });
		for (let i = 0; i < 5; i++) expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
		const over = await call(s.sb, '/api/Tickets');
		expect(over.status).toBe(429);
		expect(over.contentType).toMatch(/^text\/plain/);
		expect(over.headers['retry-after']).toBeUndefined();
		// Per user: another user still has budget.
		expect((await call(s.sb, '/api/Tickets', { as: 'tech' })).status).toBe(200);
		await sleep(550);
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
	});

	it('limits Search and UserByEmail separately, and they count toward the general limit', async () => {
		s.sb.setRateLimit({ limit: 5, searchLimit: 2, windowMs: 500 });
		expect((await call(s.sb, '/api/Search', { query: { query: 'printer' } })).status).toBe(200);
		expect((await call(s.sb, '/api/UserByEmail', { query: { email: 'tech@helpdesk.example' } })).status).toBe(200);
		expect((await call(s.sb, '/api/Search', { query: { query: 'printer' } })).status).toBe(429);
		expect((await call(s.sb, '/api/UserByEmail', { query: { email: 'tech@helpdesk.example' } })).status).toBe(429);
		// Other methods still pass: 2 counted so far, 3 left.
		for (let i = 0; i < 3; i++) expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
		expect((await call(s.sb, '/api/Tickets')).status).toBe(429);
	});

	it('does not count auth failures, and false disables the limit', async () => {
		s.sb.setRateLimit({ limit: 2, searchLimit: 2, windowMs: 500 });
		for (let i = 0; i < 5; i++) await call(s.sb, '/api/Tickets', { as: { bearer: 'bad' } });
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
		s.sb.setRateLimit(false);
		for (let i = 0; i < 10; i++) expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
	});

	it.each([
		[false, [200, 200]],
		[true, [200, 429]],
	])('countRejected %s: whether a 429 keeps its place in the window', async (countRejected, after) => {
		s.sb.setRateLimit({ limit: 2, searchLimit: 2, windowMs: 400, countRejected });
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
		expect((await call(s.sb, '/api/Tickets')).status).toBe(200);
		await sleep(200);
		expect((await call(s.sb, '/api/Tickets')).status).toBe(429);
		await sleep(260); // the two accepted calls have left the window, the rejected one (if counted) has not
		const statuses = [(await call(s.sb, '/api/Tickets')).status, (await call(s.sb, '/api/Tickets')).status];
		expect(statuses).toEqual(after);
	});

	it('applies 90/60 per minute by default', async () => {
		s.sb.setRateLimit(undefined);
		const results = await Promise.all(Array.from({ length: 61 }, () => call(s.sb, '/api/Search', { query: { query: 'x' } })));
		expect(results.filter((r) => r.status === 429)).toHaveLength(1);
		const more = await Promise.all(Array.from({ length: 31 }, () => call(s.sb, '/api/Tickets')));
		expect(more.filter((r) => r.status === 429)).toHaveLength(1); // 60 + 30 = 90 allowed
	});
});
