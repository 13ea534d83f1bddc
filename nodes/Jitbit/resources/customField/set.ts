import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { confirm } from '../../shared/confirm';
import { inBody } from '../../shared/descriptions';
import { ticketLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { VALUE_RULES } from './values';

export const option: INodePropertyOptions = {
	name: 'Set',
	value: 'set',
	action: 'Set a custom field on a ticket',
	description: 'Set the value of one custom field of a ticket. Fires automation rules as an edit in Jitbit does.',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/SetCustomField' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID', fieldId: 'Custom Field ID' })] },
		output: { postReceive: [confirm({ ticketId: 'ticketId', fieldId: 'fieldId' })] },
	}),
};

const properties: INodeProperties[] = [
	ticketLocator({ routing: inBody('ticketId') }),
	{
		displayName: 'Field Name or ID',
		name: 'fieldId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCustomFieldsForCategory', loadOptionsDependsOn: ['ticketId'] },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The list shows the custom fields of the chosen ticket’s category',
		routing: inBody('fieldId'),
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description: `The new value. ${VALUE_RULES} Empty clears the field.`,
		routing: inBody('value'),
	},
	...toolFields(option, { ids: ['ticket', 'field'] }),
];

const displayOptions = { show: { resource: ['customField'], operation: ['set'] } };

export const description = updateDisplayOptions(displayOptions, properties);
