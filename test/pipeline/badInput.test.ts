import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Fault, Sandbox } from '../../sandbox';
import type { JitbitCredentials } from '../harness';
import { tokenCredentials } from '../harness';
import { useEnv } from '../harness/env';

/**
 * Bad input of every kind a user produces: each case must end in an error that names the field
 * or the fix — never a crash, never a silent empty result — or, where the input is only sloppy,
 * in success. Each error is the node's own message, whole, with the fix its description gives,
 * and each case lists the calls that reached the sandbox.
 */
interface Case {
	name: string;
	params: (s: Sandbox) => IDataObject;
	credentials?: (s: Sandbox) => JitbitCredentials;
	fault?: Fault;
	items?: INodeExecutionData[];
	/** The error's message, whole (a string) or anchored (a RegExp); omit for cases that must succeed. */
	error?: string | RegExp | ((s: Sandbox) => string);
	/** What the error's description says to do. */
	fix?: RegExp;
	/** The calls that reached Jitbit, as `METHOD endpoint status`, in order; [] when the node rejects the input itself. */
	sent: string[];
	check?: (s: Sandbox, items: INodeExecutionData[]) => void;
	/** n8n itself refuses to start the node (as the editor does): no item index. */
	beforeRun?: true;
}

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const expr = (value: string) => `={{ ${JSON.stringify(value)} }}`;
const first = (s: Sandbox) => Math.min(...s.db.tickets.keys());
const category = (s: Sandbox) => [...s.db.categories.keys()][0];
const getTicket = (value: string) => () => ({ resource: 'ticket', operation: 'get', simplify: false, ticketId: rl(expr(value)) });
const getFirst = (extra: IDataObject = {}) => (s: Sandbox) => ({ ...getTicket(String(first(s)))(), ...extra });
const createTicket = (fields: IDataObject) => (s: Sandbox) => ({
	resource: 'ticket',
	operation: 'create',
	categoryId: category(s),
	subject: 'Subject',
	body: 'Body',
	...fields,
});
const withUrl = (helpdeskUrl: string) => (s: Sandbox) => tokenCredentials(helpdeskUrl, s.users.admin.token);
const NOT_A_URL = (typed: string) =>
	`The Helpdesk URL in the Jitbit credential ("${typed}") is not a web address: it must start with https:// (or http://) followed by the helpdesk's host name, e.g. https://company.jitbit.com/helpdesk`;
const BAD_ID = (label: string, got: string) => `'${label}' must be a positive whole number, got "${got}"`;
const ENTER_ID = (label: string) => new RegExp(`^Enter the numeric ${label}, pick it from the list, or map a field that holds it\\.$`);
const onFirst = (message: string) => (s: Sandbox) => `${message} (Ticket id=${first(s)})`;
const CREDENTIALS_FIX = /^Check the username and password or the API token in the Jitbit credential\. API tokens expire when their user changes password\./;
const emoji = 'Drucker brennt 🔥 — ünïcødé 漢字 😀';
const noTicket = (subject: string) => (s: Sandbox) => expect([...s.db.tickets.values()].filter((t) => t.subject === subject)).toEqual([]);

