import type { Resource } from '../operation';

export const company: Resource = {
	name: 'Company',
	value: 'company',
	description: 'Customer companies',
	operations: [],
};
