import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, fieldsCollection, inBody, updateFieldsCollection } from '../../shared/descriptions';

/** The profile fields CreateUser and UpdateUser share (docs/jitbit-api.md §13); each is sent only when set. */
const profile: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		description: 'Login name. Older Jitbit versions require it on create; newer ones derive it from the email when omitted.',
		routing: inBody('username'),
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Login password. Changing it invalidates the user\'s API token.',
		routing: inBody('password'),
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: 'Given name of the user',
		routing: inBody('firstName'),
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: 'Family name of the user',
		routing: inBody('lastName'),
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		description: 'Phone number of the user',
		routing: inBody('phone'),
	},
	{
		displayName: 'Location',
		name: 'location',
		type: 'string',
		default: '',
		description: 'Office or location of the user, free text',
		routing: inBody('location'),
	},
	{
		displayName: 'Company Name',
		name: 'company',
		type: 'string',
		default: '',
		description: 'Name of the user\'s company. Jitbit creates the company if no company has this name.',
		routing: inBody('company'),
	},
	{
		displayName: 'Department Name',
		name: 'department',
		type: 'string',
		default: '',
		description: 'Name of the user\'s department. Jitbit creates the department if none has this name.',
		routing: inBody('department'),
	},
];

const sendWelcomeEmail: INodeProperties = {
	displayName: 'Send Welcome Email',
	name: 'sendWelcomeEmail',
	type: 'boolean',
	default: false,
	description: 'Whether Jitbit emails the new user a welcome message with their login details',
	routing: inBody('sendWelcomeEmail'),
};

/** Fields only UpdateUser takes. */
const updateOnly: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'New email address of the user',
		routing: inBody('email'),
	},
	{
		displayName: 'Notes',
		name: 'notes',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Internal notes about the user, visible to technicians',
		routing: inBody('notes'),
	},
	{
		displayName: 'Disabled',
		name: 'disabled',
		type: 'boolean',
		default: false,
		description: 'Whether the user is disabled (cannot log in or submit tickets)',
		routing: inBody('disabled'),
	},
	{
		displayName: 'Email Notifications',
		name: 'enableEmailNotifications',
		type: 'boolean',
		default: true,
		description: 'Whether Jitbit sends this user email notifications',
		routing: inBody('enableEmailNotifications'),
	},
	{
		displayName: 'Greeting',
		name: 'greeting',
		type: 'string',
		default: '',
		description: 'Greeting a technician\'s replies start with',
		routing: inBody('greeting'),
	},
	{
		displayName: 'Signature',
		name: 'signature',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Signature appended to a technician\'s replies',
		routing: inBody('signature'),
	},
	{
		displayName: 'Out of Office',
		name: 'outOfOffice',
		type: 'boolean',
		default: false,
		description: 'Whether the technician is out of office',
		routing: inBody('outOfOffice'),
	},
];

/** The email field of Create, Create or Update and Get by Email: the user's identity in Jitbit. */
export function emailField(description: string, routing: INodeProperties['routing']): INodeProperties {
	return {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description,
		routing,
	};
}

export const createFields = additionalFieldsCollection([...profile, sendWelcomeEmail]);

export const updateFields = updateFieldsCollection([...profile, ...updateOnly]);

/** Create or Update: the fields go to whichever call runs; email is the match key, so not here. */
export const upsertFields = fieldsCollection([...profile, sendWelcomeEmail, ...updateOnly.filter((f) => f.name !== 'email')]);
