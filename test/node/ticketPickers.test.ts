/** The ticket area's list searches and load options, run as n8n runs them, against the sandbox. */
import type { INodeProperties } from 'n8n-workflow';

import { NODE_TYPE } from '../harness';
import { byId, eachProfile, useEnv } from '../harness/env';

eachProfile((profile) => {
	const env = useEnv({ profile });
	const userPage = (id: number) => `${env.sb.url}/User/${id}`;
	const calls = () => env.calls().map((r) => ({ method: r.method, endpoint: r.endpoint, query: r.query }));

	describe('searchTickets', () => {
		it('lists the newest tickets 50 at a time, with a token for the next page', async () => {
			const first = await env.h.listSearch('searchTickets', env.admin, { resource: 'ticket', operation: 'get' });
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'tickets', query: { mode: 'all', count: '50', offset: '0' } }]);
			expect(first.results).toHaveLength(50);
			const top = env.sb.db.tickets.get(Number(first.results[0].value))!;
			expect(first.results[0]).toEqual({ name: `#${top.ticketId} ${top.subject}`, value: String(top.ticketId), url: `${env.sb.url}/Ticket/${top.ticketId}` });
			expect(first.paginationToken).toBe('50');
		});

		it('searches by text when the user types', async () => {
			const result = await env.h.listSearch('searchTickets', env.admin, {}, 'printer');
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'search', query: { query: 'printer', count: '50', offset: '0' } }]);
			expect(result.results.length).toBeGreaterThan(0);
			expect(result.results.every((r) => /printer/i.test(String(r.name)))).toBe(true);
			expect(result.paginationToken).toBeUndefined();
		});
	});

	describe('searchCategoryTechnicians', () => {
		it('lists the technicians of the chosen category', async () => {
			const result = await env.h.listSearch('searchCategoryTechnicians', env.admin, { resource: 'ticket', operation: 'create', categoryId: 2 });
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'techsforcategory', query: { id: '2' } }]);
			expect(result.results).toEqual([
				{ name: 'Alice Admin (admin@helpdesk.example)', value: '1', url: userPage(1) },
				{ name: 'Tom Tech (tech@helpdesk.example)', value: '2', url: userPage(2) },
			]);
		});

		it('on Update, uses the ticket’s category and offers "Unassigned" first', async () => {
			const result = await env.h.listSearch('searchCategoryTechnicians', env.admin, {
				resource: 'ticket',
				operation: 'update',
				ticketId: byId(1008),
				updateFields: {},
			});
			expect(calls()).toEqual([
				{ method: 'GET', endpoint: 'ticket', query: { id: '1008' } },
				{ method: 'GET', endpoint: 'techsforcategory', query: { id: '2' } },
			]);
			expect(result.results[0]).toEqual({ name: 'Unassigned (Remove the Assignee)', value: '0' });
			expect(result.results.map((r) => r.value)).toEqual(['0', '1', '2']);
		});

		it('prefers the new category chosen in Update Fields, and filters by the typed text', async () => {
			const result = await env.h.listSearch(
				'searchCategoryTechnicians',
				env.admin,
				{ resource: 'ticket', operation: 'update', ticketId: byId(1008), updateFields: { categoryId: 4 } },
				'sarah',
			);
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'techsforcategory', query: { id: '4' } }]);
			expect(result.results).toEqual([{ name: 'Sarah Stone (sarah@helpdesk.example)', value: '4', url: userPage(4) }]);
		});

		it('asks for a category when none is chosen', async () => {
			await expect(env.h.listSearch('searchCategoryTechnicians', env.admin, { resource: 'ticket', operation: 'create' })).rejects.toThrow(
				'Choose a category (or a ticket) first',
			);
			expect(env.sb.requests).toHaveLength(0);
		});
	});

	describe('the Assignee filters of Get Many and Search', () => {
		/** The filter as the loaded node describes it, for the given operation. */
		function assigneeFilter(operation: string, name: string): INodeProperties {
			const { properties } = env.h.nodeTypes.getByNameAndVersion(NODE_TYPE).description;
			const filters = properties.find((p) => p.name === 'filters' && p.displayOptions?.show?.resource?.includes('ticket') && p.displayOptions?.show?.operation?.includes(operation));
			return (filters?.options as INodeProperties[]).find((o) => o.name === name)!;
		}

		it.each([
			['getMany', 'handledByUserID'],
			['search', 'assignedToUserId'],
		])('Ticket → %s offers the technicians, and the one picked is sent as %s', async (operation, name) => {
			const filter = assigneeFilter(operation, name);
			expect(filter.displayName).toBe('Assignee');
			const method = filter.modes?.[0].typeOptions?.searchListMethod as string;
			const picked = await env.h.listSearch(method, env.admin, { resource: 'ticket', operation }, 'stone');
			expect(picked.results).toEqual([{ name: 'Sarah Stone (sarah@helpdesk.example)', value: '4', url: userPage(4) }]);
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'users', query: { listMode: 'techs', count: '100', page: '1' } }]);

			env.sb.clearRequests();
			const assigned = [...env.sb.db.tickets.values()].filter((t) => t.assignedToUserId === 4).map((t) => t.ticketId);
			expect(assigned.length).toBeGreaterThan(0);
			const { items, error } = await env.run({
				resource: 'ticket',
				operation,
				query: 'a',
				returnAll: true,
				filters: { [name]: { __rl: true, mode: 'list', value: picked.results[0].value } },
			});
			expect(error).toBeUndefined();
			expect(calls()[0]).toMatchObject({ method: 'GET', query: { [name]: '4' } });
			if (operation === 'getMany') expect(items.map((i) => i.json.id).sort()).toEqual(assigned.sort());
			expect(items.length).toBeGreaterThan(0);
			expect(items.every((i) => (i.json.assignee as { id: number }).id === 4)).toBe(true);
		});
	});

	describe('load options', () => {
		it('getCategories: every visible category, labelled with its section', async () => {
			const options = await env.h.loadOptions('getCategories', env.admin);
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'categories', query: {} }]);
			expect(options.map((o) => [o.name, o.value])).toEqual([
				['Billing \\ Invoices', 6],
				['Facilities \\ Building', 5],
				['General', 1],
				['IT \\ Hardware', 2],
				['IT \\ Internal tasks', 7],
				['IT \\ Network', 4],
				['IT \\ Software', 3],
			]);
			expect(options.find((o) => o.value === 7)?.description).toBe('For technicians only');
		});

		it('getSections: the sections found in the categories', async () => {
			const options = await env.h.loadOptions('getSections', env.admin);
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'categories', query: {} }]);
			expect(options).toEqual([
				{ name: 'Billing', value: 3 },
				{ name: 'Facilities', value: 2 },
				{ name: 'IT', value: 1 },
			]);
		});

	it('getStatuses is a fixed list and costs no call', async () => {
			expect(await env.h.loadOptions('getStatuses', env.admin)).toEqual([
				{ name: 'New', value: 1 },
				{ name: 'In Process', value: 2 },
				{ name: 'Closed', value: 3 },
			]);
			expect(env.sb.requests).toHaveLength(0);
		});

		it('getCustomFieldsForCategory: the chosen category’s fields, dropdown options with their IDs', async () => {
			const options = await env.h.loadOptions('getCustomFieldsForCategory', env.admin, {
				resource: 'ticket',
				operation: 'create',
				categoryId: 2,
			});
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'customfieldsforcategory', query: { categoryId: '2' } }]);
			const os = env.sb.db.field(3).options;
			expect(options.map((o) => o.value)).toEqual([1, 2, 3, 4, 6]);
			expect(options[2]).toEqual({
				name: `Operating system (${os.map((o) => `${o.name}=${o.optionId}`).join(', ')})`,
				value: 3,
				description: `ID 3, dropdown; options (pass the ID): ${os.map((o) => `${o.name} = ${o.optionId}`).join(', ')}`,
			});
			expect(options[4].description).toBe('ID 6, text, technicians only');
		});

		it('getCustomFieldsForCategory: falls back to the chosen ticket’s fields', async () => {
			const options = await env.h.loadOptions('getCustomFieldsForCategory', env.admin, {
				resource: 'customField',
				operation: 'set',
				ticketId: byId(1003),
			});
			expect(calls()).toEqual([{ method: 'GET', endpoint: 'ticketcustomfields', query: { id: '1003', returnUnset: 'true' } }]);
			expect(options.map((o) => [o.value, o.name])).toEqual([
				[1, 'Asset tag'],
				[3, expect.stringMatching(/^Operating system \(/)],
				[5, 'Steps to reproduce'],
				[6, 'Internal notes'],
			]);
		});
	});
});
