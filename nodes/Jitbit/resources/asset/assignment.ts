import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inBody } from '../../shared/descriptions';
import { ticketLocator, userLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { assetIdField } from './fields';

/** Assign to User, Unassign from User and Add to Ticket: POSTs of `assetId` plus one other id. */
function link(value: string, url: string, target: 'user' | 'ticket', option: Omit<INodePropertyOptions, 'value' | 'routing'>) {
	const targetField: INodeProperties =
		target === 'user'
			? userLocator({ description: option.description as string, routing: inBody('userId') })
			: ticketLocator({
					description: 'The ticket: pick it, enter its number, or paste its link from Jitbit',
					routing: inBody('ticketId'),
				});
	const ids: Record<string, string> =
		target === 'user' ? { assetId: 'Asset ID', userId: 'User ID' } : { assetId: 'Asset ID', ticketId: 'Ticket ID' };
	const routed: INodePropertyOptions = {
		...option,
		value,
		routing: jitbitRouting({ request: { method: 'POST', url }, send: { preSend: [requirePositiveIds(ids)] } }),
	};
	return {
		option: routed,
		description: updateDisplayOptions({ show: { resource: ['asset'], operation: [value] } }, [
			assetIdField(inBody('assetId')),
			targetField,
			...toolFields(routed, { ids: ['asset', target] }),
		]),
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
