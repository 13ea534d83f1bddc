/**
 * Jitbit sandbox: an in-process HTTP server that behaves like the Jitbit Helpdesk REST API as described in
 * docs/jitbit-api.md, quirks included, as any of the installs in profiles.ts. Dev/test tool only; never shipped in dist/.
 *
 *   const sb = await startSandbox();            // random port, demo data
 *   await axios.get(`${sb.url}/api/Tickets`, { headers: { Authorization: `Bearer ${sb.users.admin.token}` } });
 *   sb.inject({ kind: '429', endpoint: 'tickets', times: 2 });
 *   sb.requests.at(-1)?.params;                  // what the handler saw
 *   sb.reset(); await sb.close();
 */
export { startSandbox, DEFAULT_LOCKOUT, DEFAULT_RATE_LIMIT, LOGIN_PAGE_HTML, SEARCH_LIMITED } from './server';
export type { DemoUser, Fault, RecordedFile, RecordedRequest, Sandbox, SandboxOptions } from './types';
export {
	SandboxDb, isoSeconds, makeToken, ORIGINS, PRIORITIES, STATUS_CLOSED, STATUS_IN_PROCESS, STATUS_NEW, USAGE,
} from './db';
export type {
	ArticleRec, AssetRec, CategoryRec, CommentRec, CompanyRec, CustomFieldRec, DepartmentRec, FieldType, FileRec, NewComment,
	NewTicket, StatusRec, TicketRec, UserRec,
} from './db';
export { addTickets, seedDemo, seedEmpty, prng, DEMO_LOGINS, CUSTOM_STATUS_ID } from './seed';
export type { AddTicketsOptions } from './seed';
export { ApiError } from './errors';
export { RULE_TRIGGERS, RulesEngine } from './rules';
export type { HttpRule, HttpRuleInput, RuleDelivery, RuleTrigger, TicketChange } from './rules';
export { STATUSES_ENDPOINT_EXISTS } from './handlers/lookups';
export { TICKETS_DEFAULT_COUNT, SEARCH_DEFAULT_COUNT } from './handlers/tickets';
export { PROFILES, PROFILE_NAMES, HTML_MARKER, IIS_404_13_HTML, describeVariations, formatDate, isProfileName, variationsOf } from './profiles';
export type { ProfileName, Variations } from './profiles';
export { USERS_DEFAULT_COUNT } from './handlers/users';
export { ASSETS_PAGE_SIZE } from './handlers/assets';
