import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { updateFields } from './fields';
import { userLocator } from './locator';

const show = { resource: ['user'], operation: ['update'] };

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

export const description: INodeProperties[] = [
	userLocator(show, { description: 'The user to update' }),
	updateFields(show),
];
