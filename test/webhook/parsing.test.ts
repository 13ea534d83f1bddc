/**
 * What the Jitbit Webhook Trigger makes of what Jitbit really sends, delivered by the sandbox's
 * rules over HTTP and run through n8n-core's webhook context: JSON, form and GET payloads, JSON
 * broken by raw substitution, tokens left in place, numbers as strings, HTML.
 */
import { basicRule, templates, useWebhookEnv } from './env';
import { WEBHOOK_TYPE } from './harness';

const env = useWebhookEnv();
const customer = 3;
const created = { event: 'ticketCreated' as const, ...basicRule };
const newTicket = (subject: string, body = '<p>Body</p>', extra = {}) => () =>
	env.sb.db.createTicket({ subject, body, categoryId: 1, userId: customer, priority: 2, ...extra });

describe('the body forms a rule can send', () => {
	it('JSON from the node’s template: one normalised item, numbers as numbers, answered at once with a small JSON body', async () => {
		const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
		const [{ delivery, run, item }] = await env.fire(ep, { ...created, json: true, postData: templates.jsonTemplate('ticketCreated') }, newTicket('Printer offline'));
		const id = delivery.ticketId;
		expect(delivery.status).toBe(200);
		expect(JSON.parse(delivery.responseBody)).toEqual({ received: true, event: 'ticketCreated', ticketId: id });
		expect(run.started).toBe(true);
		expect(item).toEqual({
			event: 'ticketCreated',
			eventName: 'Ticket is created',
			ticketId: id,
			subject: 'Printer offline',
			body: 'Body',
			bodyHtml: '<p>Body</p>',
			mostRecentMessage: null,
			mostRecentMessageHtml: null,
			url: `${env.sb.url}/helpdesk/Ticket/${id}`,
			priority: 2,
			priorityName: 'Critical',
			statusId: 1,
			technician: null,
			from: 'Carl Customer',
			fromEmail: 'customer@acme.example',
			date: env.sb.db.ticket(id).issueDate,
			customFields: {},
			otherFields: {},
			warnings: [],
			rawPayload: { method: 'POST', contentType: 'application/json', body: delivery.body, query: '' },
			receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
	});

	it('form data from the node’s template, where & in the subject and &nbsp; in the body break a plain form parser', async () => {
		const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
		const [{ delivery, item }] = await env.fire(
			ep,
			{ ...created, postData: templates.formTemplate('ticketCreated') },
			newTicket('Q&A session=today', '<p>Hello&nbsp;team,<br>see <a href="https://x.example/?a=1&b=2">this</a></p>'),
		);
		expect(delivery.body).toContain('subject=Q&A session=today&body=');
		expect(item).toMatchObject({
			ticketId: delivery.ticketId,
			subject: 'Q&A session=today',
			body: 'Hello team,\nsee this (https://x.example/?a=1&b=2)',
			bodyHtml: '<p>Hello&nbsp;team,<br>see <a href="https://x.example/?a=1&b=2">this</a></p>',
			otherFields: {},
			warnings: [],
		});
		expect(item.rawPayload).toMatchObject({ contentType: 'application/x-www-form-urlencoded', body: delivery.body });
	});

	it('GET with the tokens in the URL’s query', async () => {
		const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
		const [{ delivery, run, item }] = await env.fire(
			ep,
			{ ...created, method: 'GET', url: `${ep.url}?${templates.queryTemplate('ticketCreated')}` },
			newTicket('Laptop – screen flickers'),
		);
		expect(run.method).toBe('GET');
		expect(item).toMatchObject({ ticketId: delivery.ticketId, subject: 'Laptop – screen flickers', statusId: 1, priority: 2, body: null, from: 'Carl Customer' });
		expect(item.rawPayload).toMatchObject({ method: 'GET', body: '', query: new URL(delivery.url).search.slice(1) });
	});
});

describe('JSON broken by Jitbit’s raw substitution', () => {
	it('recovers every field when quotes and line breaks sit inside the subject and the body, and keeps the raw payload', async () => {
		const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
		const subject = 'Printer "HP 4" says "paper jam", again';
		const body = '<p class="msg" style="color: red">Line one\nLine "two"\tend</p><pre>{"error":"timeout","code":5}</pre>';
		const [{ delivery, run, item }] = await env.fire(ep, { ...created, json: true, postData: templates.jsonTemplate('ticketCreated') }, newTicket(subject, body));
		expect(() => JSON.parse(delivery.body)).toThrow();
		expect(run.started).toBe(true);
		expect(item).toMatchObject({ ticketId: delivery.ticketId, subject, bodyHtml: body, body: 'Line one\nLine "two" end\n\n{"error":"timeout","code":5}', from: 'Carl Customer', statusId: 1 });
		expect(item.warnings).toEqual([expect.stringMatching(/^The POST data is not valid JSON \(.+\): Jitbit inserts ticket text unescaped.*Recovered 10 field\(s\) by name/)]);
		expect((item.rawPayload as { body: string }).body).toBe(delivery.body);
	});

	it('still finds the ticket ID in a payload that is no JSON object at all', async () => {
		const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
		const [{ delivery, item }] = await env.fire(ep, { ...created, json: true, postData: '{"link":"#url#" "subject":"#subject#"' }, newTicket('x'));
		expect(item.ticketId).toBe(delivery.ticketId);
		expect((item.warnings as string[])[0]).toMatch(/not valid JSON/);
	});

	it('a valid JSON value that is not an object is reported, with the raw payload', async () => {
		const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
		const [{ item }] = await env.fire(ep, { ...created, json: true, postData: '["#ticketId#"]' }, newTicket('x'));
		expect(item.ticketId).toBeNull();
		expect(item.warnings).toEqual([
			'The POST data is JSON but not an object; the raw payload is under rawPayload.',
			'The payload has no ticket ID: check the rule’s post data has ticketId=#ticketId#.',
		]);
	});
});

describe('values as Jitbit fills them', () => {
	it('tokens Jitbit left in place become null; unknown keys are kept under otherFields', async () => {
		const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
		const postData = '{"ticketId":"#ticketId#","technician":"#technician#","category":"#category#","cf_999":"#cf_999#","team":"L2"}';
		const [{ item }] = await env.fire(ep, { ...created, json: true, postData }, newTicket('x'));
		expect(item).toMatchObject({ technician: null, customFields: { '999': null }, otherFields: { category: null, team: 'L2' } });
	});

	it('HTML in the subject and the body: text beside the HTML, Jitbit’s <!--html--> marker dropped', async () => {
		const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
		const [{ item }] = await env.fire(
			ep,
			{ ...created, postData: templates.formTemplate('ticketCreated') },
			newTicket('<b>VPN</b> down &ndash; Büro', '<!--html--><ul><li>Step 1</li><li>Step 2</li></ul>'),
		);
		expect(item).toMatchObject({ subject: 'VPN down – Büro', body: '- Step 1\n- Step 2', bodyHtml: '<ul><li>Step 1</li><li>Step 2</li></ul>' });
	});

	it('a reply event carries the reply as text and HTML', async () => {
		const ep = await env.endpoint({ event: 'newReply', authentication: 'basicAuth' });
		const t = env.sb.db.createTicket({ subject: 'Mail', categoryId: 1, userId: customer });
		const [{ item }] = await env.fire(ep, { event: 'newReply', ...basicRule, json: true, postData: templates.jsonTemplate('newReply') }, () =>
			env.sb.db.addComment(t.ticketId, { userId: 2, body: '<p>Please restart "Outlook"</p>' }),
		);
		expect(item).toMatchObject({ event: 'newReply', ticketId: t.ticketId, mostRecentMessage: 'Please restart "Outlook"', mostRecentMessageHtml: '<p>Please restart "Outlook"</p>' });
	});

	it('custom fields by ID (a dropdown as its text); the template’s XXXX left unreplaced is pointed out', async () => {
		const ep = await env.endpoint({ event: 'customFieldEdited', authentication: 'basicAuth' });
		const t = env.sb.db.createTicket({ subject: 'Mac', categoryId: 2, userId: customer });
		const template = templates.jsonTemplate('customFieldEdited');
		expect(template).toContain('"cf_XXXX":"#cf_XXXX#"');
		const [first] = await env.fire(ep, { event: 'customFieldEdited', ...basicRule, json: true, postData: template.replace(/XXXX/g, '3') }, () =>
			env.sb.db.updateTicket(t.ticketId, { customFields: { 3: '102' } }),
		);
		expect(first.item.customFields).toEqual({ '3': 'macOS' });
		env.sb.rules.clear();
		const [second] = await env.fire(ep, { event: 'customFieldEdited', ...basicRule, json: true, postData: template }, () =>
			env.sb.db.updateTicket(t.ticketId, { customFields: { 3: '101' } }),
		);
		expect(second.item.warnings).toEqual(['Replace XXXX in "cf_XXXX" with the custom field\'s ID, in the key and in the token.']);
		expect(second.item.otherFields).toEqual({ cf_XXXX: null });
	});

	it('a hand-made setup: ticket_id instead of ticketId, priority as a name, numbers as JSON numbers', async () => {
		const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
		const postData = '{"ticket_id":#ticketId#,"priority":"High","statusId":#statusId#}';
		const [{ delivery, item }] = await env.fire(ep, { ...created, json: true, postData }, newTicket('x'));
		expect(item).toMatchObject({ ticketId: delivery.ticketId, priority: 1, priorityName: 'High', statusId: 1, warnings: [] });
	});
});

it('GET with an & inside a value: the query is read like a form, by field name', async () => {
	const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
	const [{ delivery, item }] = await env.fire(
		ep,
		{ ...created, method: 'GET', url: `${ep.url}?${templates.queryTemplate('ticketCreated')}` },
		newTicket('Q&A: VPN + Wi-Fi'),
	);
	expect(new URL(delivery.url).searchParams.get('subject')).toBe('Q');
	expect(item).toMatchObject({ ticketId: delivery.ticketId, subject: 'Q&A: VPN Wi-Fi', otherFields: {} });
});

it('the templates as the notice shows them, with their wrapping spaces, give the same item', async () => {
	const notice = env.h.nodeTypes.getByNameAndVersion(WEBHOOK_TYPE, 1).description.properties.find((p) => p.name === 'setup_ticketCreated_basicAuth')!;
	const steps = notice.displayName.split('<li>').map((s) => s.replace(/<\/li>.*$/, '').replace(/&amp;/g, '&'));
	const shownJson = steps.find((s) => s.startsWith('Post data'))!.replace(/^[^{]*/, '');
	const shownForm = steps.find((s) => s.startsWith('Or as form data'))!.replace(/^[^:]*: /, '');
	expect(shownForm).toContain(' &body=#body#');
	const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth' });
	const items = [];
	for (const [json, postData] of [[true, shownJson], [false, shownForm]] as const) {
		const [{ item }] = await env.fire(ep, { ...created, json, postData }, newTicket('Same item', '<p>B</p>'));
		items.push(item);
		env.sb.rules.clear();
	}
	const essentials = ({ ticketId, subject, body, from, fromEmail, technician, priority, statusId, date, url, warnings, otherFields }: Record<string, unknown>) =>
		({ ticketId, subject, body, from, fromEmail, technician, priority, statusId, date, url, warnings, otherFields });
	expect(essentials(items[0]).ticketId).toBeGreaterThan(0);
	expect({ ...essentials(items[1]), ticketId: 0, date: 0, url: 0 }).toEqual({ ...essentials(items[0]), ticketId: 0, date: 0, url: 0 });
	expect(items[1]).toMatchObject({ subject: 'Same item', body: 'B', from: 'Carl Customer', statusId: 1, priority: 2, warnings: [] });
});
