import { byId, eachProfile, jsonOf, summary, useEnv } from '../harness/env';

eachProfile((profile) => {
	const env = useEnv({ profile });

	describe('Company', () => {
		it('Get Many reads Companies and emits one item per company', async () => {
			const { items, error } = await env.run({ resource: 'company', operation: 'getMany', returnAll: true });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([{ method: 'GET', endpoint: 'companies', query: {}, contentType: '', body: {} }]);
			expect(jsonOf(items)).toEqual([
				{ CompanyID: 1, Name: 'Acme Corp', EmailDomain: 'acme.example', Notes: 'Key account' },
				{ CompanyID: 2, Name: 'Globex', EmailDomain: 'globex.example', Notes: '' },
				{ CompanyID: 3, Name: 'Initech', EmailDomain: 'initech.example;initech.test', Notes: 'Two domains' },
			]);
		});

		it('Get Many honours the Limit', async () => {
			const { items } = await env.run({ resource: 'company', operation: 'getMany', returnAll: false, limit: 2 });
			expect(items).toHaveLength(2);
		});

		it('Create posts Company with name and EmailDomains and returns the id with the name', async () => {
			const { items, error } = await env.run({
				resource: 'company',
				operation: 'create',
				name: 'Umbrella',
				additionalFields: { emailDomains: 'umbrella.example;umbrella.test' },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{
					method: 'POST',
					endpoint: 'company',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: { name: 'Umbrella', EmailDomains: 'umbrella.example;umbrella.test' },
				},
			]);
			const created = env.sb.db.companyByName('Umbrella', false)!;
			expect(created.emailDomain).toBe('umbrella.example;umbrella.test');
			expect(jsonOf(items)).toEqual([{ id: created.companyId, name: 'Umbrella' }]);
		});

		it('Create of an existing name returns that company (idempotent by name)', async () => {
			const { items } = await env.run({ resource: 'company', operation: 'create', name: 'Globex' });
			expect(jsonOf(items)).toEqual([{ id: 2, name: 'Globex' }]);
			expect(env.sb.db.companies.size).toBe(3);
		});

		it('Update posts UpdateCompany with id, name and notes', async () => {
			const { items, error } = await env.run({
				resource: 'company',
				operation: 'update',
				companyId: byId(3),
				updateFields: { name: 'Initech Ltd', notes: 'Renamed' },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{
					method: 'POST',
					endpoint: 'updatecompany',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: { id: '3', name: 'Initech Ltd', notes: 'Renamed' },
				},
			]);
			expect(jsonOf(items)).toEqual([{ success: true }]);
			expect(env.sb.db.company(3)).toMatchObject({ name: 'Initech Ltd', notes: 'Renamed' });
		});

		it('Create is refused for a technician with a clear permission error', async () => {
			const { error } = await env.run({ resource: 'company', operation: 'create', name: 'X' }, { as: env.tech });
			expect(error?.message).toContain('not allowed');
			expect(error?.httpCode).toBe('403');
		});
	});

	describe('Department', () => {
		it('Get Many reads Departments', async () => {
			const { items, error } = await env.run({ resource: 'department', operation: 'getMany' });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([{ method: 'GET', endpoint: 'departments', query: {}, contentType: '', body: {} }]);
			expect(jsonOf(items)).toEqual([
				{ DepartmentID: 1, Name: 'Sales' },
				{ DepartmentID: 2, Name: 'Engineering' },
				{ DepartmentID: 3, Name: 'Support' },
			]);
		});
	});
});
