import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { inBody } from '../../shared/descriptions';
import { userLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { atItem, jitbitRouting } from '../../transport';

/**
 * MergeUsers is only a name in Jitbit's method list; its parameter names are not known (docs/jitbit-api.md §13). We
 * send both candidate spellings, which agree: `userId` / `toUserId` is the user kept, `userId2` /
 * `fromUserId` the user merged into it and removed (mirroring MergeTickets' `id` kept, `id2` removed).
 */
async function mergeParams(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const keep = String(this.getNodeParameter('userId', undefined, { extractValue: true }));
	const gone = String(this.getNodeParameter('mergedUserId', undefined, { extractValue: true }));
	if (keep === gone) {
		throw new NodeOperationError(this.getNode(), atItem('A user cannot be merged into itself', this.getItemIndex()), {
			itemIndex: this.getItemIndex(),
			description: 'Pick two different users: the one to keep and the duplicate to merge into it.',
		});
	}
	return {
		...requestOptions,
		body: { userId: keep, userId2: gone, toUserId: keep, fromUserId: gone },
	};
}

export const option: INodePropertyOptions = {
	name: 'Merge',
	value: 'merge',
	action: 'Merge two users',
	description:
		'Merge a duplicate user into another (irreversible; needs a helpdesk administrator): tickets and comments move to the kept user, the duplicate is deleted',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/MergeUsers' },
		send: { preSend: [requirePositiveIds({ userId: 'User ID', mergedUserId: 'Duplicate User ID' }), mergeParams] },
	}),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Merging is irreversible: the duplicate user is deleted once their tickets and comments have moved to the kept user',
		name: 'mergeNotice',
		type: 'notice',
		default: '',
	},
	userLocator({ displayName: 'User to Keep', description: 'The user that remains after the merge', routing: inBody('userId') }),
	userLocator({
		name: 'mergedUserId',
		displayName: 'Duplicate User',
		description: 'The user merged into the kept user and then deleted',
		routing: inBody('userId2'),
	}),
	...toolFields(option, {
		ids: ['user'],
		irreversible: 'The duplicate user is deleted once their tickets and comments have moved to the kept user',
	}),
];

const displayOptions = { show: { resource: ['user'], operation: ['merge'] } };

export const description = updateDisplayOptions(displayOptions, properties);
