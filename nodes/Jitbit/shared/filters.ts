import type { INodeProperties } from 'n8n-workflow';

import { inQuery } from './descriptions';
import { companyLocator } from './locators';

/** A list filter on a company, picked from Companies or given by ID; `name` is also the query parameter. */
export function companyFilter(name: string, displayName: string, description: string): INodeProperties {
	return companyLocator({ name, displayName, description, required: false, routing: inQuery(name) });
}

/** A list filter on a department, picked from Departments; `name` is also the query parameter. */
export function departmentFilter(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDepartments' },
		default: '',
		description: `${description} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
		routing: inQuery(name),
	};
}
