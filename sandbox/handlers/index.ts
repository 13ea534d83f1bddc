/** The route table: every API method, keyed by lower-cased name, then HTTP verb. */
import { assetRoutes } from './assets';
import { attachmentRoutes } from './attachments';
import { commentRoutes } from './comments';
import { customFieldRoutes } from './customfields';
import { kbRoutes } from './kb';
import { lookupRoutes } from './lookups';
import { orgRoutes } from './org';
import { relationRoutes } from './relations';
import type { Route } from './route';
import { ticketRoutes } from './tickets';
import { userRoutes } from './users';

export const ALL_ROUTES: Route[] = [
	...ticketRoutes, ...relationRoutes, ...attachmentRoutes, ...commentRoutes, ...customFieldRoutes,
	...userRoutes, ...orgRoutes, ...kbRoutes, ...assetRoutes, ...lookupRoutes,
];

/** name (lower-case) -> verb -> route. */
export function buildRouteTable(routes: Route[] = ALL_ROUTES): Map<string, Map<string, Route>> {
	const table = new Map<string, Map<string, Route>>();
	for (const r of routes) {
		const key = r.name.toLowerCase();
		const byVerb = table.get(key) ?? new Map<string, Route>();
		for (const v of r.verbs) {
			if (byVerb.has(v)) throw new Error(`Duplicate route ${v} ${r.name}`);
			byVerb.set(v, r);
		}
		table.set(key, byVerb);
	}
	return table;
}
