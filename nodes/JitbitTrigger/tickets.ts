import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jitbitApiRequest } from '../Jitbit/transport';
import { isWholeList, PageTracker, REPEATED_PAGE_DESCRIPTION, REPEATED_PAGE_MESSAGE } from '../Jitbit/transport/paging';
import { isoDate } from '../Jitbit/shared/simplify';

/** What one Tickets call asks for: the most current versions return (docs/jitbit-api.md §5). */
const PAGE = 300;
const DAY_MS = 86_400_000;

/** Whether one Tickets page asked for with PAGE is the whole list, whatever this server's page size. */
const isWholePage = (rows: IDataObject[]) => isWholeList(rows, PAGE);

/** The list item's id is IssueID; some versions send TicketID (docs/jitbit-api.md §17). */
export function ticketIdOf(item: IDataObject): number {
	return Number(item.IssueID ?? item.TicketID);
}

/** A Jitbit date (ISO or the older `/Date(ms)/`) as epoch ms; NaN when absent or unreadable. */
export function timeOf(value: unknown): number {
	const iso = isoDate(value);
	return iso === null ? NaN : Date.parse(iso);
}

export const updatedAt = (item: IDataObject) => timeOf(item.LastUpdated);
export const issuedAt = (item: IDataObject) => timeOf(item.IssueDate);

/**
 * The day filter for "since this moment". Jitbit filters by whole days in its own time zone,
 * so going back one more day never excludes an item whatever the server's offset.
 */
export function dayFilter(ms: number): string {
	return new Date(ms - DAY_MS).toISOString().slice(0, 10);
}

/** Oldest first by the given time, then by ticket id, so a backlog is emitted in order. */
export function oldestFirst(time: (item: IDataObject) => number) {
	return (a: IDataObject, b: IDataObject) => time(a) - time(b) || ticketIdOf(a) - ticketIdOf(b);
}

function isNewestUpdatedFirst(rows: IDataObject[]): boolean {
	for (let i = 1; i < rows.length; i++) if (!(updatedAt(rows[i - 1]) >= updatedAt(rows[i]))) return false;
	return true;
}

export interface ScanOptions {
	/**
	 * Stop paging once a full page is visibly sorted newest-updated first (Jitbit's default
	 * order) and already ends before this time: later pages can only hold older tickets. When a
	 * page is not in that order, every page is read, so the result never depends on it.
	 */
	stopBefore?: number;
	/** Read only the first page (a sample, or the first look at a helpdesk). */
	firstPageOnly?: boolean;
}

/**
 * Tickets matching `qs`, one `GET Tickets` per page, deduplicated by id (an update between two
 * page reads can shift a ticket onto the next page; the newer copy wins). Each offset is what the
 * server actually returned so far, and the scan ends where paging.ts proves the list ended.
 */
export async function scanTickets(ctx: IPollFunctions, qs: IDataObject, options: ScanOptions = {}): Promise<IDataObject[]> {
	const byId = new Map<number, IDataObject>();
	const keep = (rows: IDataObject[]) => {
		for (const row of rows) {
			const id = ticketIdOf(row);
			if (!Number.isFinite(id)) continue;
			const known = byId.get(id);
			if (!known || !(updatedAt(known) >= updatedAt(row))) byId.set(id, row);
		}
	};
	const read = async (offset: number) => {
		const body = await jitbitApiRequest(ctx, { method: 'GET', url: '/Tickets', qs: { ...qs, count: PAGE, offset } });
		return (Array.isArray(body) ? body : []) as IDataObject[];
	};
	const pages = new PageTracker();
	let first: IDataObject[] = [];
	let pagesRead = 0;
	for (let offset = 0; ; ) {
		const rows = await read(offset);
		if (pagesRead++ === 0) first = rows;
		offset += rows.length;
		keep(rows);
		const verdict = pages.next(rows, PAGE);
		if (verdict === 'repeated') {
			throw new NodeOperationError(ctx.getNode(), REPEATED_PAGE_MESSAGE, { description: REPEATED_PAGE_DESCRIPTION });
		}
		if (options.firstPageOnly || verdict === 'last') break;
		const last = rows[rows.length - 1];
		if (options.stopBefore !== undefined && isNewestUpdatedFirst(rows) && updatedAt(last) < options.stopBefore) break;
	}
	if (pagesRead > 1 && isNewestUpdatedFirst(first)) await rereadMovedToTop(read, keep, first);
	return [...byId.values()];
}

/**
 * Offset paging over a list sorted by LastUpdated: a ticket changed while later pages are read
 * jumps to the top, behind the offset, and no page holds it. New Ticket would then move its id
 * cursor past it for good. So a scan of several pages reads the top again, until it reaches what
 * was already at the top the first time (one more call, unless many tickets changed meanwhile).
 */
async function rereadMovedToTop(
	read: (offset: number) => Promise<IDataObject[]>,
	keep: (rows: IDataObject[]) => void,
	first: IDataObject[],
): Promise<void> {
	const topBefore = Math.max(...first.map(updatedAt).filter(Number.isFinite));
	for (let offset = 0; ; ) {
		const rows = await read(offset);
		keep(rows);
		offset += rows.length;
		const last = rows[rows.length - 1];
		if (!last || isWholePage(rows) || !(updatedAt(last) > topBefore)) return;
	}
}

/** The newest tickets by `time`, in one call when Jitbit lists newest-updated first (its default). */
export async function newestTickets(ctx: IPollFunctions, listQs: IDataObject, time: (item: IDataObject) => number) {
	const page = await scanTickets(ctx, listQs, { firstPageOnly: true });
	if (isWholePage(page) || (time === updatedAt && isNewestUpdatedFirst(page))) return page;
	// A full page in another order: the newest are among those of the last day or two.
	const newest = Math.max(...page.map(time).filter(Number.isFinite));
	const filter = time === updatedAt ? 'updatedFrom' : 'dateFrom';
	const recent = await scanTickets(ctx, { ...listQs, [filter]: dayFilter(newest) });
	return [...page, ...recent];
}

export async function getTicket(ctx: IPollFunctions, id: number): Promise<IDataObject> {
	return (await jitbitApiRequest(ctx, { method: 'GET', url: '/Ticket', qs: { id } })) as IDataObject;
}

export async function getComments(ctx: IPollFunctions, ticketId: number): Promise<IDataObject[]> {
	const body = await jitbitApiRequest(ctx, { method: 'GET', url: '/comments', qs: { id: ticketId } });
	return Array.isArray(body) ? body : [];
}
