import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jitbitApiRequest } from '../transport';

const PAGE = 50;

/** Jitbit's fixed priorities (docs/jitbit-api.md §12); there is no reliable lookup call, and none is needed. */
export const PRIORITIES: INodePropertyOptions[] = [
	{ name: 'Low', value: -1 },
	{ name: 'Normal', value: 0 },
	{ name: 'High', value: 1 },
	{ name: 'Critical', value: 2 },
];

/**
 * The built-in statuses (docs/jitbit-api.md §12). A `Statuses` method most likely does not
 * exist, so they are hard-coded; custom statuses are entered by ID through an expression.
 */
export const STATUSES: INodePropertyOptions[] = [
	{ name: 'New', value: 1 },
	{ name: 'In Process', value: 2 },
	{ name: 'Closed', value: 3 },
];

const CUSTOM_FIELD_TYPES: Record<number, string> = {
	1: 'text',
	2: 'date',
	3: 'dropdown',
	4: 'checkbox',
	5: 'multi-line text',
};

/**
 * A parameter of the node being edited. n8n passes the edited values as `currentNodeParameters`;
 * where a caller does not (some hosts run pickers against the saved node), the node's own value is read.
 */
function currentValue(ctx: ILoadOptionsFunctions, path: string): string | undefined {
	let value: unknown;
	try {
		value = ctx.getCurrentNodeParameter(path, { extractValue: true });
	} catch {
		value = undefined;
	}
	if (value === undefined || value === null || value === '') {
		try {
			value = ctx.getNodeParameter(path, undefined, { extractValue: true });
		} catch {
			value = undefined;
		}
	}
	if (value !== null && typeof value === 'object' && 'value' in value) value = (value as IDataObject).value;
	const text = value === undefined || value === null ? '' : String(value).trim();
	// An unresolved expression cannot be used to look anything up.
	return /^\d+$/.test(text) ? text : undefined;
}

function firstValue(ctx: ILoadOptionsFunctions, paths: string[]): string | undefined {
	for (const path of paths) {
		const value = currentValue(ctx, path);
		if (value !== undefined) return value;
	}
	return undefined;
}

const CATEGORY_PATHS = ['categoryId', 'updateFields.categoryId', 'filters.categoryId'];

/** The category the picker should use: the one chosen in the node, else the chosen ticket's. */
async function chosenCategory(ctx: ILoadOptionsFunctions): Promise<string | undefined> {
	const categoryId = firstValue(ctx, CATEGORY_PATHS);
	if (categoryId !== undefined) return categoryId;
	const ticketId = currentValue(ctx, 'ticketId');
	if (ticketId === undefined) return undefined;
	const ticket = (await jitbitApiRequest(ctx, { method: 'GET', url: '/Ticket', qs: { id: ticketId } })) as IDataObject;
	return ticket.CategoryID === undefined || ticket.CategoryID === null ? undefined : String(ticket.CategoryID);
}

function ticketSubject(ticket: IDataObject): INodeListSearchItems {
	const id = ticket.IssueID ?? ticket.TicketID;
	return { name: `#${id} ${String(ticket.Subject ?? '')}`.trim(), value: String(id) };
}

function userLabel(user: IDataObject): string {
	const name = String(user.FullName ?? `${user.FirstName ?? ''} ${user.LastName ?? ''}`).trim();
	const login = String(user.Username ?? '');
	if (!name) return login || `User ${user.UserID}`;
	return login && login !== name ? `${name} (${login})` : name;
}

/** Tickets for the ticket picker: newest first, or Jitbit's full-text search when the user types. */
async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const query = filter?.trim();
	const items = (await jitbitApiRequest(this, {
		method: 'GET',
		url: query ? '/Search' : '/Tickets',
		qs: { ...(query ? { query } : { mode: 'all' }), count: PAGE, offset },
	})) as IDataObject[];
	return {
		results: items.map(ticketSubject),
		paginationToken: items.length === PAGE ? String(offset + PAGE) : undefined,
	};
}

/**
 * Technicians who may be assigned in the chosen category (`TechsForCategory`). On Update the list
 * starts with "Unassigned" (ID 0), which is how Jitbit removes the assignee.
 */
async function searchTechnicians(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const categoryId = await chosenCategory(this);
	if (categoryId === undefined) {
		throw new NodeOperationError(this.getNode(), 'Choose a category (or a ticket) first', {
			description: 'Technicians are listed per category. Pick the category or the ticket, or enter the technician ID instead.',
		});
	}
	const users = (await jitbitApiRequest(this, {
		method: 'GET',
		url: '/TechsForCategory',
		qs: { id: categoryId },
	})) as IDataObject[];
	const needle = filter?.trim().toLowerCase();
	const results: INodeListSearchItems[] = users
		.map((user) => ({ name: userLabel(user), value: String(user.UserID) }))
		.filter((item) => !needle || `${item.name} ${item.value}`.toLowerCase().includes(needle));
	let operation: unknown;
	try {
		operation = this.getCurrentNodeParameter('operation') ?? this.getNodeParameter('operation', '');
	} catch {
		operation = undefined;
	}
	if (operation === 'update' && (!needle || 'unassigned'.includes(needle))) {
		results.unshift({ name: 'Unassigned (Remove the Assignee)', value: '0' });
	}
	return { results };
}

/** Categories the user may see, labelled "Section \ Category" as in Jitbit. */
async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = (await jitbitApiRequest(this, { method: 'GET', url: '/categories' })) as IDataObject[];
	return categories
		.map((category) => ({
			name: String(category.NameWithSection ?? category.Name ?? `Category ${category.CategoryID}`),
			value: Number(category.CategoryID),
			description: category.ForTechsOnly ? 'For technicians only' : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Sections, read from the categories (each carries its SectionID and Section name). */
async function getSections(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = (await jitbitApiRequest(this, { method: 'GET', url: '/categories' })) as IDataObject[];
	const sections = new Map<number, string>();
	for (const category of categories) {
		if (category.SectionID === null || category.SectionID === undefined) continue;
		sections.set(Number(category.SectionID), String(category.Section ?? `Section ${category.SectionID}`));
	}
	return [...sections].map(([value, name]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name));
}

async function getPriorities(): Promise<INodePropertyOptions[]> {
	return PRIORITIES;
}

async function getStatuses(): Promise<INodePropertyOptions[]> {
	return STATUSES;
}

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
	const categoryId = firstValue(this, CATEGORY_PATHS);
	const ticketId = categoryId === undefined ? currentValue(this, 'ticketId') : undefined;
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

export const listSearch = { searchTickets, searchTechnicians };

export const loadOptions = { getCategories, getSections, getPriorities, getStatuses, getCustomFieldsForCategory };
