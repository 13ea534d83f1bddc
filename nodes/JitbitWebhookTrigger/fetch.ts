/**
 * Fetch Full Ticket: the ticket (and, if asked, its custom fields) read through the shared
 * transport, so the call is paced with every other Jitbit call of this n8n process. The
 * webhook has already answered Jitbit by then; a failed read is reported on the item, which
 * still carries the event.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { simplifyTicket } from '../Jitbit/resources/ticket/simplify';
import { CREDENTIAL_TYPE, jitbitApiRequest, webBaseUrl } from '../Jitbit/transport';

export interface FetchOptions {
	includeCustomFields: boolean;
	simplify: boolean;
}

async function readTicket(ctx: IWebhookFunctions, ticketId: number, options: FetchOptions): Promise<IDataObject> {
	const ticket = (await jitbitApiRequest(ctx, { method: 'GET', url: '/Ticket', qs: { id: ticketId } })) as IDataObject;
	if (options.includeCustomFields) {
		const fields = await jitbitApiRequest(ctx, { method: 'GET', url: '/TicketCustomFields', qs: { id: ticketId } });
		ticket.CustomFields = Array.isArray(fields) ? fields : [];
	}
	if (!options.simplify) return ticket;
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return simplifyTicket(ticket, webBaseUrl(credentials.helpdeskUrl));
}

/** The item with `ticket` added, or with `ticket: null` and `fetchError` saying why. */
export async function withFullTicket(ctx: IWebhookFunctions, item: IDataObject, options: FetchOptions): Promise<IDataObject> {
	const ticketId = item.ticketId as number | null;
	if (ticketId === null) {
		return { ...item, ticket: null, fetchError: 'Fetch Full Ticket skipped: the payload has no ticket ID.' };
	}
	try {
		return { ...item, ticket: await readTicket(ctx, ticketId, options) };
	} catch (error) {
		const message = `Could not read ticket ${ticketId}: ${(error as Error).message}`;
		ctx.logger.warn(`Jitbit Webhook Trigger: ${message}`);
		return { ...item, ticket: null, fetchError: message };
	}
}
