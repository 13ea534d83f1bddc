import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { JitbitCredentials } from '../harness';
import { Harness, tokenCredentials } from '../harness';

const getTicket = (id: string | number) => ({
	resource: 'ticket',
	operation: 'get',
	simplify: false,
	ticketId: { __rl: true, mode: 'id', value: String(id) },
});

describe('Jitbit credential', () => {
	let sandbox: Sandbox;
	let h: Harness;
	beforeAll(async () => {
		[sandbox, h] = await Promise.all([startSandbox({ rateLimit: false }), Harness.load()]);
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const firstTicket = () => Math.min(...sandbox.db.tickets.keys());
	const basic = (username: string, password: string, url = sandbox.url): JitbitCredentials => ({
		helpdeskUrl: url,
		authType: 'basic',
		username,
		password,
		rateLimit: 0,
	});

	it('sends the API token as a Bearer header', async () => {
		const { items, error } = await h.run(getTicket(firstTicket()), { credentials: tokenCredentials(sandbox.url, sandbox.users.admin.token) });
		expect(error).toBeUndefined();
		expect(items[0].json.TicketID).toBe(firstTicket());
		expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${sandbox.users.admin.token}`);
	});

	it('sends Basic auth, including Windows logins written DOMAIN\\user', async () => {
		const { error } = await h.run(getTicket(firstTicket()), { credentials: basic('DOMAIN\\jdoe', 'jdoe-pass') });
		const expected = `Basic ${Buffer.from('DOMAIN\\jdoe:jdoe-pass').toString('base64')}`;
		expect(sandbox.requests[0].headers.authorization).toBe(expected);
		expect(sandbox.requests[0].user).toBe('DOMAIN\\jdoe');
		// jdoe is a customer: the ticket may not be theirs, but authentication succeeded (not a 401)
		expect(sandbox.requests[0].status).not.toBe(401);
		if (error) expect(error.httpCode).not.toBe('401');
	});

	it.each([
		['plain', ''],
		['trailing slash', '/'],
		['pasted /api', '/api'],
		['pasted /api/', '/api/'],
		['with /helpdesk', '/helpdesk'],
		['with /helpdesk/api/', '/helpdesk/api/'],
		['upper-case /API', '/API'],
	])('normalises the Helpdesk URL (%s)', async (_name, suffix) => {
		const { error } = await h.run(getTicket(firstTicket()), {
			credentials: tokenCredentials(`  ${sandbox.url}${suffix}  `, sandbox.users.admin.token),
		});
		expect(error).toBeUndefined();
		const expectedPath = suffix.toLowerCase().startsWith('/helpdesk') ? '/helpdesk/api/Ticket' : '/api/Ticket';
		expect(sandbox.requests.map((r) => r.path)).toEqual([expectedPath]);
	});

	// The credential test through the harness's copy of n8n's CredentialsTester: quick, and with the
	// sandbox's fault injection. test/e2e/run.mjs runs it in a real n8n (POST /rest/credentials/test)
	// with a right and a wrong password and counts the logins there.
	it('the credential test succeeds with good credentials in one request', async () => {
		await expect(h.testCredential(tokenCredentials(sandbox.url, sandbox.users.admin.token))).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(sandbox.requests.map((r) => `${r.method} ${r.endpoint}`)).toEqual(['POST authorization']);
	});

	it('the credential test costs exactly one request when the password is wrong', async () => {
		const result = await h.testCredential(basic('admin', 'wrong'));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/did not accept these credentials/);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].status).toBe(401);
	});

	it('the credential test points at the Helpdesk URL when it leads to a web page, not the API', async () => {
		// A wrong path on a real helpdesk answers 200 with the login page.
		const result = await h.testCredential(tokenCredentials(`${sandbox.url}/nowhere`, sandbox.users.admin.token));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/check that the Helpdesk URL points at your helpdesk/) });
	});

	it('the credential test explains a 404', async () => {
		sandbox.inject({ kind: 'status', status: 404, endpoint: 'authorization' });
		const result = await h.testCredential(tokenCredentials(sandbox.url, sandbox.users.admin.token));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/No Jitbit API at this address/) });
	});

	it('a wrong token costs one request per call and says what to fix, without the token', async () => {
		const { error } = await h.run(getTicket(firstTicket()), { credentials: tokenCredentials(sandbox.url, 'not-a-token') });
		expect(sandbox.requests).toHaveLength(1);
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toMatch(/rejected the credentials/);
		expect(error?.description).toMatch(/expire when their user changes password/);
		expect(JSON.stringify(error)).not.toContain('not-a-token');
	});

	it('three items with a wrong password cost three requests, never a re-send', async () => {
		sandbox.setLockout({ attempts: 10, durationMs: 1000 });
		const { error } = await h.run(getTicket(firstTicket()), {
			credentials: basic('admin', 'wrong'),
			items: [{ json: {} }, { json: {} }, { json: {} }],
		});
		expect(error?.httpCode).toBe('401');
		expect(sandbox.requests).toHaveLength(3);
		expect(JSON.stringify(error)).not.toContain('wrong');
	});

	it('a 401 shows Jitbit’s own reply, never the secret', async () => {
		const { error } = await h.run(getTicket(firstTicket()), { credentials: basic('admin', 'not-the-password') });
		expect(error?.message).toBe('Jitbit rejected the credentials (401): Invalid username or password [item 0]');
		expect(JSON.stringify(error)).not.toContain('not-the-password');
	});

	describe.each([401, 403] as const)('a lockout answered with %i is not a wrong password', (status) => {
		const lockoutMessage = `Jitbit has locked this IP address out after failed logins (${status}): Too many failed login attempts: your IP address is locked out for 5 minute(s) [item 0]`;

		beforeEach(async () => {
			sandbox.setVariations({ lockoutStatus: status });
			for (let i = 0; i < 3; i++) await h.run(getTicket(firstTicket()), { credentials: basic('admin', 'wrong') });
			expect(sandbox.requests.map((r) => r.status)).toEqual([401, 401, 401]);
			sandbox.clearRequests();
		});

		it('the correct password then gets Jitbit’s lockout answer and the advice to wait, in one request', async () => {
			const { error } = await h.run(getTicket(firstTicket()), { credentials: basic('admin', 'admin-pass') });
			expect(error?.message).toBe(lockoutMessage);
			expect(error?.httpCode).toBe(String(status));
			expect(error?.description).toBe(
				'After three failed logins Jitbit refuses every call from this IP address for 5 minutes, with any credential, the correct one too. Wait 5 minutes, then run the node or test the credential once; fix the username and password or the API token first if they were wrong.',
			);
			expect(sandbox.requests).toHaveLength(1);
			expect(JSON.stringify(error)).not.toContain('admin-pass');
		});

		it('so does every other credential on this n8n host, a token too', async () => {
			const { error } = await h.run(getTicket(firstTicket()), { credentials: tokenCredentials(sandbox.url, sandbox.users.tech.token) });
			expect(error?.message).toBe(lockoutMessage);
		});

		it('the credential test says a lockout may be the cause, and to wait 5 minutes, then test once', async () => {
			const result = await h.testCredential(basic('admin', 'admin-pass'));
			// n8n shows one fixed message per rule, so the message names both causes.
			expect(result).toEqual({
				status: 'Error',
				message: {
					401: 'Jitbit did not accept these credentials, or it has locked this IP address out: after three failed logins it refuses every login from this n8n host for 5 minutes, the correct one too. If you tested several times, wait 5 minutes, then test once. Otherwise check the username and password, or create a new API token (tokens expire when their user changes password), and check that the Helpdesk URL points at your helpdesk.',
					403: 'Jitbit refused access: this user may not use the API, or Jitbit has locked this IP address out after three failed logins. In that case wait 5 minutes, then test once.',
				}[status],
			});
			expect(sandbox.requests).toHaveLength(1);
		});
	});

	it('recommends https://company.jitbit.com/helpdesk for SaaS and keeps accepting the other forms', () => {
		const url = h.credentialType('jitbitApi').properties.find((p) => p.name === 'helpdeskUrl')!;
		expect(url.placeholder).toBe('e.g. https://company.jitbit.com/helpdesk');
		expect(url.description).toContain('SaaS: https://company.jitbit.com/helpdesk, as Jitbit’s documentation writes it (without /helpdesk works too)');
	});

	it('an expired token (password changed) gives the 401 explanation', async () => {
		const oldToken = sandbox.users.tech.token;
		sandbox.db.setPassword(sandbox.users.tech.userId, 'new-pass');
		const { error } = await h.run(getTicket(firstTicket()), { credentials: tokenCredentials(sandbox.url, oldToken) });
		expect(error?.description).toMatch(/expire when their user changes password/);
	});
});
