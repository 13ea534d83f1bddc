import type { IDataObject, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { ticketLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';

/** The ticket detail carries its files in `Attachments`: one item per file. */
async function attachmentsOfTicket(items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.flatMap((item) => ((item.json.Attachments as IDataObject[] | undefined) ?? []).map((json) => ({ json })));
}

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many attachments of a ticket',
	description: 'List the files attached to a ticket and its comments; use the FileID to download or delete one',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/Attachments' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
	}),
};

const properties: INodeProperties[] = [
	ticketLocator({
		description: 'The ticket whose files to list: pick it, enter its number, or paste its link from Jitbit',
		routing: inQuery('id'),
	}),
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		default: 'attachments',
		description:
			'Where Jitbit is asked for the files. Some Jitbit instances return nothing from the Attachments call; the ticket details list the same files.',
		options: [
			{
				name: 'Attachments List',
				value: 'attachments',
				description: 'Jitbit\'s Attachments call for the ticket',
			},
			{
				name: 'Ticket Details',
				value: 'ticket',
				description: 'The Attachments list inside the ticket\'s details (use when the other source returns nothing)',
				routing: {
					request: { url: '/Ticket' },
					output: { postReceive: [attachmentsOfTicket] },
				},
			},
		],
	},
	...toolFields(option, { ids: ['ticket'], returns: 'Each file has its FileID, name, size and the comment it belongs to' }),
];

const displayOptions = { show: { resource: ['attachment'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);
