import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inQuery, optionsCollection } from '../../shared/descriptions';
import { simplifyField } from '../../shared/simplify';
import { ticketLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { ticketDetails } from './details';
import { simplifyTickets } from './simplify';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a ticket',
	description: 'Retrieve one ticket with all its details, optionally with its comments and custom fields',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/Ticket' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
		output: { postReceive: [ticketDetails, simplifyTickets] },
	}),
};

const properties: INodeProperties[] = [
	ticketLocator({
		routing: inQuery('id'),
	}),
	simplifyField(),
	optionsCollection([
		{
			displayName: 'Include Comments',
			name: 'includeComments',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the ticket’s comments (oldest first by date, then by comment ID) to the item, so one call gives the whole conversation. Costs one extra API call.',
		},
		{
			displayName: 'Include Custom Fields',
			name: 'includeCustomFields',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the values of the ticket’s custom fields, unset ones included, to the item. Costs one extra API call.',
		},
		{
			displayName: 'Strip HTML',
			name: 'stripHtml',
			type: 'boolean',
			default: false,
			description: 'Whether to turn the HTML of the ticket body and comments into plain text',
		},
	]),
	...toolFields(option, { ids: ['ticket'], output: true, stripHtml: true }),
];

const displayOptions = { show: { resource: ['ticket'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);
