import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { fingerprint } from '../Jitbit/shared/fingerprint';
import { positiveId } from '../Jitbit/shared/validate';

export type TriggerEvent = 'newTicket' | 'ticketUpdated' | 'statusChanged' | 'newComment';

export interface TriggerConfig<E extends TriggerEvent = TriggerEvent> {
	event: E;
	/** Filters sent on every Tickets call. */
	listQs: IDataObject;
	/** Fingerprint of what resets the cursor (see readConfig); stored with it. */
	key: string;
	fetchDetails: boolean;
	includeNewTickets: boolean;
	toStatusId?: number;
	visibility: 'any' | 'public' | 'techOnly';
	author: 'anyone' | 'customer' | 'technician';
	includeSystem: boolean;
}

function locatorValue(value: unknown): string | undefined {
	const raw = value !== null && typeof value === 'object' ? (value as IDataObject).value : value;
	const text = raw === undefined || raw === null ? '' : String(raw).trim();
	return text === '' ? undefined : text;
}

function optionalId(ctx: IPollFunctions, label: string, value: string | undefined): number | undefined {
	return value === undefined ? undefined : positiveId(ctx.getNode(), label, value);
}

/** A list of IDs: the picker's array, or a comma-separated string from an expression. */
function ids(value: unknown): number[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((v) => Number(String(v).trim())).filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * The trigger's parameters, read once per poll.
 *
 * Which parameters reset the cursor: the Event and the Filters sent to Jitbit (categories,
 * statuses, assignee, company), through `key`. Each event keeps a cursor of its own kind, and a
 * cursor only speaks for the tickets its filters let through: New Ticket's highest id, for one,
 * says nothing of another category: once that category is added, its tickets created since
 * then, possibly months ago, would fire as new. Such a change starts over instead: the next poll
 * records where the helpdesk is and emits nothing.
 * The other parameters (To Status, Include New Tickets, the comment filters, Fetch Full Ticket,
 * Include Custom Fields, Rate Limit Handling) only choose or shape what a scan emits; the cursor
 * covers every ticket scanned either way, so they apply from the next poll, cursor kept (what
 * they filtered out before is not replayed).
 */
export function readConfig(ctx: IPollFunctions): TriggerConfig {
	const event = ctx.getNodeParameter('event') as TriggerEvent;
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const listQs: IDataObject = {};
	const categoryIds = ids(filters.categoryIds);
	if (categoryIds.length) listQs.categoryId = categoryIds;
	const statusIds = ids(filters.statusIds);
	// Status Changed must see tickets leave and enter every status.
	if (statusIds.length && event !== 'statusChanged') listQs.statusId = statusIds;
	const assignee = optionalId(ctx, 'Technician ID', locatorValue(filters.assignee));
	if (assignee !== undefined) listQs.handledByUserID = assignee;
	const company = optionalId(ctx, 'Company ID', locatorValue(filters.companyId));
	if (company !== undefined) listQs.fromCompanyId = company;
	// Taken before Include Custom Fields joins the list parameters: it adds fields, not tickets.
	const key = fingerprint(JSON.stringify({ event, listQs }));
	if (options.includeCustomFields) listQs.includeCustomFields = true;

	let toStatusId: number | undefined;
	if (event === 'statusChanged') {
		const toStatus = String(ctx.getNodeParameter('toStatus', 'any'));
		if (toStatus === 'custom') toStatusId = optionalId(ctx, 'Status ID', String(ctx.getNodeParameter('toStatusId', '')));
		else if (toStatus !== 'any') toStatusId = Number(toStatus);
	}
	return {
		event,
		listQs,
		key,
		fetchDetails: Boolean(options.fetchDetails),
		includeNewTickets: event === 'ticketUpdated' && Boolean(ctx.getNodeParameter('includeNewTickets', false)),
		toStatusId,
		visibility: event === 'newComment' ? (ctx.getNodeParameter('commentVisibility', 'any') as TriggerConfig['visibility']) : 'any',
		author: event === 'newComment' ? (ctx.getNodeParameter('commentAuthor', 'anyone') as TriggerConfig['author']) : 'anyone',
		includeSystem: event === 'newComment' && Boolean(ctx.getNodeParameter('includeSystemComments', false)),
	};
}
