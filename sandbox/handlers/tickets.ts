/** Tickets (docs/jitbit-api.md §7; tags and time log §21): list, detail, create, update, close, stats, search, merge, delete. */
import { PRIORITIES, STATUS_CLOSED, STATUS_NEW, TicketRec, isoSeconds } from '../db';
import { badRequest, forbidden, notFound } from '../errors';
import { Params, parseDate } from '../params';
import { ticketDetail, ticketListItem } from '../shapes';
import { Ctx, Route, canSee, empty, json, read, requireTech, verbs, visibleTicket, write } from './route';
import { saveUploads } from './attachments';

/**
 * Tickets and Search: `count` defaults to 10, `offset` is 0-based; the most one page holds is the
 * profile's (300 and 100 by default, docs/jitbit-api.md §5).
 */
export const TICKETS_DEFAULT_COUNT = 10;
export const SEARCH_DEFAULT_COUNT = 10;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

/** A YYYY-MM-DD filter bound; any parseable date is reduced to its UTC day (filters compare by day, inclusive). */
function dayParam(p: Params, name: string): string | undefined {
	const v = p.str(name);
	if (v === undefined) return undefined;
	const d = parseDate(v);
	if (!d) throw badRequest(`Parameter '${name}' is not a valid date (expected YYYY-MM-DD): '${v}'`);
	return isoSeconds(d).slice(0, 10);
}

function inRange(value: string | null, from?: string, to?: string): boolean {
	if (from === undefined && to === undefined) return true;
	const d = day(value);
	if (d === null) return false;
	return (from === undefined || d >= from) && (to === undefined || d <= to);
}

/**
 * Ordering of ticket lists. Jitbit's default order is not documented; the sandbox assumes newest-updated
 * first (LastUpdated desc, then IssueID desc), which is what the web UI's default list shows.
 */
export function byLastUpdatedDesc(a: TicketRec, b: TicketRec): number {
	return a.lastUpdated < b.lastUpdated ? 1 : a.lastUpdated > b.lastUpdated ? -1 : b.ticketId - a.ticketId;
}

function page<T>(ctx: Ctx, items: T[], def: number, max: number): T[] {
	const { p } = ctx;
	let count = p.int('count') ?? def;
	if (count <= 0) count = def;
	count = Math.min(count, max);
	const offset = ctx.variations.ignoresOffset ? 0 : Math.max(0, p.int('offset') ?? 0);
	return items.slice(offset, offset + count);
}

/** Tickets' `mode` filter (docs/jitbit-api.md §7). */
function modeFilter(ctx: Ctx, mode: string): (t: TicketRec) => boolean {
	switch (mode.toLowerCase()) {
		case 'all':
			return () => true;
		case 'unclosed':
			return (t) => t.statusId !== STATUS_CLOSED;
		// "new or updated by the customer": open tickets that are New or whose last update came from the customer.
		case 'unanswered':
			return (t) => t.statusId !== STATUS_CLOSED && (t.statusId === STATUS_NEW || t.updatedByUser);
		case 'handledbyme':
			return (t) => t.assignedToUserId === ctx.viewer.userId;
		default:
			throw badRequest(`Parameter 'mode' must be one of all, unanswered, unclosed, handledbyme; got '${mode}'`);
	}
}

/** Filters shared by Tickets and Search (Search takes the subset one client sends). */
function listFilters(ctx: Ctx): Array<(t: TicketRec) => boolean> {
	const { p, db } = ctx;
	const filters: Array<(t: TicketRec) => boolean> = [(t) => canSee(ctx, t)];
	const categoryIds = p.ints('categoryId');
	if (categoryIds.length) filters.push((t) => categoryIds.includes(t.categoryId));
	const statusIds = p.ints('statusId');
	if (statusIds.length) filters.push((t) => statusIds.includes(t.statusId));
	const fromUserId = p.int('fromUserId');
	if (fromUserId !== undefined) filters.push((t) => t.userId === fromUserId);
	const dateFrom = dayParam(p, 'dateFrom');
	const dateTo = dayParam(p, 'dateTo');
	if (dateFrom || dateTo) filters.push((t) => inRange(t.issueDate, dateFrom, dateTo));
	const sectionId = p.int('sectionId');
	if (sectionId !== undefined) filters.push((t) => db.categories.get(t.categoryId)?.sectionId === sectionId);
	return filters;
}

