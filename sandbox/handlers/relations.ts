/** Ticket relations and subscribers (docs/jitbit-api.md §8; ParentTicket §21). */
import { badRequest } from '../errors';
import { subscriberShape, ticketDetail, ticketListItem } from '../shapes';
import type { UserRec } from '../db';
import { Ctx, Route, empty, json, read, visibleTicket, write } from './route';

function pair(ctx: Ctx) {
	const a = visibleTicket(ctx, ctx.p.reqInt('id'));
	const b = visibleTicket(ctx, ctx.p.reqInt('id2'));
	if (a.ticketId === b.ticketId) throw badRequest('Cannot link a ticket to itself');
	return [a, b];
}

function link(ctx: Ctx) {
	const [a, b] = pair(ctx);
	if (!a.linkedIds.includes(b.ticketId)) a.linkedIds.push(b.ticketId);
	if (!b.linkedIds.includes(a.ticketId)) b.linkedIds.push(a.ticketId);
	return empty();
}

function unlink(ctx: Ctx) {
	const [a, b] = pair(ctx);
	a.linkedIds = a.linkedIds.filter((x) => x !== b.ticketId);
	b.linkedIds = b.linkedIds.filter((x) => x !== a.ticketId);
	return empty();
}

/** AddSubTicket: parentId, childId. A ticket cannot become its own ancestor. */
function addSub(ctx: Ctx) {
	const { db, p } = ctx;
	const parent = visibleTicket(ctx, p.reqInt('parentId'));
	const child = visibleTicket(ctx, p.reqInt('childId'));
	for (let at: number | null = parent.ticketId; at !== null; at = db.tickets.get(at)?.parentId ?? null) {
		if (at === child.ticketId) throw badRequest(`Ticket ${child.ticketId} cannot be a sub-ticket of its own descendant ${parent.ticketId}`);
	}
	child.parentId = parent.ticketId;
	return empty();
}

function removeSub(ctx: Ctx) {
	visibleTicket(ctx, ctx.p.reqInt('childId')).parentId = null;
	return empty();
}

/**
 * ParentTicket: the parent id as a bare number, or the full ticket with returnFullTicket=true. With no
 * parent the sandbox answers JSON `null` (undocumented; what an MVC action returning int? would send).
 */
function parentTicket(ctx: Ctx) {
	const t = visibleTicket(ctx, ctx.p.reqInt('id'));
	const full = ctx.p.bool('returnFullTicket') ?? false;
	if (t.parentId === null) return json(null);
	return json(full ? ticketDetail(ctx, ctx.db.ticket(t.parentId)) : t.parentId);
}

function subscriberUser(ctx: Ctx): UserRec {
	return ctx.db.user(ctx.p.reqInt('userId'));
}

export const relationRoutes: Route[] = [
	write('LinkTickets', 'tech', link),
	write('UnlinkTickets', 'tech', unlink),
	read('LinkedTickets', 'any', (ctx) => {
		const t = visibleTicket(ctx, ctx.p.reqInt('id'));
		return json(t.linkedIds.map((id) => ctx.db.tickets.get(id)).filter((x) => x !== undefined).map((x) => ticketListItem(ctx, x)));
	}),
	write('AddSubTicket', 'tech', addSub),
	write('RemoveSubTicket', 'tech', removeSub),
	read('SubTickets', 'any', (ctx) => {
		const t = visibleTicket(ctx, ctx.p.reqInt('id'));
		return json([...ctx.db.tickets.values()].filter((x) => x.parentId === t.ticketId).map((x) => ticketListItem(ctx, x)));
	}),
	read('ParentTicket', 'any', parentTicket),
	read('Subscribers', 'any', (ctx) => {
		const t = visibleTicket(ctx, ctx.p.reqInt('id'));
		return json(t.subscriberIds.map((id) => ctx.db.users.get(id)).filter((u) => u !== undefined).map(subscriberShape));
	}),
	write('AddSubscriber', 'tech', (ctx) => {
		const t = visibleTicket(ctx, ctx.p.reqInt('id'));
		const u = subscriberUser(ctx);
		if (!t.subscriberIds.includes(u.userId)) t.subscriberIds.push(u.userId);
		return empty();
	}),
	write('RemoveSubscriber', 'tech', (ctx) => {
		const t = visibleTicket(ctx, ctx.p.reqInt('id'));
		const u = subscriberUser(ctx);
		t.subscriberIds = t.subscriberIds.filter((x) => x !== u.userId);
		return empty();
	}),
];
