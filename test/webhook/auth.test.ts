/**
 * Each authentication mode against rules that send the right secret, none, or a wrong one: a
 * mismatch is answered 401/403 and the workflow does not start; no secret reaches the item,
 * the answer or n8n's log.
 */
import type { ICredentialsDecrypted, ICredentialTestFunction } from 'n8n-workflow';

import type { Delivered } from './env';
import { basicRule, BASIC, RULE_PASSWORD, RULE_USER, SECRET, SECRET_CREDENTIAL, templates, useWebhookEnv } from './env';
import type { WebhookEndpoint } from './harness';
import { WEBHOOK_TYPE } from './harness';

const env = useWebhookEnv();
const form = templates.formTemplate('ticketCreated');
const create = () => env.sb.db.createTicket({ subject: 'Auth', body: 'b', categoryId: 1, userId: 3 });

function expectRejected([d]: Delivered[], status: number, message: string) {
	expect(d.delivery.status).toBe(status);
	expect(JSON.parse(d.delivery.responseBody)).toEqual({ error: message });
	expect(d.run).toMatchObject({ started: false, items: [] });
}

function expectNoSecretAnywhere(ep: WebhookEndpoint, ...secrets: string[]) {
	const seen = JSON.stringify({ runs: ep.runs, logs: ep.logs });
	for (const secret of secrets) expect(seen).not.toContain(secret);
}

describe('Basic auth (the rule’s username and password fields)', () => {
	const params = { event: 'ticketCreated', authentication: 'basicAuth' };

	it('starts the workflow with the right username and password', async () => {
		const ep = await env.endpoint(params, BASIC);
		const [d] = await env.fire(ep, { event: 'ticketCreated', postData: form, ...basicRule }, create);
		expect(d.delivery.status).toBe(200);
		expect(d.run.started).toBe(true);
		expect(d.item.ticketId).toBe(d.delivery.ticketId);
		expectNoSecretAnywhere(ep, RULE_PASSWORD, Buffer.from(`${RULE_USER}:${RULE_PASSWORD}`).toString('base64'));
	});

	it('answers 401 with a Basic challenge when the rule sends no credentials, 403 when they are wrong', async () => {
		const ep = await env.endpoint(params, BASIC);
		expectRejected(await env.fire(ep, { event: 'ticketCreated', postData: form }, create), 401, 'Basic authentication required: enter the credential’s username and password in the Jitbit rule.');
		env.sb.rules.clear();
		expectRejected(await env.fire(ep, { event: 'ticketCreated', postData: form, username: RULE_USER, password: 'guess' }, create), 403, 'Wrong username or password for this Jitbit Webhook Trigger.');
		env.sb.rules.clear();
		expectRejected(await env.fire(ep, { event: 'ticketCreated', postData: form, username: 'someone', password: RULE_PASSWORD }, create), 403, 'Wrong username or password for this Jitbit Webhook Trigger.');
		const challenge = await fetch(ep.url, { method: 'POST', body: 'ticketId=1' });
		expect(challenge.headers.get('www-authenticate')).toBe('Basic realm="Jitbit Webhook Trigger"');
		expectNoSecretAnywhere(ep, RULE_PASSWORD);
	});
});

describe('secret header', () => {
	const params = { event: 'ticketCreated', authentication: 'secretAuth' };

	it('starts the workflow with the X-Jitbit-Secret header; 401 without it, 403 with a wrong one', async () => {
		const ep = await env.endpoint(params, SECRET_CREDENTIAL);
		const [ok] = await env.fire(ep, { event: 'ticketCreated', postData: form, headers: { 'X-Jitbit-Secret': SECRET } }, create);
		expect(ok.run.started).toBe(true);
		env.sb.rules.clear();
		expectRejected(await env.fire(ep, { event: 'ticketCreated', postData: form }, create), 401, 'Secret required in the X-Jitbit-Secret header.');
		env.sb.rules.clear();
		expectRejected(await env.fire(ep, { event: 'ticketCreated', postData: form, headers: { 'X-Jitbit-Secret': `${SECRET}x` } }, create), 403, 'Wrong secret in the X-Jitbit-Secret header.');
		expectNoSecretAnywhere(ep, SECRET);
	});
});

