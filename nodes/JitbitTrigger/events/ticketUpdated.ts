/** Ticket Updated: one item per ticket whose LastUpdated moved past the boundary. */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Seen } from '../cursor';
import { advance, isChange } from '../cursor';
import { issuedAt, oldestFirst, ticketIdOf, updatedAt } from '../tickets';
import { lookAround, latestUpdated, ticketsSince } from './changes';
import type { EventModule } from './common';
import { budgetClock, ticketOutput } from './common';

export const ticketUpdated: EventModule<'ticketUpdated'> = {
	async firstLook(ctx, cfg) {
		return { boundary: (await lookAround(ctx, cfg)).boundary };
	},

	async poll(ctx, cfg, { boundary }) {
		const rows = await ticketsSince(ctx, cfg, boundary);
		const outOfTime = budgetClock(ctx);
		const items: INodeExecutionData[] = [];
		const processed: Seen[] = [];
		for (const row of rows.filter((r) => isChange(boundary, r)).sort(oldestFirst(updatedAt))) {
			if (items.length && cfg.fetchDetails && outOfTime()) break;
			processed.push({ id: ticketIdOf(row), at: updatedAt(row) });
			// A ticket never touched since it was created is a new ticket, not an update.
			if (!cfg.includeNewTickets && !(updatedAt(row) > issuedAt(row))) continue;
			items.push({ json: await ticketOutput(ctx, cfg, row) });
		}
		if (!processed.length) return { items: [] };
		return { items, state: { boundary: advance(boundary, processed) } };
	},

	async sample(ctx, cfg) {
		const byUpdate = await latestUpdated(ctx, cfg.listQs);
		const updated = cfg.includeNewTickets ? undefined : byUpdate.find((r) => updatedAt(r) > issuedAt(r));
		const latest = updated ?? byUpdate[0];
		return latest ? [{ json: await ticketOutput(ctx, cfg, latest) }] : [];
	},
};
