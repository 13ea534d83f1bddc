import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { categoryField } from '../../shared/category';
import { confirm } from '../../shared/confirm';
import { inBody, updateFieldsCollection } from '../../shared/descriptions';
import { technicianLocator, ticketLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { priorityField, statusField } from './fields';
import { atItem, jitbitRouting } from '../../transport';

/** An update with nothing to change would still cost a call and touch LastUpdated. */
async function requireChanges(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	if (!Object.keys(fields).length) {
		throw new NodeOperationError(this.getNode(), atItem('Nothing to update', this.getItemIndex()), {
			itemIndex: this.getItemIndex(),
			description: "Add at least one field under 'Update Fields'.",
		});
	}
	return requestOptions;
}

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a ticket',
	description: 'Change a ticket’s category, priority, status, assignee, due date, tags, subject, body or time spent',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/UpdateTicket' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' }), requireChanges] },
		output: { postReceive: [confirm({ ticketId: 'ticketId' })] },
	}),
};

const updateFields: INodeProperties[] = [
	categoryField({ description: 'Move the ticket to this category', routing: inBody('categoryId') }),
	// Jitbit names it `priority` here, `priorityId` on create (docs/jitbit-api.md §7).
	priorityField({ routing: inBody('priority') }),
	statusField({ routing: inBody('statusId') }),
	technicianLocator('category', {
		name: 'assignedUserId',
		required: false,
		description: 'Technician to assign the ticket to. Choose "Unassigned" (or enter ID 0) to remove the assignee.',
		routing: inBody('assignedUserId'),
	}),
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		default: '',
		description: 'When the ticket is due',
		routing: inBody('dueDate'),
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		placeholder: 'e.g. vpn, urgent',
		description: 'Comma-separated tags. Replaces ALL existing tags of the ticket; include the ones to keep.',
		routing: inBody('tags'),
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		description: 'New subject line',
		routing: inBody('subject'),
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		description: 'New ticket text (HTML allowed). Replaces the original description, not a comment.',
		routing: inBody('body'),
	},
	{
		displayName: 'Time Spent (Seconds)',
		name: 'timeSpentInSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Total time spent on the ticket, in seconds (replaces the current total)',
		routing: inBody('timeSpentInSeconds'),
	},
];

const properties: INodeProperties[] = [
	ticketLocator({ routing: inBody('id') }),
	updateFieldsCollection(updateFields),
	...toolFields(option, { ids: ['ticket', 'category', 'technician'] }),
];

const displayOptions = { show: { resource: ['ticket'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);
