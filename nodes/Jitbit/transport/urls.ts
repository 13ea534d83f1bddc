/**
 * The two addresses of a helpdesk: its web app (ticket and user links) and its API (`<web>/api`).
 * The credential writes the API address as an expression of the same rule, because n8n runs the
 * credential test without our code: `credentials/JitbitApi.credentials.ts`.
 */

/** `https://x.jitbit.com/helpdesk/`, `…/helpdesk/api` → `https://x.jitbit.com/helpdesk`. */
export function webBaseUrl(helpdeskUrl: unknown): string {
	const typed = String(helpdeskUrl ?? '').trim();
	const url = typed.replace(/\/+$/, '').replace(/\/api$/i, '');
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
