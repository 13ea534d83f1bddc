import { relatedTicket, theTicket, ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'link',
	name: 'Link',
	action: 'Link two tickets',
	description: 'Mark two tickets as related to each other',
	url: '/LinkTickets',
	ticketFields: [theTicket('The first ticket'), relatedTicket('The ticket to link to the first one')],
});
