import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { htmlToText } from '../shared/html';
import type { UploadSummary } from './uploads';

/** A Jitbit answer we could not use: raised inside the pipeline, mapped by `toNodeError`. */
export class JitbitHttpError extends Error {
	constructor(
		readonly status: number,
		readonly bodyText: string,
		readonly headers: Record<string, unknown> = {},
		readonly kind: 'status' | 'html' | 'empty' | 'unparseable' = 'status',
	) {
		super(`Jitbit answered ${status}`);
	}
}

/** Budget exhausted while Jitbit kept answering 429. */
export class RateLimitExhaustedError extends Error {
	constructor(
		readonly retries: number,
		readonly waitedMs: number,
	) {
		super('Rate limit retries exhausted');
	}
}

export interface RequestSummary {
	method: string;
	url: string;
	qs?: Record<string, unknown>;
	itemIndex?: number;
	baseUrl?: string;
	/** The files the request carried, if any. */
	upload?: UploadSummary;
}

const MAX_BODY_IN_MESSAGE = 300;

/**
 * n8n's error structure (UX guidelines): the message says what happened and ends with the item it
 * is about, `… [item 2]`; the description says what to do. Added once, wherever the error is built.
 */
export function atItem(message: string, itemIndex: number | undefined): string {
	return itemIndex === undefined || /\[item \d+\]$/.test(message) ? message : `${message} [item ${itemIndex}]`;
}

function shortBody(text: string): string {
	const flat = htmlToText(text).replace(/\s+/g, ' ');
	return flat.length > MAX_BODY_IN_MESSAGE ? `${flat.slice(0, MAX_BODY_IN_MESSAGE)}…` : flat;
}

