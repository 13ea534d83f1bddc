import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inBody } from '../../shared/descriptions';
import { userLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { updateFields } from './fields';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a user',
	description: 'Change a user\'s profile fields (needs a helpdesk administrator); fields left out keep their values',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/UpdateUser' },
		send: { preSend: [requirePositiveIds({ userId: 'User ID' })] },
	}),
};

const properties: INodeProperties[] = [
	userLocator({ description: 'The user to update', routing: inBody('userId') }),
	updateFields,
	...toolFields(option, { ids: ['user'] }),
];

const displayOptions = { show: { resource: ['user'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);
