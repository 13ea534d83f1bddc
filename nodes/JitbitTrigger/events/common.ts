import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { TriggerConfig, TriggerEvent } from '../config';
import type { TriggerState } from '../cursor';
import { getTicket, ticketIdOf } from '../tickets';

/** Items to emit, and the cursor to store afterwards (none: keep the stored cursor untouched). */
export interface PollOutcome<S> {
	items: INodeExecutionData[];
	state?: S;
}

/** What each event provides: its three ways of polling, over its own kind of cursor. */
export interface EventModule<E extends TriggerEvent> {
	/** The first production poll: where the helpdesk is now; nothing is emitted. */
	firstLook(ctx: IPollFunctions, cfg: TriggerConfig): Promise<TriggerState<E>>;
	/** Later polls: what happened since the cursor, oldest first, and the cursor moved over it. */
	poll(ctx: IPollFunctions, cfg: TriggerConfig, state: TriggerState<E>): Promise<PollOutcome<TriggerState<E>>>;
	/** "Fetch Test Event" (manual mode): the latest matching item; the cursor is not touched. */
	sample(ctx: IPollFunctions, cfg: TriggerConfig): Promise<INodeExecutionData[]>;
}

/** Share of n8n's poll budget spent on per-ticket calls before the rest is left to the next poll. */
const BUDGET_SHARE = 0.6;

/** A poll stops making per-ticket calls once most of n8n's time budget is spent; the cursor then covers only what was emitted. */
export function budgetClock(ctx: IPollFunctions): () => boolean {
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : 5 * 60_000;
	const deadline = Date.now() + budget * BUDGET_SHARE;
	return () => Date.now() > deadline;
}

export async function ticketOutput(ctx: IPollFunctions, cfg: TriggerConfig, item: IDataObject): Promise<IDataObject> {
	// The list item carries fields the detail lacks (company, custom fields): keep them.
	return cfg.fetchDetails ? { ...item, ...(await getTicket(ctx, ticketIdOf(item))) } : item;
}
