import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { categoryField } from '../ticket/fields';

const show = { resource: ['customField'], operation: ['getForCategory'] };

export const option: INodePropertyOptions = {
	name: 'Get for Category',
	value: 'getForCategory',
	action: 'Get the custom fields of a category',
	description: 'List the custom field definitions of a category, with the options of dropdown fields',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/CustomFieldsForCategory' },
		send: { preSend: [requirePositiveIds({ categoryId: 'Category ID' })] },
	}),
};

export const description: INodeProperties[] = [
	categoryField({ required: true, displayOptions: { show }, routing: inQuery('categoryId') }),
];
