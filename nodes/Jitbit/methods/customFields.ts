import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jitbitApiRequest } from '../transport';
import { chosenCategoryId, chosenTicketId } from './choices';

const CUSTOM_FIELD_TYPES: Record<number, string> = {
	1: 'text',
	2: 'date',
	3: 'dropdown',
	4: 'checkbox',
	5: 'multi-line text',
};

interface FieldOption {
	id: string;
	name: string;
}

function dropdownOptions(field: IDataObject): FieldOption[] {
	const options = field.SelectionComboOptions;
	if (!Array.isArray(options)) return [];
	return (options as IDataObject[]).map((option) => ({
		id: String(option.OptionID ?? option.ID ?? option.Id ?? ''),
		name: String(option.Name ?? option.Text ?? option.Value ?? ''),
	}));
}

/**
 * Custom fields of the chosen category (`CustomFieldsForCategory`), or of the chosen ticket's
 * category (`TicketCustomFields` with unset fields). Dropdown fields list their option IDs, which
 * is what Jitbit expects as the value.
 */
async function getCustomFieldsForCategory(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categoryId = chosenCategoryId(this);
	const ticketId = categoryId === undefined ? chosenTicketId(this) : undefined;
	if (categoryId === undefined && ticketId === undefined) {
		throw new NodeOperationError(this.getNode(), 'Choose a category (or a ticket) first', {
			description: 'Custom fields are defined per category. Pick the category or the ticket, or enter the field ID instead.',
		});
	}
	const fields = (await jitbitApiRequest(
		this,
		categoryId !== undefined
			? { method: 'GET', url: '/CustomFieldsForCategory', qs: { categoryId } }
			: { method: 'GET', url: '/TicketCustomFields', qs: { id: ticketId, returnUnset: true } },
	)) as IDataObject[];
	return fields.map((field) => {
		const type = CUSTOM_FIELD_TYPES[Number(field.Type)] ?? `type ${field.Type}`;
		const options = dropdownOptions(field);
		const choices = options.length ? `; options (pass the ID): ${options.map((o) => `${o.name} = ${o.id}`).join(', ')}` : '';
		return {
			name: `${String(field.FieldName ?? field.Name ?? `Field ${field.FieldID}`)}${options.length ? ` (${options.map((o) => `${o.name}=${o.id}`).join(', ')})` : ''}`,
			value: Number(field.FieldID),
			description: `ID ${field.FieldID}, ${type}${field.Mandatory ? ', required' : ''}${field.ForTechsOnly ? ', technicians only' : ''}${choices}`,
		};
	});
}

export const loadOptions = { getCustomFieldsForCategory };
