import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { sortCommentItems } from '../../shared/comments';
import { htmlToText } from '../../shared/html';
import { ticketLocator } from '../../shared/locators';
import { requirePositiveIds } from '../../shared/validate';

const show = { resource: ['comment'], operation: ['getMany'] };

/** Comment bodies are HTML; agents and text fields want plain text. */
async function stripHtml(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (!this.getNodeParameter('stripHtml', false)) return items;
	return items.map((item) => ({ ...item, json: { ...item.json, Body: htmlToText(item.json.Body) } }));
}

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many comments of a ticket',
	description:
		'List the comments of a ticket, oldest first by date, then by comment ID (internal notes only for technicians)',
	routing: {
		request: { method: 'GET', url: '/comments' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
		output: { postReceive: [sortCommentItems, stripHtml] },
	},
};

export const description: INodeProperties[] = [
	ticketLocator({
		description: 'The ticket whose comments to list: pick it, enter its number, or paste its link from Jitbit',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'id' } },
	}),
	{
		displayName: 'Strip HTML',
		name: 'stripHtml',
		type: 'boolean',
		default: false,
		description: 'Whether to turn each comment\'s HTML Body into plain text (line breaks and list items kept)',
		displayOptions: { show },
	},
];
