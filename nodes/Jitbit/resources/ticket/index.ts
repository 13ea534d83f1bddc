import type { Resource } from '../operation';
import * as addSubscriber from './addSubscriber';
import * as addSubTicket from './addSubTicket';
import * as close from './close';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getLinkedTickets from './getLinkedTickets';
import * as getMany from './getMany';
import * as getStats from './getStats';
import * as getSubscribers from './getSubscribers';
import * as getSubTickets from './getSubTickets';
import * as link from './link';
import * as merge from './merge';
import * as removeSubscriber from './removeSubscriber';
import * as removeSubTicket from './removeSubTicket';
import * as search from './search';
import * as unlink from './unlink';
import * as update from './update';

export const ticket: Resource = {
	name: 'Ticket',
	value: 'ticket',
	description: 'Helpdesk tickets: create, update, close, search and relate them',
	operations: [
		get,
		getMany,
		create,
		update,
		close,
		search,
		getStats,
		merge,
		link,
		unlink,
		addSubTicket,
		removeSubTicket,
		getLinkedTickets,
		getSubTickets,
		getSubscribers,
		addSubscriber,
		removeSubscriber,
		del,
	],
};
