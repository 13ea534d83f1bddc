import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ticketLocator } from '../../shared/locators';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { userLocator } from '../user/locator';
import { assetIdField } from './fields';

/** Assign to User, Unassign from User and Add to Ticket: POSTs of `assetId` plus one other id. */
function link(value: string, url: string, target: 'user' | 'ticket', option: Omit<INodePropertyOptions, 'value' | 'routing'>) {
	const show = { resource: ['asset'], operation: [value] };
	const targetField: INodeProperties =
		target === 'user'
			? userLocator(show, { description: option.description as string })
			: ticketLocator({
					description: 'The ticket: pick it, enter its number, or paste its link from Jitbit',
					displayOptions: { show },
					routing: { send: { type: 'body', property: 'ticketId' } },
				});
	const ids: Record<string, string> =
		target === 'user' ? { assetId: 'Asset ID', userId: 'User ID' } : { assetId: 'Asset ID', ticketId: 'Ticket ID' };
	return {
		option: {
			...option,
			value,
			routing: jitbitRouting({ request: { method: 'POST', url }, send: { preSend: [requirePositiveIds(ids)] } }),
		},
		description: [assetIdField(show, 'assetId'), targetField],
	};
}

export const assignToUser = link('assignToUser', '/AssignAssetToUser', 'user', {
	name: 'Assign to User',
	action: 'Assign an asset to a user',
	description: 'Record that a user has this asset (needs a technician)',
});

export const unassignFromUser = link('unassignFromUser', '/UnAssignAssetToUser', 'user', {
	name: 'Unassign From User',
	action: 'Unassign an asset from a user',
	description: 'Remove a user from the asset\'s assigned users (needs a technician)',
});

export const addToTicket = link('addToTicket', '/AddAssetToTicket', 'ticket', {
	name: 'Add to Ticket',
	action: 'Add an asset to a ticket',
	description: 'Link the asset to a ticket, e.g. the laptop a ticket is about (needs a technician)',
});