const cases: Case[] = [
	{ name: 'non-numeric ticket id', params: getTicket('abc'), error: BAD_ID('Ticket ID', 'abc'), fix: ENTER_ID('Ticket ID'), sent: [] },
	{ name: 'negative ticket id', params: getTicket('-5'), error: BAD_ID('Ticket ID', '-5'), fix: ENTER_ID('Ticket ID'), sent: [] },
	{ name: 'zero ticket id', params: getTicket('0'), error: BAD_ID('Ticket ID', '0'), fix: ENTER_ID('Ticket ID'), sent: [] },
	{ name: 'empty ticket id', params: getTicket(''), error: BAD_ID('Ticket ID', ''), fix: ENTER_ID('Ticket ID'), sent: [] },
	{ name: 'decimal ticket id', params: getTicket('1.5'), error: BAD_ID('Ticket ID', '1.5'), fix: ENTER_ID('Ticket ID'), sent: [] },
	{ name: 'ticket id with letters after digits', params: getTicket('12a'), error: BAD_ID('Ticket ID', '12a'), fix: ENTER_ID('Ticket ID'), sent: [] },
	{
		name: 'unknown ticket id',
		params: getTicket('99999999'),
		error: 'Not found in Jitbit: Ticket id=99999999',
		fix: /\. Check that the ID exists and that the credential's user can see it\.$/,
		sent: ['GET ticket 404'],
	},
	{
		name: 'ticket id from a field that is missing',
		params: () => ({ resource: 'ticket', operation: 'get', ticketId: rl('={{ $json.nope }}') }),
		error: BAD_ID('Ticket ID', ''),
		fix: ENTER_ID('Ticket ID'),
		sent: [],
	},
	{
		name: 'ticket id with spaces around it (sloppy but fine)',
		params: (s) => ({ resource: 'ticket', operation: 'get', simplify: false, ticketId: rl(expr(` ${first(s)} `)) }),
		sent: ['GET ticket 200'],
		check: (s, items) => expect(items[0].json.TicketID).toBe(first(s)),
	},
	{ name: 'base URL without scheme', params: getTicket('1001'), credentials: withUrl('helpdesk.example.com'), error: NOT_A_URL('helpdesk.example.com'), sent: [] },
	{
		name: 'base URL with a typo in the scheme',
		params: getTicket('1001'),
		credentials: withUrl('htp://helpdesk.example.com'),
		error: NOT_A_URL('htp://helpdesk.example.com'),
		sent: [],
	},
	{ name: 'empty base URL', params: getTicket('1001'), credentials: withUrl(''), error: NOT_A_URL(''), sent: [] },
	// The message quotes what was typed, not the normalised address ("https:"), which would read as a contradiction.
	{ name: 'base URL with no host', params: getTicket('1001'), credentials: withUrl('https://'), error: NOT_A_URL('https://'), sent: [] },
	{
		name: 'base URL pointing at a closed port',
		params: () => ({ ...getTicket('1001')(), rateLimitHandling: { maxRetries: 1 } }),
		credentials: withUrl('http://127.0.0.1:9'),
		error: 'Could not reach the helpdesk at http://127.0.0.1:9: connection refused',
		fix: /^Check the Helpdesk URL in the credential and that the helpdesk is reachable from n8n\./,
		sent: [],
	},
	{
		name: 'wrong auth type (Basic chosen, token entered)',
		params: getFirst(),
		credentials: (s) => ({ helpdeskUrl: s.url, authType: 'basic', token: s.users.admin.token, rateLimit: 0 }),
		error: 'Jitbit rejected the credentials (401): Invalid username or password',
		fix: CREDENTIALS_FIX,
		sent: ['GET ticket 401'],
		check: (s) => expect(s.requests[0].headers.authorization).toMatch(/^Basic /),
	},
	{
		name: 'expired token (its user changed password)',
		params: getFirst(),
		credentials: (s) => {
			const token = s.users.tech.token;
			s.db.setPassword(s.users.tech.userId, 'changed');
			return tokenCredentials(s.url, token);
		},
		error: 'Jitbit rejected the credentials (401): Invalid or expired API token',
		fix: CREDENTIALS_FIX,
		sent: ['GET ticket 401'],
	},
	{
		name: 'token pasted with a trailing newline (sloppy but fine)',
		params: getFirst(),
		credentials: (s) => tokenCredentials(s.url, `${s.users.admin.token}\n`),
		sent: ['GET ticket 200'],
		check: (s, items) => {
			expect(items[0].json.TicketID).toBe(first(s));
			expect(s.requests[0].headers.authorization).toBe(`Bearer ${s.users.admin.token}`);
		},
	},
	{
		name: 'HTML login page instead of data',
		params: getFirst(),
		fault: { kind: 'html', endpoint: 'ticket' },
		error: onFirst('The helpdesk answered with a web page instead of API data'),
		fix: /^Check the Helpdesk URL in the credential: it should be the address of your helpdesk/,
		sent: ['GET ticket 200'],
	},
	{
		name: 'empty body where data is expected',
		params: getFirst(),
		fault: { kind: 'empty', endpoint: 'ticket' },
		error: onFirst('The helpdesk answered with an empty body where data was expected'),
		fix: /^Older Jitbit versions answer this way when a call fails silently\./,
		sent: ['GET ticket 200'],
	},
	{
		// The node quotes what it could not read: here the sandbox's injected text.
		name: 'plain text where JSON is expected',
		params: getFirst(),
		fault: { kind: 'status', status: 200, endpoint: 'ticket' },
		error: (s) => `The helpdesk answered with data the node could not read (Ticket id=${first(s)}): Injected status 200`,
		fix: /^Check the Helpdesk URL; if it is right, the answer above is what Jitbit returned\.$/,
		sent: ['GET ticket 200'],
	},
	{
		name: 'server error page',
		params: getFirst({ rateLimitHandling: { maxRetries: 1 } }),
		fault: { kind: '5xx', status: 500, endpoint: 'ticket', times: Infinity },
		error: (s) => `The helpdesk could not handle the request (500) for Ticket id=${first(s)}`,
		fix: /\. Jitbit also answers 500 for some invalid input, e\.g\. creating a user whose username or email already exists\.$/,
		sent: ['GET ticket 500', 'GET ticket 500'],
	},
	{
		name: 'a regular user calling an administrator method',
		params: () => ({ resource: 'user', operation: 'getMany', returnAll: false, limit: 5 }),
		credentials: (s) => tokenCredentials(s.url, s.users.customer.token),
		error: 'The Jitbit user of this credential is not allowed to do this (Users)',
		fix: /Calls run with the permissions of the credential's user: user, company and some ticket operations need a technician or helpdesk administrator\.$/,
		sent: ['GET users 403'],
	},
	{
		// Jitbit answers 500 for a duplicate; the node's hint names that case, and the write is not re-sent.
		name: 'creating a user whose email already exists',
		params: () => ({ resource: 'user', operation: 'create', email: 'customer@acme.example' }),
		error: 'The helpdesk could not handle the request (500) for CreateUser',
		fix: /\. Jitbit also answers 500 for some invalid input, e\.g\. creating a user whose username or email already exists\.$/,
		sent: ['POST createuser 500'],
	},
	{
		name: 'non-numeric category on create',
		params: createTicket({ categoryId: expr('Hardware') }),
		error: BAD_ID('Category ID', 'Hardware'),
		fix: ENTER_ID('Category ID'),
		sent: [],
	},
	{
		// A 404 on a write: not "ticket not found", but one of the IDs it sent.
		name: 'unknown category on create',
		params: createTicket({ categoryId: 987654, subject: 'Unknown category' }),
		error: 'Not found in Jitbit: an ID sent to Ticket categoryId=987654 priorityId=0',
		fix: /\. Check that the ID exists and that the credential's user can see it\.$/,
		sent: ['POST ticket 404'],
		check: noTicket('Unknown category'),
	},
	{
		name: 'empty required subject typed in',
		params: createTicket({ subject: '' }),
		error: /^The 'Jitbit' node has issues:\n- Parameter "Subject" is required\.$/,
		sent: [],
		beforeRun: true,
	},
	{
		name: 'subject mapped from a missing field',
		params: createTicket({ subject: '={{ $json.title }}' }),
		error: "'Subject' is empty",
		fix: /^A ticket needs a subject\. The expression \{\{ \$json\.title \}\} gives no text for this item: check that the item has that field\.$/,
		sent: [],
	},
	{
		name: 'body mapped from a missing field',
		params: createTicket({ body: '={{ $json.text }}' }),
		error: "'Body' is empty",
		fix: /^A ticket needs a body\. The expression \{\{ \$json\.text \}\} gives no text for this item/,
		sent: [],
	},
	{
		name: 'unicode and emoji in the subject round-trip exactly',
		params: createTicket({ subject: emoji }),
		sent: ['POST ticket 200'],
		check: (s, items) => expect(s.db.tickets.get(Number(items[0].json.id))!.subject).toBe(emoji),
	},
	{
		name: 'a 2 MB ticket body goes in the POST body',
		params: createTicket({ body: 'x'.repeat(2_000_000) }),
		sent: ['POST ticket 200'],
		check: (s, items) => {
			expect(s.db.tickets.get(Number(items[0].json.id))!.body).toHaveLength(2_000_000);
			expect(s.requests[0].query).toEqual({});
		},
	},
	{
		name: 'an attachment field that is not on the item',
		params: (s) => ({ resource: 'attachment', operation: 'upload', ticketId: rl(first(s)), binaryPropertyNames: 'invoice' }),
		items: [{ json: {}, binary: { data: { data: 'aGk=', mimeType: 'text/plain', fileName: 'hi.txt' } } }],
		error: "The input item has no binary field 'invoice'",
		fix: /^Binary fields on this item: data\. Check 'Input Binary Fields'\.$/,
		sent: [],
	},
	{
		name: 'an update with nothing to change',
		params: (s) => ({ resource: 'ticket', operation: 'update', ticketId: rl(first(s)), updateFields: {} }),
		error: 'Nothing to update',
		fix: /^Add at least one field under 'Update Fields'\.$/,
		sent: [],
	},
	{
		name: 'a non-numeric asset id',
		params: () => ({ resource: 'asset', operation: 'get', assetId: 'laptop-7' }),
		error: BAD_ID('Asset ID', 'laptop-7'),
		fix: ENTER_ID('Asset ID'),
		sent: [],
	},
	{
		// Caught before the lookup, which could only answer "not found" and costs a UserByEmail call.
		name: 'an email that is not one',
		params: () => ({ resource: 'user', operation: 'getByEmail', email: 'not-an-email' }),
		error: "'Email' must be an email address, got \"not-an-email\"",
		fix: /^Enter the address as name@example\.com, or map a field that holds one\.$/,
		sent: [],
	},
	{
		name: 'an email that is not one, on Create or Update',
		params: () => ({ resource: 'user', operation: 'upsert', email: '={{ $json.mail }}' }),
		items: [{ json: { mail: 'Ada Lovelace' } }],
		error: "'Email' must be an email address, got \"Ada Lovelace\"",
		fix: /^Enter the address as name@example\.com/,
		sent: [],
	},
	{
		name: 'merging a user into itself',
		params: (s) => ({ resource: 'user', operation: 'merge', userId: rl(s.users.customer.userId), mergedUserId: rl(s.users.customer.userId) }),
		error: 'A user cannot be merged into itself',
		fix: /^Pick two different users: the one to keep and the duplicate to merge into it\.$/,
		sent: [],
	},
	{
		name: 'rate limit that never clears',
		params: getFirst({ rateLimitHandling: { maxRetries: 1 } }),
		fault: { kind: '429', endpoint: 'ticket', times: Infinity, retryAfter: 0.01 },
		error: onFirst("Jitbit's rate limit was still exceeded after 1 retries over 0 s"),
		fix: /^Others kept this Jitbit user's limit busy for longer than the node waits\. Raise 'Max Retries' or 'Max Total Wait' under the node's Rate Limit Handling option/,
		sent: ['GET ticket 429', 'GET ticket 429'],
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
			const expected = typeof c.error === 'function' ? c.error(env.sb) : c.error;
			// The message ends with the item it is about, as n8n's error structure asks.
			if (typeof expected === 'string') expect(error?.message).toBe(c.beforeRun ? expected : `${expected} [item 0]`);
			else expect(error?.message).toMatch(expected);
			if (c.fix) expect(error?.description).toMatch(c.fix);
			if (!c.beforeRun) expect(error?.context?.itemIndex).toBe(0);
			expect(JSON.stringify(error)).not.toContain(String(credentials.token ?? '§none§'));
		} else {
			expect(error).toBeUndefined();
		}
		c.check?.(env.sb, items);
		expect(env.sb.requests.map((r) => `${r.method} ${r.endpoint} ${r.status}`)).toEqual(c.sent);
	});
});
