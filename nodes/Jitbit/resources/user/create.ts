import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { jitbitRouting } from '../../transport';
import { createFields, emailField } from './fields';

const show = { resource: ['user'], operation: ['create'] };

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a user',
	description: 'Create a helpdesk user (needs a helpdesk administrator); returns the new user ID',
	routing: jitbitRouting({ request: { method: 'POST', url: '/CreateUser' } }),
};

export const description: INodeProperties[] = [
	emailField(show, 'Email address of the new user. Jitbit answers 500 if a user with this email or username exists.'),
	createFields(show),
];
