/**
 * The guided setup: one notice per event and way of authenticating, shown by displayOptions,
 * saying what to enter in the Jitbit rule field by field. n8n renders notices as HTML limited to
 * `a`, `ul` and `li`, and does not break a long word: templates are shown with a space after
 * each separator (harmless: values are trimmed), so the panel can wrap them.
 */
import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { AuthMode } from './auth';
import type { RuleEventInfo } from './events';
import { RULE_EVENTS } from './events';
import { SECRET_HEADER, SECRET_QUERY_PARAMETER, templateFields } from './templates';

/** The node's Authentication options: one credential type each, as n8n's credential picker needs. */
export const AUTHENTICATION_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Basic Auth',
		value: 'basicAuth',
		description: 'The rule’s own username and password for Basic Authentication (recommended)',
	},
	{
		name: 'Secret',
		value: 'secretAuth',
		description: `A secret the rule sends in the ${SECRET_HEADER} header or in its URL`,
	},
];

/** Where a Secret is sent: the Send Secret In parameter. */
export const SECRET_LOCATIONS: INodePropertyOptions[] = [
	{ name: `Header (${SECRET_HEADER})`, value: 'header', description: 'A custom HTTP header of the rule' },
	{
		name: `Query Parameter (?${SECRET_QUERY_PARAMETER}=)`,
		value: 'query',
		description: 'The end of the rule’s URL. URLs end up in logs: prefer the header.',
	},
];

/** The parameter values that select each authentication mode. */
export const AUTH_MODE_SHOWN: Record<AuthMode, IDisplayOptions['show']> = {
	basicAuth: { authentication: ['basicAuth'] },
	headerAuth: { authentication: ['secretAuth'], secretLocation: ['header'] },
	queryAuth: { authentication: ['secretAuth'], secretLocation: ['query'] },
};

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function authStep(mode: AuthMode): string {
	switch (mode) {
		case 'basicAuth':
			return 'Username and password for Basic Authentication: those of this node’s credential.';
		case 'headerAuth':
			return `Add custom HTTP headers: ${SECRET_HEADER}: followed by the secret of this node’s credential.`;
		case 'queryAuth':
			return `At the end of the URL: ?${SECRET_QUERY_PARAMETER}= followed by the secret of this node’s credential (&amp;${SECRET_QUERY_PARAMETER}= after the fields of a GET).`;
	}
}

/** The templates as the notice shows them (templates.ts has them without the spaces). */
function shownJson(event: RuleEventInfo): string {
	return `{${templateFields(event.value)
		.map(([key, token]) => `"${key}": "${token}"`)
		.join(', ')}}`;
}

function shownForm(event: RuleEventInfo): string {
	return templateFields(event.value)
		.map(([key, token]) => `${key}=${token}`)
		.join(' &');
}

/** The steps for one event and authentication mode, as the notice shows them. */
export function setupSteps(event: RuleEventInfo, mode: AuthMode): string[] {
	const steps = [
		'In Jitbit: Administration › Automation Rules › New rule.',
		`Trigger: “${event.jitbitName}”. Add conditions if you want fewer events.`,
		'Action: “Send an HTTP request” via POST, to this node’s Production URL (Webhook URLs, at the top). Use the Test URL while n8n listens for a test event.',
		`Post data, with “The POST data is in JSON format” ticked: ${escapeHtml(shownJson(event))}`,
		`Or as form data, the box not ticked: ${escapeHtml(shownForm(event))}`,
		'Or via GET: the form’s fields after ? in the URL, without spaces, #body# and #most_recent_message# (Jitbit allows these in post data only).',
		authStep(mode),
	];
	if (event.customField) steps.push('Replace XXXX with the custom field’s ID (Administration › Custom Fields), in the key and in the token.');
	steps.push('Publish this workflow. Jitbit gets an instant 200 and the workflow runs after.');
	return steps;
}

/** Notice properties for every event × authentication mode; n8n shows the one that matches. */
export function setupNotices(): INodeProperties[] {
	return RULE_EVENTS.flatMap((event) =>
		(Object.keys(AUTH_MODE_SHOWN) as AuthMode[]).map(
			(mode): INodeProperties => ({
				displayName: `Set up the Jitbit rule:<ul>${setupSteps(event, mode)
					.map((step) => `<li>${step}</li>`)
					.join('')}</ul>`,
				name: `setup_${event.value}_${mode}`,
				type: 'notice',
				default: '',
				displayOptions: { show: { event: [event.value], ...AUTH_MODE_SHOWN[mode] } },
			}),
		),
	);
}
