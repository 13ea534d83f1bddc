import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Get Templates',
	value: 'getTemplates',
	action: 'Get comment templates',
	description: 'List the canned replies (comment templates) defined in Jitbit, as Jitbit returns them',
	routing: jitbitRouting({ request: { method: 'GET', url: '/CommentTemplates' } }),
};

const properties: INodeProperties[] = [
	...toolFields(option, { returns: 'Each template has its ID, name and text, under the names Jitbit uses', stripHtml: true }),
];

const displayOptions = { show: { resource: ['comment'], operation: ['getTemplates'] } };

export const description = updateDisplayOptions(displayOptions, properties);
