import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../../shared/descriptions';
import { companyFilter, departmentFilter } from '../../shared/filters';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { jitbitRouting } from '../../transport';
import { optionalUserLocator } from '../user/locator';
import { simplifyAsset } from './simplify';

const show = { resource: ['asset'], operation: ['getMany'] };

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many assets',
	description: 'List inventory assets, optionally those assigned to a user, company or department (needs a technician)',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/Assets' },
		// Assets come in fixed pages of 50; the page size cannot be chosen.
		paging: { style: 'page', pageSize: 50, sendCount: false },
		output: { postReceive: [simplifyOutput(simplifyAsset)] },
	}),
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	filtersCollection(show, [
		optionalUserLocator({
			name: 'assignedToUserId',
			displayName: 'Assigned to User',
			property: 'assignedToUserId',
			in: 'query',
			description: 'Only assets assigned to this user',
		}),
		companyFilter('assignedToCompanyId', 'Assigned to Company', 'Only assets of this company'),
		departmentFilter('assignedToDepartmentId', 'Assigned to Department Name or ID', 'Only assets of this department.'),
	]),
	simplifyField(show, 'asset fields'),
];
