/**
 * Return All on every paged list, through n8n's engine, whatever page size the helpdesk clamps to:
 * every item once, never more requests than the proof of the end needs.
 */
import { addTickets } from '../../sandbox';
import { eachProfile, useEnv } from '../harness/env';

eachProfile((profile) => {
	const env = useEnv({ clearPerRun: true, profile });
	const listCalls = (endpoint: string) => env.calls().filter((c) => c.endpoint === endpoint);
	const idsOf = (items: Array<{ json: Record<string, unknown> }>, key: string) => items.map((i) => Number(i.json[key]));

	describe('Ticket → Get Many, Return All', () => {
		it.each([100, 150, 250, 300])('1 000 tickets on a server that returns at most %i a page: all, each once', async (cap) => {
			env.sb.setVariations({ ticketsPageCap: cap });
			addTickets(env.sb.db, 950);
			const { items, error } = await env.run({ resource: 'ticket', operation: 'getMany', returnAll: true, simplify: false });
			expect(error).toBeUndefined();
			const ids = idsOf(items, 'IssueID');
			expect(ids).toHaveLength(1000);
			expect(new Set(ids)).toEqual(new Set(env.sb.db.tickets.keys()));
			const calls = listCalls('tickets');
			expect(calls.every((c) => c.query.count === '300')).toBe(true);
			// Offsets follow what came back; a page short of what this server has shown it returns ends the list.
			const full = Math.floor(1000 / cap);
			const offsets = Array.from({ length: full + 1 }, (_, i) => String(i * cap));
			expect(calls.map((c) => c.query.offset)).toEqual(offsets);
		});

		it('a list shorter than 100 costs exactly one request on any server', async () => {
			for (const cap of [100, 300]) {
				env.sb.setVariations({ ticketsPageCap: cap });
				const { items } = await env.run({ resource: 'ticket', operation: 'getMany', returnAll: true });
				expect(items).toHaveLength(50);
				expect(listCalls('tickets')).toHaveLength(1);
			}
		});

		it('a server that ignores offset ends in a clear error, never an endless or silently cut list', async () => {
			addTickets(env.sb.db, 450);
			env.sb.setVariations({ ignoresOffset: true, ticketsPageCap: 100 });
			const { items, error } = await env.run({ resource: 'ticket', operation: 'getMany', returnAll: true });
			expect(items).toEqual([]);
			expect(error?.message).toBe('The helpdesk sent the same page of results twice');
			expect(error?.description).toMatch(/seems to ignore the paging parameters/);
			expect(listCalls('tickets').map((c) => c.query.offset)).toEqual(['0', '100']);
		});
	});

	describe('Ticket → Search, Return All', () => {
		it('350 matches at 100 a page: all, each once, the empty page ends it', async () => {
			addTickets(env.sb.db, 350, { subjectPrefix: 'Zebra printer' });
			const { items, error } = await env.run({ resource: 'ticket', operation: 'search', query: 'zebra', returnAll: true, simplify: false });
			expect(error).toBeUndefined();
			expect(new Set(idsOf(items, 'IssueID')).size).toBe(350);
			expect(items).toHaveLength(350);
			expect(listCalls('search').map((c) => [c.query.count, c.query.offset])).toEqual([
				['100', '0'],
				['100', '100'],
				['100', '200'],
				['100', '300'],
			]);
		});
	});

	describe('User → Get Many and Asset → Get Many, Return All', () => {
		it('430 users at 100 a page: all, each once', async () => {
			const active = () => [...env.sb.db.users.values()].filter((u) => !u.disabled).length;
			for (let i = 0; active() < 430; i++) env.sb.db.createUser({ username: `bulk${i}`, email: `bulk${i}@example.test` });
			const { items, error } = await env.run({ resource: 'user', operation: 'getMany', returnAll: true, simplify: false });
			expect(error).toBeUndefined();
			expect(new Set(idsOf(items, 'UserID')).size).toBe(430);
			expect(listCalls('users').map((c) => c.query.page)).toEqual(['1', '2', '3', '4', '5']);
			expect(listCalls('users').every((c) => c.query.count === '100')).toBe(true);
		});

		it('230 assets in Jitbit’s fixed pages of 50: all, each once', async () => {
			const active = () => [...env.sb.db.assets.values()].filter((a) => !a.disabled).length;
			for (let i = 0; active() < 230; i++) {
				env.sb.db.createAsset({ modelName: `Bulk ${i}`, manufacturer: 'Acme', type: 'Laptop', supplier: 'Shop' });
			}
			const { items, error } = await env.run({ resource: 'asset', operation: 'getMany', returnAll: true, simplify: false });
			expect(error).toBeUndefined();
			expect(new Set(idsOf(items, 'ItemID')).size).toBe(230);
			expect(listCalls('assets').map((c) => c.query)).toEqual(['1', '2', '3', '4', '5'].map((page) => ({ page })));
		});
	});
});
