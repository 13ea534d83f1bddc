import type { Resource } from '../operation';
import * as getMany from './getMany';

export const department: Resource = {
	name: 'Department',
	value: 'department',
	description: 'Departments that users belong to',
	operations: [getMany],
};
