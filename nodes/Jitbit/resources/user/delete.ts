import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { confirmDeleted } from '../../shared/confirm';
import { inBody } from '../../shared/descriptions';
import { userLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a user',
	description: 'Permanently delete a user (irreversible; needs a helpdesk administrator). Their tickets stay.',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/DeleteUser' },
		send: { preSend: [requirePositiveIds({ userId: 'User ID' })] },
		output: { postReceive: [confirmDeleted({ userId: 'userId' })] },
	}),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Deleting a user is permanent: Jitbit has no undo. To keep their history, disable the user with Update instead.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	userLocator({ description: 'The user to delete permanently', routing: inBody('userId') }),
	...toolFields(option, { ids: ['user'], irreversible: 'Deletes the user for good; their tickets stay' }),
];

const displayOptions = { show: { resource: ['user'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);
