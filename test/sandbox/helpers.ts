/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any -- does not ship (README, Development: Lint) */
/** Raw-HTTP helpers for the sandbox's own tests: every call goes over real HTTP with axios. */
import axios, { AxiosRequestConfig } from 'axios';
import { Sandbox, SandboxOptions, startSandbox } from '../../sandbox';

export type As = 'admin' | 'tech' | 'customer' | { basic: [string, string] } | { bearer: string } | { header: string } | null;
type Value = string | number | boolean | Array<string | number | boolean>;

export interface CallOptions {
	method?: 'GET' | 'POST' | 'DELETE' | 'PUT';
	as?: As;
	/** Query parameters; arrays become repeated keys. */
	query?: Record<string, Value>;
	/** application/x-www-form-urlencoded body; arrays become repeated keys. */
	form?: Record<string, Value>;
	json?: unknown;
	multipart?: FormData;
	/** A raw body with its content type, e.g. malformed JSON. */
	raw?: { body: string; contentType: string };
	headers?: Record<string, string>;
}

export interface CallResult {
	status: number;
	headers: Record<string, string>;
	contentType: string;
	text: string;
	bytes: Buffer;
	/** Parsed JSON when the response is JSON with a body, else undefined. */
	data: any;
}

export function encode(values: Record<string, Value>): string {
	const sp = new URLSearchParams();
	for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) sp.append(k, String(one));
	return sp.toString();
}

export function authHeader(sb: Sandbox, as: As): Record<string, string> {
	if (as === null) return {};
	if (typeof as === 'string') return { Authorization: `Bearer ${sb.users[as].token}` };
	if ('basic' in as) return { Authorization: `Basic ${Buffer.from(`${as.basic[0]}:${as.basic[1]}`).toString('base64')}` };
	if ('bearer' in as) return { Authorization: `Bearer ${as.bearer}` };
	return { Authorization: as.header };
}

/** One raw call. `path` is relative to the helpdesk URL, e.g. '/api/Tickets'. Never throws on HTTP status. */
export async function call(sb: Sandbox, path: string, opts: CallOptions = {}): Promise<CallResult> {
	const method = opts.method ?? (opts.form || opts.json !== undefined || opts.multipart || opts.raw ? 'POST' : 'GET');
	const headers: Record<string, string> = { ...authHeader(sb, opts.as === undefined ? 'admin' : opts.as), ...opts.headers };
	let data: unknown;
	if (opts.form) {
		data = encode(opts.form);
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
	} else if (opts.json !== undefined) {
		data = JSON.stringify(opts.json);
		headers['Content-Type'] = 'application/json';
	} else if (opts.multipart) {
		data = opts.multipart;
	} else if (opts.raw) {
		data = opts.raw.body;
		headers['Content-Type'] = opts.raw.contentType;
	}
	const qs = opts.query ? `${path.includes('?') ? '&' : '?'}${encode(opts.query)}` : '';
	const config: AxiosRequestConfig = {
		method, url: sb.url + path + qs, headers, data, responseType: 'arraybuffer', validateStatus: () => true,
		transformResponse: (x) => x, maxRedirects: 0, proxy: false,
	};
	// Send raw bodies byte for byte (axios would re-encode an unparseable "JSON" string as a JSON string literal).
	if (opts.raw) config.transformRequest = [(x) => x];
	const res = await axios.request(config);
	const bytes = Buffer.from(res.data as ArrayBuffer);
	const text = bytes.toString('utf8');
	const contentType = String(res.headers['content-type'] ?? '');
	const hdrs: Record<string, string> = {};
	for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) hdrs[k.toLowerCase()] = String(v);
	return { status: res.status, headers: hdrs, contentType, text, bytes, data: contentType.startsWith('application/json') && text ? JSON.parse(text) : undefined };
}

/** Starts a sandbox for a test file: fresh demo data before each test, limits off unless a test enables them. */
export function useSandbox(options: SandboxOptions = { rateLimit: false, lockout: false }) {
	const ctx = {} as { sb: Sandbox };
	beforeAll(async () => {
		ctx.sb = await startSandbox(options);
	});
	beforeEach(() => ctx.sb.reset());
	afterAll(async () => {
		await ctx.sb.close();
	});
	return ctx;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
