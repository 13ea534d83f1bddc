import { byId, eachProfile, jsonOf, summary, useEnv } from '../harness/env';

eachProfile((profile) => {
	const env = useEnv({ profile });

	describe('Asset', () => {
		it('Get Many with Return All pages through fixed 50-item pages without count', async () => {
			for (let i = 0; i < 60; i++) {
				env.sb.db.createAsset({ modelName: `Bulk ${i}`, manufacturer: 'Dell', type: 'Laptop', supplier: 'CDW' });
			}
			const total = [...env.sb.db.assets.values()].filter((a) => !a.disabled).length;
			const { items, error } = await env.run({ resource: 'asset', operation: 'getMany', returnAll: true });
			expect(error).toBeUndefined();
			const pages = Math.ceil((total + 1) / 50);
			expect(env.calls().map((c) => [c.method, c.endpoint, c.query])).toEqual(
				Array.from({ length: pages }, (_, i) => ['GET', 'assets', { page: String(i + 1) }]),
			);
			expect(items).toHaveLength(total);
			expect(new Set(jsonOf(items).map((a) => a.id)).size).toBe(total);
		});

		it('Get Many filters by user, company and department, simplified', async () => {
			const { items, error } = await env.run({
				resource: 'asset',
				operation: 'getMany',
				returnAll: false,
				limit: 10,
				filters: { assignedToUserId: byId(3), assignedToCompanyId: byId(1), assignedToDepartmentId: '1' },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map((c) => c.query)).toEqual([
				{ assignedToUserId: '3', assignedToCompanyId: '1', assignedToDepartmentId: '1', page: '1' },
			]);
			expect(items.length).toBeGreaterThan(0);
			expect(items[0].json).toEqual({
				id: 1,
				modelName: 'Latitude 7440',
				manufacturer: expect.any(String),
				type: expect.any(String),
				supplier: expect.any(String),
				serialNumber: expect.any(String),
				location: expect.any(String),
				comments: expect.any(String),
				quantity: 1,
				company: 'Acme Corp',
				companyId: 1,
				assignedUserIds: [3],
				ticketCount: expect.any(Number),
				disabled: false,
			});
		});

		it('Get reads Asset?id=; raw when Simplify is off', async () => {
			const { items, error } = await env.run({ resource: 'asset', operation: 'get', assetId: '2', simplify: false });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([{ method: 'GET', endpoint: 'asset', query: { id: '2' }, contentType: '', body: {} }]);
			expect(items[0].json).toMatchObject({ ItemID: 2, ModelName: 'MacBook Pro 14', LogEntries: expect.any(Array) });
		});

		it('Create posts Asset with the required names and optional fields; answers {id}', async () => {
			const { items, error } = await env.run({
				resource: 'asset',
				operation: 'create',
				modelName: 'ThinkPad X1',
				manufacturer: 'Lenovo',
				type: 'Laptop',
				supplier: 'CDW',
				additionalFields: { serialNumber: 'SN-1', location: 'HQ', comments: 'New hire', quantity: 3 },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{
					method: 'POST',
					endpoint: 'asset',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: {
						modelName: 'ThinkPad X1',
						manufacturer: 'Lenovo',
						type: 'Laptop',
						supplier: 'CDW',
						serialNumber: 'SN-1',
						location: 'HQ',
						comments: 'New hire',
						quantity: '3',
					},
				},
			]);
			const created = [...env.sb.db.assets.values()].at(-1)!;
			expect(created).toMatchObject({ modelName: 'ThinkPad X1', serialNumber: 'SN-1', quantity: 3 });
			expect(jsonOf(items)).toEqual([{ id: created.itemId }]);
		});

		it('Update without a quantity reads the asset first and sends its current quantity', async () => {
			env.sb.db.asset(3).quantity = 7;
			const { items, error } = await env.run({
				resource: 'asset',
				operation: 'update',
				assetId: '3',
				updateFields: { location: 'Room 12' },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{ method: 'GET', endpoint: 'asset', query: { id: '3' }, contentType: '', body: {} },
				{
					method: 'POST',
					endpoint: 'updateasset',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: { id: '3', location: 'Room 12', quantity: '7' },
				},
			]);
			expect(jsonOf(items)).toEqual([{ success: true }]);
			expect(env.sb.db.asset(3)).toMatchObject({ location: 'Room 12', quantity: 7 });
		});

		it('Update with a quantity sends it without reading the asset', async () => {
			const { error } = await env.run({
				resource: 'asset',
				operation: 'update',
				assetId: '3',
				updateFields: { quantity: 0, modelName: 'U2724D' },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map((c) => [c.endpoint, c.body])).toEqual([['updateasset', { id: '3', quantity: '0', modelName: 'U2724D' }]]);
			expect(env.sb.db.asset(3)).toMatchObject({ quantity: 0, modelName: 'U2724D' });
		});

		it('Update of a missing asset fails on the read with a clear not-found error and writes nothing', async () => {
			const { error } = await env.run({ resource: 'asset', operation: 'update', assetId: '99999', updateFields: { location: 'x' } });
			expect(error?.message).toContain('Not found in Jitbit');
			expect(env.calls().map((c) => c.endpoint)).toEqual(['asset']);
		});

		it('Assign to User and Unassign from User post assetId and userId', async () => {
			await env.run({ resource: 'asset', operation: 'assignToUser', assetId: '3', userId: byId(2) });
			expect(env.sb.db.asset(3).assignedUserIds).toContain(2);
			await env.run({ resource: 'asset', operation: 'unassignFromUser', assetId: '3', userId: byId(2) });
			expect(env.sb.db.asset(3).assignedUserIds).not.toContain(2);
			expect(env.calls().map(summary)).toEqual([
				{
					method: 'POST',
					endpoint: 'assignassettouser',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: { assetId: '3', userId: '2' },
				},
				{
					method: 'POST',
					endpoint: 'unassignassettouser',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: { assetId: '3', userId: '2' },
				},
			]);
		});

		it('Add to Ticket posts AddAssetToTicket with assetId and ticketId', async () => {
			const { items, error } = await env.run({ resource: 'asset', operation: 'addToTicket', assetId: '4', ticketId: byId(1005) });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{
					method: 'POST',
					endpoint: 'addassettoticket',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: { assetId: '4', ticketId: '1005' },
				},
			]);
			expect(jsonOf(items)).toEqual([{ success: true }]);
			expect(env.sb.db.asset(4).ticketIds).toContain(1005);
		});

		it('continueOnFail: a bad asset id on one item does not stop the others', async () => {
			const { items, error } = await env.run(
				{ resource: 'asset', operation: 'get', assetId: '={{ $json.id }}' },
				{ continueOnFail: true, items: [{ json: { id: 'x1' } }, { json: { id: 2 } }] },
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(2);
			expect(String(items[0].json.error)).toContain(`'Asset ID' must be a positive whole number`);
			expect(items[1].json).toMatchObject({ id: 2 });
			expect(env.calls().map((c) => c.query)).toEqual([{ id: '2' }]);
		});
	});
});
