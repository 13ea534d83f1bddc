import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inBody } from '../../shared/descriptions';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';
import { createFields, emailField } from './fields';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a user',
	description: 'Create a helpdesk user (needs a helpdesk administrator); returns the new user ID',
	routing: jitbitRouting({ request: { method: 'POST', url: '/CreateUser' } }),
};

const properties: INodeProperties[] = [
	emailField('Email address of the new user. Jitbit answers 500 if a user with this email or username exists.', inBody('email')),
	createFields,
	...toolFields(option, { returns: 'Answers the new user ID' }),
];

const displayOptions = { show: { resource: ['user'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);
