import type { INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many departments',
	description: 'List the departments users can belong to',
	routing: jitbitRouting({ request: { method: 'GET', url: '/Departments' } }),
};

const displayOptions = { show: { resource: ['department'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, toolFields(option));