function listTickets(ctx: Ctx) {
	const { p, db } = ctx;
	const filters = listFilters(ctx);
	filters.push(modeFilter(ctx, p.str('mode') ?? 'all'));
	const fromCompanyId = p.int('fromCompanyId');
	if (fromCompanyId !== undefined) filters.push((t) => db.users.get(t.userId)?.companyId === fromCompanyId);
	const handledBy = p.int('handledByUserID');
	if (handledBy !== undefined) filters.push((t) => t.assignedToUserId === handledBy);
	const tagName = p.str('tagName')?.toLowerCase();
	if (tagName !== undefined) filters.push((t) => t.tags.some((x) => x.toLowerCase() === tagName));
	const updatedFrom = dayParam(p, 'updatedFrom');
	const updatedTo = dayParam(p, 'updatedTo');
	if (updatedFrom || updatedTo) filters.push((t) => inRange(t.lastUpdated, updatedFrom, updatedTo));
	const dueInDays = p.int('dueInDays');
	if (dueInDays !== undefined) {
		// "Due in X days": open tickets with a due date no later than today + X days (overdue ones included).
		const limit = isoSeconds(new Date(db.now().getTime() + dueInDays * 86400000)).slice(0, 10);
		filters.push((t) => t.dueDate !== null && t.statusId !== STATUS_CLOSED && (day(t.dueDate) as string) <= limit);
	}
	if (p.bool('subscribedOnly')) filters.push((t) => t.subscriberIds.includes(ctx.viewer.userId));
	// updatedByType (one client, unverified): tech = last update by a technician, cust = by the customer.
	const updatedByType = p.str('updatedByType')?.toLowerCase();
	if (updatedByType === 'tech') filters.push((t) => t.updatedByPerformer);
	if (updatedByType === 'cust') filters.push((t) => t.updatedByUser);

	const matching: TicketRec[] = [];
	for (const t of db.tickets.values()) if (filters.every((f) => f(t))) matching.push(t);
	matching.sort(byLastUpdatedDesc);
	const includeCf = p.bool('includeCustomFields') ?? false;
	return json(page(ctx, matching, TICKETS_DEFAULT_COUNT, ctx.variations.ticketsPageCap).map((t) => ticketListItem(ctx, t, includeCf)));
}

function search(ctx: Ctx) {
	const { p, db } = ctx;
	const query = p.reqStr('query').toLowerCase();
	const filters = listFilters(ctx);
	const assignedTo = p.int('assignedToUserId');
	if (assignedTo !== undefined) filters.push((t) => t.assignedToUserId === assignedTo);
	const textOf = (t: TicketRec) =>
		[t.subject, t.body, ...db.commentsOf(t.ticketId).filter((c) => ctx.isTech || !c.forTechsOnly).map((c) => c.body)].join('\n').toLowerCase();
	const matching = [...db.tickets.values()].filter((t) => filters.every((f) => f(t)) && (t.subject.toLowerCase().includes(query) || textOf(t).includes(query)));
	matching.sort(byLastUpdatedDesc);
	return json(page(ctx, matching, SEARCH_DEFAULT_COUNT, ctx.variations.searchPageCap).map((t) => ticketListItem(ctx, t)));
}

function priorityParam(p: Params, name: string): number | undefined {
	const v = p.int(name);
	if (v !== undefined && !PRIORITIES.some((x) => x.id === v)) throw badRequest(`Parameter '${name}' must be -1, 0, 1 or 2; got ${v}`);
	return v;
}

function statusParam(ctx: Ctx, name: string): number | undefined {
	const v = ctx.p.int(name);
	if (v !== undefined && !ctx.db.statuses.has(v)) throw badRequest(`Parameter '${name}': status ${v} does not exist`);
	return v;
}

/** An assignee must be a technician or admin. */
function assigneeParam(ctx: Ctx, name: string): number | null | undefined {
	const v = ctx.p.int(name);
	if (v === undefined) return undefined;
	requireTech(ctx, 'Assigning a ticket');
	if (v === 0) return null; // 0 removes the assignee (docs/jitbit-api.md §7)
	const u = ctx.db.users.get(v);
	if (!u) throw notFound(`User ${v} not found`);
	if (!ctx.db.isTech(u)) throw badRequest(`User ${v} is not a technician and cannot be assigned`);
	return v;
}

