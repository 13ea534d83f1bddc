import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ticketLocator } from '../../shared/locators';
import { requirePositiveIds } from '../../shared/validate';

const show = { resource: ['comment'], operation: ['getMany'] };

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many comments of a ticket',
	description: 'List the comments of a ticket, oldest first (internal notes only for technicians)',
	routing: {
		request: { method: 'GET', url: '/comments' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
	},
};

export const description: INodeProperties[] = [
	ticketLocator({
		description: 'The ticket whose comments to list: pick it, enter its number, or paste its link from Jitbit',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'id' } },
	}),
];
