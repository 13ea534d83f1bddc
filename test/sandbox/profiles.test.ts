/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- does not ship (README, Development: Lint) */
/** Sandbox profiles: each field variation at the HTTP level, and the default profile left as it was. */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { addTickets, PROFILES, startSandbox, variationsOf } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { call, sleep, useSandbox } from './helpers';

const legacy = useSandbox({ rateLimit: false, lockout: false, profile: 'legacy' });
const textbook = useSandbox({ rateLimit: false, lockout: false });

/** Demo ticket 1008: three comments, custom fields (text, date, dropdown, checkbox). */
const T = 1008;

async function allPages(sb: Sandbox, count: number) {
	const ids: number[] = [];
	const sizes: number[] = [];
	for (let offset = 0; ; ) {
		const page = (await call(sb, '/api/Tickets', { query: { count, offset } })).data as Array<{ IssueID: number }>;
		sizes.push(page.length);
		if (!page.length) break;
		ids.push(...page.map((t) => t.IssueID));
		offset += page.length;
	}
	return { ids, sizes };
}

describe('profiles', () => {
	it('default is the textbook install; legacy turns on every variation; unknown names are refused', () => {
		expect(variationsOf()).toEqual({
			ticketsPageCap: 300,
			searchPageCap: 100,
			commentOrder: 'oldest-first',
			htmlMarker: false,
			dates: 'iso',
			typedFieldValues: false,
			requestLimitBytes: null,
			lockoutStatus: 401,
			ignoresOffset: false,
		});
		expect(PROFILES.legacy).toEqual({
			ticketsPageCap: 100,
			searchPageCap: 100,
			commentOrder: 'newest-first',
			htmlMarker: true,
			dates: 'ms',
			typedFieldValues: true,
			requestLimitBytes: 4 * 1024 * 1024,
			lockoutStatus: 401,
			ignoresOffset: false,
		});
		expect(legacy.sb.profile).toBe('legacy');
		expect(variationsOf('legacy', { ticketsPageCap: 150 }).ticketsPageCap).toBe(150);
		expect(() => variationsOf('nope' as never)).toThrow("Unknown sandbox profile 'nope' (known: default, legacy, onprem)");
	});

	it('setVariations lasts until reset', async () => {
		textbook.sb.setVariations({ ticketsPageCap: 150 });
		addTickets(textbook.sb.db, 400);
		expect((await call(textbook.sb, '/api/Tickets', { query: { count: 300 } })).data).toHaveLength(150);
		textbook.sb.reset();
		addTickets(textbook.sb.db, 400);
		expect((await call(textbook.sb, '/api/Tickets', { query: { count: 300 } })).data).toHaveLength(300);
	});
});

describe('legacy: 100-ticket pages on Tickets and Search', () => {
	it('returns at most 100 tickets whatever count asks, and count + offset still page through all', async () => {
		addTickets(legacy.sb.db, 950); // 1 000 with the demo tickets
		expect((await call(legacy.sb, '/api/Tickets', { query: { count: 300 } })).data).toHaveLength(100);
		expect((await call(legacy.sb, '/api/Tickets', { query: { count: 40 } })).data).toHaveLength(40);
		const { ids, sizes } = await allPages(legacy.sb, 300);
		expect(sizes).toEqual([...Array(10).fill(100), 0]);
		expect(new Set(ids).size).toBe(1000);
		const textbookPages = (await call(textbook.sb, '/api/Tickets', { query: { count: 300 } })).data;
		expect(textbookPages).toHaveLength(50);
	});

	it('ignoresOffset answers the first page whatever offset says', async () => {
		legacy.sb.setVariations({ ignoresOffset: true });
		const first = (await call(legacy.sb, '/api/Tickets', { query: { count: 20 } })).data;
		expect((await call(legacy.sb, '/api/Tickets', { query: { count: 20, offset: 20 } })).data).toEqual(first);
	});

	it('caps Search at 100 as well', async () => {
		addTickets(legacy.sb.db, 250, { subjectPrefix: 'Zebra printer' });
		expect((await call(legacy.sb, '/api/Search', { query: { query: 'zebra', count: 300 } })).data).toHaveLength(100);
	});
});

