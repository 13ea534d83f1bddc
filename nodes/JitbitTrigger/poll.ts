/**
 * The Jitbit Trigger's polls. Jitbit's Tickets list filters dates by whole day and stamps
 * LastUpdated to the second, so the cursor is:
 * - New Ticket: the highest ticket id seen (+ its IssueDate, for the `dateFrom` day filter).
 * - Other events: the newest LastUpdated seen + the ids seen at exactly that second (`boundary`),
 *   so a ticket changed later within that same second is still new, and a seen one is not repeated.
 *   New Comment also keeps, per boundary ticket, the newest comment id accounted for.
 * - Status Changed: the last status of the 300 most recently changed tickets. A ticket dormant
 *   beyond that memory whose next change is a status change only fires if it was closed
 *   (ResolvedDate dates it); otherwise its status is recorded silently.
 * Known limit of second resolution: two edits of one ticket within the second the poll read it
 * emit one Ticket Updated item (with the state as read); comments and statuses are still caught.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { commentOrder } from '../Jitbit/shared/comments';
import { jitbitApiRequest } from '../Jitbit/transport';
import {
	dayFilter,
	getComments,
	getTicket,
	isNewestUpdatedFirst,
	issuedAt,
	isWholePage,
	oldestFirst,
	scanTickets,
	ticketIdOf,
	timeOf,
	updatedAt,
} from './tickets';

export type TriggerEvent = 'newTicket' | 'ticketUpdated' | 'statusChanged' | 'newComment';

export interface TriggerConfig {
	event: TriggerEvent;
	/** Filters sent on every Tickets call. */
	listQs: IDataObject;
	/** Changes when the event or the list filters change: the stored cursor then no longer applies. */
	key: string;
	fetchDetails: boolean;
	includeNewTickets: boolean;
	toStatusId?: number;
	visibility: 'any' | 'public' | 'techOnly';
	author: 'anyone' | 'customer' | 'technician';
	includeSystem: boolean;
}

/** Items to emit, and the state to store afterwards (none: keep the stored state untouched). */
export interface PollOutcome {
	items: INodeExecutionData[];
	state?: IDataObject;
}

const STATUS_NEW = 1;
const STATUS_CLOSED = 3;
/**
 * Ticket Status Changed remembers the status of the most recently changed tickets only, so its
 * state stays near 2 KB however large the helpdesk (about 7 bytes per ticket).
 */
export const MAX_KNOWN_STATUSES = 300;
/** Share of n8n's poll budget spent on per-ticket calls before the rest is left to the next poll. */
const BUDGET_SHARE = 0.6;

const iso = (ms: number) => new Date(ms).toISOString();

function maxBy<T>(items: T[], score: (item: T) => number): T | undefined {
	let best: T | undefined;
	for (const item of items) if (best === undefined || score(item) > score(best)) best = item;
	return best;
}

/** A poll stops making per-ticket calls once most of n8n's time budget is spent; the cursor then covers only what was emitted. */
function budgetClock(ctx: IPollFunctions): () => boolean {
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : 5 * 60_000;
	const deadline = Date.now() + budget * BUDGET_SHARE;
	return () => Date.now() > deadline;
}

async function ticketOutput(ctx: IPollFunctions, cfg: TriggerConfig, item: IDataObject): Promise<IDataObject> {
	// The list item carries fields the detail lacks (company, custom fields): keep them.
	return cfg.fetchDetails ? { ...item, ...(await getTicket(ctx, ticketIdOf(item))) } : item;
}

// ---- Boundary: the newest LastUpdated seen plus the tickets seen at exactly that second ----

interface Seen {
	id: number;
	at: number;
	/** Newest comment id accounted for (New Comment only). */
	comment?: number;
}

interface Boundary {
	since?: number;
	/** ticket id → newest comment id accounted for (0 when not tracked). */
	ids: Map<number, number>;
}

function readBoundary(saved: IDataObject): Boundary {
	const since = saved.lastUpdated ? timeOf(saved.lastUpdated) : NaN;
	const ids = (saved.boundary as number[] | undefined) ?? [];
	const comments = (saved.lastComments as number[] | undefined) ?? [];
	return { since: Number.isNaN(since) ? undefined : since, ids: new Map(ids.map((id, i) => [id, comments[i] ?? 0])) };
}

/** Moves the boundary over the processed tickets (oldest first): never past what was seen. */
function advance(boundary: Boundary, processed: Seen[]): Boundary {
	let { since } = boundary;
	let ids = new Map(boundary.ids);
	for (const seen of processed) {
		if (since === undefined || seen.at > since) {
			since = seen.at;
			ids = new Map();
		}
		if (seen.at === since) ids.set(seen.id, seen.comment ?? ids.get(seen.id) ?? 0);
	}
	return { since, ids };
}

