import type { INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requirePositiveIds } from '../../shared/validate';

const show = { resource: ['attachment'], operation: ['delete'] };

async function deleted(this: unknown, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.map((item) => ({ ...item, json: { success: true } }));
}

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an attachment',
	description: 'Permanently delete one file from its ticket (irreversible)',
	routing: {
		// DeleteFile is a GET that answers with an empty body; read raw so "nothing" counts as success.
		request: { method: 'GET', url: '/DeleteFile', encoding: 'arraybuffer', json: false },
		send: { preSend: [requirePositiveIds({ fileId: 'File ID' })] },
		output: { postReceive: [deleted] },
	},
};

export const description: INodeProperties[] = [
	{
		displayName: 'Deleting a file is permanent: Jitbit has no undo',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3301',
		description: 'ID of the file to delete: the FileID of an item from Attachment → Get Many',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'id' } },
	},
];
