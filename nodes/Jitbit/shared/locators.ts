import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

type LocatorOverrides = Partial<Pick<INodeProperties, 'name' | 'displayName' | 'description' | 'required' | 'displayOptions' | 'routing'>>;

// Locator modes carry no default of their own (the locator has it); the base rule can't tell.
// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
const idMode = (label: string, placeholder: string): INodePropertyMode => ({
	displayName: 'By ID',
	name: 'id',
	type: 'string',
	placeholder,
	validation: [
		{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: `${label} must be a number` } },
	],
});

// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
const fromList = (searchListMethod: string): INodePropertyMode => ({
	displayName: 'From List',
	name: 'list',
	type: 'list',
	typeOptions: { searchListMethod, searchable: true },
});

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
			fromList('searchTickets'),
			idMode('Ticket ID', 'e.g. 12345'),
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://company.jitbit.com/helpdesk/Ticket/12345',
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

/** Users, technicians, companies: from a searchable list or by numeric ID. */
export function idLocator(
	searchListMethod: string,
	label: string,
	overrides: LocatorOverrides & { name: string; displayName: string },
): INodeProperties {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [fromList(searchListMethod), idMode(label, 'e.g. 42')],
		...overrides,
	};
}
