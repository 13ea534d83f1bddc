import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { confirm } from '../../shared/confirm';
import { inBody } from '../../shared/descriptions';
import { ticketLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { atItem, jitbitRouting } from '../../transport';
import { customFieldValuesField, readCustomFieldValues } from './values';

/** `SetCustomFields` takes one `cf<FieldID>=<value>` form field per custom field (docs/jitbit-api.md §11). */
async function sendFieldValues(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const values = readCustomFieldValues(this, 'customFieldsUi');
	if (!values.length) {
		throw new NodeOperationError(this.getNode(), atItem('No custom fields to set', this.getItemIndex()), {
			itemIndex: this.getItemIndex(),
			description: "Add at least one field under 'Custom Fields'.",
		});
	}
	const fields = Object.fromEntries(values.map(({ fieldId, value }) => [`cf${fieldId}`, value]));
	return { ...requestOptions, body: { ...(requestOptions.body as IDataObject), ...fields } };
}

export const option: INodePropertyOptions = {
	name: 'Set Many',
	value: 'setMany',
	action: 'Set several custom fields on a ticket',
	description: 'Set the values of several custom fields of a ticket in one call',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/SetCustomFields' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' }), sendFieldValues] },
		output: { postReceive: [confirm({ ticketId: 'ticketId' })] },
	}),
};

const properties: INodeProperties[] = [
	ticketLocator({ routing: inBody('ticketId') }),
	customFieldValuesField({ required: true }),
	...toolFields(option, { ids: ['ticket', 'field'] }),
];

const displayOptions = { show: { resource: ['customField'], operation: ['setMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);
