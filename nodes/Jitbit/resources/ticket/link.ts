import { ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'link',
	name: 'Link',
	action: 'Link two tickets',
	description: 'Mark two tickets as related to each other',
	url: '/LinkTickets',
	tickets: [
		{ name: 'ticketId', property: 'id', output: 'ticketId', displayName: 'Ticket', description: 'The first ticket' },
		{
			name: 'linkedTicketId',
			property: 'id2',
			output: 'linkedTicketId',
			displayName: 'Related Ticket',
			description: 'The ticket to link to the first one',
		},
	],
});
