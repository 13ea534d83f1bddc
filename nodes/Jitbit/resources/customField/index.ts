import type { Resource } from '../operation';

export const customField: Resource = {
	name: 'Custom Field',
	value: 'customField',
	description: 'Values of custom fields on tickets',
	operations: [],
};
