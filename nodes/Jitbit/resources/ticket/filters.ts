import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, inQuery, returnAllOrLimit } from '../../shared/descriptions';
import { simplifyField } from '../../shared/simplify';
import { byDisplayName, categoryField, DAY_VALUE, statusesField, userLocator } from './fields';

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

/** Return All / Limit, the Filters collection (sorted) and Simplify of a ticket list: Tickets and Search. */
export function ticketListFields(show: Record<string, string[]>, filters: INodeProperties[]): INodeProperties[] {
	return [...returnAllOrLimit(show), filtersCollection(show, filters.sort(byDisplayName)), simplifyField(show, 'ticket fields')];
}
