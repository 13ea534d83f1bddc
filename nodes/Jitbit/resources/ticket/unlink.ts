import { ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'unlink',
	name: 'Unlink',
	action: 'Unlink two tickets',
	description: 'Remove the "related" link between two tickets',
	url: '/UnlinkTickets',
	tickets: [
		{ name: 'ticketId', property: 'id', output: 'ticketId', displayName: 'Ticket', description: 'The first ticket' },
		{
			name: 'linkedTicketId',
			property: 'id2',
			output: 'linkedTicketId',
			displayName: 'Related Ticket',
			description: 'The ticket to unlink from the first one',
		},
	],
});
