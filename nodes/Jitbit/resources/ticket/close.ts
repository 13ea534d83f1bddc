import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { confirm } from '../../shared/confirm';
import { inBody } from '../../shared/descriptions';
import { ticketLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Close',
	value: 'close',
	action: 'Close a ticket',
	description: 'Close a ticket, optionally without emailing the customer',
	routing: jitbitRouting({
		// Jitbit's method list says GET; POST with form fields works too (docs/jitbit-api.md §7) and
		// keeps writes off GET, so a proxy or retry never repeats it by accident.
		request: { method: 'POST', url: '/Close' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
		output: { postReceive: [confirm({ ticketId: 'ticketId' }, { closed: true })] },
	}),
};

const properties: INodeProperties[] = [
	ticketLocator({ routing: inBody('id') }),
	{
		displayName: 'Suppress Notification',
		name: 'suppressNotification',
		type: 'boolean',
		default: false,
		description: 'Whether to close without emailing the customer',
		routing: inBody('suppressNotification'),
	},
	...toolFields(option, { ids: ['ticket'] }),
];

const displayOptions = { show: { resource: ['ticket'], operation: ['close'] } };

export const description = updateDisplayOptions(displayOptions, properties);
