import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { paginate } from '../../transport';
import { userLocator } from '../user/locator';
import { companyFilter } from './fields';
import { simplifyAsset } from './simplify';

const show = { resource: ['asset'], operation: ['getMany'] };

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many assets',
	description: 'List inventory assets, optionally those assigned to a user, company or department (needs a technician)',
	routing: {
		request: { method: 'GET', url: '/Assets' },
		// Assets come in fixed pages of 50; the page size cannot be chosen.
		operations: { pagination: paginate({ style: 'page', pageSize: 50, sendCount: false }) },
		output: { postReceive: [simplifyOutput(simplifyAsset)] },
	},
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				...userLocator(
					{},
					{
						name: 'assignedToUserId',
						displayName: 'Assigned to User',
						property: 'assignedToUserId',
						in: 'query',
						description: 'Only assets assigned to this user',
					},
				),
				displayOptions: undefined,
				required: false,
			},
			companyFilter(),
			{
				displayName: 'Assigned to Department Name or ID',
				name: 'assignedToDepartmentId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getDepartments' },
				default: '',
				description:
					'Only assets of this department. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				routing: { send: { type: 'query', property: 'assignedToDepartmentId' } },
			},
		],
	},
	simplifyField(show, 'asset fields'),
];
