import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';
import { requireEmail } from './email';
import { emailField } from './fields';
import { simplifyUser } from './simplify';

export const option: INodePropertyOptions = {
	name: 'Get by Email',
	value: 'getByEmail',
	action: 'Get a user by email',
	description: 'Find the user with an email address; fails with "not found" when there is none. Limited to 60 calls a minute.',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/UserByEmail' },
		send: { preSend: [requireEmail] },
		output: { postReceive: [simplifyOutput(simplifyUser)] },
	}),
};

const properties: INodeProperties[] = [
	emailField('Email address of the user to find', inQuery('email')),
	simplifyField(),
	...toolFields(option, { output: true, returns: 'The user has its id: the user ID the other tools take' }),
];

const displayOptions = { show: { resource: ['user'], operation: ['getByEmail'] } };

export const description = updateDisplayOptions(displayOptions, properties);