function boundaryState(boundary: Boundary, withComments: boolean): IDataObject {
	return {
		lastUpdated: boundary.since === undefined ? null : iso(boundary.since),
		boundary: [...boundary.ids.keys()],
		...(withComments ? { lastComments: [...boundary.ids.values()] } : {}),
	};
}

function isChange(boundary: Boundary, item: IDataObject): boolean {
	const at = updatedAt(item);
	if (boundary.since === undefined) return true;
	return at > boundary.since || (at === boundary.since && !boundary.ids.has(ticketIdOf(item)));
}

// ---- Known statuses (Ticket Status Changed), oldest change first, bounded ----

function readStatuses(encoded: unknown): Map<number, number> {
	const known = new Map<number, number>();
	for (const pair of String(encoded ?? '').split(',')) {
		const [id, status] = pair.split(':').map((part) => parseInt(part, 36));
		if (Number.isFinite(id) && Number.isFinite(status)) known.set(id, status);
	}
	return known;
}

function writeStatuses(known: Map<number, number>): string {
	const entries = [...known.entries()].slice(-MAX_KNOWN_STATUSES);
	return entries.map(([id, status]) => `${id.toString(36)}:${status.toString(36)}`).join(',');
}

function remember(known: Map<number, number>, item: IDataObject) {
	const id = ticketIdOf(item);
	known.delete(id);
	known.set(id, Number(item.StatusID));
}

// ---- Comments (New Comment) ----

async function commentFilter(ctx: IPollFunctions, cfg: TriggerConfig) {
	const techs = new Map<number, boolean>();
	const isTech = async (userId: number) => {
		if (!techs.has(userId)) {
			const user = (await jitbitApiRequest(ctx, { method: 'GET', url: '/User', qs: { userId } })) as IDataObject;
			techs.set(userId, Boolean(user.IsTech || user.IsAdmin));
		}
		return techs.get(userId) as boolean;
	};
	return async (comment: IDataObject): Promise<boolean> => {
		if (!cfg.includeSystem && comment.IsSystem) return false;
		if (cfg.visibility === 'public' && comment.ForTechsOnly) return false;
		if (cfg.visibility === 'techOnly' && !comment.ForTechsOnly) return false;
		if (cfg.author === 'anyone') return true;
		return (await isTech(Number(comment.UserID))) === (cfg.author === 'technician');
	};
}

async function commentItems(
	ctx: IPollFunctions,
	cfg: TriggerConfig,
	found: Array<{ comment: IDataObject; ticket: IDataObject }>,
): Promise<INodeExecutionData[]> {
	const wanted = await commentFilter(ctx, cfg);
	const kept: typeof found = [];
	for (const entry of found) if (await wanted(entry.comment)) kept.push(entry);
	kept.sort((a, b) => commentOrder(a.comment, b.comment));
	const tickets = new Map<number, IDataObject>();
	const items: INodeExecutionData[] = [];
	for (const { comment, ticket } of kept) {
		const id = ticketIdOf(ticket);
		if (!tickets.has(id)) tickets.set(id, await ticketOutput(ctx, cfg, ticket));
		items.push({ json: { ...comment, Ticket: tickets.get(id) } });
	}
	return items;
}

// ---- First look: where we are, nothing emitted ----

/** The newest tickets, in one call when Jitbit lists newest-updated first (its default). */
async function newestTickets(ctx: IPollFunctions, cfg: TriggerConfig, time: (item: IDataObject) => number) {
	const page = await scanTickets(ctx, cfg.listQs, { firstPageOnly: true });
	if (isWholePage(page) || (time === updatedAt && isNewestUpdatedFirst(page))) return page;
	// A full page in another order: the newest are among those of the last day or two.
	const newest = Math.max(...page.map(time).filter(Number.isFinite));
	const filter = time === updatedAt ? 'updatedFrom' : 'dateFrom';
	const recent = await scanTickets(ctx, { ...cfg.listQs, [filter]: dayFilter(newest) });
	return [...page, ...recent];
}

