import type { INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Get Stats',
	value: 'getStats',
	action: 'Get ticket statistics',
	description: 'Counts of all, new, in-process, unanswered, unassigned, unclosed and closed tickets',
	routing: jitbitRouting({ request: { method: 'GET', url: '/Stats' } }),
};

const displayOptions = { show: { resource: ['ticket'], operation: ['getStats'] } };

export const description = updateDisplayOptions(displayOptions, toolFields(option));
