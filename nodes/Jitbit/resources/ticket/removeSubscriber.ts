import { theTicket, ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'removeSubscriber',
	name: 'Remove Subscriber',
	action: 'Remove a subscriber from a ticket',
	description: 'Unsubscribe a user from a ticket so they no longer receive its updates',
	url: '/RemoveSubscriber',
	ticketFields: [theTicket('The ticket to unsubscribe the user from')],
	subscriber: { displayName: 'User', description: 'The subscriber to remove' },
});
