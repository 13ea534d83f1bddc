/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- does not ship (README, Development: Lint) */
/**
 * The HTTP side of the sandbox: routing (`/api/<Method>[/<id>]`, optionally under `/helpdesk`), parameter
 * parsing, authentication and IP lockout, per-user rate limits, fault injection and request recording.
 * Resource behaviour lives in handlers/*; data in db.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Busboy from 'busboy';
import { SandboxDb, UserRec } from './db';
import { ApiError } from './errors';
import { buildRouteTable } from './handlers';
import { unknownMethodMessage } from './handlers/lookups';
import type { Ctx, Reply, Route } from './handlers/route';
import { Params, RawParams, addValue, flattenJson, mergeParams, parseQuery } from './params';
import { IIS_404_13_HTML, variationsOf, writeDates } from './profiles';
import type { Variations } from './profiles';
import { RulesEngine } from './rules';
import { RULES_ADMIN_PATH, serveRulesAdmin } from './rules-admin';
import { DEMO_LOGINS, seedDemo, seedEmpty } from './seed';
import type { DemoUser, Fault, RecordedFile, RecordedRequest, Sandbox, SandboxOptions } from './types';

type RateLimit = Exclude<SandboxOptions['rateLimit'], undefined>;
type Lockout = Exclude<SandboxOptions['lockout'], undefined>;

export const DEFAULT_RATE_LIMIT = { limit: 90, searchLimit: 60, windowMs: 60_000 };
export const DEFAULT_LOCKOUT = { attempts: 3, durationMs: 300_000 };
/** Methods with the stricter per-minute limit (docs/jitbit-api.md §4). */
export const SEARCH_LIMITED = new Set(['search', 'userbyemail']);

const API_PATH = /^(?:\/helpdesk)?\/api\/([^/]+)(?:\/([^/]*))?\/?$/i;
const LOGIN_PATH = /^(?:\/helpdesk)?\/user\/login\/?$/i;

/** What the web app answers instead of JSON: its login page (a wrong base URL or an expired session looks like this). */
export const LOGIN_PAGE_HTML = `<!DOCTYPE html>
<html><head><title>Log in - Helpdesk</title></head>
<body><form method="post" action="/User/Login"><h1>Help Desk</h1>
<label>Username <input name="username"></label><label>Password <input name="password" type="password"></label>
<button type="submit">Log in</button></form></body></html>`;

interface ParsedBody {
	contentType: string;
	body: RawParams;
	rawBody: string;
	files: RecordedFile[];
}

async function readRaw(req: http.IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	return Buffer.concat(chunks);
}

/** Parses a body by content type, like MVC's value providers. */
async function parseBody(req: http.IncomingMessage, raw: Buffer): Promise<ParsedBody> {
	const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	const result: ParsedBody = { contentType, body: {}, rawBody: raw.toString('utf8'), files: [] };
	if (raw.length === 0) return result;
	if (contentType === 'application/x-www-form-urlencoded') {
		result.body = parseQuery(raw.toString('utf8'));
	} else if (contentType === 'application/json' || contentType.endsWith('+json')) {
		try {
			result.body = flattenJson(JSON.parse(raw.toString('utf8')));
		} catch {
			throw new ApiError(400, 'Malformed JSON in the request body');
		}
	} else if (contentType === 'multipart/form-data') {
		await parseMultipart(req.headers, raw, result);
	}
	return result;
}

function parseMultipart(headers: http.IncomingHttpHeaders, raw: Buffer, out: ParsedBody): Promise<void> {
	return new Promise((resolve, reject) => {
		let bb: Busboy.Busboy;
		try {
			bb = Busboy({ headers, defParamCharset: 'utf8', limits: { fieldSize: 50 * 1024 * 1024 } });
		} catch (e) {
			reject(new ApiError(400, `Malformed multipart body: ${(e as Error).message}`));
			return;
		}
		bb.on('field', (name, value) => addValue(out.body, name, value));
		bb.on('file', (field, stream, info) => {
			const parts: Buffer[] = [];
			stream.on('data', (d: Buffer) => parts.push(d));
			stream.on('end', () => out.files.push({ field, filename: info.filename ?? '', contentType: info.mimeType ?? '', data: Buffer.concat(parts) }));
		});
		bb.on('close', () => resolve());
		bb.on('error', (e) => reject(new ApiError(400, `Malformed multipart body: ${(e as Error).message}`)));
		bb.end(raw);
	});
}

