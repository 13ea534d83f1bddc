import { ticketRead } from './relations';

export const { option, description } = ticketRead({
	value: 'getSubscribers',
	name: 'Get Subscribers',
	action: 'Get the subscribers of a ticket',
	description: 'List the users who receive a ticket’s updates',
	url: '/Subscribers',
	listsTickets: false,
});
