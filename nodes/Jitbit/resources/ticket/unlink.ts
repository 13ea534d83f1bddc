import { relatedTicket, theTicket, ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'unlink',
	name: 'Unlink',
	action: 'Unlink two tickets',
	description: 'Remove the "related" link between two tickets',
	url: '/UnlinkTickets',
	ticketFields: [theTicket('The first ticket'), relatedTicket('The ticket to unlink from the first one')],
});
