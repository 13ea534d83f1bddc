import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { jitbitRouting } from '../../transport';

const show = { resource: ['company'], operation: ['getMany'] };

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many companies',
	description: 'List the companies users belong to (needs a technician)',
	routing: jitbitRouting({ request: { method: 'GET', url: '/Companies' } }),
};

export const description: INodeProperties[] = [...returnAllOrLimit(show)];
