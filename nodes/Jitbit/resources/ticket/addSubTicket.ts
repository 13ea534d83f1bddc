import { ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'addSubTicket',
	name: 'Add Sub-Ticket',
	action: 'Add a sub-ticket to a ticket',
	description: 'Make one ticket a sub-ticket (child) of another',
	url: '/AddSubTicket',
	ticketFields: [
		{
			name: 'ticketId',
			property: 'parentId',
			output: 'parentTicketId',
			displayName: 'Parent Ticket',
			description: 'The ticket that gets the sub-ticket',
		},
		{
			name: 'childTicketId',
			property: 'childId',
			output: 'childTicketId',
			displayName: 'Sub-Ticket',
			description: 'The ticket that becomes a sub-ticket of the parent',
		},
	],
});
