/** New Ticket: one item per ticket with an id above the cursor's, in id order. */
import type { INodeExecutionData } from 'n8n-workflow';

import { dayFilter, issuedAt, newestTickets, scanTickets, ticketIdOf } from '../tickets';
import type { EventModule } from './common';
import { budgetClock, ticketOutput } from './common';

function maxBy<T>(items: T[], score: (item: T) => number): T | undefined {
	let best: T | undefined;
	for (const item of items) if (best === undefined || score(item) > score(best)) best = item;
	return best;
}

export const newTicket: EventModule<'newTicket'> = {
	async firstLook(ctx, cfg) {
		const newest = maxBy(await newestTickets(ctx, cfg.listQs, issuedAt), ticketIdOf);
		return { lastId: newest ? ticketIdOf(newest) : 0, lastIssued: newest ? issuedAt(newest) : undefined };
	},

	async poll(ctx, cfg, { lastId, lastIssued }) {
		const qs = lastIssued === undefined ? cfg.listQs : { ...cfg.listQs, dateFrom: dayFilter(lastIssued) };
		// Any ticket newer than the last one has LastUpdated ≥ its IssueDate ≥ lastIssued.
		const rows = await scanTickets(ctx, qs, { stopBefore: lastIssued });
		const fresh = rows.filter((row) => ticketIdOf(row) > lastId).sort((a, b) => ticketIdOf(a) - ticketIdOf(b));
		if (!fresh.length) return { items: [] };
		const outOfTime = budgetClock(ctx);
		const items: INodeExecutionData[] = [];
		let last = fresh[0];
		for (const row of fresh) {
			if (items.length && cfg.fetchDetails && outOfTime()) break;
			items.push({ json: await ticketOutput(ctx, cfg, row) });
			last = row;
		}
		const issued = Math.max(lastIssued ?? -Infinity, issuedAt(last));
		return { items, state: { lastId: ticketIdOf(last), lastIssued: Number.isFinite(issued) ? issued : lastIssued } };
	},

	async sample(ctx, cfg) {
		const newest = maxBy(await scanTickets(ctx, cfg.listQs, { firstPageOnly: true }), ticketIdOf);
		return newest ? [{ json: await ticketOutput(ctx, cfg, newest) }] : [];
	},
};
