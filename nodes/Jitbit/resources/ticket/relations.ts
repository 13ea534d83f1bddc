import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { inBody, inQuery } from '../../shared/descriptions';
import { simplifyField } from '../../shared/simplify';
import { ticketLocator } from '../../shared/locators';
import { requirePositiveIds } from '../../shared/validate';
import type { Operation } from '../operation';
import { confirm, userLocator } from './fields';
import { simplifyTickets } from './simplify';

interface TicketRole {
	/** Node parameter name. */
	name: string;
	/** Jitbit's form field name. */
	property: string;
	displayName: string;
	description: string;
	/** Output key of the confirmation item. */
	output: string;
}

interface TicketWrite {
	value: string;
	name: string;
	action: string;
	description: string;
	url: string;
	tickets: TicketRole[];
	/** Shown above the fields; for irreversible operations. */
	notice?: string;
	/** Adds a user picker (subscribers) sent as `userId`. */
	user?: { displayName: string; description: string };
}

/** A POST that relates tickets (or a ticket and a user) and answers an empty 200 (docs/jitbit-api.md §8). */
export function ticketWrite(spec: TicketWrite): Operation {
	const show = { resource: ['ticket'], operation: [spec.value] };
	const ids: Record<string, string> = Object.fromEntries(spec.tickets.map((role) => [role.name, role.displayName]));
	const outputs: Record<string, string> = Object.fromEntries(spec.tickets.map((role) => [role.output, role.name]));
	if (spec.user) {
		ids.userId = 'User ID';
		outputs.userId = 'userId';
	}
	const option: INodePropertyOptions = {
		name: spec.name,
		value: spec.value,
		action: spec.action,
		description: spec.description,
		routing: {
			request: { method: 'POST', url: spec.url },
			send: { preSend: [requirePositiveIds(ids)] },
			output: { postReceive: [confirm(outputs)] },
		},
	};
	const description: INodeProperties[] = [];
	if (spec.notice) {
		description.push({
			displayName: spec.notice,
			name: `${spec.value}Notice`,
			type: 'notice',
			default: '',
			displayOptions: { show },
		});
	}
	for (const role of spec.tickets) {
		description.push(
			ticketLocator({
				name: role.name,
				displayName: role.displayName,
				description: role.description,
				displayOptions: { show },
				routing: inBody(role.property),
			}),
		);
	}
	if (spec.user) {
		description.push(
			userLocator({ name: 'userId', ...spec.user, displayOptions: { show }, routing: inBody('userId') }),
		);
	}
	return { option, description };
}

interface TicketRead {
	value: string;
	name: string;
	action: string;
	description: string;
	url: string;
	/** Whether the answer is ticket list items (Simplify applies) rather than users. */
	tickets: boolean;
}

/** A GET of something listed per ticket (`?id=<ticket>`), one item per entry. */
export function ticketRead(spec: TicketRead): Operation {
	const show = { resource: ['ticket'], operation: [spec.value] };
	const option: INodePropertyOptions = {
		name: spec.name,
		value: spec.value,
		action: spec.action,
		description: spec.description,
		routing: {
			request: { method: 'GET', url: spec.url },
			send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
			...(spec.tickets ? { output: { postReceive: [simplifyTickets] } } : {}),
		},
	};
	const description: INodeProperties[] = [ticketLocator({ displayOptions: { show }, routing: inQuery('id') })];
	if (spec.tickets) description.push(simplifyField(show, 'ticket fields'));
	return { option, description };
}
