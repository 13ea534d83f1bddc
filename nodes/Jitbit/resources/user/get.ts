import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { userLocator } from './locator';
import { simplifyUser } from './simplify';

const show = { resource: ['user'], operation: ['get'] };

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

export const description: INodeProperties[] = [
	userLocator(show, { description: 'The user to retrieve', in: 'query' }),
	simplifyField(show, 'user fields'),
];
