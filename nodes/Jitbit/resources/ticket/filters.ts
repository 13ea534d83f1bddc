import type { INodeProperties } from 'n8n-workflow';

import { categoryField } from '../../shared/category';
import { filtersCollection, inQuery, returnAllOrLimit } from '../../shared/descriptions';
import { technicianLocator, userLocator } from '../../shared/locators';
import { simplifyField } from '../../shared/simplify';
import { statusesField } from './fields';

/**
 * Jitbit filters take days (`YYYY-MM-DD`). A picked or ISO date-time is cut to the day it names;
 * a date object from an expression gives its day; a Jitbit `/Date(ms)/` its UTC day (docs/jitbit-api.md §6).
 */
export const DAY_VALUE =
	'={{ !$value ? undefined : typeof $value.toISODate === "function" ? $value.toISODate() : typeof $value.toISOString === "function" ? $value.toISOString().slice(0, 10) : String($value).trim().startsWith("/Date(") ? new Date(parseInt(String($value).trim().slice(6), 10)).toISOString().slice(0, 10) : String($value).trim().slice(0, 10) }}';

/** Filters that both `Tickets` and `Search` take (docs/jitbit-api.md §7), under Jitbit's parameter names. */
export function sharedTicketFilters(): INodeProperties[] {
	return [
		categoryField({
			displayName: 'Category Names or IDs',
			type: 'multiOptions',
			default: [],
			description:
				'Only tickets in these categories. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			routing: inQuery('categoryId'),
		}),
		{
			displayName: 'Created From',
			name: 'dateFrom',
			type: 'dateTime',
			default: '',
			description: 'Only tickets created on or after this day',
			routing: inQuery('dateFrom', DAY_VALUE),
		},
		{
			displayName: 'Created To',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			description: 'Only tickets created on or before this day',
			routing: inQuery('dateTo', DAY_VALUE),
		},
		statusesField({ routing: inQuery('statusId') }),
		userLocator({
			name: 'fromUserId',
			displayName: 'Submitter',
			required: false,
			description: 'Only tickets submitted by this user',
			routing: inQuery('fromUserId'),
		}),
	];
}

/**
 * The Assignee filter: any technician of the helpdesk, sent as `property` (Tickets and Search
 * spell it differently).
 */
export function assigneeFilter(property: string, description: string): INodeProperties {
	return technicianLocator('helpdesk', { name: property, required: false, description, routing: inQuery(property) });
}

/** What a model reads about the answer of a ticket list (Tickets and Search) in tool mode. */
export const TICKET_LIST = 'At most Limit tickets, each with its id: the ticket number the other ticket tools take';

/** Return All / Limit, the Filters collection and Simplify of a ticket list: Tickets and Search. */
export function ticketListFields(filters: INodeProperties[]): INodeProperties[] {
	return [...returnAllOrLimit(), filtersCollection(filters), simplifyField()];
}
