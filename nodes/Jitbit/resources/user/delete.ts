import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { userLocator } from './locator';

const show = { resource: ['user'], operation: ['delete'] };

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a user',
	description: 'Permanently delete a user (irreversible; needs a helpdesk administrator). Their tickets stay.',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/DeleteUser' },
		send: { preSend: [requirePositiveIds({ userId: 'User ID' })] },
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Deleting a user is permanent: Jitbit has no undo. To keep their history, disable the user with Update instead.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	userLocator(show, { description: 'The user to delete permanently' }),
];
