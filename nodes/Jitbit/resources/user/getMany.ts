import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../../shared/descriptions';
import { companyFilter, departmentFilter } from '../../shared/filters';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { jitbitRouting } from '../../transport';
import { simplifyUser } from './simplify';

const show = { resource: ['user'], operation: ['getMany'] };

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many users',
	description: 'List helpdesk users, optionally only technicians, administrators, customers or disabled users (needs a helpdesk administrator)',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/Users' },
		paging: { style: 'page', pageSize: 100 },
		output: { postReceive: [simplifyOutput(simplifyUser)] },
	}),
};

export const description: INodeProperties[] = [
	{
		displayName: 'List Mode',
		name: 'listMode',
		type: 'options',
		default: 'all',
		description: 'Which users to list',
		displayOptions: { show },
		options: [
			{ name: 'Administrators', value: 'admins' },
			{ name: 'All Active Users', value: 'all' },
			{ name: 'Disabled Users', value: 'disabled' },
			{ name: 'Regular Users (Customers)', value: 'regular' },
			{ name: 'Technicians (Incl. Administrators)', value: 'techs' },
		],
		routing: { send: { type: 'query', property: 'listMode' } },
	},
	...returnAllOrLimit(show),
	filtersCollection(show, [
		companyFilter('companyId', 'Company', 'Only users of this company'),
		departmentFilter('departmentId', 'Department Name or ID', 'Only users of this department.'),
	]),
	simplifyField(show, 'user fields'),
];
