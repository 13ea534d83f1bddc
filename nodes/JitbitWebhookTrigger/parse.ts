/**
 * Reads what a Jitbit rule sent: a JSON or form body (POST) or the query string (GET). Jitbit
 * puts token text in place without escaping it, so a quote or line break in a subject breaks a
 * JSON template, and an `&` (`&nbsp;` in every HTML body) breaks a form. Both are read field by
 * field where a strict parser would give up; what could not be read strictly is reported.
 */
import type { IDataObject } from 'n8n-workflow';

/** One delivery as received. */
export interface Delivery {
	method: string;
	/** Lower-cased, without parameters ('' when none was sent). */
	contentType: string;
	body: string;
	/** The query string as sent (without `?`). */
	query: string;
}

export interface ParsedPayload {
	fields: IDataObject;
	/** Why the payload could not be read strictly, for the item's `warnings`. */
	problems: string[];
}

/**
 * Field names the node knows, lower-cased without `_` or `-`: those of its templates, the ones of
 * a documented hand-made setup (`ticket_id`, `category`, `tags`) and custom fields (`cf_123`).
 */
const KNOWN = new Set([
	'ticketid', 'subject', 'body', 'url', 'from', 'fromemail', 'technician', 'priority', 'statusid', 'date',
	'mostrecentmessage', 'category', 'tags', 'event',
]);

export function canonicalKey(key: string): string {
	return key.toLowerCase().replace(/[_\-\s]/g, '');
}

export function isKnownKey(key: string): boolean {
	const canonical = canonicalKey(key);
	return KNOWN.has(canonical) || /^cf\d+$/.test(canonical) || canonical === 'cfxxxx';
}

/** `%XX` runs decoded where they are valid UTF-8, `+` as a space; anything else left as sent. */
function decodeFormText(text: string): string {
	return text.replace(/\+/g, ' ').replace(/(%[0-9a-f]{2})+/gi, (run) => {
		try {
			return decodeURIComponent(run);
		} catch {
			return run;
		}
	});
}

/**
 * A form body. A piece after an `&` starts a new field only when it reads `<known name>=` (or,
 * in a form without any known name, `<name>=`); any other piece belongs to the value before it.
 */
export function parseForm(text: string): IDataObject {
	const pieces = text.split('&');
	const named = (piece: string) => /^([^=]+)=/.exec(piece)?.[1];
	const anyKnown = pieces.some((piece) => {
		const name = named(piece);
		return name !== undefined && isKnownKey(decodeFormText(name));
	});
	const fields: Array<[string, string]> = [];
	for (const piece of pieces) {
		const name = named(piece);
		const decodedName = name === undefined ? undefined : decodeFormText(name);
		const startsField =
			decodedName !== undefined &&
			(fields.length === 0 || isKnownKey(decodedName) || (!anyKnown && /^[\w.[\]-]+$/.test(decodedName)));
		if (startsField) {
			fields.push([decodedName!, piece.slice(name!.length + 1)]);
		} else if (fields.length) {
			fields[fields.length - 1][1] += `&${piece}`;
		} else if (piece !== '') {
			fields.push([decodeFormText(piece), '']);
		}
	}
	return Object.fromEntries(fields.map(([key, value]) => [key, decodeFormText(value)]));
}

function jsonLiteral(text: string): IDataObject[string] {
	if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
	if (text === 'true' || text === 'false') return text === 'true';
	if (text === 'null') return null;
	return text;
}

/** JSON string escapes decoded where valid; a stray backslash stays. */
function unescapeJsonText(text: string): string {
	return text.replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_m, code: string) => {
		if (code[0] === 'u') return String.fromCharCode(parseInt(code.slice(1), 16));
		return ({ '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[code];
	});
}

/** Values people write freely: they may contain anything, JSON included. */
const FREE_TEXT = new Set(['subject', 'body', 'mostrecentmessage']);

/**
 * A flat JSON object that JSON.parse refused. Keys are found where a key can start (after `{` or
 * `,`); each value runs to the next key, so quotes and line breaks inside it do no harm. After
 * a free-text field only a known key ends it: a ticket body may well hold `{"code": 5}`.
 */
export function recoverJson(text: string): IDataObject {
	const keyPattern = /(^|[{,])\s*"([A-Za-z_][\w.-]{0,63})"\s*:\s*/g;
	const keys: Array<{ key: string; start: number; valueStart: number }> = [];
	let inFreeText = false;
	for (let m = keyPattern.exec(text); m; m = keyPattern.exec(text)) {
		if (inFreeText && !isKnownKey(m[2])) continue;
		keys.push({ key: m[2], start: m.index, valueStart: m.index + m[0].length });
		inFreeText = FREE_TEXT.has(canonicalKey(m[2]));
	}
	const end = text.lastIndexOf('}');
	const fields: IDataObject = {};
	keys.forEach(({ key, valueStart }, i) => {
		const stop = i + 1 < keys.length ? keys[i + 1].start : end > valueStart ? end : text.length;
		let value = text.slice(valueStart, stop).trim();
		if (value.startsWith('"')) {
			value = value.slice(1);
			if (value.endsWith('"')) value = value.slice(0, -1);
			fields[key] = unescapeJsonText(value);
		} else {
			fields[key] = jsonLiteral(value);
		}
	});
	return fields;
}

/** Where a broken payload still shows its ticket: `ticketId: 12`, `ticket_id=12`, `/Ticket/12`. */
export function findTicketId(text: string): number | undefined {
	const match = /ticket_?id["']?\s*[:=]\s*["']?(\d+)/i.exec(text) ?? /\/ticket\/(\d+)/i.exec(text);
	return match ? Number(match[1]) : undefined;
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeJson(delivery: Delivery): boolean {
	return delivery.contentType.includes('json') || delivery.body.trimStart().startsWith('{');
}

function parseJsonBody(body: string): ParsedPayload {
	try {
		const parsed: unknown = JSON.parse(body);
		if (isPlainObject(parsed)) return { fields: parsed, problems: [] };
		return { fields: {}, problems: ['The POST data is JSON but not an object; the raw payload is under rawPayload.'] };
	} catch (error) {
		const fields = recoverJson(body);
		const problem =
			`The POST data is not valid JSON (${(error as Error).message}): Jitbit inserts ticket text unescaped, ` +
			`so a quote or line break in a value breaks it. Recovered ${Object.keys(fields).length} field(s) by name; ` +
			'the raw payload is under rawPayload.';
		return { fields, problems: [problem] };
	}
}

/** The fields of a delivery, the query string under the body (a POST URL may carry tokens too). */
export function parseDelivery(delivery: Delivery): ParsedPayload {
	const query = delivery.query ? parseForm(delivery.query) : {};
	if (delivery.method === 'GET' || delivery.body.trim() === '') return { fields: query, problems: [] };
	const parsed = looksLikeJson(delivery) ? parseJsonBody(delivery.body) : { fields: parseForm(delivery.body), problems: [] };
	const fields = { ...query, ...parsed.fields };
	if (fields.ticketId === undefined && !Object.keys(fields).some((key) => canonicalKey(key) === 'ticketid')) {
		const ticketId = findTicketId(delivery.body);
		if (ticketId !== undefined) fields.ticketId = ticketId;
	}
	return { fields, problems: parsed.problems };
}
