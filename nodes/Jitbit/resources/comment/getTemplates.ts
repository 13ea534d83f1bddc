import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Get Templates',
	value: 'getTemplates',
	action: 'Get comment templates',
	description: 'List the canned replies (comment templates) defined in Jitbit, as Jitbit returns them',
	routing: jitbitRouting({ request: { method: 'GET', url: '/CommentTemplates' } }),
};

export const description: INodeProperties[] = [];
