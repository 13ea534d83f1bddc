import { theTicket, ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a ticket',
	description: 'Permanently delete a ticket with its comments and files. Irreversible. Needs administrator rights.',
	url: '/DeleteTicket',
	notice: 'Deleting cannot be undone: the ticket, its comments and its files are removed permanently',
	irreversible: 'Deletes the ticket with all its comments and files for good',
	ticketFields: [theTicket('The ticket to delete')],
	deletes: true,
});
