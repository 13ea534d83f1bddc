import { eachProfile, jsonOf, summary, useEnv } from '../harness/env';

eachProfile((profile) => {
	const env = useEnv({ profile });

	describe('Knowledge Base Article', () => {
		it('Get Many unwraps {Articles, Categories} into one item per article', async () => {
			const { items, error } = await env.run({ resource: 'article', operation: 'getMany', returnAll: true });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([{ method: 'GET', endpoint: 'articles', query: {}, contentType: '', body: {} }]);
			expect(jsonOf(items).map((a) => a.ArticleId)).toEqual([1, 2, 3, 4, 5]);
			expect(items[0].json).toMatchObject({ Subject: expect.any(String), CategoryID: 4 });
			expect(items[0].json.Body).toBeUndefined();
		});

		it('Get Many filters by category and honours the Limit', async () => {
			env.sb.db.articles.set(6, { ...env.sb.db.articles.get(1)!, articleId: 6 });
			const { items, error } = await env.run({ resource: 'article', operation: 'getMany', categoryId: 4, returnAll: false, limit: 1 });
			expect(error).toBeUndefined();
			expect(env.calls().map((c) => c.query)).toEqual([{ categoryId: '4' }]);
			expect(jsonOf(items).map((a) => a.ArticleId)).toEqual([1]);
		});

		it('Get reads the path form Article/{id}', async () => {
			const { items, error } = await env.run({ resource: 'article', operation: 'get', articleId: '1' });
			expect(error).toBeUndefined();
			const [call] = env.calls();
			expect([call.method, call.path, call.endpoint, call.query]).toEqual(['GET', '/api/Article/1', 'article', {}]);
			expect(items[0].json).toMatchObject({ ArticleId: 1, Body: expect.any(String) });
		});

		it('Get rejects a non-numeric article id before any request', async () => {
			const { error } = await env.run({ resource: 'article', operation: 'get', articleId: '1/../2' });
			expect(error?.message).toContain(`'Article ID' must be a positive whole number`);
			expect(env.calls()).toHaveLength(0);
		});

		it('Create posts Article with the inferred parameters and returns the new id', async () => {
			const { items, error } = await env.run({
				resource: 'article',
				operation: 'create',
				categoryId: 2,
				subject: 'Reset your password',
				body: '<p>Open the portal and click <b>Forgot password</b>.</p>',
				additionalFields: { tags: 'password, portal', forTechsOnly: false },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{
					method: 'POST',
					endpoint: 'article',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: {
						categoryId: '2',
						subject: 'Reset your password',
						body: '<p>Open the portal and click <b>Forgot password</b>.</p>',
						tags: 'password, portal',
						forTechsOnly: 'false',
					},
				},
			]);
			const created = [...env.sb.db.articles.values()].find((a) => a.subject === 'Reset your password')!;
			expect(created.tags).toEqual(['password', 'portal']);
			expect(jsonOf(items)).toEqual([{ id: created.articleId, subject: 'Reset your password' }]);
		});
	});
});