function tagsParam(p: Params): string[] | undefined {
	if (!p.sent('tags')) return undefined;
	return p
		.values('tags')
		.flatMap((v) => v.split(','))
		.map((s) => s.trim())
		.filter(Boolean);
}

/**
 * customFields on create: a JSON string `{"<fieldId>":"value"}` in form posts, a nested object in JSON
 * bodies (flattened to the same JSON string by the parser). Unknown fields or bad values answer 400.
 */
function customFieldsParam(ctx: Ctx, categoryId: number): Record<number, string> {
	const raw = ctx.p.str('customFields');
	if (raw === undefined) return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		throw badRequest(`Parameter 'customFields' must be a JSON object like {"123":"value"}`);
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest(`Parameter 'customFields' must be a JSON object`);
	const out: Record<number, string> = {};
	const allowed = new Set(ctx.db.fieldsForCategory(categoryId).map((f) => f.fieldId));
	for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
		const fieldId = Number(k);
		if (!Number.isInteger(fieldId) || !ctx.db.customFields.has(fieldId)) throw badRequest(`customFields: custom field ${k} does not exist`);
		if (!allowed.has(fieldId)) throw badRequest(`customFields: custom field ${k} does not belong to category ${categoryId}`);
		out[fieldId] = ctx.db.normaliseFieldValue(ctx.db.field(fieldId), v === null ? '' : String(v));
	}
	return out;
}

function createTicket(ctx: Ctx) {
	const { p, db } = ctx;
	const categoryId = p.reqInt('categoryId');
	const subject = p.reqStr('subject');
	const body = p.reqStr('body');
	const priority = priorityParam(p, 'priorityId') ?? 0; // required per the doc wording, 0 in practice
	const cat = db.category(categoryId);
	if (cat.forTechsOnly && !ctx.isTech) throw forbidden(`Category ${categoryId} is for technicians only`);
	let userId = ctx.viewer.userId;
	const onBehalf = p.int('userId');
	if (onBehalf !== undefined && onBehalf !== ctx.viewer.userId) {
		requireTech(ctx, 'Creating a ticket on behalf of another user');
		userId = db.user(onBehalf).userId;
	}
	const assigned = assigneeParam(ctx, 'assignedToUserId');
	const origin = p.int('origin') ?? 3; // API
	if (origin < 0 || origin > 8) throw badRequest(`Parameter 'origin' must be 0..8; got ${origin}`);
	const customFields = customFieldsParam(ctx, categoryId);
	// dueDate is NOT applied on create: a client found that creation ignores it and sets it afterwards with
	// UpdateTicket (docs/jitbit-api.md §7). The sandbox ignores it the same way.
	const t = db.createTicket({
		subject, body, categoryId, userId, priority, origin, customFields,
		assignedToUserId: assigned ?? null,
		tags: tagsParam(p) ?? [],
		onBehalfUserName: userId !== ctx.viewer.userId ? ctx.viewer.username : null,
	});
	// The update flags follow who created it (a tech creating on behalf of a customer is a tech update).
	db.touchTicket(t, ctx.viewer.userId, t.lastUpdated);
	if (assigned && !t.subscriberIds.includes(assigned)) t.subscriberIds.push(assigned);
	saveUploads(ctx, { ticketId: t.ticketId });
	return json(t.ticketId); // bare number (docs/jitbit-api.md §3)
}

