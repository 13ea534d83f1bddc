import { ticketRead } from './relations';

export const { option, description } = ticketRead({
	value: 'getLinkedTickets',
	name: 'Get Linked Tickets',
	action: 'Get the tickets linked to a ticket',
	description: 'List the tickets marked as related to a ticket',
	url: '/LinkedTickets',
	listsTickets: true,
});
