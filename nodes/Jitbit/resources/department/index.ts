import type { Resource } from '../operation';

export const department: Resource = {
	name: 'Department',
	value: 'department',
	description: 'Departments users belong to',
	operations: [],
};
