/** Comments (docs/jitbit-api.md §10): add, update, list, canned replies. */
import { badRequest, forbidden, notFound } from '../errors';
import { commentShape } from '../shapes';
import { saveUploads } from './attachments';
import { Ctx, Route, empty, json, read, visibleTicket, write } from './route';

function addComment(ctx: Ctx) {
	const { p, db } = ctx;
	const t = visibleTicket(ctx, p.reqInt('id'));
	const body = p.reqStr('body');
	const forTechsOnly = p.bool('forTechsOnly') ?? false;
	const isSystem = p.bool('isSystem') ?? false;
	if (forTechsOnly && !ctx.isTech) throw forbidden('Only technicians can post tech-only comments');
	let userId = ctx.viewer.userId;
	const fromUserId = p.int('fromUserId');
	if (fromUserId !== undefined && fromUserId !== userId) {
		// Posting as another user needs a helpdesk administrator (docs/jitbit-api.md §10).
		if (!ctx.isAdmin) throw forbidden('fromUserId requires helpdesk administrator permissions');
		userId = db.user(fromUserId).userId;
	}
	// recipientIds: repeated keys or a comma-joined list (one client joins with ','); default = all subscribers.
	const recipientIds = p.intList('recipientIds');
	for (const id of recipientIds) if (!db.users.has(id)) throw notFound(`User ${id} not found`);
	const recipients = (recipientIds.length ? recipientIds : t.subscriberIds.filter((id) => id !== userId))
		.map((id) => db.users.get(id)?.email)
		.filter(Boolean)
		.join(', ');
	const c = db.addComment(t.ticketId, { userId, body, forTechsOnly, isSystem, recipients });
	saveUploads(ctx, { ticketId: t.ticketId, commentId: c.commentId, forTechsOnly });
	// An integer, most likely the new comment id (docs/jitbit-api.md §10); the sandbox answers the comment id.
	return json(c.commentId);
}

/**
 * UpdateComment (only a name in Jitbit's method list; docs/jitbit-api.md §10, §20). Inferred: `id` is the comment id (`commentId` accepted too),
 * `body` the new text, `forTechsOnly` optionally changes visibility. Techs may edit any comment, others only
 * their own. Answers 200, empty body, like the other updates.
 */
function updateComment(ctx: Ctx) {
	const { p, db } = ctx;
	const id = p.int('id') ?? p.int('commentId');
	if (id === undefined) throw badRequest(`Parameter 'id' (comment id) is required`);
	const c = db.comments.get(id);
	if (!c) throw notFound(`Comment ${id} not found`);
	visibleTicket(ctx, c.ticketId);
	if (!ctx.isTech && c.userId !== ctx.viewer.userId) throw forbidden('You can only edit your own comments');
	if (!ctx.isTech && c.forTechsOnly) throw notFound(`Comment ${id} not found`);
	const body = p.str('body') ?? p.str('text');
	if (body === undefined) throw badRequest(`Parameter 'body' is required`);
	c.body = body;
	const forTechsOnly = p.bool('forTechsOnly');
	if (forTechsOnly !== undefined) {
		if (!ctx.isTech) throw forbidden('Only technicians can change comment visibility');
		c.forTechsOnly = forTechsOnly;
	}
	return empty();
}

/**
 * comments?id=: a ticket's comments, tech-only notes hidden from customers. Oldest first, or newest
 * first where the profile says so: clients disagree on the order (docs/jitbit-api.md §10).
 */
function listComments(ctx: Ctx) {
	const t = visibleTicket(ctx, ctx.p.reqInt('id'));
	const comments = ctx.db.commentsOf(t.ticketId).filter((c) => ctx.isTech || !c.forTechsOnly);
	if (ctx.variations.commentOrder === 'newest-first') comments.reverse();
	return json(comments.map((c) => commentShape(ctx, c)));
}

/** Item fields not known (docs/jitbit-api.md §10); the sandbox sends TemplateID, Name, Body. */
function templates(ctx: Ctx) {
	return json([...ctx.db.commentTemplates.values()].map((t) => ({ TemplateID: t.templateId, Name: t.name, Body: t.body })));
}

export const commentRoutes: Route[] = [
	write('comment', 'any', addComment),
	write('UpdateComment', 'any', updateComment),
	read('comments', 'any', listComments),
	read('CommentTemplates', 'tech', templates),
];
