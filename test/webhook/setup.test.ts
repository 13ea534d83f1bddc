/* eslint-disable @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
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

/** The parameters of each authentication mode, and the step the notice then gives. */
const AUTH_MODES = {
	basicAuth: [{ authentication: 'basicAuth' }, 'Username and password for Basic Authentication: those of this node’s credential.'],
	headerAuth: [{ authentication: 'secretAuth' }, 'Add custom HTTP headers: X-Jitbit-Secret: followed by the secret of this node’s credential.'],
	queryAuth: [
		{ authentication: 'secretAuth', secretLocation: 'query' },
		'At the end of the URL: ?secret= followed by the secret of this node’s credential (&amp;secret= after the fields of a GET).',
	],
} as const;

/** The notice's template back to the one a script can send: the wrapping spaces removed. */
const unwrapped = (shown: string) => shown.replace(/", "/g, '","').replace(/": "/g, '":"').replace(/ &amp;/g, '&');

describe.each(RULE_EVENTS.map((e) => [e.name, e] as const))('%s', (_name, event) => {
	it.each(Object.entries(AUTH_MODES))('with %s: one notice with the rule’s fields, step by step', (_mode, [params, authStep]) => {
		const { notices } = shown({ event: event.value, ...params });
		expect(notices).toHaveLength(1);
		const steps = /^Set up the Jitbit rule:<ul>(.*)<\/ul>$/.exec(notices[0])![1].split('</li>').filter(Boolean).map((s) => s.replace(/^<li>/, ''));
		expect(steps[1]).toBe(`Trigger: “${event.jitbitName}”. Add conditions if you want fewer events.`);
		expect(steps[2]).toMatch(/^Action: “Send an HTTP request” via POST, to this node’s Production URL/);
		const [json, form] = [steps[3], steps[4]].map((step) => step.slice(step.indexOf(': ') + 2));
		expect(steps[3]).toMatch(/^Post data, with “The POST data is in JSON format” ticked: /);
		expect(unwrapped(json)).toBe(templates.jsonTemplate(event.value));
		expect(JSON.parse(json)).toEqual(JSON.parse(templates.jsonTemplate(event.value)));
		expect(steps[4]).toMatch(/^Or as form data, the box not ticked: /);
		expect(unwrapped(form)).toBe(templates.formTemplate(event.value));
		// No word longer than the panel is wide: n8n does not break one.
		expect(Math.max(...notices[0].replace(/<[^>]+>/g, ' ').split(/\s+/).map((w) => w.length))).toBeLessThan(45);
		expect(steps).toContain(authStep);
		expect(steps.at(-1)).toBe('Publish this workflow. Jitbit gets an instant 200 and the workflow runs after.');
		expect(templates.jsonTemplate(event.value).includes('#most_recent_message#')).toBe(Boolean(event.reply));
	});
});

it('asks for the credential of the chosen authentication, and the Jitbit API one only to fetch the ticket', () => {
	expect(shown({ authentication: 'basicAuth' }).credentials).toEqual(['jitbitWebhookBasicAuthApi']);
	expect(shown({ authentication: 'secretAuth' }).credentials).toEqual(['jitbitWebhookSecretApi']);
	expect(shown({ authentication: 'secretAuth', secretLocation: 'query', fetchFullTicket: true }).credentials).toEqual(['jitbitWebhookSecretApi', 'jitbitApi']);
	expect(shown({}).parameters).toEqual(['event', 'authentication', 'fetchFullTicket', 'dedupeWindow']);
	expect(shown({ authentication: 'secretAuth' }).parameters).toEqual(['event', 'authentication', 'secretLocation', 'fetchFullTicket', 'dedupeWindow']);
	expect(shown({ fetchFullTicket: true }).parameters).toEqual(['event', 'authentication', 'fetchFullTicket', 'includeCustomFields', 'simplify', 'dedupeWindow', 'rateLimitHandling']);
});

it('listens for POST and GET on one URL and answers on receipt', () => {
	expect(description().webhooks!.map(({ httpMethod, path, responseMode }) => ({ httpMethod, path, responseMode }))).toEqual([
		{ httpMethod: 'POST', path: 'jitbit', responseMode: 'onReceived' },
		{ httpMethod: 'GET', path: 'jitbit', responseMode: 'onReceived' },
	]);
});
