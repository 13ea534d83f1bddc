import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { ticketLocator } from '../../shared/locators';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { simplifyCustomField } from '../ticket/simplify';

const show = { resource: ['customField'], operation: ['getForTicket'] };

export const option: INodePropertyOptions = {
	name: 'Get for Ticket',
	value: 'getForTicket',
	action: 'Get the custom fields of a ticket',
	description: 'List the custom field values of a ticket, one item per field',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/TicketCustomFields' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
		output: { postReceive: [simplifyOutput(simplifyCustomField)] },
	}),
};

export const description: INodeProperties[] = [
	ticketLocator({ displayOptions: { show }, routing: inQuery('id') }),
	{
		displayName: 'Include Unset Fields',
		name: 'returnUnset',
		type: 'boolean',
		default: false,
		description: 'Whether to also return the fields of the ticket’s category that have no value',
		displayOptions: { show },
		routing: inQuery('returnUnset'),
	},
	simplifyField(show, 'custom field data (ID, name, value, option ID)'),
];