function updateTicket(ctx: Ctx) {
	const { p, db } = ctx;
	const t = visibleTicket(ctx, p.reqInt('id'));
	// "allows editing your own tickets only (unless you're helpdesk administrator or technician)"
	if (!ctx.isTech && t.userId !== ctx.viewer.userId) throw forbidden(`You can only edit your own tickets`);
	const changes: Partial<TicketRec> = {};
	// One client sends newCategoryId and found both names accepted; categoryId wins when both are given.
	const categoryId = p.int('categoryId') ?? p.int('newCategoryId');
	if (categoryId !== undefined) changes.categoryId = db.category(categoryId).categoryId;
	// `priority`, not `priorityId` (docs/jitbit-api.md §7). A stray priorityId is ignored, as MVC ignores unknown names.
	const priority = priorityParam(p, 'priority');
	if (priority !== undefined) changes.priority = priority;
	const date = p.date('date');
	if (date) changes.issueDate = isoSeconds(date);
	const userId = p.int('userId');
	if (userId !== undefined) {
		requireTech(ctx, 'Changing the submitter');
		changes.userId = db.user(userId).userId;
	}
	// dueDate: an empty value clears it (an open question, docs/jitbit-api.md §20; clients send empty or null to clear).
	if (p.sent('dueDate')) {
		const raw = p.str('dueDate');
		changes.dueDate = raw === undefined || raw.trim().toLowerCase() === 'null' ? null : isoSeconds(p.date('dueDate') as Date);
	}
	const assigned = assigneeParam(ctx, 'assignedUserId');
	if (assigned !== undefined) changes.assignedToUserId = assigned;
	const tss = p.int('timeSpentInSeconds');
	if (tss !== undefined) {
		if (tss < 0) throw badRequest(`Parameter 'timeSpentInSeconds' must be >= 0`);
		if (tss !== t.timeSpentInSeconds) {
			db.timeLog.push({ ticketId: t.ticketId, date: db.nowIso(), statusId: t.statusId, timeSpentInSeconds: tss - t.timeSpentInSeconds, userId: ctx.viewer.userId });
		}
		changes.timeSpentInSeconds = tss;
	}
	const statusId = statusParam(ctx, 'statusId');
	if (statusId !== undefined) {
		changes.statusId = statusId;
		if (statusId !== STATUS_CLOSED && t.statusId === STATUS_CLOSED) changes.resolvedDate = null;
	}
	const tags = tagsParam(p);
	if (tags !== undefined) changes.tags = tags; // replaces all existing tags
	const subject = p.str('subject');
	if (subject !== undefined) changes.subject = subject;
	const body = p.str('body');
	if (body !== undefined) changes.body = body;
	const closeDate = p.date('closeDate');
	if (closeDate) changes.resolvedDate = isoSeconds(closeDate);
	db.updateTicket(t.ticketId, changes, ctx.viewer.userId);
	if (changes.assignedToUserId && !t.subscriberIds.includes(changes.assignedToUserId)) t.subscriberIds.push(changes.assignedToUserId);
	return empty();
}

/** Close: GET per Jitbit's method list, POST per two clients; both work (docs/jitbit-api.md §7). Answers 200, empty body. */
function close(ctx: Ctx) {
	const t = visibleTicket(ctx, ctx.p.reqInt('id'));
	if (!ctx.isTech && t.userId !== ctx.viewer.userId) throw forbidden(`You can only close your own tickets`);
	ctx.p.bool('suppressNotification'); // validated; there are no notifications to suppress
	ctx.db.updateTicket(t.ticketId, { statusId: STATUS_CLOSED }, ctx.viewer.userId);
	return empty();
}

function stats(ctx: Ctx) {
	const all = [...ctx.db.tickets.values()].filter((t) => canSee(ctx, t));
	const open = all.filter((t) => t.statusId !== STATUS_CLOSED);
	return json({
		TotalTickets: all.length,
		Closed: all.length - open.length,
		InProcess: all.filter((t) => t.statusId === 2).length,
		NewTickets: all.filter((t) => t.statusId === STATUS_NEW).length,
		Unanswered: open.filter((t) => t.statusId === STATUS_NEW || t.updatedByUser).length,
		Unassigned: open.filter((t) => t.assignedToUserId === null).length,
		Unclosed: open.length,
	});
}

/**
 * MergeTickets: `id` is kept, `id2` is merged into it and deleted (docs/jitbit-api.md §7). Comments, files and
 * subscribers move over; the merged ticket's body is kept as a comment, as Jitbit's UI does.
 */
