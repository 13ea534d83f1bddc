import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';

import { oldestCommentsFirst } from '../../shared/comments';
import { withPlainText } from '../../shared/html';
import { jitbitApiRequest } from '../../transport';

export interface DetailOptions {
	includeComments?: boolean;
	includeCustomFields?: boolean;
	stripHtml?: boolean;
}

/**
 * Adds what `Ticket?id=` leaves out (docs/jitbit-api.md §7): the comments (`comments?id=`, oldest first) and the custom
 * field values (`TicketCustomFields?id=&returnUnset=true`), each one extra call through the
 * paced transport, and optionally turns the HTML bodies into plain text.
 */
export async function addTicketDetails(
	ctx: IExecuteSingleFunctions,
	ticket: IDataObject,
	options: DetailOptions,
): Promise<IDataObject> {
	const id = ticket.TicketID ?? ticket.IssueID;
	const itemIndex = ctx.getItemIndex();
	const result: IDataObject = { ...ticket };
	if (options.includeComments) {
		const comments = await jitbitApiRequest(ctx, { method: 'GET', url: '/comments', qs: { id }, itemIndex });
		result.Comments = Array.isArray(comments) ? oldestCommentsFirst(comments) : [];
	}
	if (options.includeCustomFields) {
		const fields = await jitbitApiRequest(ctx, {
			method: 'GET',
			url: '/TicketCustomFields',
			qs: { id, returnUnset: true },
			itemIndex,
		});
		result.CustomFields = Array.isArray(fields) ? fields : [];
	}
	return options.stripHtml ? withPlainText(result) : result;
}

/** postReceive of Ticket → Get: applies the "Options" collection to each returned ticket. */
export const ticketDetails: PostReceiveAction = async function (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', {}) as DetailOptions;
	if (!options.includeComments && !options.includeCustomFields && !options.stripHtml) return items;
	const result: INodeExecutionData[] = [];
	for (const item of items) result.push({ ...item, json: await addTicketDetails(this, item.json, options) });
	return result;
};
