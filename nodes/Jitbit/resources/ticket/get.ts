import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ticketLocator } from '../../shared/locators';
import { requirePositiveIds } from '../../shared/validate';

const show = { resource: ['ticket'], operation: ['get'] };

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a ticket',
	description: 'Retrieve one ticket with all its details',
	routing: {
		request: { method: 'GET', url: '/Ticket' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
	},
};

export const description: INodeProperties[] = [
	ticketLocator({
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'id' } },
	}),
];
