import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, inQuery, returnAllOrLimit } from '../../shared/descriptions';
import { companyFilter, departmentFilter } from '../../shared/filters';
import { userLocator } from '../../shared/locators';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';
import { simplifyAsset } from './simplify';

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

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		userLocator({
			name: 'assignedToUserId',
			displayName: 'Assigned to User',
			required: false,
			description: 'Only assets assigned to this user',
			routing: inQuery('assignedToUserId'),
		}),
		companyFilter('assignedToCompanyId', 'Assigned to Company', 'Only assets of this company'),
		departmentFilter('assignedToDepartmentId', 'Assigned to Department Name or ID', 'Only assets of this department.'),
	]),
	simplifyField(),
	...toolFields(option, { output: true, returns: 'Each asset has its id, the asset ID the other asset tools take' }),
];

const displayOptions = { show: { resource: ['asset'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);
