import type { INodeProperties } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';

/** A file of a ticket by its FileID, sent as `id`. */
export function fileIdField(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3301',
		description,
		displayOptions: { show },
		routing: inQuery('id'),
	};
}
