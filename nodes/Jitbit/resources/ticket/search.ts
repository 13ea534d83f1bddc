import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { toolFields } from '../../shared/tool';
import { assigneeFilter, sharedTicketFilters, TICKET_LIST, ticketListFields } from './filters';
import { jitbitRouting } from '../../transport';
import { simplifyTickets } from './simplify';

export const option: INodePropertyOptions = {
	name: 'Search',
	value: 'search',
	action: 'Search tickets',
	description: 'Find tickets whose subject, body or comments contain the given text',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/Search' },
		// Search pages are smaller than Tickets' (Jitbit's own client clamps `count` to 100), so a
		// full page of 100 is what tells that more may follow.
		paging: { style: 'offset', pageSize: 100 },
		output: { postReceive: [simplifyTickets] },
	}),
};

const filters: INodeProperties[] = [
	...sharedTicketFilters(),
	assigneeFilter('assignedToUserId', 'Only tickets assigned to this technician (a filter not every Jitbit version documents)'),
];

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. printer jammed',
		description: 'Text to look for in ticket subjects, bodies and comments. Jitbit allows 60 searches per minute.',
		routing: inQuery('query'),
	},
	...ticketListFields(filters),
	...toolFields(option, { output: true, returns: TICKET_LIST }),
];

const displayOptions = { show: { resource: ['ticket'], operation: ['search'] } };

export const description = updateDisplayOptions(displayOptions, properties);
