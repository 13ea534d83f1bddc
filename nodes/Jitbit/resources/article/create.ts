import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../shared/descriptions';
import { categoryField } from './category';

const show = { resource: ['article'], operation: ['create'] };

async function withSubject(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const subject = String(this.getNodeParameter('subject', ''));
	return items.map((item) => ({ ...item, json: { id: item.json.id, subject } }));
}

/**
 * POST Article is only a name in Jitbit's method list (docs/jitbit-api.md §15). Its parameters
 * are inferred, mirroring ticket creation: `categoryId`, `subject`, `body`, `tags`,
 * `forTechsOnly`; the answer is taken as the new article ID.
 */
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a knowledge base article',
	description: 'Publish a new knowledge base article in a category (needs a technician)',
	routing: {
		request: { method: 'POST', url: '/Article' },
		output: { postReceive: [withSubject] },
	},
};

export const description: INodeProperties[] = [
	categoryField(show, true, 'Category the article is filed under.'),
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		description: 'Title of the article',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'subject' } },
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 8 },
		required: true,
		default: '',
		description: 'Content of the article; HTML is allowed',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'body' } },
	},
	additionalFieldsCollection(show, [
		{
			displayName: 'For Technicians Only',
			name: 'forTechsOnly',
			type: 'boolean',
			default: false,
			description: 'Whether only technicians can read the article',
			routing: { send: { type: 'body', property: 'forTechsOnly' } },
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. vpn, remote work',
			description: 'Comma-separated tags of the article',
			routing: { send: { type: 'body', property: 'tags' } },
		},
	]),
];
