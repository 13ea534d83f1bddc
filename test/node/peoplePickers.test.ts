import { eachProfile, useEnv } from '../harness/env';

eachProfile((profile) => {
const userPage = (id: number) => `${env.sb.url}/User/${id}`;
	const env = useEnv({ profile });

	describe('people pickers', () => {
		it('searchUsers lists Users page by page (100 each), with a pagination token while pages are full', async () => {
			for (let i = 0; i < 120; i++) env.sb.db.createUser({ username: `u${i}`, email: `u${i}@mail.example`, firstName: 'Bulk', lastName: `No${i}` });
			env.sb.clearRequests();
			const first = await env.h.listSearch('searchUsers', env.admin);
			expect(first.results).toHaveLength(100);
			expect(first.results[0]).toEqual({ name: 'Alice Admin (admin@helpdesk.example)', value: '1', url: userPage(1) });
			expect(first.paginationToken).toBe('2');
			const second = await env.h.listSearch('searchUsers', env.admin, {}, undefined, first.paginationToken);
			expect(second.paginationToken).toBeUndefined();
			expect(env.calls().map((c) => [c.endpoint, c.query])).toEqual([
				['users', { listMode: 'all', count: '100', page: '1' }],
				['users', { listMode: 'all', count: '100', page: '2' }],
			]);
		});

		it('searchUsers filters by name, username or email on our side', async () => {
			const byName = await env.h.listSearch('searchUsers', env.admin, {}, 'stone');
			expect(byName.results).toEqual([{ name: 'Sarah Stone (sarah@helpdesk.example)', value: '4', url: userPage(4) }]);
			const byPartialEmail = await env.h.listSearch('searchUsers', env.admin, {}, 'globex');
			expect(byPartialEmail.results.map((r) => r.value)).toEqual(['5', '8']);
			expect(env.calls().every((c) => c.endpoint === 'users')).toBe(true);
		});

		it('searchUsers looks a full email address up with one UserByEmail call; unknown → no results', async () => {
			const found = await env.h.listSearch('searchUsers', env.admin, {}, 'Customer@Acme.example');
			expect(found.results).toEqual([{ name: 'Carl Customer (customer@acme.example)', value: '3', url: userPage(3) }]);
			const none = await env.h.listSearch('searchUsers', env.admin, {}, 'ghost@nowhere.example');
			expect(none.results).toEqual([]);
			expect(env.calls().map((c) => [c.endpoint, c.query, c.status])).toEqual([
				['userbyemail', { email: 'Customer@Acme.example' }, 200],
				['userbyemail', { email: 'ghost@nowhere.example' }, 404],
			]);
		});

	it('searchTechnicians lists only the technicians (administrators included), from Users in techs mode', async () => {
		const all = await env.h.listSearch('searchTechnicians', env.admin, { resource: 'ticket', operation: 'getMany' });
		expect(all).toEqual({
			results: [
				{ name: 'Alice Admin (admin@helpdesk.example)', value: '1', url: userPage(1) },
				{ name: 'Tom Tech (tech@helpdesk.example)', value: '2', url: userPage(2) },
				{ name: 'Sarah Stone (sarah@helpdesk.example)', value: '4', url: userPage(4) },
			],
			paginationToken: undefined,
		});
		const typed = await env.h.listSearch('searchTechnicians', env.admin, {}, 'tom');
		expect(typed.results.map((r) => r.value)).toEqual(['2']);
		expect(env.calls().map((c) => [c.endpoint, c.query])).toEqual([
			['users', { listMode: 'techs', count: '100', page: '1' }],
			['users', { listMode: 'techs', count: '100', page: '1' }],
		]);
	});

	it('searchTechnicians looks a full email up, and offers the user only if a technician', async () => {
		const tech = await env.h.listSearch('searchTechnicians', env.admin, {}, 'sarah@helpdesk.example');
		expect(tech.results).toEqual([{ name: 'Sarah Stone (sarah@helpdesk.example)', value: '4', url: userPage(4) }]);
		const customer = await env.h.listSearch('searchTechnicians', env.admin, {}, 'customer@acme.example');
		expect(customer.results).toEqual([]);
		expect(env.calls().map((c) => [c.endpoint, c.status])).toEqual([
			['userbyemail', 200],
			['userbyemail', 200],
		]);
	});

		it('searchCompanies lists Companies, filtered by name or domain', async () => {
			const all = await env.h.listSearch('searchCompanies', env.admin);
			expect(all.results).toEqual([
				{ name: 'Acme Corp', value: '1' },
				{ name: 'Globex', value: '2' },
				{ name: 'Initech', value: '3' },
			]);
			const some = await env.h.listSearch('searchCompanies', env.admin, {}, 'initech.test');
			expect(some.results).toEqual([{ name: 'Initech', value: '3' }]);
			expect(env.calls().map((c) => [c.method, c.endpoint])).toEqual([
				['GET', 'companies'],
				['GET', 'companies'],
			]);
		});

		it('getCommentTemplates offers the canned replies by name with a text preview', async () => {
			const options = await env.h.loadOptions('getCommentTemplates', env.admin);
			expect(options).toEqual([
				{ name: 'Greeting', value: '1', description: 'Hello, thanks for contacting support.' },
				{ name: 'Need more info', value: '2', description: 'Could you send us a screenshot and the exact error message?' },
				{ name: 'Closing', value: '3', description: 'We are closing this ticket; reply to reopen it.' },
			]);
			expect(env.calls().map((c) => c.endpoint)).toEqual(['commenttemplates']);
		});

		it('getDepartments offers the departments', async () => {
			const options = await env.h.loadOptions('getDepartments', env.admin);
			expect(options).toEqual([
				{ name: 'Sales', value: '1' },
				{ name: 'Engineering', value: '2' },
				{ name: 'Support', value: '3' },
			]);
		});

		it('pickers surface permission errors clearly (Users needs an administrator)', async () => {
			await expect(env.h.listSearch('searchUsers', env.tech)).rejects.toThrow('not allowed');
		});
	});
});
