import { byId, eachProfile, jsonOf, summary, useEnv } from '../harness/env';

eachProfile((profile) => {
	const env = useEnv({ profile });

	describe('User', () => {
		it('Create sends CreateUser form-encoded with every profile field and returns the new id', async () => {
			const { items, error } = await env.run({
				resource: 'user',
				operation: 'create',
				email: 'new.person@acme.example',
				additionalFields: {
					username: 'new.person',
					password: 's3cret!',
					firstName: 'New',
					lastName: 'Person',
					phone: '+1 555 0100',
					location: 'Berlin',
					company: 'Acme Corp',
					department: 'Sales',
					sendWelcomeEmail: true,
				},
			});
			expect(error).toBeUndefined();
			const calls = env.calls();
			expect(calls).toHaveLength(1);
			expect(summary(calls[0])).toEqual({
				method: 'POST',
				endpoint: 'createuser',
				query: {},
				contentType: 'application/x-www-form-urlencoded',
				body: {
					email: 'new.person@acme.example',
					username: 'new.person',
					password: 's3cret!',
					firstName: 'New',
					lastName: 'Person',
					phone: '+1 555 0100',
					location: 'Berlin',
					company: 'Acme Corp',
					department: 'Sales',
					sendWelcomeEmail: 'true',
				},
			});
			const created = env.sb.db.userByEmail('new.person@acme.example')!;
			expect(jsonOf(items)).toEqual([{ id: created.userId }]);
			expect(env.sb.db.company(created.companyId!).name).toBe('Acme Corp');
		});

		it('Update sends UpdateUser with userId and only the fields set', async () => {
			const { items, error } = await env.run({
				resource: 'user',
				operation: 'update',
				userId: byId(3),
				updateFields: { phone: '12345', disabled: true, notes: 'VIP' },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{
					method: 'POST',
					endpoint: 'updateuser',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: { userId: '3', phone: '12345', disabled: 'true', notes: 'VIP' },
				},
			]);
			expect(jsonOf(items)).toEqual([{ success: true }]);
			expect(env.sb.db.user(3)).toMatchObject({ phone: '12345', disabled: true, notes: 'VIP' });
		});

		it('Update rejects a non-numeric user id (mapped from the input) before any request', async () => {
			const { error } = await env.run(
				{ resource: 'user', operation: 'update', userId: byId('={{ $json.id }}'), updateFields: {} },
				{ items: [{ json: { id: 'abc' } }] },
			);
			expect(error?.message).toContain(`'User ID' must be a positive whole number, got "abc"`);
			expect(env.calls()).toHaveLength(0);
		});

		it('Create or Update updates the user an email matches: one lookup, one write', async () => {
			const { items, error } = await env.run({
				resource: 'user',
				operation: 'upsert',
				email: 'customer@acme.example',
				fields: { firstName: 'Carlos', sendWelcomeEmail: true },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{ method: 'GET', endpoint: 'userbyemail', query: { email: 'customer@acme.example' }, contentType: '', body: {} },
				{
					method: 'POST',
					endpoint: 'updateuser',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: { userId: '3', firstName: 'Carlos' },
				},
			]);
			expect(jsonOf(items)).toEqual([{ action: 'updated', userId: 3, email: 'customer@acme.example' }]);
			expect(env.sb.db.user(3).firstName).toBe('Carlos');
		});

		it('Create or Update creates the user when UserByEmail answers 404', async () => {
			const { items, error } = await env.run({
				resource: 'user',
				operation: 'upsert',
				email: 'fresh@globex.example',
				fields: { firstName: 'Fresh', company: 'Globex', sendWelcomeEmail: false },
			});
			expect(error).toBeUndefined();
			const calls = env.calls();
			expect(calls.map((c) => [c.method, c.endpoint, c.status])).toEqual([
				['GET', 'userbyemail', 404],
				['POST', 'createuser', 200],
			]);
			expect(calls[1].body).toEqual({ email: 'fresh@globex.example', firstName: 'Fresh', company: 'Globex', sendWelcomeEmail: 'false' });
			const created = env.sb.db.userByEmail('fresh@globex.example')!;
			expect(jsonOf(items)).toEqual([{ action: 'created', userId: created.userId, email: 'fresh@globex.example' }]);
		});

		it('Create or Update handles several items, one lookup and one write each', async () => {
			const { items, error } = await env.run(
				{ resource: 'user', operation: 'upsert', email: '={{ $json.email }}', fields: { lastName: '={{ $json.last }}' } },
				{ items: [{ json: { email: 'tech@helpdesk.example', last: 'Techie' } }, { json: { email: 'x@mail.example', last: 'New' } }] },
			);
			expect(error).toBeUndefined();
			expect(env.calls().map((c) => c.endpoint).sort()).toEqual(['createuser', 'updateuser', 'userbyemail', 'userbyemail']);
			expect(jsonOf(items).map((j) => j.action)).toEqual(['updated', 'created']);
			expect(env.sb.db.user(2).lastName).toBe('Techie');
		});

		it('Delete sends DeleteUser with userId', async () => {
			const { items, error } = await env.run({ resource: 'user', operation: 'delete', userId: byId(6) });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{ method: 'POST', endpoint: 'deleteuser', query: {}, contentType: 'application/x-www-form-urlencoded', body: { userId: '6' } },
			]);
			expect(jsonOf(items)).toEqual([{ deleted: true, userId: 6 }]);
			expect(env.sb.db.users.has(6)).toBe(false);
		});

		it('Get reads User?userId= and simplifies', async () => {
			const { items, error } = await env.run({ resource: 'user', operation: 'get', userId: byId(3) });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([{ method: 'GET', endpoint: 'user', query: { userId: '3' }, contentType: '', body: {} }]);
			expect(jsonOf(items)).toEqual([
				{
					id: 3,
					username: 'customer',
					email: 'customer@acme.example',
					firstName: 'Carl',
					lastName: 'Customer',
					fullName: 'Carl Customer',
					company: 'Acme Corp',
					department: 'Sales',
					isAdmin: false,
					isTech: false,
					disabled: false,
					lastSeen: null,
				},
			]);
		});

		it('Get returns the raw user when Simplify is off', async () => {
			const { items } = await env.run({ resource: 'user', operation: 'get', userId: byId(2), simplify: false });
			expect(items[0].json).toMatchObject({ UserID: 2, Username: 'tech', IsTech: true, Signature: 'Tom, IT support' });
		});

		it('Get by Email reads UserByEmail?email=', async () => {
			const { items, error } = await env.run({ resource: 'user', operation: 'getByEmail', email: 'jdoe@globex.example' });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{ method: 'GET', endpoint: 'userbyemail', query: { email: 'jdoe@globex.example' }, contentType: '', body: {} },
			]);
			expect(items[0].json).toMatchObject({ id: 5, username: 'DOMAIN\\jdoe', company: 'Globex' });
		});

		it('Get by Email of an unknown address fails with not found; continueOnFail keeps the error on the item', async () => {
			const { items, error } = await env.run(
				{ resource: 'user', operation: 'getByEmail', email: 'nobody@nowhere.example' },
				{ continueOnFail: true },
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(String(items[0].json.error)).toContain('Not found in Jitbit');
		});

		it('Get Many with Return All pages through Users 100 at a time, with listMode and filters', async () => {
			for (let i = 0; i < 230; i++) {
				env.sb.db.createUser({ username: `bulk${i}`, email: `bulk${i}@globex.example`, companyId: 2 });
			}
			env.sb.clearRequests();
			const { items, error } = await env.run({
				resource: 'user',
				operation: 'getMany',
				listMode: 'regular',
				returnAll: true,
				filters: { companyId: byId(2) },
			});
			expect(error).toBeUndefined();
			const calls = env.calls();
			expect(calls.map((c) => c.query)).toEqual([
				{ listMode: 'regular', companyId: '2', page: '1', count: '100' },
				{ listMode: 'regular', companyId: '2', page: '2', count: '100' },
				{ listMode: 'regular', companyId: '2', page: '3', count: '100' },
			]);
			// 230 bulk users + John Doe and Eve of Globex.
			expect(items).toHaveLength(232);
			expect(new Set(jsonOf(items).map((u) => u.id)).size).toBe(232);
		});

		it('Get Many with a Limit stops after the page that fills it, filtered by department', async () => {
			const { items, error } = await env.run({
				resource: 'user',
				operation: 'getMany',
				listMode: 'all',
				returnAll: false,
				limit: 2,
				filters: { departmentId: '2' },
				simplify: false,
			});
			expect(error).toBeUndefined();
			expect(env.calls().map((c) => c.query)).toEqual([{ listMode: 'all', departmentId: '2', page: '1', count: '100' }]);
			expect(items).toHaveLength(2);
			expect(items.every((i) => i.json.DepartmentID === 2)).toBe(true);
		});

		it('Merge sends MergeUsers with both candidate spellings (kept / merged) and warns it is irreversible', async () => {
			const { items, error } = await env.run({ resource: 'user', operation: 'merge', userId: byId(3), mergedUserId: byId(7) });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{
					method: 'POST',
					endpoint: 'mergeusers',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: { userId: '3', userId2: '7', toUserId: '3', fromUserId: '7' },
				},
			]);
			expect(jsonOf(items)).toEqual([{ success: true }]);
			expect(env.sb.db.users.has(7)).toBe(false);
		});

		it('Merge refuses to merge a user into itself', async () => {
			const { error } = await env.run({ resource: 'user', operation: 'merge', userId: byId(3), mergedUserId: byId(3) });
			expect(error?.message).toContain('cannot be merged into itself');
			expect(env.calls()).toHaveLength(0);
		});
	});
});
