import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inBody, optionsCollection } from '../../shared/descriptions';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { commentBodyField, forTechsOnlyOption } from './fields';

/**
 * UpdateComment is only a name in Jitbit's method list (docs/jitbit-api.md §10). Inferred:
 * `id` is the comment ID and `body` the new text; `forTechsOnly` is sent only when set.
 */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a comment',
	description: 'Replace the text of a comment',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/UpdateComment' },
		send: { preSend: [requirePositiveIds({ commentId: 'Comment ID' })] },
	}),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Comment ID',
		name: 'commentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5012',
		description: 'ID of the comment to change: the CommentID of an item from Comment → Get Many',
		routing: inBody('id'),
	},
	commentBodyField('New text of the comment; HTML is allowed. Replaces the old text.', true),
	optionsCollection([
		forTechsOnlyOption(
			'Whether the comment becomes an internal note only technicians see. Not confirmed by Jitbit\'s documentation; versions that ignore it keep the visibility.',
		),
	]),
	...toolFields(option, { ids: ['comment'] }),
];

const displayOptions = { show: { resource: ['comment'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);
