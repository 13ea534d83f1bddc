import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { userLocator } from '../../shared/locators';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { simplifyUser } from './simplify';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a user',
	description: 'Retrieve one user by ID (needs a technician or administrator)',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/User' },
		send: { preSend: [requirePositiveIds({ userId: 'User ID' })] },
		output: { postReceive: [simplifyOutput(simplifyUser)] },
	}),
};

const properties: INodeProperties[] = [
	userLocator({ description: 'The user to retrieve', routing: inQuery('userId') }),
	simplifyField(),
	...toolFields(option, { ids: ['user'], output: true }),
];

const displayOptions = { show: { resource: ['user'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);
