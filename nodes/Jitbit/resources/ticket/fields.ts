import type { INodeProperties } from 'n8n-workflow';

import { PRIORITIES } from './values';

type Overrides = Partial<INodeProperties>;

export function priorityField(overrides: Overrides): INodeProperties {
	return {
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		options: PRIORITIES,
		default: 0,
		description: 'Ticket priority: Low (-1), Normal (0), High (1) or Critical (2)',
		...overrides,
	} as INodeProperties;
}

export function statusField(overrides: Overrides): INodeProperties {
	return {
		displayName: 'Status Name or ID',
		name: 'statusId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStatuses' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The list has the built-in statuses (1 New, 2 In Process, 3 Closed). For a custom status, enter its ID with an expression.',
		...overrides,
	} as INodeProperties;
}

export function statusesField(overrides: Overrides): INodeProperties {
	return {
		displayName: 'Status Names or IDs',
		name: 'statusId',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getStatuses' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Only tickets in these statuses. For custom statuses, enter an array of IDs with an expression, e.g. {{ [1, 7] }}.',
		...overrides,
	} as INodeProperties;
}
