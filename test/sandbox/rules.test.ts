/* eslint-disable @n8n/community-nodes/no-restricted-imports -- does not ship (README, Development: Lint) */
/** Automation rules with "Send an HTTP request": registration, firing on each change, Jitbit's raw substitution. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { HttpRuleInput, RuleTrigger } from '../../sandbox';
import { STATUS_CLOSED } from '../../sandbox';
import { call, useSandbox } from './helpers';

const s = useSandbox();

interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** What a receiver on 127.0.0.1 got, in order. */
const received: Received[] = [];
let receiver: http.Server;
let target = '';

beforeAll(async () => {
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
	target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((r) => receiver.close(() => r())));
beforeEach(() => {
	received.length = 0;
});

const admin = (path: string, method: 'GET' | 'POST' | 'DELETE', json?: unknown) =>
	call(s.sb, `/sandbox/rules${path}`, { method, as: null, ...(json === undefined ? {} : { json }) });

function rule(event: RuleTrigger, extra: Partial<HttpRuleInput> = {}): HttpRuleInput {
	return { event, url: target, postData: 'id=#ticketId#&status=#statusId#', ...extra };
}

const ALL_TRIGGERS: RuleTrigger[] = [
	'ticketCreated', 'statusChanged', 'ticketClosed', 'ticketReopened', 'newReply', 'submitterReply', 'ticketAssigned',
	'categoryChanged', 'priorityChanged', 'customFieldEdited', 'ticketOverdue', 'ticketNotUpdated',
];

/** Runs `change` and returns the triggers it fired (one rule per trigger is registered), sorted. */
async function firedBy(change: () => unknown): Promise<string[]> {
	await s.sb.rules.settle();
	received.length = 0;
	await change();
	await s.sb.rules.settle();
	return received.map((r) => new URLSearchParams(r.body).get('event')!).sort();
}

describe('registering a rule (sandbox admin endpoint)', () => {
	it('stores the rule, shows it to the Rule API method and lists it with its deliveries', async () => {
		const r = await admin('', 'POST', { event: 'ticketCreated', url: target, postData: 'x=#subject#', json: false, username: 'u', password: 'p', headers: { 'X-Extra': '1' } });
		expect(r.status).toBe(200);
		expect(r.data).toMatchObject({ event: 'ticketCreated', method: 'POST', url: target, username: 'u', headers: { 'X-Extra': '1' } });
		const viaApi = await call(s.sb, `/api/Rule/${r.data.ruleId}`);
		expect(viaApi.data).toEqual({ RuleID: r.data.ruleId, Name: 'HTTP request on ticketCreated', Enabled: true });
		expect((await admin('', 'GET')).data.rules).toHaveLength(1);
		// Admin calls are not API calls: the request log stays as it was.
		expect(s.sb.requests.map((q) => q.endpoint)).toEqual(['rule']);
	});

	it('refuses other hosts than 127.0.0.1, unknown events and methods, and malformed JSON', async () => {
		expect((await admin('', 'POST', { event: 'ticketCreated', url: 'http://example.com/hook' })).data.error).toMatch(/127\.0\.0\.1/);
		expect((await admin('', 'POST', { event: 'ticketDeleted', url: target })).status).toBe(400);
		expect((await admin('', 'POST', { event: 'ticketCreated', url: target, method: 'PUT' })).data.error).toBe('method must be POST or GET');
		const broken = await call(s.sb, '/sandbox/rules', { as: null, raw: { body: '{"event":', contentType: 'application/json' } });
		expect(broken.status).toBe(400);
		expect(s.sb.rules.rules.size).toBe(0);
	});

	it('DELETE forgets the rules, and reset() does too', async () => {
		s.sb.rules.add(rule('ticketCreated'));
		expect((await admin('', 'DELETE')).data).toEqual({ cleared: true });
		s.sb.rules.add(rule('ticketCreated'));
		s.sb.reset();
		expect(s.sb.rules.rules.size).toBe(0);
	});
});

describe('the request a rule sends', () => {
	it('substitutes raw text into JSON post data: a quote in the subject breaks the JSON, as in Jitbit', async () => {
		s.sb.rules.add(rule('ticketCreated', {
			json: true, username: 'jitbit', password: 'pa:ss', headers: { 'X-Jitbit-Secret': 's3cret' },
			postData: '{"ticketId":"#ticketId#","subject":"#subject#","from":"#from#","fromEmail":"#fromEmail#","technician":"#technician#","url":"#url#","priority":"#priority#","category":"#category#"}',
		}));
		const res = await call(s.sb, '/api/Ticket', { as: 'customer', form: { categoryId: 1, subject: 'Printer "on fire"', body: '<p>x</p>', priorityId: 1 } });
		await s.sb.rules.settle();
		expect(received).toHaveLength(1);
		const [hit] = received;
		expect(hit.method).toBe('POST');
		expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(hit.headers.authorization).toBe(`Basic ${Buffer.from('jitbit:pa:ss').toString('base64')}`);
		expect(hit.headers['x-jitbit-secret']).toBe('s3cret');
		expect(hit.body).toBe(
			`{"ticketId":"${res.data}","subject":"Printer "on fire"","from":"Carl Customer","fromEmail":"customer@acme.example","technician":"","url":"${s.sb.url}/helpdesk/Ticket/${res.data}","priority":"1","category":"#category#"}`,
		);
		expect(() => JSON.parse(hit.body)).toThrow();
		expect(s.sb.rules.deliveries[0]).toMatchObject({ event: 'ticketCreated', ticketId: res.data, status: 200, responseBody: '{"ok":true}' });
	});

	it('sends form post data unencoded, so an & in a value splits it', async () => {
		s.sb.rules.add(rule('ticketCreated', { postData: 'ticketId=#ticketId#&subject=#subject#&body=#body#' }));
		const t = s.sb.db.createTicket({ subject: 'Q&A session', body: 'Line 1\nLine 2 &nbsp;', categoryId: 1, userId: 3 });
		await s.sb.rules.settle();
		expect(received[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(received[0].body).toBe(`ticketId=${t.ticketId}&subject=Q&A session&body=Line 1\nLine 2 &nbsp;`);
	});

	it('GET puts tokens in the URL only, leaving #body# and #most_recent_message# there as typed', async () => {
		s.sb.rules.add(rule('ticketCreated', { method: 'GET', url: `${target}?id=#ticketId#&subject=#subject#&body=#body#`, postData: 'ignored=#ticketId#' }));
		const t = s.sb.db.createTicket({ subject: 'Screen broken', body: 'b', categoryId: 1, userId: 3 });
		await s.sb.rules.settle();
		expect(received[0]).toMatchObject({ method: 'GET', body: '' });
		// A # left in a URL starts its fragment: the query Jitbit sends ends there.
		expect(received[0].url).toBe(`/hook?id=${t.ticketId}&subject=Screen%20broken&body=`);
		expect(s.sb.rules.deliveries[0].url).toBe(`${target}?id=${t.ticketId}&subject=Screen%20broken&body=#body#`);
	});

	it('substitutes custom fields by ID (a dropdown as its option text) and the latest reply', async () => {
		s.sb.rules.add(rule('newReply', { postData: 'os=#cf_3#&tag=#cf_1#&none=#cf_999#&msg=#most_recent_message#' }));
		const t = s.sb.db.createTicket({ subject: 's', categoryId: 2, userId: 3, customFields: { 3: '102' } });
		s.sb.db.addComment(t.ticketId, { userId: 2, body: '<p>Try a restart</p>' });
		await s.sb.rules.settle();
		expect(received[0].body).toBe('os=macOS&tag=&none=#cf_999#&msg=<p>Try a restart</p>');
	});

	it('is not sent by a rule disabled through the API, and is again once enabled', async () => {
		const { ruleId } = s.sb.rules.add(rule('ticketCreated'));
		await call(s.sb, `/api/DisableRule/${ruleId}`);
		s.sb.db.createTicket({ subject: 'a', categoryId: 1, userId: 3 });
		await s.sb.rules.settle();
		expect(received).toHaveLength(0);
		await call(s.sb, `/api/EnableRule/${ruleId}`, { method: 'POST' });
		s.sb.db.createTicket({ subject: 'b', categoryId: 1, userId: 3 });
		await s.sb.rules.settle();
		expect(received).toHaveLength(1);
	});

	it('records a failed delivery (nobody listening) with status 0 and the error, without retrying', async () => {
		s.sb.rules.add(rule('ticketCreated', { url: 'http://127.0.0.1:9/nobody' }));
		s.sb.db.createTicket({ subject: 'a', categoryId: 1, userId: 3 });
		const [d] = await s.sb.rules.settle();
		expect(d).toMatchObject({ status: 0, error: expect.stringMatching(/ECONNREFUSED/) });
		expect(s.sb.rules.deliveries).toHaveLength(1);
	});
});

describe('which changes fire which trigger', () => {
	beforeEach(() => {
		for (const event of ALL_TRIGGERS) s.sb.rules.add(rule(event, { postData: `event=${event}&id=#ticketId#` }));
	});
	const ticket = () => s.sb.db.createTicket({ subject: 'Watched', categoryId: 2, userId: 3, dueDate: null });

	it('ticket created', async () => {
		expect(await firedBy(async () => {
			await call(s.sb, '/api/Ticket', { as: 'customer', form: { categoryId: 1, subject: 'x', body: 'y' } });
		})).toEqual(['ticketCreated']);
	});

	it('status changed, closed, re-opened', async () => {
		const t = ticket();
		expect(await firedBy(() => call(s.sb, '/api/UpdateTicket', { form: { id: t.ticketId, statusId: 2 } }))).toEqual(['statusChanged']);
		expect(await firedBy(() => call(s.sb, '/api/Close', { query: { id: t.ticketId } }))).toEqual(['statusChanged', 'ticketClosed']);
		expect(await firedBy(() => call(s.sb, '/api/UpdateTicket', { form: { id: t.ticketId, statusId: 1 } }))).toEqual(['statusChanged', 'ticketReopened']);
		expect(s.sb.db.ticket(t.ticketId).statusId).not.toBe(STATUS_CLOSED);
	});

	it('a new reply, and a reply from the submitter; not a system comment', async () => {
		const t = ticket();
		expect(await firedBy(() => call(s.sb, '/api/comment', { as: 'tech', form: { id: t.ticketId, body: 'On it' } }))).toEqual(['newReply']);
		expect(await firedBy(() => call(s.sb, '/api/comment', { as: 'customer', form: { id: t.ticketId, body: 'Thanks' } }))).toEqual(['newReply', 'submitterReply']);
		expect(await firedBy(() => s.sb.db.addComment(t.ticketId, { userId: 1, body: 'auto', isSystem: true }))).toEqual([]);
	});

	it('assigned, category, priority and custom field changes, one trigger each; an assignment removed fires nothing', async () => {
		const t = ticket();
		const update = (form: Record<string, string | number>) => () => call(s.sb, '/api/UpdateTicket', { form: { id: t.ticketId, ...form } });
		expect(await firedBy(update({ assignedUserId: 2 }))).toEqual(['ticketAssigned']);
		expect(await firedBy(update({ assignedUserId: 0 }))).toEqual([]);
		expect(await firedBy(update({ categoryId: 3 }))).toEqual(['categoryChanged']);
		expect(await firedBy(update({ priority: 2 }))).toEqual(['priorityChanged']);
		expect(await firedBy(() => call(s.sb, '/api/SetCustomField', { form: { ticketId: t.ticketId, fieldId: 1, value: 'PC-7' } }))).toEqual(['customFieldEdited']);
	});

	it('overdue and not updated for 30 minutes fire on a clock tick, once per due date and per last update', async () => {
		const now = Date.parse('2026-12-01T12:00:00Z');
		s.sb.db.setClock(() => new Date(now));
		const due = s.sb.db.createTicket({ subject: 'Due', categoryId: 1, userId: 3, dueDate: '2026-12-01T11:00:00Z', lastUpdated: '2026-12-01T11:50:00Z' });
		const idle = s.sb.db.createTicket({ subject: 'Idle', categoryId: 1, userId: 3, lastUpdated: '2026-12-01T11:20:00Z' });
		for (const t of s.sb.db.tickets.values()) if (t !== due && t !== idle) s.sb.db.tickets.delete(t.ticketId);
		await s.sb.rules.settle();
		received.length = 0;
		expect((await admin('/tick', 'POST')).data).toEqual({ fired: 2 });
		expect(received.map((r) => r.body).sort()).toEqual([`event=ticketNotUpdated&id=${idle.ticketId}`, `event=ticketOverdue&id=${due.ticketId}`]);
		expect((await admin('/tick', 'POST')).data).toEqual({ fired: 0 });
		s.sb.db.setClock(() => new Date(now + 40 * 60_000));
		expect((await admin('/tick', 'POST')).data).toEqual({ fired: 1 });
		expect(received.at(-1)!.body).toBe(`event=ticketNotUpdated&id=${due.ticketId}`);
	});
});
