import type { Resource } from '../operation';

export const user: Resource = {
	name: 'User',
	value: 'user',
	description: 'Helpdesk users: customers, technicians and administrators',
	operations: [],
};
