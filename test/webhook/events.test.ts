/* eslint-disable @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
/**
 * Every event of the node, fired by the sandbox on the change it stands for, with the node's own
 * JSON template: one item per delivery, labelled with the event and carrying what changed.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RuleTrigger, TicketRec } from '../../sandbox';
import { basicRule, templates, useWebhookEnv } from './env';

const env = useWebhookEnv();
const { RULE_EVENTS } = require('../../dist/nodes/JitbitWebhookTrigger/events') as typeof import('../../nodes/JitbitWebhookTrigger/events');

/** The change that fires each event, and what the item then shows. */
const CHANGES: Record<RuleTrigger, { change: (t: TicketRec) => unknown; expect: IDataObject }> = {
	ticketCreated: { change: () => undefined, expect: { statusId: 1 } },
	statusChanged: { change: (t) => env.sb.db.updateTicket(t.ticketId, { statusId: 5 }), expect: { statusId: 5 } },
	ticketClosed: { change: (t) => env.sb.db.updateTicket(t.ticketId, { statusId: 3 }), expect: { statusId: 3 } },
	ticketReopened: {
		change: (t) => {
			env.sb.db.tickets.get(t.ticketId)!.statusId = 3;
			env.sb.db.updateTicket(t.ticketId, { statusId: 2 });
		},
		expect: { statusId: 2 },
	},
	newReply: { change: (t) => env.sb.db.addComment(t.ticketId, { userId: 2, body: 'Reboot it' }), expect: { mostRecentMessage: 'Reboot it' } },
	submitterReply: { change: (t) => env.sb.db.addComment(t.ticketId, { userId: 3, body: 'Done' }), expect: { mostRecentMessage: 'Done' } },
	ticketAssigned: { change: (t) => env.sb.db.updateTicket(t.ticketId, { assignedToUserId: 2 }), expect: { technician: 'Tom Tech' } },
	categoryChanged: { change: (t) => env.sb.db.updateTicket(t.ticketId, { categoryId: 3 }), expect: {} },
	priorityChanged: { change: (t) => env.sb.db.updateTicket(t.ticketId, { priority: -1 }), expect: { priority: -1, priorityName: 'Low' } },
	customFieldEdited: { change: (t) => env.sb.db.updateTicket(t.ticketId, { customFields: { 1: 'PC-9' } }), expect: { customFields: { '1': 'PC-9' } } },
	ticketOverdue: { change: (t) => ((env.sb.db.tickets.get(t.ticketId)!.dueDate = '2020-01-01T00:00:00Z'), env.sb.rules.tick()), expect: {} },
	ticketNotUpdated: { change: (t) => ((env.sb.db.tickets.get(t.ticketId)!.lastUpdated = '2020-01-01T00:00:00Z'), env.sb.rules.tick()), expect: {} },
};

it('covers every event the node offers', () => {
	expect(RULE_EVENTS.map((e) => e.value).sort()).toEqual(Object.keys(CHANGES).sort());
});

describe.each(RULE_EVENTS.map((e) => [e.name, e] as const))('%s', (_name, event) => {
	it('arrives as one item labelled with the event', async () => {
		const ep = await env.endpoint({ event: event.value, authentication: 'basicAuth' });
		// Only this ticket, so the clock-tick events fire for it alone.
		env.sb.db.tickets.clear();
		const postData = templates.jsonTemplate(event.value).replace(/XXXX/g, '1');
		const { change, expect: shows } = CHANGES[event.value];
		const fired = await env.fire(ep, { event: event.value, ...basicRule, json: true, postData }, () => {
			const t = env.sb.db.createTicket({ subject: `On ${event.value}`, categoryId: 2, userId: 3 });
			return change(t);
		});
		expect(fired).toHaveLength(1);
		const [{ delivery, run, item }] = fired;
		expect(run.started).toBe(true);
		expect(item).toMatchObject({ event: event.value, eventName: event.jitbitName, ticketId: delivery.ticketId, subject: `On ${event.value}`, warnings: [], ...shows });
	});
});
