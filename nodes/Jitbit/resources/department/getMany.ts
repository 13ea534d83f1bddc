import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many departments',
	description: 'List the departments users can belong to',
	routing: jitbitRouting({ request: { method: 'GET', url: '/Departments' } }),
};

export const description: INodeProperties[] = [];
