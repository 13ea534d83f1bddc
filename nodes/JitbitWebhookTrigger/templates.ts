/**
 * What to type into the "Send an HTTP request" action of a Jitbit rule, per event. Jitbit puts
 * each token's text in place as it is (no escaping), so a quote in a subject can break JSON and an
 * `&` can break form data. The templates are laid out for the recovery in parse.ts: every value
 * quoted, the short fields first and the free text (subject, body, reply) last.
 */
import type { RuleEvent } from './events';
import { eventInfo } from './events';

/** Placeholder the user replaces with the custom field's ID (Jitbit's token is `#cf_<ID>#`). */
export const CUSTOM_FIELD_PLACEHOLDER = 'XXXX';

/** The secret query parameter and header of the Query and Header authentication modes. */
export const SECRET_QUERY_PARAMETER = 'secret';
export const SECRET_HEADER = 'X-Jitbit-Secret';

/** A payload key and the Jitbit token that fills it. */
export type TemplateField = [key: string, token: string];

const SHORT_FIELDS: TemplateField[] = [
	['ticketId', '#ticketId#'],
	['statusId', '#statusId#'],
	['priority', '#priority#'],
	['date', '#date#'],
	['url', '#url#'],
	['technician', '#technician#'],
	['from', '#from#'],
	['fromEmail', '#fromEmail#'],
];

/** Jitbit allows these two tokens in the post data only, not in the URL. */
const POST_ONLY = new Set(['#body#', '#most_recent_message#']);

/** The fields of an event's template, in order. */
export function templateFields(event: RuleEvent): TemplateField[] {
	const info = eventInfo(event);
	const fields = [...SHORT_FIELDS];
	if (info?.customField) fields.push([`cf_${CUSTOM_FIELD_PLACEHOLDER}`, `#cf_${CUSTOM_FIELD_PLACEHOLDER}#`]);
	fields.push(['subject', '#subject#'], ['body', '#body#']);
	if (info?.reply) fields.push(['mostRecentMessage', '#most_recent_message#']);
	return fields;
}

/** Post data for a rule with "The POST data is in JSON format" ticked. */
export function jsonTemplate(event: RuleEvent): string {
	return `{${templateFields(event)
		.map(([key, token]) => `"${key}":"${token}"`)
		.join(',')}}`;
}

/** Post data for a rule without the JSON box: a form. */
export function formTemplate(event: RuleEvent): string {
	return templateFields(event)
		.map(([key, token]) => `${key}=${token}`)
		.join('&');
}

/** The query string for a GET rule (tokens Jitbit allows in the URL only). */
export function queryTemplate(event: RuleEvent): string {
	return templateFields(event)
		.filter(([, token]) => !POST_ONLY.has(token))
		.map(([key, token]) => `${key}=${token}`)
		.join('&');
}
