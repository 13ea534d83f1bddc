/**
 * Checks a delivery against the node's credential before anything else runs: no credential
 * answer, missing secret 401, wrong secret 403, and the workflow does not start. Answers and
 * logs never contain what was sent or expected.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { SECRET_HEADER, SECRET_QUERY_PARAMETER } from './templates';

/** How a delivery authenticates: the Authentication parameter, and for a Secret where it is sent. */
export type AuthMode = 'basicAuth' | 'headerAuth' | 'queryAuth';

export function authMode(ctx: IWebhookFunctions): AuthMode {
	if (ctx.getNodeParameter('authentication') === 'basicAuth') return 'basicAuth';
	return ctx.getNodeParameter('secretLocation', 'header') === 'query' ? 'queryAuth' : 'headerAuth';
}

export const BASIC_CREDENTIAL = 'jitbitWebhookBasicAuthApi';
export const SECRET_CREDENTIAL = 'jitbitWebhookSecretApi';

export interface Rejection {
	status: 401 | 403 | 500;
	message: string;
	headers?: Record<string, string>;
}

/** Compares in time independent of where the strings differ. */
function sameSecret(received: string, expected: string): boolean {
	let diff = received.length ^ expected.length;
	for (let i = 0; i < expected.length; i++) diff |= (received.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
	return diff === 0;
}

function firstValue(value: unknown): string | undefined {
	const one = Array.isArray(value) ? value[0] : value;
	return one === undefined || one === null ? undefined : String(one);
}

const REALM = { 'WWW-Authenticate': 'Basic realm="Jitbit Webhook Trigger"' };

function notConfigured(what: string): Rejection {
	return { status: 500, message: `The Jitbit Webhook Trigger's credential has no ${what}: open the node and set its credential.` };
}

async function checkBasic(ctx: IWebhookFunctions): Promise<Rejection | undefined> {
	const credentials = await ctx.getCredentials(BASIC_CREDENTIAL);
	const user = String(credentials.user ?? '');
	const password = String(credentials.password ?? '');
	if (!user || !password) return notConfigured('username or password');
	const header = firstValue(ctx.getHeaderData().authorization);
	const match = header ? /^\s*basic\s+(\S+)\s*$/i.exec(header) : null;
	if (!match) {
		return { status: 401, message: 'Basic authentication required: enter the credential’s username and password in the Jitbit rule.', headers: REALM };
	}
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	const ok = colon >= 0 && sameSecret(decoded.slice(0, colon), user) && sameSecret(decoded.slice(colon + 1), password);
	return ok ? undefined : { status: 403, message: 'Wrong username or password for this Jitbit Webhook Trigger.' };
}

async function checkSecret(ctx: IWebhookFunctions, received: string | undefined, where: string): Promise<Rejection | undefined> {
	const credentials = await ctx.getCredentials(SECRET_CREDENTIAL);
	const secret = String(credentials.secret ?? '');
	if (!secret) return notConfigured('secret');
	if (received === undefined || received === '') return { status: 401, message: `Secret required in ${where}.` };
	return sameSecret(received, secret) ? undefined : { status: 403, message: `Wrong secret in ${where}.` };
}

export async function checkAuth(ctx: IWebhookFunctions, mode: AuthMode): Promise<Rejection | undefined> {
	switch (mode) {
		case 'basicAuth':
			return await checkBasic(ctx);
		case 'headerAuth':
			return await checkSecret(ctx, firstValue(ctx.getHeaderData()[SECRET_HEADER.toLowerCase()]), `the ${SECRET_HEADER} header`);
		case 'queryAuth':
			return await checkSecret(ctx, firstValue(ctx.getQueryData()[SECRET_QUERY_PARAMETER as keyof object]), `the "${SECRET_QUERY_PARAMETER}" query parameter`);
	}
}

/** A query string without the secret parameter, so it never reaches the item. */
export function queryWithoutSecret(query: string): string {
	return query
		.split('&')
		.filter((piece) => piece.split('=')[0] !== SECRET_QUERY_PARAMETER)
		.join('&');
}
