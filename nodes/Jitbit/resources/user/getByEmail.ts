import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { simplifyUser } from './simplify';

const show = { resource: ['user'], operation: ['getByEmail'] };

export const option: INodePropertyOptions = {
	name: 'Get by Email',
	value: 'getByEmail',
	action: 'Get a user by email',
	description: 'Find the user with an email address; fails with "not found" when there is none. Limited to 60 calls a minute.',
	routing: {
		request: { method: 'GET', url: '/UserByEmail' },
		output: { postReceive: [simplifyOutput(simplifyUser)] },
	},
};

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address of the user to find',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'email' } },
	},
	simplifyField(show, 'user fields'),
];