/** Sliding-window counters per user: all methods, plus a second window for Search/UserByEmail. */
class RateLimiter {
	private all = new Map<string, number[]>();
	private search = new Map<string, number[]>();

	clear(): void {
		this.all.clear();
		this.search.clear();
	}

	/** Counts the call and returns true, or returns false when over a limit (counted only with `countRejected`). */
	take(user: string, endpoint: string, rl: RateLimit, now: number): boolean {
		if (rl === false) return true;
		const win = (m: Map<string, number[]>) => {
			const list = (m.get(user) ?? []).filter((t) => t > now - rl.windowMs);
			m.set(user, list);
			return list;
		};
		const all = win(this.all);
		const search = SEARCH_LIMITED.has(endpoint) ? win(this.search) : undefined;
		const allowed = all.length < rl.limit && (!search || search.length < rl.searchLimit);
		if (allowed || rl.countRejected) {
			all.push(now);
			search?.push(now);
		}
		return allowed;
	}
}

type AuthResult = { user: UserRec } | { status: 401; message: string; badCredentials: boolean };

function authenticate(db: SandboxDb, header: string | undefined): AuthResult {
	if (!header) return { status: 401, message: 'Authentication required: send Basic credentials or a Bearer token', badCredentials: false };
	const [scheme, ...rest] = header.trim().split(/\s+/);
	const value = rest.join(' ');
	if (/^basic$/i.test(scheme)) {
		const decoded = Buffer.from(value, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon < 0) return { status: 401, message: 'Malformed Basic credentials', badCredentials: true };
		// Usernames may carry a Windows domain (DOMAIN\user); they are matched as-is, case-insensitively.
		const user = db.userByName(decoded.slice(0, colon));
		if (!user || user.password !== decoded.slice(colon + 1)) return { status: 401, message: 'Invalid username or password', badCredentials: true };
		if (user.disabled) return { status: 401, message: 'This user account is disabled', badCredentials: false };
		return { user };
	}
	if (/^bearer$/i.test(scheme)) {
		const user = value ? db.userByToken(value) : undefined;
		// A token stops working when its user's password changes (docs/jitbit-api.md §1): it simply no longer matches.
		if (!user) return { status: 401, message: 'Invalid or expired API token', badCredentials: true };
		if (user.disabled) return { status: 401, message: 'This user account is disabled', badCredentials: false };
		return { user };
	}
	return { status: 401, message: `Unsupported authorization scheme '${scheme}'`, badCredentials: true };
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const seedKind = options.seed ?? 'demo';
	const initialRate: RateLimit = options.rateLimit === undefined ? { ...DEFAULT_RATE_LIMIT } : options.rateLimit;
	const initialLockout: Lockout = options.lockout === undefined ? { ...DEFAULT_LOCKOUT } : options.lockout;
	let rateLimit: RateLimit = initialRate;
	let lockout: Lockout = initialLockout;
	const profile = options.profile ?? 'default';
	const initialVariations = variationsOf(profile, options.variations);
	let variations: Variations = { ...initialVariations };
	const db = new SandboxDb();
	const seed = () => (seedKind === 'empty' ? seedEmpty(db) : seedDemo(db));
	seed();
	const routes = buildRouteTable();
	const requests: RecordedRequest[] = [];
	let faults: Array<{ fault: Fault; remaining: number }> = [];
	const limiter = new RateLimiter();
	/** Per caller IP: consecutive failed logins and lock expiry. */
	const lockouts = new Map<string, { fails: number; lockedUntil: number }>();
	let baseUrl = '';
	const rules = new RulesEngine(db, () => baseUrl);
	db.onTicketChange = (change) => rules.onChange(change);

	function takeFault(endpoint: string, method: string): Fault | undefined {
		const hit = faults.find(
			(f) => f.remaining > 0 && (f.fault.endpoint === undefined || f.fault.endpoint.toLowerCase() === endpoint) && (f.fault.method === undefined || f.fault.method.toUpperCase() === method),
		);
		if (!hit) return undefined;
		hit.remaining--;
		faults = faults.filter((f) => f.remaining > 0);
		return hit.fault;
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		if (RULES_ADMIN_PATH.test(url.pathname)) return await serveRulesAdmin(rules, req, res, url.pathname);
		const match = API_PATH.exec(url.pathname);
		const methodName = match ? decodeURIComponent(match[1]) : '';
		const rec: RecordedRequest = {
			method, path: url.pathname, endpoint: methodName.toLowerCase(), query: parseQuery(url.search), contentType: '',
			body: {}, rawBody: '', params: {}, files: [], headers: { ...req.headers }, status: 0, time: Date.now(),
		};
		requests.push(rec);

		const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
			rec.status = status;
			if (res.writableEnded || res.destroyed) return;
			const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
			res.writeHead(status, { ...headers, 'Content-Length': String(buf.length) });
			res.end(buf);
		};
		// Errors are plain text (docs/jitbit-api.md §3).
		const text = (status: number, msg: string, headers: Record<string, string> = {}) => send(status, msg, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });

		const raw = await readRaw(req);
		let parsed: ParsedBody;
		try {
			parsed = await parseBody(req, raw);
		} catch (e) {
			text(e instanceof ApiError ? e.status : 400, (e as Error).message);
			return;
		}
		rec.contentType = parsed.contentType;
		rec.body = parsed.body;
		rec.rawBody = parsed.rawBody;
		rec.files = parsed.files;
		const pathId: RawParams = match && match[2] ? { id: decodeURIComponent(match[2]) } : {};
		rec.params = mergeParams([parsed.body, pathId, rec.query]);

		// Faults first: they stand in for whatever is between the client and the API (proxies, IIS, the network).
		const fault = takeFault(rec.endpoint, method);
		if (fault) {
			switch (fault.kind) {
				case 'drop':
					req.socket.destroy();
					return;
				case '429':
					text(429, 'Rate limit exceeded', fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {});
					return;
				case '5xx':
					text(fault.status ?? 500, 'Internal Server Error');
					return;
				case 'status':
					text(fault.status ?? 500, `Injected status ${fault.status ?? 500}`);
					return;
				case 'html':
					send(200, LOGIN_PAGE_HTML, { 'Content-Type': 'text/html; charset=utf-8' });
					return;
				case 'empty':
					// 200 with nothing in it, as old Jitbit versions answer some failures (docs/jitbit-api.md §3).
					send(200, '', { 'Content-Type': 'application/json; charset=utf-8' });
					return;
				case 'slow':
					await delay(fault.delayMs ?? 1000);
					break;
			}
		}

		// IIS's request filtering refuses an oversized body with its own page, before Jitbit runs.
		if (variations.requestLimitBytes !== null && raw.length > variations.requestLimitBytes) {
			send(404, IIS_404_13_HTML, { 'Content-Type': 'text/html' });
			return;
		}

		const ip = req.socket.remoteAddress ?? 'unknown';
		const lock = lockouts.get(ip);
		if (lockout !== false && lock && lock.lockedUntil > Date.now()) {
			// The wording is the sandbox's: Jitbit's exact lockout answer is not documented (docs/jitbit-api.md §1).
			text(
				variations.lockoutStatus,
				`Too many failed login attempts: your IP address is locked out for ${Math.ceil(lockout.durationMs / 60000)} minute(s)`,
			);
			return;
		}

		if (!match) {
			// The web app, not the API: unknown pages redirect to the login page, which is HTML.
			if (LOGIN_PATH.test(url.pathname)) send(200, LOGIN_PAGE_HTML, { 'Content-Type': 'text/html; charset=utf-8' });
			else send(302, '', { Location: `/User/Login?ReturnUrl=${encodeURIComponent(url.pathname)}` });
			return;
		}
		const byVerb = routes.get(rec.endpoint);
		if (!byVerb) {
			text(404, unknownMethodMessage(methodName));
			return;
		}
		const route: Route | undefined = byVerb.get(method);
		if (!route) {
			// MVC answers 404 when no action accepts the verb.
			text(404, `The API method '${methodName}' does not accept ${method} (use ${[...byVerb.keys()].join(' or ')})`);
			return;
		}

		const auth = authenticate(db, req.headers.authorization);
		if (!('user' in auth)) {
			if (auth.badCredentials && lockout !== false) {
				const state = lockouts.get(ip) ?? { fails: 0, lockedUntil: 0 };
				state.fails++;
				if (state.fails >= lockout.attempts) {
					state.fails = 0;
					state.lockedUntil = Date.now() + lockout.durationMs;
				}
				lockouts.set(ip, state);
			}
			text(auth.status, auth.message);
			return;
		}
		const user = auth.user;
		lockouts.delete(ip);
		rec.user = user.username;
		user.lastSeen = db.nowIso();

		if (!limiter.take(user.username.toLowerCase(), rec.endpoint, rateLimit, Date.now())) {
			// No Retry-After: no source shows Jitbit sending one (docs/jitbit-api.md §4).
			text(429, 'Rate limit exceeded');
			return;
		}

		const isAdmin = user.isAdmin;
		const isTech = user.isTech || user.isAdmin;
		if ((route.role === 'admin' && !isAdmin) || (route.role === 'tech' && !isTech)) {
			text(403, `Permission denied: '${methodName}' requires ${route.role === 'admin' ? 'helpdesk administrator' : 'technician'} permissions`);
			return;
		}

		const ctx: Ctx = { db, baseUrl, viewer: user, variations, p: new Params(rec.params), files: parsed.files, method, isTech, isAdmin };
		let reply: Reply;
		try {
			reply = route.handle(ctx);
		} catch (e) {
			if (e instanceof ApiError) text(e.status, e.message);
			else text(500, `Sandbox error: ${(e as Error).message}`);
			return;
		}
		if (reply.type === 'json') {
			send(200, JSON.stringify(writeDates(reply.value, variations.dates)), { 'Content-Type': 'application/json; charset=utf-8' });
		}
		else if (reply.type === 'empty') send(200, '');
		else {
			const ascii = reply.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
			send(200, reply.data, {
				'Content-Type': reply.contentType,
				'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(reply.fileName)}`,
			});
		}
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((e) => {
			if (!res.headersSent && !res.destroyed) {
				res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
				res.end(`Sandbox error: ${(e as Error).message}`);
			}
		});
	});
	// IIS keeps idle connections for 120 s; Node's 5 s default makes keep-alive clients race a closing socket.
	server.keepAliveTimeout = 120_000;
	server.headersTimeout = 125_000;
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

	const demoUser = (key: keyof typeof DEMO_LOGINS): DemoUser => {
		const u = db.userByName(DEMO_LOGINS[key].username);
		return { userId: u?.userId ?? 0, username: DEMO_LOGINS[key].username, password: u?.password ?? DEMO_LOGINS[key].password, token: u?.token ?? '' };
	};

	return {
		url: baseUrl,
		requests,
		db,
		rules,
		get users() {
			return { admin: demoUser('admin'), tech: demoUser('tech'), customer: demoUser('customer') };
		},
		inject(fault: Fault) {
			faults.push({ fault, remaining: fault.times ?? 1 });
		},
		clearFaults() {
			faults = [];
		},
		setRateLimit(rl) {
			rateLimit = rl === undefined ? { ...DEFAULT_RATE_LIMIT } : rl;
			limiter.clear();
		},
		setLockout(lo) {
			lockout = lo === undefined ? { ...DEFAULT_LOCKOUT } : lo;
			lockouts.clear();
		},
		profile,
		get variations() {
			return { ...variations };
		},
		setVariations(changes) {
			variations = { ...variations, ...changes };
		},
		reset() {
			rules.clear();
			seed();
			db.setClock(null);
			requests.length = 0; // in place: callers may hold the array
			faults = [];
			limiter.clear();
			lockouts.clear();
			rateLimit = initialRate;
			lockout = initialLockout;
			variations = { ...initialVariations };
		},
		clearRequests() {
			requests.length = 0;
		},
		close() {
			rules.stopClock();
			return new Promise<void>((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			});
		},
	};
}
