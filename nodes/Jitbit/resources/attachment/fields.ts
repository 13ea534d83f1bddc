import type { INodeProperties } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';

/** A file of a ticket by its FileID, sent as `id`. */
export function fileIdField(description: string): INodeProperties {
	return {
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3301',
		description,
		routing: inQuery('id'),
	};
}
