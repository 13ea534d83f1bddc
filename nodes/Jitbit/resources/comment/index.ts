import type { Resource } from '../operation';

export const comment: Resource = {
	name: 'Comment',
	value: 'comment',
	description: 'Replies and internal notes on tickets',
	operations: [],
};
