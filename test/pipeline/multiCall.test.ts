import type { IDataObject } from 'n8n-workflow';

import { jsonOf, useEnv } from '../harness/env';

/**
 * Operations that make more than one call. Ticket → Create's follow-ups (due date, read-back)
 * run after the ticket exists: a failure must name it, and the create is never sent again.
 * Create or Update carries its lookup from the request hook to the answer hook.
 */
describe('multi-call operations', () => {
	const env = useEnv();
	const sent = () => env.sb.requests.map((r) => `${r.method} ${r.endpoint} ${r.status}`);
	const landed = (subject: string) => [...env.sb.db.tickets.values()].filter((t) => t.subject === subject);
	const create = (subject: string, extra: IDataObject = {}) => ({
		resource: 'ticket',
		operation: 'create',
		categoryId: [...env.sb.db.categories.keys()][0],
		subject,
		body: 'Printer on fire',
		...extra,
	});
	const DO_NOT_RERUN = 'Do not run this item again: that would create the ticket a second time.';
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const link = (id: number) => escape(`${env.sb.url}/Ticket/${id}`);

	it('a failed due-date call names the created ticket and its link; the create lands once', async () => {
		env.sb.inject({ kind: '5xx', status: 500, endpoint: 'updateticket', times: Infinity });
		const { error } = await env.run(create('due fails', { additionalFields: { dueDate: '2026-01-31T12:00:00' } }));
		const [ticket] = landed('due fails');
		expect(landed('due fails')).toHaveLength(1);
		expect(ticket.dueDate).toBeNull();
		expect(sent()).toEqual(['POST ticket 200', 'POST updateticket 500']);
		expect(error?.message).toBe(
			`Ticket ${ticket.ticketId} was created, but setting its due date did not go through: The helpdesk could not handle the request (500) for UpdateTicket id=${ticket.ticketId} [item 0]`,
		);
		expect(error?.description).toMatch(
			new RegExp(`^${escape(DO_NOT_RERUN)} The ticket is at ${link(ticket.ticketId)}\\. Set the due date there or with Ticket → Update\\. Jitbit said: `),
		);
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('a failed read-back names the created ticket; the read is retried, the create is not', async () => {
		env.sb.inject({ kind: '5xx', status: 503, endpoint: 'ticket', method: 'GET', times: Infinity });
		const { error } = await env.run(create('read fails', { returnTicket: true, rateLimitHandling: { maxRetries: 1 } }));
		const [ticket] = landed('read fails');
		expect(landed('read fails')).toHaveLength(1);
		expect(sent()).toEqual(['POST ticket 200', 'GET ticket 503', 'GET ticket 503']);
		expect(error?.message).toBe(
			`Ticket ${ticket.ticketId} was created, but reading it back did not go through: The helpdesk could not handle the request (503) for Ticket id=${ticket.ticketId} [item 0]`,
		);
		expect(error?.description).toMatch(
			new RegExp(`^${escape(DO_NOT_RERUN)} The ticket is at ${link(ticket.ticketId)}\\. Read it with Ticket → Get\\. `),
		);
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('with On Error: Continue, the failed item carries the created ticket id and link; the others go on', async () => {
		env.sb.inject({ kind: '5xx', status: 500, endpoint: 'updateticket', times: Infinity });
		const { items, error } = await env.run(create('={{ $json.subject }}', { additionalFields: { dueDate: '={{ $json.due }}' } }), {
			continueOnFail: true,
			items: [{ json: { subject: 'with due date', due: '2026-01-31T12:00:00' } }, { json: { subject: 'without' } }],
		});
		expect(error).toBeUndefined();
		const [failed] = landed('with due date');
		const [fine] = landed('without');
		expect(landed('with due date')).toHaveLength(1);
		expect(sent().sort()).toEqual(['POST ticket 200', 'POST ticket 200', 'POST updateticket 500']);
		expect(jsonOf(items)).toEqual([
			{
				error: `Ticket ${failed.ticketId} was created, but setting its due date did not go through: The helpdesk could not handle the request (500) for UpdateTicket id=${failed.ticketId} [item 0]`,
				details: {
					id: failed.ticketId,
					url: `${env.sb.url}/Ticket/${failed.ticketId}`,
					description: expect.stringMatching(new RegExp(`^${escape(DO_NOT_RERUN)}`)),
				},
			},
			{ id: fine.ticketId },
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it("with On Error: Continue (using error output), the failed item goes to the error output", async () => {
		const makeNode = env.h.makeNode.bind(env.h);
		env.h.makeNode = (parameters, options) => ({ ...makeNode(parameters, options), onError: 'continueErrorOutput' });
		try {
			env.sb.inject({ kind: '5xx', status: 500, endpoint: 'updateticket', times: Infinity });
			const { run } = await env.run(create('to the error output', { additionalFields: { dueDate: '2026-01-31T12:00:00' } }));
			const [ticket] = landed('to the error output');
			const [success, failure] = run.data.resultData.runData.Jitbit[0].data!.main;
			expect(success).toEqual([]);
			expect(failure!.map((item) => item.json.details)).toEqual([
				{ id: ticket.ticketId, url: `${env.sb.url}/Ticket/${ticket.ticketId}`, description: expect.stringMatching(new RegExp(`^${escape(DO_NOT_RERUN)}`)) },
			]);
		} finally {
			env.h.makeNode = makeNode;
		}
	});

	it("Create or Update keeps each item's lookup apart and leaves nothing behind in the execution", async () => {
		// The lookup travels from preSend to postReceive in n8n's node context, one entry per item,
		// while RoutingNode runs the items concurrently.
		const emails = ['customer@acme.example', 'new.person@example.com', 'tech@helpdesk.example'];
		const { items, error, run } = await env.run(
			{ resource: 'user', operation: 'upsert', email: '={{ $json.email }}' },
			{ items: emails.map((email) => ({ json: { email } })) },
		);
		expect(error).toBeUndefined();
		const created = env.sb.db.userByEmail('new.person@example.com')!;
		expect(jsonOf(items)).toEqual([
			{ action: 'updated', userId: env.sb.users.customer.userId, email: emails[0] },
			{ action: 'created', userId: created.userId, email: emails[1] },
			{ action: 'updated', userId: env.sb.users.tech.userId, email: emails[2] },
		]);
		expect(env.sb.requests.filter((r) => r.endpoint === 'updateuser').map((r) => r.body.userId).sort()).toEqual(
			[env.sb.users.customer.userId, env.sb.users.tech.userId].map(String).sort(),
		);
		const left = Object.values(run.data.executionData?.contextData ?? {}).flatMap((context) => Object.keys(context));
		expect(left).toEqual([]);
	});
});