describe('legacy: comments newest first', () => {
	it('lists a ticket’s comments newest first; the default profile oldest first', async () => {
		const dated = (r: { data: Array<{ CommentID: number }> }) => r.data.map((c) => c.CommentID);
		const oldestFirst = legacy.sb.db.commentsOf(T).map((c) => c.commentId);
		expect(oldestFirst.length).toBeGreaterThan(1);
		expect(dated(await call(legacy.sb, '/api/comments', { query: { id: T } }))).toEqual([...oldestFirst].reverse());
		expect(dated(await call(textbook.sb, '/api/comments', { query: { id: T } }))).toEqual(oldestFirst);
	});
});

describe('legacy: <!--html--> bodies', () => {
	it('prefixes ticket and comment bodies, once, and only on the way out', async () => {
		const ticket = (await call(legacy.sb, '/api/Ticket', { query: { id: T } })).data;
		expect(ticket.Body).toBe(`<!--html-->${legacy.sb.db.ticket(T).body}`);
		const comments = (await call(legacy.sb, '/api/comments', { query: { id: T } })).data as Array<{ Body: string }>;
		for (const c of comments) expect(c.Body).toMatch(/^<!--html-->(?!<!--html-->)/);
		legacy.sb.db.ticket(T).body = '<!--html--><p>stored with it</p>';
		expect((await call(legacy.sb, '/api/Ticket', { query: { id: T } })).data.Body).toBe('<!--html--><p>stored with it</p>');
		expect((await call(textbook.sb, '/api/Ticket', { query: { id: T } })).data.Body).not.toContain('<!--html-->');
	});
});

