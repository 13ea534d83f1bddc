/** What the three events that follow LastUpdated (updated, status changed, new comment) share. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { TriggerConfig } from '../config';
import type { Boundary } from '../cursor';
import { dayFilter, newestTickets, oldestFirst, scanTickets, ticketIdOf, updatedAt } from '../tickets';

/**
 * First look: the newest tickets, and the boundary at the newest LastUpdated among them.
 * `newestComment` gives, for New Comment, the newest comment id of a boundary ticket.
 */
export async function lookAround(
	ctx: IPollFunctions,
	cfg: TriggerConfig,
	newestComment?: (ticketId: number) => Promise<number>,
): Promise<{ rows: IDataObject[]; boundary: Boundary }> {
	const rows = await newestTickets(ctx, cfg.listQs, updatedAt);
	const times = rows.map(updatedAt).filter(Number.isFinite);
	const since = times.length ? Math.max(...times) : undefined;
	const ids = new Map<number, number>();
	for (const row of rows) {
		if (updatedAt(row) === since) ids.set(ticketIdOf(row), newestComment ? await newestComment(ticketIdOf(row)) : 0);
	}
	return { rows, boundary: { since, ids } };
}

/** The tickets updated since the boundary's day (one day back); paging stops once a page ends before its second. */
export async function ticketsSince(ctx: IPollFunctions, cfg: TriggerConfig, { since }: Boundary): Promise<IDataObject[]> {
	const qs = since === undefined ? cfg.listQs : { ...cfg.listQs, updatedFrom: dayFilter(since) };
	return await scanTickets(ctx, qs, { stopBefore: since });
}

/** A sample's candidates: the first page, most recently updated first. */
export async function latestUpdated(ctx: IPollFunctions, qs: IDataObject): Promise<IDataObject[]> {
	const rows = await scanTickets(ctx, qs, { firstPageOnly: true });
	return rows.sort(oldestFirst(updatedAt)).reverse();
}
