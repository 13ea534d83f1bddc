import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { ticketLocator } from '../../shared/locators';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { simplifyCustomField } from '../ticket/simplify';

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

const properties: INodeProperties[] = [
	ticketLocator({ routing: inQuery('id') }),
	{
		displayName: 'Include Unset Fields',
		name: 'returnUnset',
		type: 'boolean',
		default: false,
		description: 'Whether to also return the fields of the ticket’s category that have no value',
		routing: inQuery('returnUnset'),
	},
	simplifyField(),
	...toolFields(option, { ids: ['ticket'], output: true }),
];

const displayOptions = { show: { resource: ['customField'], operation: ['getForTicket'] } };

export const description = updateDisplayOptions(displayOptions, properties);
