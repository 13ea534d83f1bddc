/**
 * Fetch Full Ticket, in the node's execute(): n8n runs it as the first step of the workflow,
 * after the webhook answered Jitbit and released the request. So no delivery waits on an API
 * call, and the call goes through the shared transport, paced with every other Jitbit call of
 * this n8n process. A failed read fails the run with a clear error, or, with the node's
 * "On Error: Continue", keeps the event with `ticket: null` and `fetchError`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { simplifyTicket } from '../Jitbit/resources/ticket/simplify';
import { CREDENTIAL_TYPE, jitbitApiRequest, webBaseUrl } from '../Jitbit/transport';

async function readTicket(ctx: IExecuteFunctions, ticketId: number, itemIndex: number): Promise<IDataObject> {
	const ticket = (await jitbitApiRequest(ctx, { method: 'GET', url: '/Ticket', qs: { id: ticketId }, itemIndex })) as IDataObject;
	if (ctx.getNodeParameter('includeCustomFields', itemIndex, false)) {
		const fields = await jitbitApiRequest(ctx, { method: 'GET', url: '/TicketCustomFields', qs: { id: ticketId }, itemIndex });
		ticket.CustomFields = Array.isArray(fields) ? fields : [];
	}
	if (!ctx.getNodeParameter('simplify', itemIndex, true)) return ticket;
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return simplifyTicket(ticket, webBaseUrl(credentials.helpdeskUrl));
}

/** The transport's errors are node errors already; anything else is wrapped with its item. */
function nodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** Each event with its ticket under `ticket`. */
export async function withFullTickets(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const event = items[i].json;
		try {
			if (typeof event.ticketId !== 'number') {
				throw new NodeOperationError(ctx.getNode(), 'Fetch Full Ticket needs a ticket ID, and the rule’s payload has none', {
					itemIndex: i,
					description: 'Put ticketId=#ticketId# in the rule’s post data or URL, as the node’s setup notice shows.',
				});
			}
			out.push({ json: { ...event, ticket: await readTicket(ctx, event.ticketId, i) }, pairedItem: { item: i } });
		} catch (error) {
			if (!ctx.continueOnFail()) throw nodeError(ctx, error, i);
			out.push({ json: { ...event, ticket: null, fetchError: (error as Error).message }, pairedItem: { item: i } });
		}
	}
	return out;
}
