import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { idLocator } from '../../shared/locators';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { paginate } from '../../transport';
import { simplifyUser } from './simplify';

const show = { resource: ['user'], operation: ['getMany'] };

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many users',
	description: 'List helpdesk users, optionally only technicians, administrators, customers or disabled users (needs a helpdesk administrator)',
	routing: {
		request: { method: 'GET', url: '/Users' },
		operations: { pagination: paginate({ style: 'page', pageSize: 100 }) },
		output: { postReceive: [simplifyOutput(simplifyUser)] },
	},
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
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			idLocator('searchCompanies', 'Company ID', {
				name: 'companyId',
				displayName: 'Company',
				description: 'Only users of this company',
				required: false,
				routing: { send: { type: 'query', property: 'companyId' } },
			}),
			{
				displayName: 'Department Name or ID',
				name: 'departmentId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getDepartments' },
				default: '',
				description:
					'Only users of this department. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				routing: { send: { type: 'query', property: 'departmentId' } },
			},
		],
	},
	simplifyField(show, 'user fields'),
];
