import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertiesField, sendBinaryAsMultipart } from '../../shared/binary';
import { inBody, optionsCollection } from '../../shared/descriptions';
import { ticketLocator, userLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { atItem, jitbitApiRequest, jitbitRouting } from '../../transport';
import { commentBodyField, forTechsOnlyOption } from './fields';
import { templateFields } from './templates';

/**
 * An empty Body takes the chosen comment template's text, read from CommentTemplates when the
 * item runs, so edits to the canned reply in Jitbit apply without touching the workflow.
 */
async function bodyFromTemplate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body as IDataObject) ?? {}) };
	if (String(body.body ?? '').trim()) return requestOptions;
	const templateId = String(this.getNodeParameter('templateId', '') ?? '');
	const fail = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), atItem(message, this.getItemIndex()), { itemIndex: this.getItemIndex(), description });
	if (!templateId) throw fail('The comment has no text', "Enter a 'Body', or choose a 'Template' whose text is used instead.");
	const templates = (await jitbitApiRequest(this, {
		method: 'GET',
		url: '/CommentTemplates',
		itemIndex: this.getItemIndex(),
	})) as IDataObject[];
	const template = templates.map(templateFields).find((t) => t.id === templateId);
	if (!template) throw fail(`Comment template ${templateId} does not exist`, 'Choose another Template, or enter a Body.');
	return { ...requestOptions, body: { ...body, body: template.body } };
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Add a comment to a ticket',
	description: 'Reply to a ticket or add an internal note, optionally with files from the input item',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/comment' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' }), bodyFromTemplate, sendBinaryAsMultipart] },
	}),
};

const properties: INodeProperties[] = [
	ticketLocator({
		description: 'The ticket to comment on: pick it, enter its number, or paste its link from Jitbit',
		routing: inBody('id'),
	}),
	commentBodyField('Text of the comment; HTML is allowed. Leave empty to use the chosen Template\'s text.'),
	{
		displayName: 'Template Name or ID',
		name: 'templateId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCommentTemplates' },
		default: '',
		description:
			'A canned reply from Jitbit whose text is used when Body is empty (ignored otherwise). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	binaryPropertiesField(),
	optionsCollection([
		forTechsOnlyOption('Whether this is an internal note that only technicians see'),
		userLocator({
			name: 'fromUserId',
			displayName: 'Post As User',
			required: false,
			description: 'Post the comment as this user instead of the credential\'s user. Needs a helpdesk administrator.',
			routing: inBody('fromUserId'),
		}),
		{
			displayName: 'Recipient User IDs',
			name: 'recipientIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 12, 34',
			description:
				'Comma-separated IDs of the ticket subscribers to notify by email. Leave out to notify all subscribers.',
			routing: inBody('recipientIds', '={{ String($value).split(",").map(id => id.trim()).filter(id => id) }}'),
		},
		{
			displayName: 'System Comment',
			name: 'isSystem',
			type: 'boolean',
			default: false,
			description: 'Whether to show the comment as a grey "system" message rather than a reply',
			routing: inBody('isSystem'),
		},
	]),
	...toolFields(option, {
		ids: ['ticket'],
		returns:
			'Answers the new comment’s id. A tech-only note is hidden from the customer; a reply is emailed to the ticket’s subscribers',
	}),
];

const displayOptions = { show: { resource: ['comment'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);
