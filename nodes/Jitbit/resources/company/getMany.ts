import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many companies',
	description: 'List the companies users belong to (needs a technician)',
	routing: jitbitRouting({ request: { method: 'GET', url: '/Companies' } }),
};

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	...toolFields(option, { returns: 'Each company has its CompanyID and name' }),
];

const displayOptions = { show: { resource: ['company'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);
