/**
 * The triggers of Jitbit's automation rules, as the rule editor names them. The node labels its
 * items with the chosen one and builds the post-data template for it (templates.ts).
 */
export type RuleEvent =
	| 'ticketCreated'
	| 'ticketOverdue'
	| 'ticketNotUpdated'
	| 'ticketClosed'
	| 'newReply'
	| 'categoryChanged'
	| 'ticketAssigned'
	| 'statusChanged'
	| 'priorityChanged'
	| 'submitterReply'
	| 'ticketReopened'
	| 'customFieldEdited';

export interface RuleEventInfo {
	value: RuleEvent;
	/** The trigger's wording in Jitbit's rule editor. */
	jitbitName: string;
	/** The option's name in n8n (Jitbit's wording in title case). */
	name: string;
	description: string;
	/** Replies carry `#most_recent_message#`, the reply's text. */
	reply?: boolean;
	/** The edited custom field's value, `#cf_<field ID>#`. */
	customField?: boolean;
}

export const RULE_EVENTS: RuleEventInfo[] = [
	{
		value: 'customFieldEdited',
		jitbitName: 'A custom field has been edited in a ticket',
		name: 'A Custom Field Has Been Edited in a Ticket',
		description: 'A custom field of the ticket changed; its new value is under customFields',
		customField: true,
	},
	{
		value: 'submitterReply',
		jitbitName: 'A new reply from ticket-submitter',
		name: 'A New Reply From Ticket-Submitter',
		description: 'The customer who opened the ticket replied (the item carries the reply’s text)',
		reply: true,
	},
	{
		value: 'newReply',
		jitbitName: 'A new reply is added to a ticket',
		name: 'A New Reply Is Added to a Ticket',
		description: 'Anyone replied, technician or customer (the item carries the reply’s text)',
		reply: true,
	},
	{
		value: 'ticketOverdue',
		jitbitName: 'Ticket becomes overdue',
		name: 'Ticket Becomes Overdue',
		description: 'The ticket passed its due date while still open',
	},
	{
		value: 'ticketNotUpdated',
		jitbitName: 'Ticket has not been updated for 30 minutes or more',
		name: 'Ticket Has Not Been Updated for 30 Minutes or More',
		description: 'An open ticket has had no update for 30 minutes',
	},
	{
		value: 'ticketAssigned',
		jitbitName: 'Ticket is assigned to a user',
		name: 'Ticket Is Assigned to a User',
		description: 'A technician was assigned to the ticket (under technician)',
	},
	{
		value: 'ticketClosed',
		jitbitName: 'Ticket is closed',
		name: 'Ticket Is Closed',
		description: 'The ticket was closed',
	},
	{
		value: 'ticketCreated',
		jitbitName: 'Ticket is created',
		name: 'Ticket Is Created',
		description: 'A new ticket arrived (web, email, widget or API)',
	},
	{
		value: 'categoryChanged',
		jitbitName: 'Ticket is moved to a new category',
		name: 'Ticket Is Moved to a New Category',
		description: 'The ticket changed category',
	},
	{
		value: 'ticketReopened',
		jitbitName: 'Ticket is re-opened',
		name: 'Ticket Is Re-Opened',
		description: 'A closed ticket was opened again, for example by a customer reply',
	},
	{
		value: 'priorityChanged',
		jitbitName: 'Ticket priority has changed',
		name: 'Ticket Priority Has Changed',
		description: 'The ticket’s priority changed (under priority and priorityName)',
	},
	{
		value: 'statusChanged',
		jitbitName: 'Ticket status has changed',
		name: 'Ticket Status Has Changed',
		description: 'The ticket moved to another status, closed and custom statuses included (under statusId)',
	},
];

export function eventInfo(value: string): RuleEventInfo | undefined {
	return RULE_EVENTS.find((e) => e.value === value);
}