async function firstLook(ctx: IPollFunctions, cfg: TriggerConfig): Promise<PollOutcome> {
	if (cfg.event === 'newTicket') {
		const newest = maxBy(await newestTickets(ctx, cfg, issuedAt), ticketIdOf);
		return {
			items: [],
			state: { lastId: newest ? ticketIdOf(newest) : 0, lastIssued: newest ? iso(issuedAt(newest)) : null },
		};
	}
	const rows = await newestTickets(ctx, cfg, updatedAt);
	const times = rows.map(updatedAt).filter(Number.isFinite);
	const since = times.length ? Math.max(...times) : undefined;
	const ids = new Map<number, number>();
	for (const row of rows) {
		if (updatedAt(row) !== since) continue;
		let comment = 0;
		if (cfg.event === 'newComment') {
			for (const c of await getComments(ctx, ticketIdOf(row))) comment = Math.max(comment, Number(c.CommentID) || 0);
		}
		ids.set(ticketIdOf(row), comment);
	}
	const state = boundaryState({ since, ids }, cfg.event === 'newComment');
	if (cfg.event === 'statusChanged') {
		const known = new Map<number, number>();
		for (const row of rows.sort(oldestFirst(updatedAt)).slice(-MAX_KNOWN_STATUSES)) remember(known, row);
		state.statuses = writeStatuses(known);
	}
	return { items: [], state };
}

// ---- Production polls ----

async function newTickets(ctx: IPollFunctions, cfg: TriggerConfig, saved: IDataObject): Promise<PollOutcome> {
	const lastId = Number(saved.lastId) || 0;
	const issued = saved.lastIssued ? timeOf(saved.lastIssued) : NaN;
	const lastIssued = Number.isNaN(issued) ? undefined : issued;
	const qs = lastIssued === undefined ? cfg.listQs : { ...cfg.listQs, dateFrom: dayFilter(lastIssued) };
	// Any ticket newer than the last one has LastUpdated ≥ its IssueDate ≥ lastIssued.
	const rows = await scanTickets(ctx, qs, { stopBefore: lastIssued });
	const fresh = rows.filter((row) => ticketIdOf(row) > lastId).sort((a, b) => ticketIdOf(a) - ticketIdOf(b));
	if (!fresh.length) return { items: [] };
	const outOfTime = budgetClock(ctx);
	const items: INodeExecutionData[] = [];
	let last: IDataObject | undefined;
	for (const row of fresh) {
		if (items.length && cfg.fetchDetails && outOfTime()) break;
		items.push({ json: await ticketOutput(ctx, cfg, row) });
		last = row;
	}
	const lastIssuedNext = Math.max(lastIssued ?? -Infinity, issuedAt(last!));
	return {
		items,
		state: {
			lastId: ticketIdOf(last!),
			lastIssued: Number.isFinite(lastIssuedNext) ? iso(lastIssuedNext) : (saved.lastIssued ?? null),
		},
	};
}

