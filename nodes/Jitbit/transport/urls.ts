/**
 * The two addresses of a helpdesk: its web app (ticket and user links) and its API (`<web>/api`).
 * n8n resolves the API address without our code in two places, the credential test and the
 * node's `requestDefaults`, so the same rule is also written as an expression, from the same
 * patterns: API_BASE_URL_EXPRESSION.
 */

const TRAILING_SLASHES = /\/+$/;
const API_SUFFIX = /\/api$/i;

/** `https://x.jitbit.com/helpdesk/`, `…/helpdesk/api` → `https://x.jitbit.com/helpdesk`. */
export function webBaseUrl(helpdeskUrl: unknown): string {
	const typed = String(helpdeskUrl ?? '').trim();
	const url = typed.replace(TRAILING_SLASHES, '').replace(API_SUFFIX, '');
	if (!/^https?:\/\/[^/\s?#]+/i.test(url)) {
		throw new Error(
			`The Helpdesk URL in the Jitbit credential ("${typed}") is not a web address: it must start with https:// (or http://) followed by the helpdesk's host name, e.g. https://company.jitbit.com/helpdesk`,
		);
	}
	return url;
}

/** `https://x.jitbit.com/helpdesk/` → `https://x.jitbit.com/helpdesk/api`. */
export function apiBaseUrl(helpdeskUrl: unknown): string {
	return `${webBaseUrl(helpdeskUrl)}/api`;
}

/** apiBaseUrl of the credential's Helpdesk URL, as an n8n expression (without the address check). */
export const API_BASE_URL_EXPRESSION = `={{ String($credentials.helpdeskUrl).trim().replace(${TRAILING_SLASHES}, "").replace(${API_SUFFIX}, "") + "/api" }}`;

/** The Jitbit method a request calls, lower-case: `/Ticket?id=1` → `ticket`, `/Article/5` → `article`. */
export function endpointOf(url: string): string {
	return url.replace(/^\/+/, '').split(/[/?]/)[0].toLowerCase();
}
