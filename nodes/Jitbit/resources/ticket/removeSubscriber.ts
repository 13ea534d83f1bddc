import { ticketWrite } from './relations';

export const { option, description } = ticketWrite({
	value: 'removeSubscriber',
	name: 'Remove Subscriber',
	action: 'Remove a subscriber from a ticket',
	description: 'Unsubscribe a user from a ticket so they no longer receive its updates',
	url: '/RemoveSubscriber',
	tickets: [{ name: 'ticketId', property: 'id', output: 'ticketId', displayName: 'Ticket', description: 'The ticket to unsubscribe the user from' }],
	user: { displayName: 'User', description: 'The subscriber to remove' },
});
