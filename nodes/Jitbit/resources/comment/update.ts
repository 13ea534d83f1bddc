import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { optionsCollection } from '../../shared/descriptions';
import { requirePositiveIds } from '../../shared/validate';
import { commentBodyField, forTechsOnlyOption } from './fields';

const show = { resource: ['comment'], operation: ['update'] };

/**
 * UpdateComment is only a name in Jitbit's method list (docs/jitbit-api.md §10). Inferred:
 * `id` is the comment ID and `body` the new text; `forTechsOnly` is sent only when set.
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
	commentBodyField(show, 'New text of the comment; HTML is allowed. Replaces the old text.', true),
	optionsCollection(show, [
		forTechsOnlyOption(
			'Whether the comment becomes an internal note only technicians see. Not confirmed by Jitbit\'s documentation; versions that ignore it keep the visibility.',
		),
	]),
];