async function changedTickets(ctx: IPollFunctions, cfg: TriggerConfig, saved: IDataObject): Promise<PollOutcome> {
	const boundary = readBoundary(saved);
	const { since } = boundary;
	const qs = since === undefined ? cfg.listQs : { ...cfg.listQs, updatedFrom: dayFilter(since) };
	const rows = await scanTickets(ctx, qs, { stopBefore: since });
	const outOfTime = budgetClock(ctx);
	const items: INodeExecutionData[] = [];
	const processed: Seen[] = [];
	const state: IDataObject = {};

	if (cfg.event === 'ticketUpdated') {
		for (const row of rows.filter((r) => isChange(boundary, r)).sort(oldestFirst(updatedAt))) {
			if (items.length && cfg.fetchDetails && outOfTime()) break;
			processed.push({ id: ticketIdOf(row), at: updatedAt(row) });
			// A ticket never touched since it was created is a new ticket, not an update.
			if (!cfg.includeNewTickets && !(updatedAt(row) > issuedAt(row))) continue;
			items.push({ json: await ticketOutput(ctx, cfg, row) });
		}
	} else if (cfg.event === 'statusChanged') {
		const known = readStatuses(saved.statuses);
		// Tickets at the boundary are listed again anyway: a status changed within that same second shows here.
		const candidates = rows
			.filter((r) => isChange(boundary, r) || (updatedAt(r) === since && known.get(ticketIdOf(r)) !== Number(r.StatusID)))
			.sort(oldestFirst(updatedAt));
		for (const row of candidates) {
			if (items.length && cfg.fetchDetails && outOfTime()) break;
			const id = ticketIdOf(row);
			const status = Number(row.StatusID);
			// A ticket created since the last poll started as New.
			const previous = known.get(id) ?? (since === undefined || issuedAt(row) >= since ? STATUS_NEW : undefined);
			const changed =
				previous === undefined
					? // Not seen for a long time: only a closing can be dated (ResolvedDate).
						status === STATUS_CLOSED && timeOf(row.ResolvedDate) >= (since as number)
					: previous !== status;
			remember(known, row);
			processed.push({ id, at: updatedAt(row) });
			if (!changed || (cfg.toStatusId !== undefined && status !== cfg.toStatusId)) continue;
			items.push({ json: { ...(await ticketOutput(ctx, cfg, row)), PreviousStatusID: previous ?? null } });
		}
		if (!processed.length) return { items: [] };
		state.statuses = writeStatuses(known);
	} else {
		const changes = rows.filter((r) => isChange(boundary, r)).sort(oldestFirst(updatedAt));
		if (!changes.length) return { items: [] };
		const found: Array<{ comment: IDataObject; ticket: IDataObject }> = [];
		// Once the cursor moves past its second, look once more at the tickets seen at that second:
		// a comment added within the same second after they were read is still unseen.
		const recheck =
			since === undefined || changes.some((r) => updatedAt(r) > since)
				? rows.filter((r) => boundary.ids.has(ticketIdOf(r)) && !isChange(boundary, r))
				: [];
		for (const row of [...recheck, ...changes]) {
			if (processed.length && outOfTime()) break;
			const id = ticketIdOf(row);
			const upTo = updatedAt(row);
			const lastComment = boundary.ids.get(id);
			let newest = lastComment ?? 0;
			for (const comment of await getComments(ctx, id)) {
				const at = timeOf(comment.CommentDate);
				const commentId = Number(comment.CommentID);
				// Comments newer than the listed LastUpdated belong to the next poll.
				if (at > upTo) continue;
				newest = Math.max(newest, commentId);
				// Known ticket: by comment id. Otherwise by date: any comment since the cursor is new,
				// since a ticket commented at that second before was listed then, and is in the boundary.
				const fresh = lastComment !== undefined ? commentId > lastComment : since === undefined || at >= since;
				if (fresh) found.push({ comment, ticket: row });
			}
			processed.push({ id, at: upTo, comment: newest });
		}
		items.push(...(await commentItems(ctx, cfg, found)));
	}

	if (!processed.length) return { items: [] };
	return { items, state: { ...state, ...boundaryState(advance(boundary, processed), cfg.event === 'newComment') } };
}

/** "Fetch Test Event": the latest matching item, cursor untouched. */
async function sample(ctx: IPollFunctions, cfg: TriggerConfig): Promise<INodeExecutionData[]> {
	const qs = cfg.event === 'statusChanged' && cfg.toStatusId !== undefined ? { ...cfg.listQs, statusId: cfg.toStatusId } : cfg.listQs;
	const rows = await scanTickets(ctx, qs, { firstPageOnly: true });
	if (cfg.event === 'newTicket') {
		const newest = maxBy(rows, ticketIdOf);
		return newest ? [{ json: await ticketOutput(ctx, cfg, newest) }] : [];
	}
	const byUpdate = rows.sort(oldestFirst(updatedAt)).reverse();
	if (cfg.event === 'newComment') {
		const wanted = await commentFilter(ctx, cfg);
		for (const row of byUpdate.slice(0, 5)) {
			const comments = (await getComments(ctx, ticketIdOf(row))).sort(commentOrder).reverse();
			for (const comment of comments) {
				if (await wanted(comment)) return [{ json: { ...comment, Ticket: await ticketOutput(ctx, cfg, row) } }];
			}
		}
		return [];
	}
	const updated = cfg.event === 'ticketUpdated' && !cfg.includeNewTickets ? byUpdate.filter((r) => updatedAt(r) > issuedAt(r)) : [];
	const latest = updated[0] ?? byUpdate[0];
	if (!latest) return [];
	const json = await ticketOutput(ctx, cfg, latest);
	return [{ json: cfg.event === 'statusChanged' ? { ...json, PreviousStatusID: null } : json }];
}

/**
 * One poll. Manual runs sample and leave the cursor alone; the first production poll only
 * records where the helpdesk is; later polls emit what changed since, oldest first. The caller
 * stores `state` only once this returned, so a failed poll never moves the cursor.
 */
export async function runPoll(ctx: IPollFunctions, cfg: TriggerConfig, saved: IDataObject | undefined): Promise<PollOutcome> {
	if (ctx.getMode() === 'manual') return { items: await sample(ctx, cfg) };
	if (!saved) return await firstLook(ctx, cfg);
	return cfg.event === 'newTicket' ? await newTickets(ctx, cfg, saved) : await changedTickets(ctx, cfg, saved);
}
