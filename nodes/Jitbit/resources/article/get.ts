import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a knowledge base article',
	description: 'Retrieve one knowledge base article with its body and attachments',
	routing: jitbitRouting({
		// The path form Article/{id} is the one clients use (docs/jitbit-api.md §15); the id is checked first.
		request: { method: 'GET', url: '=/Article/{{ encodeURIComponent(String($parameter.articleId).trim()) }}' },
		send: { preSend: [requirePositiveIds({ articleId: 'Article ID' })] },
	}),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Article ID',
		name: 'articleId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 12',
		description: 'ID of the article: the ArticleId of an item from Knowledge Base Article → Get Many',
	},
	...toolFields(option, { ids: ['article'], stripHtml: true }),
];

const displayOptions = { show: { resource: ['article'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);
