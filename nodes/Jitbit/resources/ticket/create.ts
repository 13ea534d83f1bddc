import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
} from 'n8n-workflow';

import { binaryPropertiesField, sendBinaryAsMultipart } from '../../shared/binary';
import { additionalFieldsCollection, inBody } from '../../shared/descriptions';
import { simplifyField } from '../../shared/simplify';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitApiRequest } from '../../transport';
import { customFieldValuesField, readCustomFieldValues } from '../customField/values';
import { byDisplayName, categoryField, priorityField, technicianLocator, userLocator } from './fields';
import { helpdeskWebUrl, simplifyTicket } from './simplify';

const show = { resource: ['ticket'], operation: ['create'] };

/** `customFields` on create is one JSON string `{"<fieldId>":"value"}` (docs/jitbit-api.md §7). */
async function sendCustomFields(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const values = readCustomFieldValues(this, 'additionalFields.customFieldsUi');
	if (!values.length) return requestOptions;
	const json = Object.fromEntries(values.map(({ fieldId, value }) => [String(fieldId), value]));
	return { ...requestOptions, body: { ...(requestOptions.body as IDataObject), customFields: JSON.stringify(json) } };
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
		await jitbitApiRequest(this, { method: 'POST', url: '/UpdateTicket', body: { id, dueDate }, itemIndex });
	}
	if (!this.getNodeParameter('returnTicket', false)) return [{ json: { id } }];
	const ticket = (await jitbitApiRequest(this, { method: 'GET', url: '/Ticket', qs: { id }, itemIndex })) as IDataObject;
	if (this.getNodeParameter('simplify', true)) return [{ json: simplifyTicket(ticket, await helpdeskWebUrl(this)) }];
	return [{ json: { id, ...ticket } }];
};

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a ticket',
	description: 'Open a new ticket, optionally on behalf of a user, with custom fields and file attachments',
	routing: {
		request: { method: 'POST', url: '/Ticket' },
		send: { preSend: [requirePositiveIds({ categoryId: 'Category ID' }), sendCustomFields, sendBinaryAsMultipart] },
		output: { postReceive: [afterCreate] },
	},
};

const additionalFields: INodeProperties[] = [
	userLocator({
		name: 'userId',
		displayName: 'On Behalf Of',
		required: false,
		description: 'Submit the ticket as this user instead of the connected one (needs technician rights)',
		routing: inBody('userId'),
	}),
	technicianLocator({
		name: 'assignedToUserId',
		displayName: 'Assignee',
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

export const description: INodeProperties[] = [
	categoryField({ required: true, displayOptions: { show }, routing: inBody('categoryId') }),
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		description: 'Ticket subject line',
		displayOptions: { show },
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
		displayOptions: { show },
		routing: inBody('body'),
	},
	priorityField({ displayOptions: { show }, routing: inBody('priorityId') }),
	additionalFieldsCollection(show, additionalFields.sort(byDisplayName)),
	binaryPropertiesField(show),
	{
		displayName: 'Return Created Ticket',
		name: 'returnTicket',
		type: 'boolean',
		default: false,
		description: 'Whether to read the new ticket back (one extra call) and return it instead of just its ID',
		displayOptions: { show },
	},
	{ ...simplifyField(show, 'ticket fields'), displayOptions: { show: { ...show, returnTicket: [true] } } },
];