/** `Ticket id=12` — what was asked for, without anything secret (ids and names only). */
function describeTarget(req: RequestSummary): string {
	const ids = Object.entries(req.qs ?? {})
		.filter(([key]) => /id$|email|username|query/i.test(key))
		.map(([key, value]) => `${key}=${String(value)}`);
	return [req.url.replace(/^\//, ''), ...ids].join(' ');
}

/** Jitbit's answer once three failed logins locked the caller's IP address (docs/jitbit-api.md §1). */
const LOCKOUT = /locked out|too many failed|lockout/i;

/**
 * IIS refuses a request above its size limit before Jitbit runs: 404.13 from request filtering,
 * 413, or ASP.NET's "Maximum request length exceeded" (docs/jitbit-api.md §9).
 */
function isTooLarge(error: JitbitHttpError): boolean {
	if (error.status === 413) return true;
	if (error.status === 404) return /404\.13|exceeds the request content length/i.test(error.bodyText);
	return error.status >= 500 && /maximum request length exceeded/i.test(error.bodyText);
}

function fileSize(bytes: number): string {
	return bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'the connection was dropped',
	ECONNABORTED: 'the request timed out',
	ETIMEDOUT: 'the request timed out',
	ENOTFOUND: 'the host name does not resolve',
	EAI_AGAIN: 'the host name does not resolve',
	EPROTO: 'the TLS handshake did not complete',
	CERT_HAS_EXPIRED: 'its TLS certificate has expired',
};

/** The network error code buried in an n8n or axios error, if there is one. */
export function networkCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z_]+$|^CERT_/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

/**
 * Turns anything the pipeline caught into the error a user sees: what went wrong, what to fix,
 * and the item index. Built from our own summary, never from the raw request, so the
 * Authorization header cannot leak into messages or the error's JSON.
 */
export function toNodeError(node: INode, error: unknown, req: RequestSummary): NodeApiError | NodeOperationError {
	const itemIndex = req.itemIndex;
	if (error instanceof NodeOperationError || (error instanceof NodeApiError && !networkCode(error))) {
		if (itemIndex !== undefined) error.context.itemIndex = itemIndex;
		error.message = atItem(error.message, itemIndex);
		return error;
	}
	const target = describeTarget(req);
	if (error instanceof RateLimitExhaustedError) {
		const seconds = Math.round(error.waitedMs / 1000);
		return new NodeApiError(node, { status: 429, target } as JsonObject, {
			httpCode: '429',
			itemIndex,
			message: atItem(`Jitbit's rate limit was still exceeded after ${error.retries} retries over ${seconds} s (${target})`, itemIndex),
			description:
				"Others kept this Jitbit user's limit busy for longer than the node waits. Raise 'Max Retries' or 'Max Total Wait' under the node's Rate Limit Handling option, or run fewer workflows against this helpdesk at the same time.",
		});
	}
	if (error instanceof JitbitHttpError) {
		const body = shortBody(error.bodyText);
		const response = { status: error.status, body, target } as JsonObject;
		const make = (message: string, description: string) =>
			new NodeApiError(node, response, { httpCode: String(error.status), itemIndex, message: atItem(message, itemIndex), description });
		if (error.kind === 'html') {
			return make(
				`The helpdesk answered with a web page instead of API data (${target})`,
				'Check the Helpdesk URL in the credential: it should be the address of your helpdesk, e.g. https://company.jitbit.com/helpdesk (SaaS) or https://intranet.example.com/helpdesk. A login page here usually means the URL points at the wrong place or the API is disabled.',
			);
		}
		if (error.kind === 'status' && isTooLarge(error)) {
			const files = req.upload;
			return make(
				files
					? `The request was too large for the helpdesk: ${files.files === 1 ? 'the file totals' : `the ${files.files} files total`} ${fileSize(files.bytes)} (${target})`
					: `The request was too large for the helpdesk (${target})`,
				'The web server in front of Jitbit refused it before Jitbit saw it: on-premise installs accept requests up to a set size, often 20 MB or 50 MB. Send fewer or smaller files per request (e.g. one Attachment → Upload per file), or ask the helpdesk administrator to raise the request size limit (maxAllowedContentLength in IIS).',
			);
		}
		if ((error.status === 401 || error.status === 403) && LOCKOUT.test(error.bodyText)) {
			return make(
				`Jitbit has locked this IP address out after failed logins (${error.status}): ${body}`,
				'After three failed logins Jitbit refuses every call from this IP address for 5 minutes, with any credential, the correct one too. Wait 5 minutes, then run the node or test the credential once; fix the username and password or the API token first if they were wrong.',
			);
		}
		if (error.kind === 'empty') {
			return make(
				`The helpdesk answered with an empty body where data was expected (${target})`,
				'Older Jitbit versions answer this way when a call fails silently. Check the IDs you passed and that the credential user can see them.',
			);
		}
		if (error.kind === 'unparseable') {
			return make(
				`The helpdesk answered with data the node could not read (${target}): ${body}`,
				'Check the Helpdesk URL; if it is right, the answer above is what Jitbit returned.',
			);
		}
		switch (error.status) {
			case 400:
				return make(
					`Jitbit rejected the request as invalid: ${body || 'missing or malformed parameters'}`,
					`Check the fields the message names (${target}).`,
				);
			case 401:
				return make(
					`Jitbit rejected the credentials (401): ${body || 'no reason given'}`,
					'Check the username and password or the API token in the Jitbit credential. API tokens expire when their user changes password. Three failed logins lock your IP address for 5 minutes, so fix the credential before running again.',
				);
			case 403:
				return make(
					`The Jitbit user of this credential is not allowed to do this (${target})`,
					`Jitbit said: ${body || 'forbidden'}. Calls run with the permissions of the credential's user: user, company and some ticket operations need a technician or helpdesk administrator.`,
				);
			case 404:
				// A write that answers 404 was not missing itself: one of the IDs it sent was.
				return make(
					req.method === 'GET' ? `Not found in Jitbit: ${target}` : `Not found in Jitbit: an ID sent to ${target}`,
					`Jitbit said: ${body || 'no such resource'}. Check that the ID exists and that the credential's user can see it.`,
				);
			default:
				return error.status >= 500
					? make(
							`The helpdesk could not handle the request (${error.status}) for ${target}`,
							`Jitbit said: ${body || 'nothing'}. Jitbit also answers 500 for some invalid input, e.g. creating a user whose username or email already exists.`,
						)
					: make(`Jitbit answered ${error.status} for ${target}: ${body}`, 'See the message from Jitbit above.');
		}
	}
	const code = networkCode(error);
	if (code) {
		// Not `code`: NodeApiError would replace our message with its generic one for known codes.
		return new NodeApiError(node, { networkError: code, target } as JsonObject, {
			itemIndex,
			message: atItem(`Could not reach the helpdesk at ${req.baseUrl ?? 'the configured URL'}: ${NETWORK_MESSAGES[code] ?? code}`, itemIndex),
			description:
				'Check the Helpdesk URL in the credential and that the helpdesk is reachable from n8n. Reads were retried; creates and updates are never re-sent after a network error, so check whether this one was applied before running it again.',
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, atItem(message, itemIndex), { itemIndex });
}
