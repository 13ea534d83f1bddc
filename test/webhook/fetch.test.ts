/** Fetch Full Ticket: the ticket read through the shared transport after Jitbit has its answer. */
import { tokenCredentials } from '../harness';
import { BASIC, basicRule, templates, useWebhookEnv } from './env';

const env = useWebhookEnv();
const jitbitApi = () => tokenCredentials(env.sb.url, env.sb.users.admin.token);
const rule = { event: 'ticketCreated' as const, ...basicRule, postData: templates.formTemplate('ticketCreated') };
const create = () => env.sb.db.createTicket({ subject: 'Needs details', body: '<p>Full body</p>', categoryId: 2, userId: 3, tags: ['vpn'], customFields: { 1: 'PC-42' } });
const endpoint = (extra: Record<string, unknown> = {}) =>
	env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth', fetchFullTicket: true, ...extra }, { ...BASIC, jitbitApi: jitbitApi() });

it('reads the ticket with the Jitbit credential, one request per event, and adds it simplified under ticket', async () => {
	const ep = await endpoint();
	env.sb.clearRequests();
	const [{ delivery, item }] = await env.fire(ep, rule, create);
	const id = delivery.ticketId;
	const calls = env.sb.requests.map((r) => ({ method: r.method, endpoint: r.endpoint, query: r.query, auth: r.headers.authorization }));
	expect(calls).toEqual([{ method: 'GET', endpoint: 'ticket', query: { id: String(id) }, auth: `Bearer ${env.sb.users.admin.token}` }]);
	expect(item.ticket).toMatchObject({ id, subject: 'Needs details', body: '<p>Full body</p>', tags: ['vpn'], category: 'Hardware', url: `${env.sb.url}/helpdesk/Ticket/${id}` });
	expect(item).toMatchObject({ ticketId: id, subject: 'Needs details' });
	expect(item).not.toHaveProperty('fetchError');
});

it('with Include Custom Fields also reads them; without Simplify keeps Jitbit’s own fields', async () => {
	const ep = await endpoint({ includeCustomFields: true, simplify: false });
	env.sb.clearRequests();
	const [{ delivery, item }] = await env.fire(ep, rule, create);
	expect(env.sb.requests.map((r) => `${r.endpoint}?${new URLSearchParams(r.query as Record<string, string>)}`)).toEqual([`ticket?id=${delivery.ticketId}`, `ticketcustomfields?id=${delivery.ticketId}`]);
	const ticket = item.ticket as Record<string, unknown>;
	expect(ticket.TicketID).toBe(delivery.ticketId);
	expect(ticket.CustomFields).toEqual(expect.arrayContaining([expect.objectContaining({ FieldID: 1, Value: 'PC-42' })]));
});

it('answers Jitbit before reading the ticket', async () => {
	const ep = await endpoint();
	env.sb.inject({ kind: 'slow', endpoint: 'ticket', delayMs: 1500 });
	env.sb.rules.add({ ...rule, url: ep.url });
	create();
	const [delivery] = await env.sb.rules.settle();
	expect(delivery.status).toBe(200);
	expect(ep.runs).toHaveLength(0); // still waiting on GET Ticket
	const [run] = await ep.waitForRuns(1);
	expect((run.items[0].json.ticket as { id: number }).id).toBe(delivery.ticketId);
});

it('is paced and retried by the shared transport: a 429 is waited out', async () => {
	const ep = await endpoint();
	env.sb.inject({ kind: '429', endpoint: 'ticket', times: 1, retryAfter: 0 });
	env.sb.clearRequests();
	const [{ item }] = await env.fire(ep, rule, create);
	expect(env.sb.requests.map((r) => `${r.endpoint} ${r.status}`)).toEqual(['ticket 429', 'ticket 200']);
	expect(item.ticket).toMatchObject({ subject: 'Needs details' });
});

it('fails the run with a clear error when the ticket cannot be read; Jitbit already had its 200', async () => {
	const ep = await endpoint();
	env.sb.inject({ kind: 'status', endpoint: 'ticket', status: 404 });
	const [{ delivery, run }] = await env.fire(ep, rule, create);
	expect(delivery.status).toBe(200);
	expect(run.started).toBe(true);
	expect(run.items).toEqual([]);
	expect(run.error).toMatchObject({ httpCode: '404', context: { itemIndex: 0 } });
	expect(JSON.stringify(run.error)).not.toContain(env.sb.users.admin.token);
});

it('with On Error: Continue keeps the event, with ticket null and fetchError', async () => {
	const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'basicAuth', fetchFullTicket: true }, { ...BASIC, jitbitApi: jitbitApi() }, { continueOnFail: true });
	env.sb.inject({ kind: 'status', endpoint: 'ticket', status: 404 });
	const [{ delivery, item }] = await env.fire(ep, rule, create);
	expect(item).toMatchObject({ ticketId: delivery.ticketId, subject: 'Needs details', ticket: null, fetchError: expect.stringMatching(/404|not found/i) });
});

it('needs a ticket ID in the payload, and says where to put it', async () => {
	const ep = await endpoint();
	env.sb.clearRequests();
	const [{ run }] = await env.fire(ep, { ...rule, postData: 'subject=#subject#' }, create);
	expect(run.error).toMatchObject({
		message: 'Fetch Full Ticket needs a ticket ID, and the rule’s payload has none',
		description: 'Put ticketId=#ticketId# in the rule’s post data or URL, as the node’s setup notice shows.',
	});
	expect(env.sb.requests).toHaveLength(0);
});
