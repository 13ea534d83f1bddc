import type { IDataObject, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { jitbitRouting } from '../../transport';
import { categoryField } from './category';

const show = { resource: ['article'], operation: ['getMany'] };

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

export const description: INodeProperties[] = [
	categoryField(show, false, 'Only articles of this category. Leave empty for all.'),
	...returnAllOrLimit(show),
];
