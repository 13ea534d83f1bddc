import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requirePositiveIds } from '../../shared/validate';

const show = { resource: ['comment'], operation: ['update'] };

/**
 * UpdateComment is in the spec only (contract §6, open question 2). Following the contract's
 * inference: `id` is the comment ID and `body` the new text; `forTechsOnly` is sent only when set.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a comment',
	description: 'Replace the text of a comment',
	routing: {
		request: { method: 'POST', url: '/UpdateComment' },
		send: { preSend: [requirePositiveIds({ commentId: 'Comment ID' })] },
	},
};

export const description: INodeProperties[] = [
	{
		displayName: 'Comment ID',
		name: 'commentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5012',
		description: 'ID of the comment to change: the CommentID of an item from Comment → Get Many',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'id' } },
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 5 },
		required: true,
		default: '',
		description: 'New text of the comment; HTML is allowed. Replaces the old text.',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'body' } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'For Technicians Only',
				name: 'forTechsOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether the comment becomes an internal note only technicians see. Not confirmed by Jitbit\'s documentation; versions that ignore it keep the visibility.',
				routing: { send: { type: 'body', property: 'forTechsOnly' } },
			},
		],
	},
];
