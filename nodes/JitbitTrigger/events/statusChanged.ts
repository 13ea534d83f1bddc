/** Ticket Status Changed: one item per status change, with PreviousStatusID. */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Seen } from '../cursor';
import { advance, isChange, MAX_KNOWN_STATUSES, remember } from '../cursor';
import { issuedAt, oldestFirst, ticketIdOf, timeOf, updatedAt } from '../tickets';
import { lookAround, latestUpdated, ticketsSince } from './changes';
import type { EventModule } from './common';
import { budgetClock, ticketOutput } from './common';

const STATUS_NEW = 1;
const STATUS_CLOSED = 3;

export const statusChanged: EventModule<'statusChanged'> = {
	async firstLook(ctx, cfg) {
		const { rows, boundary } = await lookAround(ctx, cfg);
		const statuses = new Map<number, number>();
		for (const row of rows.sort(oldestFirst(updatedAt)).slice(-MAX_KNOWN_STATUSES)) remember(statuses, row);
		return { boundary, statuses };
	},

	async poll(ctx, cfg, { boundary, statuses }) {
		const { since } = boundary;
		const known = new Map(statuses);
		const rows = await ticketsSince(ctx, cfg, boundary);
		const outOfTime = budgetClock(ctx);
		const items: INodeExecutionData[] = [];
		const processed: Seen[] = [];
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
		return { items, state: { boundary: advance(boundary, processed), statuses: known } };
	},

	async sample(ctx, cfg) {
		const qs = cfg.toStatusId !== undefined ? { ...cfg.listQs, statusId: cfg.toStatusId } : cfg.listQs;
		const [latest] = await latestUpdated(ctx, qs);
		return latest ? [{ json: { ...(await ticketOutput(ctx, cfg, latest)), PreviousStatusID: null } }] : [];
	},
};
