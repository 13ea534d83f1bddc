import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { positiveId } from '../../shared/validate';

export interface FieldValue {
	fieldId: number;
	value: string;
}

export const VALUE_RULES =
	'Text and dates as text (dates in any format, e.g. 2025-01-31). Checkboxes: true or false. Dropdowns: the option ID shown next to the option in the field list.';

/** Several custom field values: a field picked from the category's fields, and its value. */
export function customFieldValuesField(overrides: Partial<INodeProperties>): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: 'customFieldsUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description: 'Values of the custom fields of the ticket’s category',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'fieldId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomFieldsForCategory', loadOptionsDependsOn: ['categoryId', 'ticketId'] },
						default: '',
						description:
							'The custom field to set. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: VALUE_RULES,
					},
				],
			},
		],
		...overrides,
	} as INodeProperties;
}

/** The entered field/value pairs, each field ID checked before anything is sent. */
export function readCustomFieldValues(ctx: IExecuteSingleFunctions, path: string): FieldValue[] {
	const collection = (ctx.getNodeParameter(path, {}) ?? {}) as IDataObject;
	const entries = (collection.field ?? []) as IDataObject[];
	return entries.map((entry, index) => {
		const fieldId = positiveId(ctx.getNode(), `'Field ID' of custom field ${index + 1}`, entry.fieldId, ctx.getItemIndex());
		const value = entry.value;
		return { fieldId, value: value === undefined || value === null ? '' : String(value) };
	});
}
