import type { IDataObject, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { categoryField, UNLESS_EMPTY } from '../../shared/category';
import { inQuery, returnAllOrLimit } from '../../shared/descriptions';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';

/** Articles answers `{Articles: [...], Categories: [...]}` on some instances, a bare array on others. */
async function articlesOnly(items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.flatMap((item) =>
		Array.isArray(item.json.Articles) ? (item.json.Articles as IDataObject[]).map((json) => ({ json })) : [item],
	);
}

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many knowledge base articles',
	description: 'List knowledge base article summaries (without the body), optionally of one category',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/Articles' },
		output: { postReceive: [articlesOnly] },
	}),
};

const properties: INodeProperties[] = [
	categoryField({
		description:
			'Only articles of this category. Leave empty for all. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		routing: inQuery('categoryId', UNLESS_EMPTY),
	}),
	...returnAllOrLimit(),
	...toolFields(option, {
		ids: ['category'],
		returns: 'Each article has its ArticleId, subject and category; Get a knowledge base article gives the body',
	}),
];

const displayOptions = { show: { resource: ['article'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);
