import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { confirmDeleted } from '../../shared/confirm';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { fileIdField } from './fields';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an attachment',
	description: 'Permanently delete one file from its ticket (irreversible)',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/DeleteFile' },
		send: { preSend: [requirePositiveIds({ fileId: 'File ID' })] },
		output: { postReceive: [confirmDeleted({ fileId: 'fileId' })] },
	}),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Deleting a file is permanent: Jitbit has no undo',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	fileIdField('ID of the file to delete: the FileID of an item from Attachment → Get Many'),
	...toolFields(option, { ids: ['file'], irreversible: 'Deletes the file from its ticket for good' }),
];

const displayOptions = { show: { resource: ['attachment'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);
