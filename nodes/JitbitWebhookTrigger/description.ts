import type { INodeProperties } from 'n8n-workflow';

import { rateLimitHandlingProperty } from '../Jitbit/shared/descriptions';
import { RULE_EVENTS } from './events';
import { AUTHENTICATION_OPTIONS, SECRET_LOCATIONS, setupNotices } from './setup';

const fetching = { show: { fetchFullTicket: [true] } };

export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'ticketCreated',
		description:
			'The trigger of the Jitbit automation rule that calls this node, as Jitbit names it. It labels the items and sets the post-data template below.',
		options: RULE_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		default: 'basicAuth',
		description:
			'How the rule proves it is your Jitbit. A delivery without it is answered 401, with a wrong one 403, and the workflow does not start.',
		options: AUTHENTICATION_OPTIONS,
	},
	{
		displayName: 'Send Secret In',
		name: 'secretLocation',
		type: 'options',
		noDataExpression: true,
		default: 'header',
		description: 'Where the Jitbit rule puts the secret of this node’s credential',
		options: SECRET_LOCATIONS,
		displayOptions: { show: { authentication: ['secretAuth'] } },
	},
	...setupNotices(),
	{
		displayName: 'Fetch Full Ticket',
		name: 'fetchFullTicket',
		type: 'boolean',
		default: false,
		description:
			'Whether to also read the ticket from the Jitbit API (under ticket): tags, attachments, submitter and assignee details. Costs one API call per event, paced with every other Jitbit call.',
	},
	{
		displayName: 'Include Custom Fields',
		name: 'includeCustomFields',
		type: 'boolean',
		default: false,
		description: 'Whether to also read the ticket’s custom field values (one more API call per event)',
		displayOptions: fetching,
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the fetched ticket with the fields people usually map, as the Jitbit node does, instead of Jitbit’s full raw data',
		displayOptions: fetching,
	},
	{
		displayName: 'Ignore Repeats Within (Seconds)',
		name: 'dedupeWindow',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'A rule can fire twice for one change. A delivery with the same ticket, event and payload as one received this many seconds before is answered 200 but does not start the workflow. 0 turns this off.',
	},
	{ ...rateLimitHandlingProperty, displayOptions: fetching },
	// n8n parses a webhook's body before the node runs and answers 422, without starting the
	// workflow, when a JSON body does not parse: a Jitbit rule with a quote in a subject would be
	// lost. For version 1 of a webhook node n8n skips that parsing when this option is set
	// (n8n's packages/cli/src/webhooks/webhook-helpers.ts, parseRequestBody), and the node reads
	// the body itself (request.ts, parse.ts).
	{
		displayName: 'Raw Body',
		name: 'options',
		type: 'hidden',
		default: { binaryData: true },
	},
];
