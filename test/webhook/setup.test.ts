/**
 * The guided setup as the editor shows it: n8n's own displayParameter picks, for each event and
 * authentication, the notice and the credentials the node panel shows.
 */
import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Harness } from '../harness';
import { templates } from './env';
import { WEBHOOK_TYPE } from './harness';

const { RULE_EVENTS } = require('../../dist/nodes/JitbitWebhookTrigger/events') as typeof import('../../nodes/JitbitWebhookTrigger/events');

let h: Harness;
beforeAll(async () => {
	h = await Harness.load();
});

const description = () => h.nodeTypes.getByNameAndVersion(WEBHOOK_TYPE, 1).description;

function shown(parameters: Record<string, unknown>) {
	const desc = description();
	const node = { parameters, type: WEBHOOK_TYPE, typeVersion: 1 } as unknown as INode;
	const values = NodeHelpers.getNodeParameters(desc.properties, node.parameters, true, false, node, desc)!;
	const visible = (p: { displayOptions?: INodeProperties['displayOptions'] }) => NodeHelpers.displayParameter(values, p as INodeProperties, node, desc);
	return {
		notices: desc.properties.filter((p) => p.type === 'notice' && visible(p)).map((p) => p.displayName),
		credentials: (desc.credentials ?? []).filter(visible).map((c) => c.name),
		parameters: desc.properties.filter((p) => p.type !== 'notice' && p.type !== 'hidden' && visible(p)).map((p) => p.name),
	};
}

const AUTH_STEPS = {
	basicAuth: 'Username and password for Basic Authentication: those of this node’s credential.',
	headerAuth: 'Add custom HTTP headers: X-Jitbit-Secret: followed by the secret of this node’s credential.',
	queryAuth: 'At the end of the URL, add ?secret= followed by the secret of this node’s credential (with GET, &amp;secret=).',
};

describe.each(RULE_EVENTS.map((e) => [e.name, e] as const))('%s', (_name, event) => {
	it.each(Object.entries(AUTH_STEPS))('with %s: one notice with the rule’s fields, step by step', (authentication, authStep) => {
		const { notices } = shown({ event: event.value, authentication });
		expect(notices).toHaveLength(1);
		const steps = /^Set up the Jitbit rule:<ul>(.*)<\/ul>$/.exec(notices[0])![1].split('</li>').filter(Boolean).map((s) => s.replace(/^<li>/, ''));
		expect(steps[1]).toBe(`Trigger: “${event.jitbitName}”. Add conditions if you want fewer events.`);
		expect(steps[2]).toMatch(/^Action: “Send an HTTP request” via POST, to this node’s Production URL/);
		expect(steps[3]).toBe(`Post data, with “The POST data is in JSON format” ticked: ${templates.jsonTemplate(event.value)}`);
		expect(steps[4]).toBe(`Or as form data (box not ticked): ${templates.formTemplate(event.value).replace(/&/g, '&amp;')}`);
		expect(steps).toContain(authStep);
		expect(steps.at(-1)).toBe('Publish this workflow. Jitbit gets an instant 200 and the workflow runs after.');
		expect(templates.jsonTemplate(event.value).includes('#most_recent_message#')).toBe(Boolean(event.reply));
	});
});

it('asks for the credential of the chosen authentication, and the Jitbit API one only to fetch the ticket', () => {
	expect(shown({ authentication: 'basicAuth' }).credentials).toEqual(['jitbitWebhookBasicAuthApi']);
	expect(shown({ authentication: 'headerAuth' }).credentials).toEqual(['jitbitWebhookSecretApi']);
	expect(shown({ authentication: 'queryAuth', fetchFullTicket: true }).credentials).toEqual(['jitbitWebhookSecretApi', 'jitbitApi']);
	expect(shown({}).parameters).toEqual(['event', 'authentication', 'fetchFullTicket', 'dedupeWindow']);
	expect(shown({ fetchFullTicket: true }).parameters).toEqual(['event', 'authentication', 'fetchFullTicket', 'includeCustomFields', 'simplify', 'dedupeWindow', 'rateLimitHandling']);
});

it('listens for POST and GET on one URL and answers on receipt', () => {
	expect(description().webhooks!.map(({ httpMethod, path, responseMode }) => ({ httpMethod, path, responseMode }))).toEqual([
		{ httpMethod: 'POST', path: 'jitbit', responseMode: 'onReceived' },
		{ httpMethod: 'GET', path: 'jitbit', responseMode: 'onReceived' },
	]);
});
