import { theTicket, ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'addSubscriber',
	name: 'Add Subscriber',
	action: 'Add a subscriber to a ticket',
	description: 'Subscribe a user to a ticket so they receive its updates',
	url: '/AddSubscriber',
	ticketFields: [theTicket('The ticket to subscribe the user to')],
	subscriber: { displayName: 'User', description: 'The user who will receive the ticket’s updates' },
});
