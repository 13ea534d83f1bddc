import { theTicket, ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'merge',
	name: 'Merge',
	action: 'Merge two tickets',
	description: 'Merge one ticket into another. Irreversible: the merged ticket is deleted.',
	url: '/MergeTickets',
	notice:
		'Merging cannot be undone: the second ticket is deleted and its comments, files and subscribers move to the first',
	irreversible: 'The second ticket is deleted once its comments, files and subscribers have moved to the first',
	ticketFields: [
		theTicket('The ticket that remains and receives the other ticket’s comments and files', 'Ticket to Keep'),
		{
			name: 'mergedTicketId',
			property: 'id2',
			output: 'mergedTicketId',
			displayName: 'Ticket to Merge Into It',
			description: 'The ticket that is merged into the first one and then deleted',
		},
	],
});
