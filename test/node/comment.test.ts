import { byId, eachProfile, jsonOf, summary, useEnv } from '../harness/env';

eachProfile((profile) => {
	const env = useEnv({ profile });

	const b64 = (text: string) => Buffer.from(text).toString('base64');

	describe('Comment', () => {
		it('Create posts comment form-encoded with every option and returns the new comment id', async () => {
			const { items, error } = await env.run({
				resource: 'comment',
				operation: 'create',
				ticketId: byId(1002),
				body: '<p>We are on it</p>',
				options: { forTechsOnly: true, isSystem: true, recipientIds: '5, 2', fromUserId: byId(2) },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{
					method: 'POST',
					endpoint: 'comment',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: {
						id: '1002',
						body: '<p>We are on it</p>',
						forTechsOnly: 'true',
						isSystem: 'true',
						recipientIds: ['5', '2'],
						fromUserId: '2',
					},
				},
			]);
			const created = env.sb.db.commentsOf(1002).at(-1)!;
			expect(created).toMatchObject({ userId: 2, forTechsOnly: true, isSystem: true, body: '<p>We are on it</p>' });
			expect(created.recipients).toBe('jdoe@globex.example, tech@helpdesk.example');
			expect(jsonOf(items)).toEqual([{ id: created.commentId }]);
		});

		it('Create with a ticket URL and files sends multipart with one uploadFile part per file, byte for byte', async () => {
			const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
			const { items, error } = await env.run(
				{
					resource: 'comment',
					operation: 'create',
					ticketId: { __rl: true, mode: 'url', value: `${env.sb.url}/helpdesk/Ticket/1003` },
					body: 'See attached',
					binaryPropertyNames: 'log, shot',
				},
				{
					items: [
						{
							json: {},
							binary: {
								log: { data: b64('line 1\nline 2\n'), mimeType: 'text/plain', fileName: 'app.log' },
								shot: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'shot.png' },
							},
						},
					],
				},
			);
			expect(error).toBeUndefined();
			const [call] = env.calls();
			expect(call.contentType).toBe('multipart/form-data');
			expect(call.body).toEqual({ id: '1003', body: 'See attached' });
			expect(call.files.map((f) => [f.field, f.filename, f.contentType, f.data.toString('hex')])).toEqual([
				['uploadFile', 'app.log', 'text/plain', Buffer.from('line 1\nline 2\n').toString('hex')],
				['uploadFile', 'shot.png', 'image/png', png.toString('hex')],
			]);
			const commentId = items[0].json.id as number;
			const stored = [...env.sb.db.files.values()].filter((f) => f.commentId === commentId);
			expect(stored.map((f) => f.fileName)).toEqual(['app.log', 'shot.png']);
			expect(stored[1].data.equals(png)).toBe(true);
		});

		it('Create with an empty body uses the chosen template, read from CommentTemplates', async () => {
			const { error } = await env.run({ resource: 'comment', operation: 'create', ticketId: byId(1001), body: '', templateId: '2' });
			expect(error).toBeUndefined();
			expect(env.calls().map((c) => [c.method, c.endpoint, c.body])).toEqual([
				['GET', 'commenttemplates', {}],
				['POST', 'comment', { id: '1001', body: '<p>Could you send us a screenshot and the exact error message?</p>' }],
			]);
		});

		it('Create with a body ignores the template and makes no extra call', async () => {
			await env.run({ resource: 'comment', operation: 'create', ticketId: byId(1001), body: 'Own text', templateId: '2' });
			expect(env.calls().map((c) => [c.endpoint, c.body.body])).toEqual([['comment', 'Own text']]);
		});

		it('Create without body or template fails before any request, naming what to fix', async () => {
			const { error } = await env.run({ resource: 'comment', operation: 'create', ticketId: byId(1001), body: '' });
			expect(error?.message).toBe('The comment has no text [item 0]');
			expect(env.calls()).toHaveLength(0);
		});

		it('Create as another user is refused for a technician (admin only); continueOnFail reports it per item', async () => {
			const { items, error } = await env.run(
				{ resource: 'comment', operation: 'create', ticketId: byId(1002), body: 'x', options: { fromUserId: byId(3) } },
				{ as: env.tech, continueOnFail: true, items: [{ json: {} }, { json: {} }] },
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(2);
			expect(String(items[0].json.error)).toContain('not allowed');
			expect(env.calls().map((c) => c.status)).toEqual([403, 403]);
		});

		it('Update posts UpdateComment with id and body (inferred parameters, docs/jitbit-api.md §10)', async () => {
			const { items, error } = await env.run({
				resource: 'comment',
				operation: 'update',
				commentId: '5001',
				body: '<p>Edited</p>',
				options: { forTechsOnly: false },
			});
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{
					method: 'POST',
					endpoint: 'updatecomment',
					query: {},
					contentType: 'application/x-www-form-urlencoded',
					body: { id: '5001', body: '<p>Edited</p>', forTechsOnly: 'false' },
				},
			]);
			expect(jsonOf(items)).toEqual([{ success: true }]);
			expect(env.sb.db.comments.get(5001)!.body).toBe('<p>Edited</p>');
		});

		it('Get Many reads comments?id= and emits one item per comment', async () => {
			const { items, error } = await env.run({ resource: 'comment', operation: 'getMany', ticketId: byId(1003) });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([{ method: 'GET', endpoint: 'comments', query: { id: '1003' }, contentType: '', body: {} }]);
			const expected = env.sb.db.commentsOf(1003).map((c) => c.commentId);
			expect(jsonOf(items).map((c) => c.CommentID)).toEqual(expected);
			expect(items[0].json).toMatchObject({ IssueID: 1003, Body: expect.any(String), CommentDate: expect.any(String) });
		});

		it('Get Many with Strip HTML returns plain-text bodies', async () => {
			env.sb.db.addComment(1001, { userId: 2, body: '<p>Line &amp; one</p><ul><li>a</li><li>b</li></ul>' });
			const { items, error } = await env.run({ resource: 'comment', operation: 'getMany', ticketId: byId(1001), stripHtml: true });
			expect(error).toBeUndefined();
			expect(items.at(-1)!.json.Body).toBe('Line & one\n\n- a\n- b');
			expect(items.every((i) => !/<[a-z]/i.test(String(i.json.Body)))).toBe(true);
		});

		it('Get Templates passes CommentTemplates items through', async () => {
			const { items, error } = await env.run({ resource: 'comment', operation: 'getTemplates' });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([{ method: 'GET', endpoint: 'commenttemplates', query: {}, contentType: '', body: {} }]);
			expect(jsonOf(items)).toEqual([
				{ TemplateID: 1, Name: 'Greeting', Body: '<p>Hello, thanks for contacting support.</p>' },
				{ TemplateID: 2, Name: 'Need more info', Body: '<p>Could you send us a screenshot and the exact error message?</p>' },
				{ TemplateID: 3, Name: 'Closing', Body: '<p>We are closing this ticket; reply to reopen it.</p>' },
			]);
		});
	});
});
