import type { Resource } from '../operation';

export const attachment: Resource = {
	name: 'Attachment',
	value: 'attachment',
	description: 'Files attached to tickets',
	operations: [],
};
