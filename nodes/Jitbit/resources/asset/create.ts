import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../shared/descriptions';
import { jitbitRouting } from '../../transport';
import { namedFields, optionalFields } from './fields';

const show = { resource: ['asset'], operation: ['create'] };

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an asset',
	description: 'Add an inventory asset (needs a technician); returns its ID',
	routing: jitbitRouting({ request: { method: 'POST', url: '/Asset' } }),
};

export const description: INodeProperties[] = [
	...namedFields.map((field) => ({ ...field, required: true, displayOptions: { show } })),
	additionalFieldsCollection(show, optionalFields),
];
