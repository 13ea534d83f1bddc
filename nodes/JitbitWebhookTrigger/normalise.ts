/**
 * One item per delivery, under the same names whatever template or body form the rule used:
 * numbers as numbers, tokens Jitbit left in place (`#technician#` on an unassigned ticket) as
 * null, HTML as text beside the HTML, custom fields by ID.
 */
import type { IDataObject } from 'n8n-workflow';

import { htmlToText } from '../Jitbit/shared/html';
import type { RuleEventInfo } from './events';
import type { Delivery } from './parse';
import { canonicalKey } from './parse';

const PRIORITY_NAMES: Record<string, string> = { '-1': 'Low', '0': 'Normal', '1': 'High', '2': 'Critical' };

/** Where a field of any known spelling goes in the item. */
const TARGETS: Record<string, string> = {
	ticketid: 'ticketId',
	subject: 'subject',
	body: 'body',
	mostrecentmessage: 'mostRecentMessage',
	url: 'url',
	priority: 'priority',
	statusid: 'statusId',
	technician: 'technician',
	from: 'from',
	fromemail: 'fromEmail',
	date: 'date',
};

/** A whole value that is still a token, e.g. `#technician#`: Jitbit had nothing to put there. */
const UNSUBSTITUTED = /^#[A-Za-z][\w]*#$/;

function clean(value: unknown): IDataObject[string] {
	if (typeof value !== 'string') return value ?? null;
	const text = value.trim();
	return text === '' || UNSUBSTITUTED.test(text) ? null : value;
}

function text(value: unknown): string | null {
	const v = clean(value);
	return v === null ? null : String(v).trim();
}

function integer(value: unknown): number | null {
	const v = text(value);
	return v !== null && /^-?\d+$/.test(v) ? Number(v) : null;
}

/** `#priority#` may be the number (-1..2) or the name (Low..Critical). */
function priorityOf(value: unknown): { priority: number | null; priorityName: string | null } {
	const v = text(value);
	if (v === null) return { priority: null, priorityName: null };
	const byName = Object.entries(PRIORITY_NAMES).find(([, name]) => name.toLowerCase() === v.toLowerCase());
	if (byName) return { priority: Number(byName[0]), priorityName: byName[1] };
	const n = integer(v);
	return { priority: n, priorityName: n === null ? v : (PRIORITY_NAMES[String(n)] ?? null) };
}

/** Jitbit marks bodies stored by its web app with `<!--html-->`. */
function html(value: unknown): string | null {
	const v = text(value);
	return v === null ? null : v.replace(/^<!--html-->/, '');
}

export interface NormaliseInput {
	event: RuleEventInfo;
	fields: IDataObject;
	problems: string[];
	/** The delivery without the secret query parameter. */
	delivery: Delivery;
}

export function normalise({ event, fields, problems, delivery }: NormaliseInput): IDataObject {
	const known: IDataObject = {};
	const customFields: IDataObject = {};
	const otherFields: IDataObject = {};
	const warnings = [...problems];
	for (const [key, value] of Object.entries(fields)) {
		const canonical = canonicalKey(key);
		const fieldId = /^cf(\d+)$/.exec(canonical)?.[1];
		if (TARGETS[canonical] && !(TARGETS[canonical] in known)) known[TARGETS[canonical]] = value;
		else if (fieldId) customFields[fieldId] = clean(value);
		else {
			if (canonical === 'cfxxxx') warnings.push(`Replace XXXX in "${key}" with the custom field's ID, in the key and in the token.`);
			otherFields[key] = clean(value);
		}
	}
	const ticketId = integer(known.ticketId);
	if (ticketId === null) warnings.push('The payload has no ticket ID: check the rule’s post data has ticketId=#ticketId#.');
	const body = html(known.body);
	const message = html(known.mostRecentMessage);
	return {
		event: event.value,
		eventName: event.jitbitName,
		ticketId,
		subject: text(known.subject) === null ? null : htmlToText(known.subject),
		body: body === null ? null : htmlToText(body),
		bodyHtml: body,
		mostRecentMessage: message === null ? null : htmlToText(message),
		mostRecentMessageHtml: message,
		url: text(known.url),
		...priorityOf(known.priority),
		statusId: integer(known.statusId),
		technician: text(known.technician),
		from: text(known.from),
		fromEmail: text(known.fromEmail),
		date: text(known.date),
		customFields,
		otherFields,
		warnings,
		rawPayload: { method: delivery.method, contentType: delivery.contentType, body: delivery.body, query: delivery.query },
	};
}
