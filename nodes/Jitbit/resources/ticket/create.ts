import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertiesField, sendBinaryAsMultipart } from '../../shared/binary';
import { categoryField } from '../../shared/category';
import { additionalFieldsCollection, inBody } from '../../shared/descriptions';
import { helpdeskWebUrl, ticketUrl } from '../../shared/links';
import { technicianLocator, userLocator } from '../../shared/locators';
import { simplifyField } from '../../shared/simplify';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { atItem, jitbitApiRequest, jitbitRouting } from '../../transport';
import { customFieldValuesField, readCustomFieldValues } from '../customField/values';
import { priorityField } from './fields';
import { simplifyTicket } from './simplify';

/** `customFields` on create is one JSON string `{"<fieldId>":"value"}` (docs/jitbit-api.md §7). */
async function sendCustomFields(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const values = readCustomFieldValues(this, 'additionalFields.customFieldsUi');
	if (!values.length) return requestOptions;
	const json = Object.fromEntries(values.map(({ fieldId, value }) => [String(fieldId), value]));
	return { ...requestOptions, body: { ...(requestOptions.body as IDataObject), customFields: JSON.stringify(json) } };
}

/**
 * Subject and body are required, but an expression over a field the item lacks gives nothing,
 * which n8n lets through: say so before the call, as Jitbit's own answer names neither.
 */
async function requireSubjectAndBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	for (const [name, label] of [
		['subject', 'Subject'],
		['body', 'Body'],
	]) {
		if (String(this.getNodeParameter(name, '') ?? '').trim()) continue;
		const raw = String(this.getNode().parameters[name] ?? '');
		throw new NodeOperationError(this.getNode(), atItem(`'${label}' is empty`, this.getItemIndex()), {
			itemIndex: this.getItemIndex(),
			description: raw.startsWith('=')
				? `A ticket needs a ${name}. The expression ${raw.slice(1)} gives no text for this item: check that the item has that field.`
				: `A ticket needs a ${name}: type one or map a field that holds it.`,
		});
	}
	return requestOptions;
}

/**
 * A follow-up call failed after the create: the ticket exists, so the error names it and its
 * link, as running the item again would create it a second time. With "On Error: Continue" the
 * item says the same, keeping only error and details, so n8n's error output still takes it.
 */
async function createdButFailed(
	ctx: IExecuteSingleFunctions,
	id: number,
	step: string,
	fix: string,
	cause: unknown,
): Promise<INodeExecutionData[]> {
	const url = ticketUrl(await helpdeskWebUrl(ctx), id);
	const { message, description } = cause as NodeOperationError;
	const error = new NodeOperationError(ctx.getNode(), atItem(`Ticket ${id} was created, but ${step} did not go through: ${message}`, ctx.getItemIndex()), {
		itemIndex: ctx.getItemIndex(),
		description: `Do not run this item again: that would create the ticket a second time. The ticket is at ${url}. ${fix}.${description ? ` ${description}` : ''}`,
	});
	if (!ctx.continueOnFail()) throw error;
	const details = { id, url, description: error.description };
	return [{ json: { error: error.message, details }, pairedItem: { item: ctx.getItemIndex() } }];
}

/**
 * After the create: Jitbit ignores a due date on creation, so it is set with `UpdateTicket`
 * (docs/jitbit-api.md §7), and the new ticket is read back when asked for. Both go through the transport.
 */
const afterCreate: PostReceiveAction = async function (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const id = Number(items[0]?.json.id);
	const itemIndex = this.getItemIndex();
	const picked = this.getNodeParameter('additionalFields.dueDate', '') as unknown;
	const dueDate = picked instanceof Date ? picked.toISOString() : String(picked ?? '');
	if (dueDate) {
		try {
			await jitbitApiRequest(this, { method: 'POST', url: '/UpdateTicket', body: { id, dueDate }, itemIndex });
		} catch (cause) {
			return await createdButFailed(this, id, 'setting its due date', 'Set the due date there or with Ticket → Update', cause);
		}
	}
	if (!this.getNodeParameter('returnTicket', false)) return [{ json: { id } }];
	let ticket: IDataObject;
	try {
		ticket = (await jitbitApiRequest(this, { method: 'GET', url: '/Ticket', qs: { id }, itemIndex })) as IDataObject;
	} catch (cause) {
		return await createdButFailed(this, id, 'reading it back', 'Read it with Ticket → Get', cause);
	}
	if (this.getNodeParameter('simplify', true)) return [{ json: simplifyTicket(ticket, await helpdeskWebUrl(this)) }];
	return [{ json: { id, ...ticket } }];
};

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a ticket',
	description: 'Open a new ticket, optionally on behalf of a user, with custom fields and file attachments',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/Ticket' },
		send: { preSend: [requirePositiveIds({ categoryId: 'Category ID' }), requireSubjectAndBody, sendCustomFields, sendBinaryAsMultipart] },
		output: { postReceive: [afterCreate] },
	}),
};

const additionalFields: INodeProperties[] = [
	userLocator({
		displayName: 'On Behalf Of',
		required: false,
		description: 'Submit the ticket as this user instead of the connected one (needs technician rights)',
		routing: inBody('userId'),
	}),
	technicianLocator('category', {
		name: 'assignedToUserId',
		required: false,
		description: 'Technician to assign the ticket to (needs technician rights)',
		routing: inBody('assignedToUserId'),
	}),
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		placeholder: 'e.g. vpn, urgent',
		description: 'Comma-separated tags for the ticket',
		routing: inBody('tags'),
	},
	{
		displayName: 'Origin',
		name: 'origin',
		type: 'options',
		default: 3,
		description: 'Channel the ticket came through, as shown in Jitbit ("via")',
		options: [
			{ name: 'API', value: 3 },
			{ name: 'Email', value: 1 },
			{ name: 'In Person', value: 8 },
			{ name: 'Live Chat', value: 7 },
			{ name: 'Mobile App', value: 5 },
			{ name: 'Phone', value: 6 },
			{ name: 'Scheduler', value: 4 },
			{ name: 'Web App', value: 0 },
			{ name: 'Widget', value: 2 },
		],
		routing: inBody('origin'),
	},
	{
		displayName: 'Suppress Confirmation',
		name: 'suppressConfirmation',
		type: 'boolean',
		default: true,
		description: 'Whether to skip the confirmation email to the submitter, e.g. when creating on behalf of a user',
		routing: inBody('suppressConfirmation'),
	},
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		default: '',
		description: 'When the ticket is due. Set right after the create with a second call, as Jitbit ignores it on creation.',
	},
	customFieldValuesField({}),
];

const properties: INodeProperties[] = [
	categoryField({ required: true, routing: inBody('categoryId') }),
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		description: 'Ticket subject line',
		routing: inBody('subject'),
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		required: true,
		typeOptions: { rows: 5 },
		default: '',
		description: 'Ticket text. HTML is allowed.',
		routing: inBody('body'),
	},
	priorityField({ routing: inBody('priorityId') }),
	additionalFieldsCollection(additionalFields),
	binaryPropertiesField(),
	{
		displayName: 'Return Created Ticket',
		name: 'returnTicket',
		type: 'boolean',
		default: false,
		description: 'Whether to read the new ticket back (one extra call) and return it instead of just its ID',
	},
	{ ...simplifyField(), displayOptions: { show: { returnTicket: [true] } } },
	...toolFields(option, { ids: ['category', 'user', 'technician'], returns: 'Answers the new ticket’s id (its ticket number)' }),
];

const displayOptions = { show: { resource: ['ticket'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);
