import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { sortCommentItems } from '../../shared/comments';
import { htmlToText } from '../../shared/html';
import { ticketLocator } from '../../shared/locators';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';

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
	routing: jitbitRouting({
		request: { method: 'GET', url: '/comments' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
		output: { postReceive: [sortCommentItems, stripHtml] },
	}),
};

const properties: INodeProperties[] = [
	ticketLocator({
		description: 'The ticket whose comments to list: pick it, enter its number, or paste its link from Jitbit',
		routing: inQuery('id'),
	}),
	{
		displayName: 'Strip HTML',
		name: 'stripHtml',
		type: 'boolean',
		default: false,
		description: 'Whether to turn each comment\'s HTML Body into plain text (line breaks and list items kept)',
	},
];

const displayOptions = { show: { resource: ['comment'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);
