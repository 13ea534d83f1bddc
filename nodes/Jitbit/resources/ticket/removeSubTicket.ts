import { ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'removeSubTicket',
	name: 'Remove Sub-Ticket',
	action: 'Remove a sub-ticket from its parent',
	description: 'Detach a sub-ticket from its parent ticket; both tickets remain',
	url: '/RemoveSubTicket',
	ticketFields: [
		{
			name: 'childTicketId',
			property: 'childId',
			output: 'childTicketId',
			displayName: 'Sub-Ticket',
			description: 'The sub-ticket to detach from its parent',
		},
	],
});
