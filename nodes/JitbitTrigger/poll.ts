/** One poll of the Jitbit Trigger: the event's module, with the cursor read before and written after. */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { TriggerConfig, TriggerEvent } from './config';
import { readState, writeState } from './cursor';
import type { EventModule } from './events/common';
import { newComment } from './events/newComment';
import { newTicket } from './events/newTicket';
import { statusChanged } from './events/statusChanged';
import { ticketUpdated } from './events/ticketUpdated';

const events: { [E in TriggerEvent]: EventModule<E> } = { newTicket, ticketUpdated, statusChanged, newComment };

/**
 * Manual runs sample and leave the cursor alone; the first production poll (or the first after
 * the event or filters changed) only records where the helpdesk is; later polls emit what
 * changed since, oldest first. The cursor, in `stored` (the node's static data), is written only
 * once the event's poll returned, so a failed poll never moves it.
 */
export async function runPoll<E extends TriggerEvent>(
	ctx: IPollFunctions,
	cfg: TriggerConfig<E>,
	stored: IDataObject,
): Promise<INodeExecutionData[]> {
	const handler: EventModule<E> = events[cfg.event];
	if (ctx.getMode() === 'manual') return await handler.sample(ctx, cfg);
	const saved = readState(stored, cfg.event, cfg.key);
	const { items, state } = saved ? await handler.poll(ctx, cfg, saved) : { items: [], state: await handler.firstLook(ctx, cfg) };
	if (state) writeState(stored, cfg.event, cfg.key, state);
	return items;
}
