import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { companyFilter } from '../../shared/filters';
import { toolFields } from '../../shared/tool';
import { assigneeFilter, DAY_VALUE, sharedTicketFilters, TICKET_LIST, ticketListFields } from './filters';
import { jitbitRouting } from '../../transport';
import { simplifyTickets } from './simplify';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many tickets',
	description: 'List the tickets you can see, newest activity first, filtered by status, category, people, tags and dates',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/Tickets' },
		// Jitbit returns at most 300 tickets per call; `offset` moves through the rest.
		paging: { style: 'offset', pageSize: 300 },
		output: { postReceive: [simplifyTickets] },
	}),
};

const filters: INodeProperties[] = [
	...sharedTicketFilters(),
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		default: 'all',
		description: 'Which tickets to list',
		options: [
			{ name: 'All', value: 'all', description: 'All tickets, closed ones included' },
			{ name: 'Assigned to Me', value: 'handledbyme', description: 'Tickets assigned to the connected user' },
			{ name: 'Unanswered', value: 'unanswered', description: 'New tickets, or tickets updated by the customer' },
			{ name: 'Unclosed', value: 'unclosed', description: 'All tickets that are not closed' },
		],
		routing: inQuery('mode'),
	},
	{
		displayName: 'Section Name or ID',
		name: 'sectionId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSections' },
		default: '',
		description:
			'Only tickets in categories of this section. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: inQuery('sectionId'),
	},
	companyFilter('fromCompanyId', 'Company', 'Only tickets submitted by users of this company'),
	assigneeFilter('handledByUserID', 'Only tickets assigned to this technician'),
	{
		displayName: 'Tag',
		name: 'tagName',
		type: 'string',
		default: '',
		placeholder: 'e.g. vpn',
		description: 'Only tickets with this tag',
		routing: inQuery('tagName'),
	},
	{
		displayName: 'Updated From',
		name: 'updatedFrom',
		type: 'dateTime',
		default: '',
		description: 'Only tickets last updated on or after this day',
		routing: inQuery('updatedFrom', DAY_VALUE),
	},
	{
		displayName: 'Updated To',
		name: 'updatedTo',
		type: 'dateTime',
		default: '',
		description: 'Only tickets last updated on or before this day',
		routing: inQuery('updatedTo', DAY_VALUE),
	},
	{
		displayName: 'Due in Days',
		name: 'dueInDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 7,
		description: 'Only open tickets due within this many days from today (overdue ones included)',
		routing: inQuery('dueInDays'),
	},
	{
		displayName: 'Include Custom Fields',
		name: 'includeCustomFields',
		type: 'boolean',
		default: true,
		description: 'Whether to add the custom field values to each ticket',
		routing: inQuery('includeCustomFields'),
	},
	{
		displayName: 'Subscribed Only',
		name: 'subscribedOnly',
		type: 'boolean',
		default: true,
		description: 'Whether to list only the tickets the connected user is subscribed to',
		routing: inQuery('subscribedOnly'),
	},
];

const displayOptions = { show: { resource: ['ticket'], operation: ['getMany'] } };

const properties: INodeProperties[] = [...ticketListFields(filters), ...toolFields(option, { output: true, returns: TICKET_LIST })];

export const description = updateDisplayOptions(displayOptions, properties);
