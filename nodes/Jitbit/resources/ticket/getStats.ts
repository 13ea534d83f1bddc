import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Get Stats',
	value: 'getStats',
	action: 'Get ticket statistics',
	description: 'Counts of all, new, in-process, unanswered, unassigned, unclosed and closed tickets',
	routing: jitbitRouting({ request: { method: 'GET', url: '/Stats' } }),
};

export const description: INodeProperties[] = [];