describe('dates', () => {
	it('legacy writes /Date(ms)/ everywhere a date is answered; the records keep ISO', async () => {
		const t = legacy.sb.db.ticket(T);
		const detail = (await call(legacy.sb, '/api/Ticket', { query: { id: T } })).data;
		expect(detail.IssueDate).toBe(`/Date(${Date.parse(t.issueDate)})/`);
		expect(detail.LastUpdated).toBe(`/Date(${Date.parse(t.lastUpdated)})/`);
		expect(detail.SubmitterUserInfo.LastSeen === null || /^\/Date\(\d+\)\/$/.test(detail.SubmitterUserInfo.LastSeen)).toBe(true);
		const [item] = (await call(legacy.sb, '/api/Tickets', { query: { count: 1 } })).data;
		expect(item.LastUpdated).toMatch(/^\/Date\(\d+\)\/$/);
		const [comment] = (await call(legacy.sb, '/api/comments', { query: { id: T } })).data;
		expect(comment.CommentDate).toMatch(/^\/Date\(\d+\)\/$/);
		expect(t.issueDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	});

	it.each([
		['unzoned', '2026-03-10T12:00:00'],
		['offset', '2026-03-10T14:00:00+02:00'],
		['iso', '2026-03-10T12:00:00Z'],
	] as const)('%s dates: %s', async (dates, written) => {
		textbook.sb.setVariations({ dates });
		textbook.sb.db.ticket(T).issueDate = '2026-03-10T12:00:00Z';
		expect((await call(textbook.sb, '/api/Ticket', { query: { id: T } })).data.IssueDate).toBe(written);
	});
});

describe('legacy: typed custom field values', () => {
	it('answers numbers, booleans and null instead of text; the option text stays text', async () => {
		const db = legacy.sb.db;
		db.ticket(T).customFields[1] = '4242';
		db.ticket(T).customFields[4] = 'true';
		delete db.ticket(T).customFields[2];
		const fields = (await call(legacy.sb, '/api/TicketCustomFields', { query: { id: T, returnUnset: true } })).data as Array<{
			FieldID: number;
			Value: unknown;
			OptionID: unknown;
		}>;
		const byId = Object.fromEntries(fields.map((f) => [f.FieldID, f]));
		expect(byId[1].Value).toBe(4242);
		expect(byId[4].Value).toBe(true);
		expect(byId[2].Value).toBeNull();
		expect(typeof byId[3].Value).toBe('string');
		expect(typeof byId[3].OptionID).toBe('number');
		textbook.sb.db.ticket(T).customFields[1] = '4242';
		const plain = (await call(textbook.sb, '/api/TicketCustomFields', { query: { id: T } })).data as Array<{ FieldID: number; Value: unknown }>;
		expect(plain.find((f) => f.FieldID === 1)?.Value).toBe('4242');
	});
});

describe('legacy: IIS request limit', () => {
	it('answers IIS’s 404.13 HTML page above 4 MB, before authentication, and stores nothing', async () => {
		const big = new FormData();
		big.append('id', String(T));
		big.append('uploadFile', new Blob([Buffer.alloc(4 * 1024 * 1024 + 1)]), 'big.bin');
		const files = legacy.sb.db.files.size;
		const refused = await call(legacy.sb, '/api/AttachFile', { multipart: big, as: null });
		expect(refused.status).toBe(404);
		expect(refused.contentType).toBe('text/html');
		expect(refused.text).toContain('HTTP Error 404.13 - Not Found');
		expect(refused.text).toContain('exceeds the request content length');
		expect(legacy.sb.db.files.size).toBe(files);

		const small = new FormData();
		small.append('id', String(T));
		small.append('uploadFile', new Blob([Buffer.alloc(1024 * 1024)]), 'small.bin');
		expect((await call(legacy.sb, '/api/AttachFile', { multipart: small })).status).toBe(200);
		expect((await call(textbook.sb, '/api/AttachFile', { multipart: big })).status).toBe(200);
	});
});

describe('lockout answer', () => {
	it.each([401, 403] as const)('a locked-out IP gets %i with Jitbit’s plain-text reason, the correct password too', async (status) => {
		const sb = await startSandbox({ rateLimit: false, lockout: { attempts: 3, durationMs: 60_000 }, variations: { lockoutStatus: status } });
		try {
			for (let i = 0; i < 3; i++) await call(sb, '/api/Authorization', { method: 'POST', as: { basic: ['admin', 'bad'] } });
			const locked = await call(sb, '/api/Authorization', { method: 'POST', as: { basic: ['admin', 'admin-pass'] } });
			expect(locked.status).toBe(status);
			expect(locked.contentType).toMatch(/^text\/plain/);
			expect(locked.text).toBe('Too many failed login attempts: your IP address is locked out for 1 minute(s)');
		} finally {
			await sb.close();
		}
	});

	it('onprem answers a lockout with 403 and refuses bodies above 20 MB', () => {
		expect(variationsOf('onprem')).toMatchObject({ lockoutStatus: 403, requestLimitBytes: 20 * 1024 * 1024, dates: 'unzoned' });
	});
});

describe('npm run sandbox -- --profile', () => {
	const root = path.resolve(__dirname, '../..');

	async function banner(args: string[]): Promise<{ out: string; code: number | null }> {
		const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'sandbox/cli.ts', '--port', '0', ...args], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
		for (let waited = 0; waited < 20_000 && !/Press Ctrl-C/.test(out) && child.exitCode === null; waited += 100) await sleep(100);
		if (child.exitCode === null) child.kill('SIGTERM');
		return { out, code: await exited };
	}

	it('plays the legacy install and says so', async () => {
		const { out, code } = await banner(['--profile', 'legacy']);
		expect(out).toContain(
			'Profile:      legacy: Tickets pages hold at most 100 tickets; comments are listed newest first; ticket and comment bodies start with <!--html-->; dates are written /Date(1773144000000)/; custom field values are JSON numbers and booleans; requests above 4 MB get IIS\'s 404.13 page',
		);
		expect(code).toBe(0);
	}, 30_000);

	it('refuses an unknown profile with exit code 2', async () => {
		const { out, code } = await banner(['--profile=vintage']);
		expect(out).toContain("Unknown profile 'vintage': use one of default, legacy, onprem");
		expect(code).toBe(2);
	}, 30_000);
});
