import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { categoryField } from '../../shared/category';
import { inQuery } from '../../shared/descriptions';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';

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

const properties: INodeProperties[] = [
	categoryField({ required: true, routing: inQuery('categoryId') }),
	...toolFields(option, {
		ids: ['category'],
		returns: 'Each field has its FieldID, name, type and, for a dropdown, its options with their OptionID',
	}),
];

const displayOptions = { show: { resource: ['customField'], operation: ['getForCategory'] } };

export const description = updateDisplayOptions(displayOptions, properties);
