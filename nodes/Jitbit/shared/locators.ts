import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

/** The resource locators of this node, one builder per kind: ticket, user, technician, company. */
type LocatorOverrides = Partial<Pick<INodeProperties, 'name' | 'displayName' | 'description' | 'required' | 'displayOptions' | 'routing'>>;

/** From List + By ID: the modes every locator of this node offers. */
function listAndIdModes(searchListMethod: string, label: string, placeholder: string): { modes: INodePropertyMode[] } {
	return {
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
				validation: [{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: `${label} must be a number` } }],
			},
		],
	};
}

/** A ticket picked from a searchable list, typed as an ID, or pasted as its Jitbit URL. */
export function ticketLocator(overrides: LocatorOverrides = {}): INodeProperties {
	return {
		displayName: 'Ticket',
		name: 'ticketId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The ticket to use: pick it, enter its number, or paste its link from Jitbit',
		modes: [
			...listAndIdModes('searchTickets', 'Ticket ID', 'e.g. 12345').modes,
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://company.jitbit.com/helpdesk/Ticket/12345',
				extractValue: { type: 'regex', regex: '[Tt]icket/(\\d+)' },
				validation: [
					{
						type: 'regex',
						properties: { regex: '.*[Tt]icket/\\d+.*', errorMessage: 'Not a Jitbit ticket link (…/Ticket/12345)' },
					},
				],
			},
		],
		...overrides,
	};
}

/** Anything picked from a searchable list or given by its numeric ID (the trigger's filters use it as is). */
export function idLocator(
	searchListMethod: string,
	label: string,
	overrides: LocatorOverrides & { name: string; displayName: string },
): INodeProperties {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		...listAndIdModes(searchListMethod, label, 'e.g. 42'),
		...overrides,
	};
}

/** Any helpdesk user (customer, technician, administrator), searchable by name or email. */
export function userLocator(overrides: LocatorOverrides = {}): INodeProperties {
	return idLocator('searchUsers', 'User ID', { name: 'userId', displayName: 'User', ...overrides });
}

/**
 * A technician. `category` lists those who may take tickets of the category (or ticket) chosen in
 * the node, as an assignee must; `helpdesk` lists every technician, for filters that have no category.
 */
export function technicianLocator(
	scope: 'category' | 'helpdesk',
	overrides: LocatorOverrides & { name: string },
): INodeProperties {
	const method = scope === 'category' ? 'searchCategoryTechnicians' : 'searchTechnicians';
	return idLocator(method, 'Technician ID', { displayName: 'Assignee', ...overrides });
}

/** A company, searchable by name or email domain. */
export function companyLocator(overrides: LocatorOverrides = {}): INodeProperties {
	return idLocator('searchCompanies', 'Company ID', { name: 'companyId', displayName: 'Company', ...overrides });
}
