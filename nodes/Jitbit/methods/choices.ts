import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { jitbitApiRequest } from '../transport';

/**
 * What pickers read from the node being edited. n8n passes the edited values as
 * `currentNodeParameters`; where a caller does not (some hosts run pickers against the saved
 * node), the node's own value is read. Only a plain number counts: an unresolved expression
 * cannot be used to look anything up.
 */
function currentValue(ctx: ILoadOptionsFunctions, path: string): string | undefined {
	let value: unknown;
	try {
		value = ctx.getCurrentNodeParameter(path, { extractValue: true });
	} catch {
		value = undefined;
	}
	if (value === undefined || value === null || value === '') {
		try {
			value = ctx.getNodeParameter(path, undefined, { extractValue: true });
		} catch {
			value = undefined;
		}
	}
	if (value !== null && typeof value === 'object' && 'value' in value) value = (value as IDataObject).value;
	const text = value === undefined || value === null ? '' : String(value).trim();
	return /^\d+$/.test(text) ? text : undefined;
}

/** Where a category can be chosen: the field itself, in Update Fields, or in Filters. */
const CATEGORY_PATHS = ['categoryId', 'updateFields.categoryId', 'filters.categoryId'];

/** The category chosen in the node, if any. */
export function chosenCategoryId(ctx: ILoadOptionsFunctions): string | undefined {
	for (const path of CATEGORY_PATHS) {
		const value = currentValue(ctx, path);
		if (value !== undefined) return value;
	}
	return undefined;
}

/** The ticket chosen in the node, if any. */
export function chosenTicketId(ctx: ILoadOptionsFunctions): string | undefined {
	return currentValue(ctx, 'ticketId');
}

/** The category a picker should use: the one chosen in the node, else the chosen ticket's (one call). */
export async function categoryOfChoice(ctx: ILoadOptionsFunctions): Promise<string | undefined> {
	const categoryId = chosenCategoryId(ctx);
	if (categoryId !== undefined) return categoryId;
	const ticketId = chosenTicketId(ctx);
	if (ticketId === undefined) return undefined;
	const ticket = (await jitbitApiRequest(ctx, { method: 'GET', url: '/Ticket', qs: { id: ticketId } })) as IDataObject;
	return ticket.CategoryID === undefined || ticket.CategoryID === null ? undefined : String(ticket.CategoryID);
}

/** The operation of the node being edited. */
export function chosenOperation(ctx: ILoadOptionsFunctions): unknown {
	try {
		return ctx.getCurrentNodeParameter('operation') ?? ctx.getNodeParameter('operation', '');
	} catch {
		return undefined;
	}
}

/** Whether any of the texts contains the typed filter, ignoring case. */
export function matches(filter: string, ...texts: unknown[]): boolean {
	const needle = filter.toLowerCase();
	return texts.some((text) => String(text ?? '').toLowerCase().includes(needle));
}
