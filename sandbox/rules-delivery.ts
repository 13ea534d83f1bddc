/* eslint-disable @n8n/community-nodes/no-restricted-imports -- does not ship (README, Development: Lint) */
/**
 * The HTTP request of a rule: Jitbit's tokens replaced by the ticket's text exactly as it is
 * (no JSON or URL escaping: a quote breaks a JSON template, an `&` a form), then sent once, with
 * no retry. `#body#` and `#most_recent_message#` are replaced in the post data only; a token
 * with no value on this helpdesk (`#category#`, `#cf_999#` for no such field) stays as it is.
 */
import http from 'node:http';

import type { CommentRec, SandboxDb, TicketRec, UserRec } from './db';
import type { HttpRule } from './rules';

export interface RuleRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: string;
}

export interface RuleAnswer {
	status: number;
	responseBody: string;
	durationMs: number;
	error?: string;
	at: number;
}

const TIMEOUT_MS = 10_000;
/** The only hosts the sandbox sends rules to. */
export const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const POST_DATA_ONLY = new Set(['body', 'most_recent_message']);

function fullName(u: UserRec | undefined): string {
	if (!u) return '';
	return `${u.firstName} ${u.lastName}`.trim() || u.username;
}

/** Token name -> text, for one ticket. */
function tokenValues(db: SandboxDb, t: TicketRec, baseUrl: string, comment?: CommentRec): Map<string, string> {
	const submitter = db.users.get(t.userId);
	const latest = comment ?? db.commentsOf(t.ticketId).at(-1);
	const values = new Map<string, string>([
		['ticketId', String(t.ticketId)],
		['subject', t.subject],
		['body', t.body],
		['url', `${baseUrl}/helpdesk/Ticket/${t.ticketId}`], // as the ticket's Url (shapes.ts)
		['from', fullName(submitter)],
		['fromEmail', submitter?.email ?? ''],
		['technician', t.assignedToUserId === null ? '' : fullName(db.users.get(t.assignedToUserId))],
		['priority', String(t.priority)],
		['statusId', String(t.statusId)],
		['date', t.issueDate],
		['most_recent_message', latest?.body ?? ''],
	]);
	for (const f of db.fieldsForCategory(t.categoryId)) {
		const raw = t.customFields[f.fieldId] ?? '';
		// Dropdowns store the option id; the rule shows the option's text.
		const text = f.type === 3 ? (f.options.find((o) => String(o.optionId) === raw)?.name ?? raw) : raw;
		values.set(`cf_${f.fieldId}`, text);
	}
	return values;
}

function replaceTokens(template: string, values: Map<string, string>, inUrl: boolean): string {
	return template.replace(/#([A-Za-z_][A-Za-z0-9_]*)#/g, (whole, name: string) => {
		if (inUrl && POST_DATA_ONLY.has(name)) return whole;
		return values.get(name) ?? whole;
	});
}

/** The request one rule sends for one ticket, as it stands now. */
export function substitute(rule: HttpRule, db: SandboxDb, ticket: TicketRec, baseUrl: string, comment?: CommentRec): RuleRequest {
	const values = tokenValues(db, ticket, baseUrl, comment);
	const headers: Record<string, string> = { ...rule.headers };
	if (rule.username || rule.password) {
		headers.Authorization = `Basic ${Buffer.from(`${rule.username}:${rule.password}`, 'utf8').toString('base64')}`;
	}
	const post = rule.method === 'POST';
	if (post) headers['Content-Type'] = rule.json ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded';
	return {
		method: rule.method,
		// new URL() percent-encodes what a URL cannot carry (spaces, non-ASCII), as an HTTP client must.
		url: new URL(replaceTokens(rule.url, values, true)).toString(),
		headers,
		body: post ? replaceTokens(rule.postData, values, false) : '',
	};
}

/** Sends one request and records its answer; never throws. */
export function deliver(request: RuleRequest): Promise<RuleAnswer> {
	const started = Date.now();
	return new Promise((resolve) => {
		const finish = (status: number, responseBody: string, error?: string) =>
			resolve({ status, responseBody, durationMs: Date.now() - started, at: started, ...(error ? { error } : {}) });
		const url = new URL(request.url);
		if (!LOOPBACK.has(url.hostname)) {
			finish(0, '', 'the sandbox delivers rules to 127.0.0.1 only');
			return;
		}
		const body = Buffer.from(request.body, 'utf8');
		const req = http.request(url, {
			method: request.method,
			headers: { ...request.headers, ...(request.method === 'POST' ? { 'Content-Length': String(body.length) } : {}) },
			timeout: TIMEOUT_MS,
		});
		req.on('response', (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
			res.on('error', (e) => finish(res.statusCode ?? 0, '', e.message));
		});
		req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
		req.on('error', (e) => finish(0, '', e.message));
		req.end(request.method === 'POST' ? body : undefined);
	});
}
