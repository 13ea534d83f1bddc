import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';

import { PRIORITIES } from '../../methods/tickets';
import { idLocator } from '../../shared/locators';

type Overrides = Partial<INodeProperties>;

export function byDisplayName(a: INodeProperties, b: INodeProperties): number {
	return a.displayName.localeCompare(b.displayName);
}

/**
 * Jitbit filters take days (`YYYY-MM-DD`). A picked or ISO date-time is cut to the day it names;
 * a date object from an expression gives its day; a Jitbit `/Date(ms)/` its UTC day (docs/jitbit-api.md §6).
 */
export const DAY_VALUE =
	'={{ !$value ? undefined : typeof $value.toISODate === "function" ? $value.toISODate() : typeof $value.toISOString === "function" ? $value.toISOString().slice(0, 10) : String($value).trim().startsWith("/Date(") ? new Date(parseInt(String($value).trim().slice(6), 10)).toISOString().slice(0, 10) : String($value).trim().slice(0, 10) }}';

export function categoryField(overrides: Overrides): INodeProperties {
	return {
		displayName: 'Category Name or ID',
		name: 'categoryId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCategories' },
		default: '',
		description:
			'The ticket category. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	} as INodeProperties;
}

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

export function userLocator(overrides: Overrides & { name: string; displayName: string }): INodeProperties {
	return idLocator('searchUsers', 'User ID', overrides as Parameters<typeof idLocator>[2]);
}

export function technicianLocator(overrides: Overrides & { name: string; displayName: string }): INodeProperties {
	return idLocator('searchTechnicians', 'Technician ID', overrides as Parameters<typeof idLocator>[2]);
}

/**
 * postReceive for writes that Jitbit answers with an empty 200: says what was done, with the IDs
 * involved (named by output key → parameter), so the next node can map them.
 */
export function confirm(ids: Record<string, string>, extra: IDataObject = {}): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		const json: IDataObject = { success: true };
		for (const [key, parameter] of Object.entries(ids)) {
			json[key] = Number(this.getNodeParameter(parameter, undefined, { extractValue: true }));
		}
		return [{ json: { ...json, ...extra } }];
	};
}
