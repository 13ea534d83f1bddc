/** New Comment: one item per comment, with its ticket, filtered by visibility and author. */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { commentOrder } from '../../Jitbit/shared/comments';
import { jitbitApiRequest } from '../../Jitbit/transport';
import type { TriggerConfig } from '../config';
import type { Seen } from '../cursor';
import { advance, isChange } from '../cursor';
import { getComments, oldestFirst, ticketIdOf, timeOf, updatedAt } from '../tickets';
import { lookAround, latestUpdated, ticketsSince } from './changes';
import type { EventModule } from './common';
import { budgetClock, ticketOutput } from './common';

type Found = Array<{ comment: IDataObject; ticket: IDataObject }>;

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


/** The wanted comments, oldest first, each with its ticket (fetched once per ticket). */
async function commentItems(ctx: IPollFunctions, cfg: TriggerConfig, found: Found): Promise<INodeExecutionData[]> {
	const wanted = await commentFilter(ctx, cfg);
	const kept: Found = [];
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

async function newestCommentId(ctx: IPollFunctions, ticketId: number): Promise<number> {
	let newest = 0;
	for (const c of await getComments(ctx, ticketId)) newest = Math.max(newest, Number(c.CommentID) || 0);
	return newest;
}

export const newComment: EventModule<'newComment'> = {
	async firstLook(ctx, cfg) {
		return { boundary: (await lookAround(ctx, cfg, (id) => newestCommentId(ctx, id))).boundary };
	},

	async poll(ctx, cfg, { boundary }) {
		const { since } = boundary;
		const rows = await ticketsSince(ctx, cfg, boundary);
		const outOfTime = budgetClock(ctx);
		const changes = rows.filter((r) => isChange(boundary, r)).sort(oldestFirst(updatedAt));
		if (!changes.length) return { items: [] };
		const found: Found = [];
		const processed: Seen[] = [];
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
		// At least one change was processed: the budget stops only after the first.
		return { items: await commentItems(ctx, cfg, found), state: { boundary: advance(boundary, processed) } };
	},

	async sample(ctx, cfg) {
		const wanted = await commentFilter(ctx, cfg);
		for (const row of (await latestUpdated(ctx, cfg.listQs)).slice(0, 5)) {
			const comments = (await getComments(ctx, ticketIdOf(row))).sort(commentOrder).reverse();
			for (const comment of comments) {
				if (await wanted(comment)) return [{ json: { ...comment, Ticket: await ticketOutput(ctx, cfg, row) } }];
			}
		}
		return [];
	},
};
