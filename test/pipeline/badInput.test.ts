import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Fault, Sandbox } from '../../sandbox';
import type { JitbitCredentials } from '../harness';
import { tokenCredentials } from '../harness';
import { useEnv } from '../harness/env';

/**
 * Bad input of every kind a user produces: each case must end in an error that names the field
 * or the fix — never a crash, never a silent empty result — or, where the input is only sloppy,
 * in success.
 */
interface Case {
	name: string;
	params: (s: Sandbox) => IDataObject;
	credentials?: (s: Sandbox) => JitbitCredentials;
	fault?: Fault;
	items?: INodeExecutionData[];
	/** Expected error text (message or description); omit for cases that must succeed. */
	error?: RegExp;
	/** How many requests may reach Jitbit: 0 for input the node can reject itself. */
	requests?: number;
	check?: (s: Sandbox, items: INodeExecutionData[]) => void;
	/** n8n itself refuses to start the node (as the editor does): no item index. */
	beforeRun?: true;
}

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const expr = (value: string) => `={{ ${JSON.stringify(value)} }}`;
const first = (s: Sandbox) => Math.min(...s.db.tickets.keys());
const category = (s: Sandbox) => [...s.db.categories.keys()][0];
const getTicket = (value: string) => () => ({ resource: 'ticket', operation: 'get', simplify: false, ticketId: rl(expr(value)) });
const createTicket = (fields: IDataObject) => (s: Sandbox) => ({
	resource: 'ticket',
	operation: 'create',
	categoryId: category(s),
	subject: 'Subject',
	body: 'Body',
	...fields,
});
const withUrl = (helpdeskUrl: string) => (s: Sandbox) => tokenCredentials(helpdeskUrl, s.users.admin.token);
const NOT_A_URL = /Helpdesk URL .* is not a web address: it must start with https:\/\//;
const BAD_ID = (label: string, got: string) => new RegExp(`${label} must be a positive whole number, got "${got.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);
const emoji = 'Drucker brennt 🔥 — ünïcødé 漢字 😀';

const cases: Case[] = [
	{ name: 'non-numeric ticket id', params: getTicket('abc'), error: BAD_ID('Ticket ID', 'abc'), requests: 0 },
	{ name: 'negative ticket id', params: getTicket('-5'), error: BAD_ID('Ticket ID', '-5'), requests: 0 },
	{ name: 'zero ticket id', params: getTicket('0'), error: BAD_ID('Ticket ID', '0'), requests: 0 },
	{ name: 'empty ticket id', params: getTicket(''), error: BAD_ID('Ticket ID', ''), requests: 0 },
	{ name: 'decimal ticket id', params: getTicket('1.5'), error: BAD_ID('Ticket ID', '1.5'), requests: 0 },
	{ name: 'ticket id with letters after digits', params: getTicket('12a'), error: BAD_ID('Ticket ID', '12a'), requests: 0 },
	{ name: 'unknown ticket id', params: getTicket('99999999'), error: /Not found in Jitbit: Ticket id=99999999/, requests: 1 },
	{
		name: 'ticket id from a field that is missing',
		params: () => ({ resource: 'ticket', operation: 'get', ticketId: rl('={{ $json.nope }}') }),
		error: BAD_ID('Ticket ID', ''),
		requests: 0,
	},
	{
		name: 'ticket id with spaces around it (sloppy but fine)',
		params: (s) => ({ resource: 'ticket', operation: 'get', simplify: false, ticketId: rl(expr(` ${first(s)} `)) }),
		check: (s, items) => expect(items[0].json.TicketID).toBe(first(s)),
	},
	{ name: 'base URL without scheme', params: getTicket('1001'), credentials: withUrl('helpdesk.example.com'), error: NOT_A_URL, requests: 0 },
	{ name: 'base URL with a typo in the scheme', params: getTicket('1001'), credentials: withUrl('htp://helpdesk.example.com'), error: NOT_A_URL, requests: 0 },
	{ name: 'empty base URL', params: getTicket('1001'), credentials: withUrl(''), error: NOT_A_URL, requests: 0 },
	{ name: 'base URL with no host', params: getTicket('1001'), credentials: withUrl('https://'), error: NOT_A_URL, requests: 0 },
	{
		name: 'base URL pointing at a closed port',
		params: () => ({ ...getTicket('1001')(), rateLimitHandling: { maxRetries: 1 } }),
		credentials: withUrl('http://127.0.0.1:9'),
		error: /Could not reach the helpdesk at http:\/\/127\.0\.0\.1:9: connection refused/,
	},
	{
		name: 'wrong auth type (Basic chosen, token entered)',
		params: (s) => getTicket(String(first(s)))(),
		credentials: (s) => ({ helpdeskUrl: s.url, authType: 'basic', token: s.users.admin.token, rateLimit: 0 }),
		error: /rejected the credentials \(401\)/,
		requests: 1,
	},
	{
		name: 'expired token (its user changed password)',
		params: (s) => getTicket(String(first(s)))(),
		credentials: (s) => {
			const token = s.users.tech.token;
			s.db.setPassword(s.users.tech.userId, 'changed');
			return tokenCredentials(s.url, token);
		},
		error: /expire when their user changes password/,
		requests: 1,
	},
	{
		name: 'token pasted with a trailing newline (sloppy but fine)',
		params: (s) => getTicket(String(first(s)))(),
		credentials: (s) => tokenCredentials(s.url, `${s.users.admin.token}\n`),
		check: (s, items) => expect(items[0].json.TicketID).toBe(first(s)),
	},
	{
		name: 'HTML login page instead of data',
		params: (s) => getTicket(String(first(s)))(),
		fault: { kind: 'html', endpoint: 'ticket' },
		error: /web page instead of API data/,
		requests: 1,
	},
	{
		name: 'empty body where data is expected',
		params: (s) => getTicket(String(first(s)))(),
		fault: { kind: 'empty', endpoint: 'ticket' },
		error: /empty body where data was expected/,
	},
	{
		name: 'plain text where JSON is expected',
		params: (s) => getTicket(String(first(s)))(),
		fault: { kind: 'status', status: 200, endpoint: 'ticket' },
		error: /data the node could not read.*Injected status 200/,
	},
	{
		name: 'server error page',
		params: (s) => ({ ...getTicket(String(first(s)))(), rateLimitHandling: { maxRetries: 1 } }),
		fault: { kind: '5xx', status: 500, endpoint: 'ticket', times: Infinity },
		error: /server error \(500\)/,
	},
	{
		name: 'a regular user calling an administrator method',
		params: () => ({ resource: 'user', operation: 'getMany', returnAll: false, limit: 5 }),
		credentials: (s) => tokenCredentials(s.url, s.users.customer.token),
		error: /not allowed to do this/,
		requests: 1,
	},
	{
		name: 'creating a user whose email already exists',
		params: () => ({ resource: 'user', operation: 'create', email: 'customer@acme.example' }),
		error: /already exists/,
		requests: 1,
	},
	{ name: 'non-numeric category on create', params: createTicket({ categoryId: expr('Hardware') }), error: BAD_ID('Category ID', 'Hardware'), requests: 0 },
	{ name: 'unknown category on create', params: createTicket({ categoryId: 987654 }), error: /987654/, requests: 1 },
	{ name: 'empty required subject typed in', params: createTicket({ subject: '' }), error: /Parameter "Subject" is required/, requests: 0, beforeRun: true },
	{ name: 'subject mapped from a missing field', params: createTicket({ subject: '={{ $json.title }}' }), error: /[Ss]ubject/ },
	{ name: 'body mapped from a missing field', params: createTicket({ body: '={{ $json.text }}' }), error: /[Bb]ody/ },
	{
		name: 'unicode and emoji in the subject round-trip exactly',
		params: createTicket({ subject: emoji }),
		check: (s, items) => expect(s.db.tickets.get(Number(items[0].json.id))!.subject).toBe(emoji),
	},
	{
		name: 'a 2 MB ticket body goes in the POST body',
		params: createTicket({ body: 'x'.repeat(2_000_000) }),
		check: (s, items) => {
			expect(s.db.tickets.get(Number(items[0].json.id))!.body).toHaveLength(2_000_000);
			expect(s.requests.find((r) => r.method === 'POST')!.query).toEqual({});
		},
	},
	{
		name: 'an attachment field that is not on the item',
		params: (s) => ({ resource: 'attachment', operation: 'upload', ticketId: rl(first(s)), binaryPropertyNames: 'invoice' }),
		items: [{ json: {}, binary: { data: { data: 'aGk=', mimeType: 'text/plain', fileName: 'hi.txt' } } }],
		error: /no binary field "invoice"/,
		requests: 0,
	},
	{
		name: 'an update with nothing to change',
		params: (s) => ({ resource: 'ticket', operation: 'update', ticketId: rl(first(s)), updateFields: {} }),
		error: /[Nn]othing to update|[Aa]dd at least one|no fields/,
		requests: 0,
	},
	{
		name: 'a non-numeric asset id',
		params: () => ({ resource: 'asset', operation: 'get', assetId: 'laptop-7' }),
		error: BAD_ID('Asset ID', 'laptop-7'),
		requests: 0,
	},
	{
		name: 'an email that is not one',
		params: () => ({ resource: 'user', operation: 'getByEmail', email: 'not-an-email' }),
		error: /email/i,
	},
	{
		name: 'merging a user into itself',
		params: (s) => ({ resource: 'user', operation: 'merge', userId: rl(s.users.customer.userId), mergedUserId: rl(s.users.customer.userId) }),
		error: /itself/,
		requests: 0,
	},
	{
		name: 'rate limit that never clears',
		params: (s) => ({ ...getTicket(String(first(s)))(), rateLimitHandling: { maxRetries: 1 } }),
		fault: { kind: '429', endpoint: 'ticket', times: Infinity, retryAfter: 0.01 },
		error: /still exceeded after 1 retries/,
		requests: 2,
	},
];

describe('bad input matrix', () => {
	const env = useEnv({ resetEach: false });

	it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

	it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		env.sb.reset();
		const credentials = c.credentials?.(env.sb) ?? env.admin;
		if (c.fault) env.sb.inject(c.fault);
		const { items, error } = await env.h.run(c.params(env.sb), { credentials, items: c.items });
		if (c.error) {
			expect(error).toBeDefined();
			expect(`${error?.message} ${error?.description ?? ''}`).toMatch(c.error);
			if (!c.beforeRun) expect(error?.context?.itemIndex).toBe(0);
			expect(JSON.stringify(error)).not.toContain(String(credentials.token ?? '§none§'));
		} else {
			expect(error).toBeUndefined();
			c.check?.(env.sb, items);
		}
		if (c.requests !== undefined) expect(env.sb.requests).toHaveLength(c.requests);
	});
});
