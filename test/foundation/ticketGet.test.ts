import { useEnv } from '../harness/env';

describe('Ticket → Get through the real engine', () => {
	const env = useEnv();
	const ids = () => [...env.sb.db.tickets.keys()].sort((a, b) => a - b);

	it('loads the compiled package as n8n does', () => {
		expect(env.h.loader.packageName).toBe('n8n-nodes-jitbit');
		expect(env.h.nodeTypes.getByNameAndVersion('n8n-nodes-jitbit.jitbit').description.usableAsTool).toBe(true);
	});

	it('returns the ticket as one item, asking Jitbit for GET /api/Ticket?id=', async () => {
		const { items, error } = await env.h.run(
			{ resource: 'ticket', operation: 'get', simplify: false, ticketId: { __rl: true, mode: 'id', value: String(ids()[2]) } },
			{ credentials: env.admin },
		);
		expect(error).toBeUndefined();
		expect(env.sb.requests.map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/api/Ticket', { id: String(ids()[2]) }]]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ TicketID: ids()[2], Subject: env.sb.db.tickets.get(ids()[2])!.subject });
	});

	it('takes the ticket number from a pasted Jitbit link', async () => {
		await env.h.run(
			{ resource: 'ticket', operation: 'get', simplify: false, ticketId: { __rl: true, mode: 'url', value: `${env.sb.url}/helpdesk/Ticket/${ids()[6]}` } },
			{ credentials: env.admin },
		);
		expect(env.sb.requests[0].query).toEqual({ id: String(ids()[6]) });
	});

	it('with continueOnFail, a missing id yields an error item and the other items go on', async () => {
		const { items, error } = await env.h.run(
			{ resource: 'ticket', operation: 'get', simplify: false, ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ credentials: env.admin, continueOnFail: true, items: [{ json: { id: ids()[0] } }, { json: { id: 99999 } }, { json: { id: ids()[1] } }] },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json.TicketID).toBe(ids()[0]);
		expect(items[1].json.error).toMatch(/Not found in Jitbit: Ticket id=99999/);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[2].json.TicketID).toBe(ids()[1]);
	});

	it('without continueOnFail the run fails with the item index and what to check', async () => {
		const { error } = await env.h.run(
			{ resource: 'ticket', operation: 'get', simplify: false, ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ credentials: env.admin, items: [{ json: { id: ids()[0] } }, { json: { id: 99999 } }] },
		);
		expect(error).toMatchObject({ httpCode: '404', context: { itemIndex: 1 } });
		expect(error?.description).toMatch(/Check that the ID exists/);
	});

	it('rejects a non-numeric id before sending anything', async () => {
		const { error } = await env.h.run(
			{ resource: 'ticket', operation: 'get', simplify: false, ticketId: { __rl: true, mode: 'id', value: '={{ "12a" }}' } },
			{ credentials: env.admin },
		);
		expect(error?.message).toBe(`'Ticket ID' must be a positive whole number, got "12a" [item 0]`);
		expect(env.sb.requests).toHaveLength(0);
	});
});
