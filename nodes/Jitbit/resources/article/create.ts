import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { categoryField, UNLESS_EMPTY } from '../../shared/category';
import { additionalFieldsCollection, inBody } from '../../shared/descriptions';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';

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
	routing: jitbitRouting({
		request: { method: 'POST', url: '/Article' },
		output: { postReceive: [withSubject] },
	}),
};

const properties: INodeProperties[] = [
	categoryField({
		required: true,
		description:
			'Category the article is filed under. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		routing: inBody('categoryId', UNLESS_EMPTY),
	}),
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		description: 'Title of the article',
		routing: inBody('subject'),
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 8 },
		required: true,
		default: '',
		description: 'Content of the article; HTML is allowed',
		routing: inBody('body'),
	},
	additionalFieldsCollection([
		{
			displayName: 'For Technicians Only',
			name: 'forTechsOnly',
			type: 'boolean',
			default: false,
			description: 'Whether only technicians can read the article',
			routing: inBody('forTechsOnly'),
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. vpn, remote work',
			description: 'Comma-separated tags of the article',
			routing: inBody('tags'),
		},
	]),
	...toolFields(option, { ids: ['category'], returns: 'Answers the new article’s id (its ArticleId) and subject' }),
];

const displayOptions = { show: { resource: ['article'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);
