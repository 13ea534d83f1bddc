/** Attachments (docs/jitbit-api.md §9): list a ticket's files, download one, attach, delete. */
import { badRequest, forbidden, notFound } from '../errors';
import { attachmentShape } from '../shapes';
import { Ctx, Route, empty, json, read, verbs, visibleTicket, write } from './route';

/**
 * Stores every file part of the request. Jitbit most likely reads `Request.Files`, so the part name does not
 * matter (`uploadFile`, `file`, or one part per filename all work; docs/jitbit-api.md §2).
 */
export function saveUploads(ctx: Ctx, target: { ticketId?: number; commentId?: number; forTechsOnly?: boolean }): number[] {
	return ctx.files.map(
		(f) =>
			ctx.db.addFile({
				ticketId: target.ticketId ?? null,
				commentId: target.commentId ?? null,
				userId: ctx.viewer.userId,
				fileName: f.filename,
				contentType: f.contentType || 'application/octet-stream',
				data: f.data,
				forTechsOnly: target.forTechsOnly ?? false,
			}).fileId,
	);
}

function fileVisible(ctx: Ctx, fileId: number) {
	const f = ctx.db.files.get(fileId);
	if (!f) throw notFound(`File ${fileId} not found`);
	if (f.ticketId !== null) visibleTicket(ctx, f.ticketId);
	const commentTechOnly = f.commentId !== null && ctx.db.comments.get(f.commentId)?.forTechsOnly;
	if (!ctx.isTech && (f.forTechsOnly || commentTechOnly)) throw forbidden(`You do not have access to file ${fileId}`);
	return f;
}

function listAttachments(ctx: Ctx) {
	const t = visibleTicket(ctx, ctx.p.reqInt('id'));
	return json(
		ctx.db
			.filesOfTicket(t.ticketId)
			.filter((f) => ctx.isTech || !(f.forTechsOnly || (f.commentId !== null && ctx.db.comments.get(f.commentId)?.forTechsOnly)))
			.map((f) => attachmentShape(ctx, f)),
	);
}

/** Download: the binary with Content-Type and Content-Disposition (docs/jitbit-api.md §9). */
function download(ctx: Ctx) {
	const f = fileVisible(ctx, ctx.p.reqInt('id'));
	return { type: 'file' as const, data: f.data, contentType: f.contentType, fileName: f.fileName };
}

/** AttachFile: ticket `id` in the form or the query string, files as multipart parts. Body undocumented: empty. */
function attachFile(ctx: Ctx) {
	const t = visibleTicket(ctx, ctx.p.reqInt('id'));
	if (ctx.files.length === 0) throw badRequest('No file attached: send the file as a multipart/form-data part');
	saveUploads(ctx, { ticketId: t.ticketId });
	ctx.db.touchTicket(t, ctx.viewer.userId);
	return empty();
}

/** DeleteFile: GET per Jitbit's method list (docs/jitbit-api.md §9); POST accepted too. */
function deleteFile(ctx: Ctx) {
	const f = fileVisible(ctx, ctx.p.reqInt('id'));
	if (!ctx.isTech && f.userId !== ctx.viewer.userId) throw forbidden(`You can only delete your own files`);
	ctx.db.files.delete(f.fileId);
	return empty();
}

export const attachmentRoutes: Route[] = [
	read('Attachments', 'any', listAttachments),
	read('Attachment', 'any', download),
	write('AttachFile', 'any', attachFile),
	verbs('DeleteFile', ['GET', 'POST'], 'any', deleteFile),
];
