import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inBody } from '../../shared/descriptions';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';
import { emailParameter } from './email';
import { emailField, upsertFields } from './fields';
import { findUserByEmail } from './lookup';

/**
 * What the lookup found, for the answer's hook. RoutingNode hands postReceive only the items and
 * the response, never the request, so the lookup waits in n8n's node context for this
 * execution, one entry per item (items run concurrently), removed once read.
 */
const lookupKey = (ctx: IExecuteSingleFunctions) => `upsertLookup:${ctx.getItemIndex()}`;

/**
 * One UserByEmail lookup: an existing user turns the request into UpdateUser for that user,
 * otherwise it stays CreateUser. A 404 from UserByEmail means "no such user", not a failure.
 */
async function matchByEmail(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const email = emailParameter(this);
	const existing = await findUserByEmail(this, email, this.getItemIndex());
	const body = { ...((requestOptions.body as IDataObject) ?? {}) };
	const userId = existing?.UserID ? Number(existing.UserID) : undefined;
	this.getContext('node')[lookupKey(this)] = { userId };
	if (userId === undefined) return { ...requestOptions, body };
	// The match key is already the user's email, and a welcome email only makes sense for a new user.
	delete body.email;
	delete body.sendWelcomeEmail;
	return { ...requestOptions, url: '/UpdateUser', body: { userId, ...body } };
}

async function reportAction(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const context = this.getContext('node');
	const { userId } = (context[lookupKey(this)] ?? {}) as { userId?: number };
	delete context[lookupKey(this)];
	const email = emailParameter(this);
	const json: IDataObject =
		userId !== undefined
			? { action: 'updated', userId, email }
			: { action: 'created', userId: items[0]?.json.id ?? null, email };
	return [{ json, pairedItem: { item: this.getItemIndex() } }];
}

export const option: INodePropertyOptions = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update a user',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/CreateUser' },
		send: { preSend: [matchByEmail] },
		output: { postReceive: [reportAction] },
	}),
};

const properties: INodeProperties[] = [
	{
		displayName:
			'Matches by email: the user with this email is updated, otherwise a new user is created. The output field "action" says which happened. Needs a helpdesk administrator.',
		name: 'upsertNotice',
		type: 'notice',
		default: '',
	},
	emailField('Email address that identifies the user: an existing user with it is updated, otherwise a new user is created', inBody('email')),
	upsertFields,
	...toolFields(option, { returns: 'Finds the user by email: answers their user ID and whether they were created or updated' }),
];

const displayOptions = { show: { resource: ['user'], operation: ['upsert'] } };

export const description = updateDisplayOptions(displayOptions, properties);
