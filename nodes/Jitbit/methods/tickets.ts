import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { STATUSES } from '../resources/ticket/values';
import { helpdeskWebUrl, ticketUrl } from '../shared/links';
import { jitbitApiRequest } from '../transport';

const PAGE = 50;

/** Tickets for the ticket picker: newest first, or Jitbit's full-text search when the user types. */
async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const web = await helpdeskWebUrl(this);
	const offset = Number(paginationToken ?? 0);
	const query = filter?.trim();
	const items = (await jitbitApiRequest(this, {
		method: 'GET',
		url: query ? '/Search' : '/Tickets',
		qs: { ...(query ? { query } : { mode: 'all' }), count: PAGE, offset },
	})) as IDataObject[];
	return {
		results: items.map((ticket) => {
			const id = ticket.IssueID ?? ticket.TicketID;
			return { name: `#${id} ${String(ticket.Subject ?? '')}`.trim(), value: String(id), url: ticketUrl(web, id) };
		}),
		paginationToken: items.length === PAGE ? String(offset + PAGE) : undefined,
	};
}

async function getStatuses(): Promise<INodePropertyOptions[]> {
	return STATUSES;
}

export const listSearch = { searchTickets };

export const loadOptions = { getStatuses };
