import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { fileIdField } from './fields';

const show = { resource: ['attachment'], operation: ['delete'] };

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an attachment',
	description: 'Permanently delete one file from its ticket (irreversible)',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/DeleteFile' },
		send: { preSend: [requirePositiveIds({ fileId: 'File ID' })] },
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'Deleting a file is permanent: Jitbit has no undo',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	fileIdField(show, 'ID of the file to delete: the FileID of an item from Attachment → Get Many'),
];
