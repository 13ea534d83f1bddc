import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../Jitbit/shared/locators';

const optionalLocator = (method: string, label: string, name: string, displayName: string, description: string) =>
	idLocator(method, label, { name, displayName, description, required: false });

export const triggerProperties: INodeProperties[] = [
	{
		// "Trigger On", as n8n names it; the parameter keeps its name so published workflows keep working.
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'newTicket',
		description: 'What makes the workflow run. The trigger checks Jitbit at the poll times set below; for instant events from Jitbit’s automation rules, use the Jitbit Webhook Trigger.',
		options: [
			{
				name: 'New Comment',
				value: 'newComment',
				description:
					'A reply or note was added to a ticket; one run item per comment, with its ticket, oldest first by date, then by comment ID',
			},
			{
				name: 'New Ticket',
				value: 'newTicket',
				description: 'A ticket was created; one run item per ticket, oldest first',
			},
			{
				name: 'Ticket Status Changed',
				value: 'statusChanged',
				description: 'A ticket moved to another status (for example, was closed); the item carries PreviousStatusID',
			},
			{
				name: 'Ticket Updated',
				value: 'ticketUpdated',
				description: 'Anything on a ticket changed (fields, status, assignee, a new comment); one item per ticket',
			},
		],
	},
	{
		displayName: 'To Status',
		name: 'toStatus',
		type: 'options',
		default: 'any',
		description: 'Only fire when the ticket moved into this status',
		displayOptions: { show: { event: ['statusChanged'] } },
		options: [
			{ name: 'Any Status', value: 'any' },
			{ name: 'Closed', value: '3' },
			{ name: 'Custom Status (Enter ID)', value: 'custom' },
			{ name: 'In Process', value: '2' },
			{ name: 'New', value: '1' },
		],
	},
	{
		displayName: 'Status ID',
		name: 'toStatusId',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 1 },
		description: 'ID of the custom status, as shown in Jitbit’s admin area under Statuses',
		displayOptions: { show: { event: ['statusChanged'], toStatus: ['custom'] } },
	},
	{
		displayName: 'Include New Tickets',
		name: 'includeNewTickets',
		type: 'boolean',
		default: false,
		description: 'Whether tickets that were created but not changed since also fire (use the New Ticket event for those alone)',
		displayOptions: { show: { event: ['ticketUpdated'] } },
	},
	{
		displayName: 'Visibility',
		name: 'commentVisibility',
		type: 'options',
		default: 'any',
		description: 'Which comments fire: those the customer sees, the technicians’ internal notes, or both',
		displayOptions: { show: { event: ['newComment'] } },
		options: [
			{ name: 'Public and Tech-Only', value: 'any' },
			{ name: 'Public Only', value: 'public' },
			{ name: 'Tech-Only Only', value: 'techOnly' },
		],
	},
	{
		displayName: 'Author',
		name: 'commentAuthor',
		type: 'options',
		default: 'anyone',
		description:
			'Whose comments fire. Telling customers from technicians costs one user lookup per new author and poll, and needs a technician or administrator credential.',
		displayOptions: { show: { event: ['newComment'] } },
		options: [
			{ name: 'Anyone', value: 'anyone' },
			{ name: 'Customers', value: 'customer' },
			{ name: 'Technicians', value: 'technician' },
		],
	},
	{
		displayName: 'Include System Comments',
		name: 'includeSystemComments',
		type: 'boolean',
		default: false,
		description: 'Whether comments Jitbit writes itself (automation rules, merges) also fire',
		displayOptions: { show: { event: ['newComment'] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only watch tickets that match all of these; Jitbit applies them, so they cost nothing',
		options: [
			optionalLocator('searchTechnicians', 'Technician ID', 'assignee', 'Assigned To', 'Only tickets assigned to this technician'),
			{
				displayName: 'Category Names or IDs',
				name: 'categoryIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getCategories' },
				default: [],
				description:
					'Only tickets in these categories. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			optionalLocator('searchCompanies', 'Company ID', 'companyId', 'Company', 'Only tickets from users of this company'),
			{
				displayName: 'Status Names or IDs',
				name: 'statusIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getStatuses' },
				default: [],
				description:
					'Only tickets currently in these statuses (not used by Ticket Status Changed, which needs to see every status); custom statuses by ID. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { hide: { '/event': ['statusChanged'] } },
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fetch Full Ticket',
				name: 'fetchDetails',
				type: 'boolean',
				default: false,
				description:
					'Whether to load each ticket’s full details (body, attachments, tags, submitter and assignee) instead of the list fields. Costs one API call per ticket emitted.',
			},
			{
				displayName: 'Include Custom Fields',
				name: 'includeCustomFields',
				type: 'boolean',
				default: false,
				description: 'Whether to add the tickets’ custom field values; Jitbit sends them with the list, at no extra cost',
			},
		],
	},
];