function mergeTickets(ctx: Ctx) {
	const { p, db } = ctx;
	const keep = db.ticket(p.reqInt('id'));
	const gone = db.ticket(p.reqInt('id2'));
	if (keep.ticketId === gone.ticketId) throw badRequest(`Cannot merge ticket ${keep.ticketId} into itself`);
	db.addComment(keep.ticketId, { userId: gone.userId, body: `<p><b>Merged from ticket #${gone.ticketId}: ${gone.subject}</b></p>${gone.body}`, bumpTicket: false, date: gone.issueDate });
	for (const c of db.comments.values()) if (c.ticketId === gone.ticketId) c.ticketId = keep.ticketId;
	for (const f of db.files.values()) if (f.ticketId === gone.ticketId) f.ticketId = keep.ticketId;
	for (const s of gone.subscriberIds) if (!keep.subscriberIds.includes(s)) keep.subscriberIds.push(s);
	for (const t of db.tickets.values()) if (t.parentId === gone.ticketId) t.parentId = keep.ticketId;
	db.deleteTicket(gone.ticketId);
	db.touchTicket(keep, ctx.viewer.userId);
	return empty();
}

function deleteTicket(ctx: Ctx) {
	ctx.db.deleteTicket(ctx.p.reqInt('id'));
	return empty();
}

function timeSpentLog(ctx: Ctx) {
	const t = visibleTicket(ctx, ctx.p.reqInt('ticketId'));
	return json(
		ctx.db.timeLog
			.filter((e) => e.ticketId === t.ticketId)
			.map((e) => ({
				Date: e.date, StatusID: e.statusId, TimeSpentInSeconds: e.timeSpentInSeconds, UserID: e.userId,
				UserName: ctx.db.users.get(e.userId)?.username ?? null,
			})),
	);
}

/** AddTimeSpent (one client, unverified; docs/jitbit-api.md §21): adds to the ticket's total and the log. */
function addTimeSpent(ctx: Ctx) {
	const { p, db } = ctx;
	const t = visibleTicket(ctx, p.reqInt('ticketId'));
	const secs = p.reqInt('timeSpentInSeconds');
	const statusId = statusParam(ctx, 'statusId') ?? t.statusId;
	db.timeLog.push({ ticketId: t.ticketId, date: db.nowIso(), statusId, timeSpentInSeconds: secs, userId: ctx.viewer.userId });
	db.updateTicket(t.ticketId, { timeSpentInSeconds: t.timeSpentInSeconds + secs }, ctx.viewer.userId);
	return empty();
}

/** Tags (one client, unverified; docs/jitbit-api.md §21). */
function tags(ctx: Ctx) {
	const counts = new Map<string, number>();
	for (const t of ctx.db.tickets.values()) for (const tag of t.tags) counts.set(tag.toLowerCase(), (counts.get(tag.toLowerCase()) ?? 0) + 1);
	return json([...ctx.db.tags.values()].map((t) => ({ TagID: t.tagId, Name: t.name, TagCount: counts.get(t.name.toLowerCase()) ?? 0 })));
}

/** TagTicket (one client, unverified): adds one tag. */
function tagTicket(ctx: Ctx) {
	const t = visibleTicket(ctx, ctx.p.reqInt('ticketId'));
	const name = ctx.p.reqStr('name').trim();
	if (!t.tags.some((x) => x.toLowerCase() === name.toLowerCase())) ctx.db.updateTicket(t.ticketId, { tags: [...t.tags, name] }, ctx.viewer.userId);
	return empty();
}

function integrationData(ctx: Ctx) {
	return json({ ...visibleTicket(ctx, ctx.p.reqInt('id')).integrations });
}

export const ticketRoutes: Route[] = [
	read('Tickets', 'any', listTickets),
	verbs('Ticket', ['GET'], 'any', (ctx) => json(ticketDetail(ctx, visibleTicket(ctx, ctx.p.reqInt('id'))))),
	verbs('Ticket', ['POST'], 'any', createTicket),
	// One client deletes with `DELETE /Ticket?id=`; the same admin-only delete as DeleteTicket.
	verbs('Ticket', ['DELETE'], 'admin', deleteTicket),
	write('UpdateTicket', 'any', updateTicket),
	verbs('Close', ['GET', 'POST'], 'any', close),
	read('Stats', 'tech', stats),
	read('Search', 'any', search),
	write('MergeTickets', 'tech', mergeTickets),
	write('DeleteTicket', 'admin', deleteTicket),
	read('TimeSpentLog', 'tech', timeSpentLog),
	write('AddTimeSpent', 'tech', addTimeSpent),
	read('Tags', 'tech', tags),
	write('TagTicket', 'tech', tagTicket),
	read('TicketIntegrationData', 'tech', integrationData),
];

