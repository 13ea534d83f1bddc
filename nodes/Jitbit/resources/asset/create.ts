import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../shared/descriptions';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';
import { namedFields, optionalFields } from './fields';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an asset',
	description: 'Add an inventory asset (needs a technician); returns its ID',
	routing: jitbitRouting({ request: { method: 'POST', url: '/Asset' } }),
};

const properties: INodeProperties[] = [
	...namedFields.map((field) => ({ ...field, required: true,  })),
	additionalFieldsCollection(optionalFields),
	...toolFields(option),
];

const displayOptions = { show: { resource: ['asset'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);
