import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { requireEmail } from './email';
import { emailField } from './fields';
import { simplifyUser } from './simplify';

const show = { resource: ['user'], operation: ['getByEmail'] };

export const option: INodePropertyOptions = {
	name: 'Get by Email',
	value: 'getByEmail',
	action: 'Get a user by email',
	description: 'Find the user with an email address; fails with "not found" when there is none. Limited to 60 calls a minute.',
	routing: {
		request: { method: 'GET', url: '/UserByEmail' },
		send: { preSend: [requireEmail] },
		output: { postReceive: [simplifyOutput(simplifyUser)] },
	},
};

export const description: INodeProperties[] = [
	{ ...emailField(show, 'Email address of the user to find'), routing: inQuery('email') },
	simplifyField(show, 'user fields'),
];
