import { ticketRead } from './relations';

export const { option, description } = ticketRead({
	value: 'getSubTickets',
	name: 'Get Sub-Tickets',
	action: 'Get the sub-tickets of a ticket',
	description: 'List the direct sub-tickets (children) of a ticket',
	url: '/SubTickets',
	listsTickets: true,
});
