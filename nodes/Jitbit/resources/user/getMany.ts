import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, inQuery, returnAllOrLimit } from '../../shared/descriptions';
import { companyFilter, departmentFilter } from '../../shared/filters';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';
import { simplifyUser } from './simplify';

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

const properties: INodeProperties[] = [
	{
		displayName: 'List Mode',
		name: 'listMode',
		type: 'options',
		default: 'all',
		description: 'Which users to list',
		options: [
			{ name: 'Administrators', value: 'admins' },
			{ name: 'All Active Users', value: 'all' },
			{ name: 'Disabled Users', value: 'disabled' },
			{ name: 'Regular Users (Customers)', value: 'regular' },
			{ name: 'Technicians (Incl. Administrators)', value: 'techs' },
		],
		routing: inQuery('listMode'),
	},
	...returnAllOrLimit(),
	filtersCollection([
		companyFilter('companyId', 'Company', 'Only users of this company'),
		departmentFilter('departmentId', 'Department Name or ID', 'Only users of this department.'),
	]),
	simplifyField(),
	...toolFields(option, { output: true, returns: 'Each user has its id: the user ID the other tools take' }),
];

const displayOptions = { show: { resource: ['user'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);
