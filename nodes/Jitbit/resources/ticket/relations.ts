import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { confirm, confirmDeleted } from '../../shared/confirm';
import { inBody, inQuery } from '../../shared/descriptions';
import { ticketLocator, userLocator } from '../../shared/locators';
import { simplifyField } from '../../shared/simplify';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import type { Operation } from '../operation';
import { simplifyTickets } from './simplify';

/** One ticket picker of a relating operation. */
interface TicketField {
	/** Node parameter name. */
	name: string;
	/** Jitbit's form field name. */
	property: string;
	displayName: string;
	description: string;
	/** Output key of the confirmation item. */
	output: string;
}

/** What the operation dropdown shows, and the Jitbit method it calls. */
interface OperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	url: string;
}

interface TicketWrite extends OperationSpec {
	/** The tickets the operation relates, each a ticket picker. */
	ticketFields: TicketField[];
	/** Shown above the fields; for irreversible operations. */
	notice?: string;
	/** For irreversible operations: what is lost, in the tool description a model reads. */
	irreversible?: string;
	/** Adds a user picker (the subscriber) sent as `userId`. */
	subscriber?: { displayName: string; description: string };
	/** A delete: answers `{ deleted: true }` rather than `{ success: true }`. */
	deletes?: true;
}

/** The operation's main ticket, sent as `id` and echoed as `ticketId`. */
export function theTicket(description: string, displayName = 'Ticket'): TicketField {
	return { name: 'ticketId', property: 'id', output: 'ticketId', displayName, description };
}

/** The second ticket of Link and Unlink, sent as `id2`. */
export function relatedTicket(description: string): TicketField {
	return { name: 'linkedTicketId', property: 'id2', output: 'linkedTicketId', displayName: 'Related Ticket', description };
}

const optionOf = ({ name, value, action, description }: OperationSpec) => ({ name, value, action, description });

const displayOptionsOf = (spec: OperationSpec) => ({ show: { resource: ['ticket'], operation: [spec.value] } });

/** A POST that relates tickets (or a ticket and a user) and answers an empty 200 (docs/jitbit-api.md §8). */
export function ticketWrite(spec: TicketWrite): Operation {
	const ids: Record<string, string> = Object.fromEntries(spec.ticketFields.map((field) => [field.name, field.displayName]));
	const outputs: Record<string, string> = Object.fromEntries(spec.ticketFields.map((field) => [field.output, field.name]));
	if (spec.subscriber) {
		ids.userId = 'User ID';
		outputs.userId = 'userId';
	}
	const option: INodePropertyOptions = {
		...optionOf(spec),
		routing: jitbitRouting({
			request: { method: 'POST', url: spec.url },
			send: { preSend: [requirePositiveIds(ids)] },
			output: { postReceive: [spec.deletes ? confirmDeleted(outputs) : confirm(outputs)] },
		}),
	};
	const properties: INodeProperties[] = [];
	if (spec.notice) properties.push({ displayName: spec.notice, name: `${spec.value}Notice`, type: 'notice', default: '' });
	for (const field of spec.ticketFields) {
		const { name, displayName, description } = field;
		properties.push(ticketLocator({ name, displayName, description, routing: inBody(field.property) }));
	}
	if (spec.subscriber) properties.push(userLocator({ ...spec.subscriber, routing: inBody('userId') }));
	properties.push(...toolFields(option, { ids: spec.subscriber ? ['ticket', 'user'] : ['ticket'], irreversible: spec.irreversible }));
	return { option, description: updateDisplayOptions(displayOptionsOf(spec), properties) };
}

interface TicketRead extends OperationSpec {
	/** Whether the answer is ticket list items (Simplify applies) rather than users. */
	listsTickets: boolean;
}

/** A GET of something listed per ticket (`?id=<ticket>`), one item per entry. */
export function ticketRead(spec: TicketRead): Operation {
	const option: INodePropertyOptions = {
		...optionOf(spec),
		routing: jitbitRouting({
			request: { method: 'GET', url: spec.url },
			send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' })] },
			...(spec.listsTickets ? { output: { postReceive: [simplifyTickets] } } : {}),
		}),
	};
	const properties: INodeProperties[] = [ticketLocator({ routing: inQuery('id') })];
	if (spec.listsTickets) properties.push(simplifyField());
	properties.push(...toolFields(option, { ids: ['ticket'], output: spec.listsTickets }));
	return { option, description: updateDisplayOptions(displayOptionsOf(spec), properties) };
}
