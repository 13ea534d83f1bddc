/** The sandbox's public types (re-exported by index.ts). Other code is written against these names. */
import type { SandboxDb } from './db';
import type { ProfileName, Variations } from './profiles';
import type { RulesEngine } from './rules';

export interface SandboxOptions {
	/** Default 0: a random free port. */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	/**
	 * Default {limit: 90, searchLimit: 60, windowMs: 60000} (docs/jitbit-api.md §4); false disables.
	 * `countRejected`: a call answered 429 still counts against the window, as a server may do
	 * (Jitbit does not say); default false.
	 */
	rateLimit?: { limit: number; searchLimit: number; windowMs: number; countRejected?: boolean } | false;
	/** Default {attempts: 3, durationMs: 300000} (docs/jitbit-api.md §1: 3 bad logins lock the IP for 5 minutes). */
	lockout?: { attempts: number; durationMs: number } | false;
	/** Default 'demo'. */
	seed?: 'demo' | 'empty';
	/** Which Jitbit install to play (profiles.ts); default 'default'. */
	profile?: ProfileName;
	/** Single variations on top of the profile's. */
	variations?: Partial<Variations>;
}

export interface RecordedFile {
	field: string;
	filename: string;
	contentType: string;
	data: Buffer;
}

export interface RecordedRequest {
	method: string;
	/** As received, without the query string, e.g. '/helpdesk/api/Ticket'. */
	path: string;
	/** Lower-cased API method name, e.g. 'ticket', 'updateticket', 'article' (for /api/Article/5). */
	endpoint: string;
	/** Query string as received (original key case). */
	query: Record<string, string | string[]>;
	/** Request content-type without parameters ('' if none). */
	contentType: string;
	/** Body fields as received (form, multipart fields or flattened JSON), original key case. */
	body: Record<string, string | string[]>;
	rawBody: string;
	/** Merged query + body + path id, keys lower-cased (what the handler used). */
	params: Record<string, string | string[]>;
	files: RecordedFile[];
	headers: Record<string, string | string[] | undefined>;
	/** Status the sandbox answered (0 for a dropped connection or while still in progress). */
	status: number;
	/** Username that authenticated, if any. */
	user?: string;
	/** Date.now() on receipt. */
	time: number;
}

export interface Fault {
	kind: '429' | '5xx' | 'html' | 'slow' | 'drop' | 'empty' | 'status';
	/** Lower-case API method name to match (e.g. 'ticket'); omit = any. */
	endpoint?: string;
	/** Optional HTTP method filter. */
	method?: string;
	/** How many matching requests it applies to; default 1; Infinity allowed. */
	times?: number;
	/** For '5xx' (default 500) and 'status' (any code, plain-text body). */
	status?: number;
	/** Seconds, for '429' (sets Retry-After); omit = no header. */
	retryAfter?: number;
	/** For 'slow': delay before handling normally. */
	delayMs?: number;
}

export interface DemoUser {
	userId: number;
	username: string;
	password: string;
	token: string;
}

export interface Sandbox {
	/** Helpdesk base URL a user would type, e.g. 'http://127.0.0.1:PORT' (API at url + '/api/...'; also '/helpdesk/api/...'). */
	url: string;
	/** Every request received, in order. */
	requests: RecordedRequest[];
	/** The live data store. */
	db: SandboxDb;
	/** Automation rules that send HTTP requests on ticket changes (rules.ts). */
	rules: RulesEngine;
	/** Demo logins, read live from db (a password change shows its new token here too). */
	users: { admin: DemoUser; tech: DemoUser; customer: DemoUser };
	inject(fault: Fault): void;
	clearFaults(): void;
	setRateLimit(rl: SandboxOptions['rateLimit']): void;
	setLockout(lo: SandboxOptions['lockout']): void;
	/** The profile the sandbox was started with. */
	readonly profile: ProfileName;
	/** The variations in force (the profile's, plus any set since). */
	readonly variations: Variations;
	/** Changes single variations until the next reset. */
	setVariations(changes: Partial<Variations>): void;
	/** Re-seed, clear requests, faults, rate-limit counters and lockouts, restore the real clock, the start settings and variations. */
	reset(): void;
	clearRequests(): void;
	close(): Promise<void>;
}
