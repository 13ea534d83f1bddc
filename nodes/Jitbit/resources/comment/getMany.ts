import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { sortCommentItems } from '../../shared/comments';
import { ticketLocator } from '../../shared/locators';
import { hideInTool, stripHtmlField, toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many comments of a ticket',
	description:
		'List the comments of a ticket, oldest first by date, then by comment ID (internal notes only for technicians)',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/comments' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
		output: { postReceive: [sortCommentItems] },
	}),
};

const properties: INodeProperties[] = [
	ticketLocator({
		description: 'The ticket whose comments to list: pick it, enter its number, or paste its link from Jitbit',
		routing: inQuery('id'),
	}),
	// Comment bodies are HTML; agents and text fields want plain text.
	hideInTool(stripHtmlField('Whether to turn each comment\'s HTML Body into plain text (line breaks and list items kept)')),
	...toolFields(option, {
		ids: ['ticket'],
		returns: 'Each comment has its CommentID, author, date, body and whether it is a tech-only note',
		stripHtml: true,
	}),
];

const displayOptions = { show: { resource: ['comment'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);
