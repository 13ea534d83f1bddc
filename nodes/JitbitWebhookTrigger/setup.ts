/**
 * The guided setup: one notice per event and authentication, shown by displayOptions, saying
 * what to enter in the Jitbit rule field by field. n8n renders notices as HTML limited to
 * `a`, `ul` and `li`, so steps are list items and templates are plain text in them.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { AuthMode } from './auth';
import type { RuleEventInfo } from './events';
import { RULE_EVENTS } from './events';
import { formTemplate, jsonTemplate, queryTemplate, SECRET_HEADER, SECRET_QUERY_PARAMETER } from './templates';

export const AUTH_MODES: Array<{ value: AuthMode; name: string; description: string }> = [
	{
		value: 'basicAuth',
		name: 'Basic Auth',
		description: 'The rule’s own “username / password for Basic Authentication” fields (recommended)',
	},
	{
		value: 'headerAuth',
		name: 'Header Secret',
		description: `A secret in a custom HTTP header of the rule, ${SECRET_HEADER}`,
	},
	{
		value: 'queryAuth',
		name: 'Query Parameter Secret',
		description: `A secret at the end of the rule’s URL, ?${SECRET_QUERY_PARAMETER}=… (URLs end up in logs: prefer the others)`,
	},
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function authStep(mode: AuthMode): string {
	switch (mode) {
		case 'basicAuth':
			return 'Username and password for Basic Authentication: those of this node’s credential.';
		case 'headerAuth':
			return `Add custom HTTP headers: ${SECRET_HEADER}: followed by the secret of this node’s credential.`;
		case 'queryAuth':
			return `At the end of the URL, add ?${SECRET_QUERY_PARAMETER}= followed by the secret of this node’s credential (with GET, &amp;${SECRET_QUERY_PARAMETER}=).`;
	}
}

/** The steps for one event and authentication, as the notice shows them. */
export function setupSteps(event: RuleEventInfo, mode: AuthMode): string[] {
	const steps = [
		'In Jitbit: Administration › Automation Rules › New rule.',
		`Trigger: “${event.jitbitName}”. Add conditions if you want fewer events.`,
		'Action: “Send an HTTP request” via POST, to this node’s Production URL (Webhook URLs, at the top of this panel). Use the Test URL while n8n listens for a test event.',
		`Post data, with “The POST data is in JSON format” ticked: ${escapeHtml(jsonTemplate(event.value))}`,
		`Or as form data (box not ticked): ${escapeHtml(formTemplate(event.value))}`,
		`Or via GET, everything in the URL (Jitbit allows #body# in post data only): ?${escapeHtml(queryTemplate(event.value))}`,
		authStep(mode),
	];
	if (event.customField) steps.push('Replace XXXX with the custom field’s ID (Administration › Custom Fields), in the key and in the token.');
	steps.push('Publish this workflow. Jitbit gets an instant 200 and the workflow runs after.');
	return steps;
}

/** Notice properties for every event × authentication pair; n8n shows the one that matches. */
export function setupNotices(): INodeProperties[] {
	return RULE_EVENTS.flatMap((event) =>
		AUTH_MODES.map(
			({ value: mode }): INodeProperties => ({
				displayName: `Set up the Jitbit rule:<ul>${setupSteps(event, mode)
					.map((step) => `<li>${step}</li>`)
					.join('')}</ul>`,
				name: `setup_${event.value}_${mode}`,
				type: 'notice',
				default: '',
				displayOptions: { show: { event: [event.value], authentication: [mode] } },
			}),
		),
	);
}