describe('secret query parameter', () => {
	const params = { event: 'ticketCreated', authentication: 'secretAuth', secretLocation: 'query' };

	it('starts the workflow with ?secret= on the URL (POST and GET) and leaves the secret out of the item', async () => {
		const ep = await env.endpoint(params, SECRET_CREDENTIAL);
		const [post] = await env.fire(ep, { event: 'ticketCreated', postData: form, url: `${ep.url}?secret=${SECRET}` }, create);
		expect(post.run.started).toBe(true);
		expect(post.item.rawPayload).toMatchObject({ query: '' });
		env.sb.rules.clear();
		const url = `${ep.url}?${templates.queryTemplate('ticketCreated')}&secret=${SECRET}`;
		const [get] = await env.fire(ep, { event: 'ticketCreated', method: 'GET', url }, create);
		expect(get.run.started).toBe(true);
		expect(get.item).toMatchObject({ ticketId: get.delivery.ticketId, subject: 'Auth', otherFields: {} });
		expect((get.item.rawPayload as { query: string }).query).not.toMatch(/secret/);
		expectNoSecretAnywhere(ep, SECRET);
	});

	it('401 without the parameter, 403 with a wrong one', async () => {
		const ep = await env.endpoint(params, SECRET_CREDENTIAL);
		expectRejected(await env.fire(ep, { event: 'ticketCreated', postData: form }, create), 401, 'Secret required in the "secret" query parameter.');
		env.sb.rules.clear();
		expectRejected(await env.fire(ep, { event: 'ticketCreated', postData: form, url: `${ep.url}?secret=nope` }, create), 403, 'Wrong secret in the "secret" query parameter.');
	});
});

it('never starts the workflow when its credential holds no secret', async () => {
	const ep = await env.endpoint({ event: 'ticketCreated', authentication: 'secretAuth' }, { jitbitWebhookSecretApi: { secret: '' } });
	expectRejected(await env.fire(ep, { event: 'ticketCreated', postData: form, headers: { 'X-Jitbit-Secret': '' } }, create), 500, 'The Jitbit Webhook Trigger\'s credential has no secret: open the node and set its credential.');
});

describe('the credential test of the two webhook credentials', () => {
	const test = async (type: string, data: Record<string, string>) => {
		const nodeType = env.h.nodeTypes.getByNameAndVersion(WEBHOOK_TYPE, 1);
		const fn = nodeType.methods!.credentialTest!.checkWebhookCredential as ICredentialTestFunction;
		expect(nodeType.description.credentials!.filter((c) => c.testedBy === 'checkWebhookCredential').map((c) => c.name)).toEqual(['jitbitWebhookBasicAuthApi', 'jitbitWebhookSecretApi']);
		return await fn.call({} as never, { id: '1', name: 'c', type, data } as ICredentialsDecrypted);
	};

	it('accepts what a rule can send and says what to fix otherwise', async () => {
		expect(await test('jitbitWebhookBasicAuthApi', { user: RULE_USER, password: RULE_PASSWORD })).toEqual({ status: 'OK', message: 'Ready: enter the same username and password in the Jitbit rule.' });
		expect((await test('jitbitWebhookBasicAuthApi', { user: 'a:b', password: 'x' })).message).toBe('Basic authentication cannot carry a colon in the username.');
		expect((await test('jitbitWebhookBasicAuthApi', { user: 'a', password: '' })).status).toBe('Error');
		expect((await test('jitbitWebhookSecretApi', { secret: SECRET })).status).toBe('OK');
		expect((await test('jitbitWebhookSecretApi', { secret: 'short' })).status).toBe('Error');
		expect((await test('jitbitWebhookSecretApi', { secret: 'has spaces and & in it, 16+' })).message).toMatch(/at least 16 letters, digits/);
	});
});
