/**
 * Request parameters the way ASP.NET MVC's model binder sees them (docs/jitbit-api.md §2):
 * names are case-insensitive, repeated keys become arrays, values come from the query string, a
 * form-urlencoded / multipart / JSON body, or the `{action}/{id}` path segment.
 */
import { badRequest } from './errors';

export type RawParams = Record<string, string | string[]>;

/** Adds a value under `key`, turning repeated keys into arrays (statusId=1&statusId=2). */
export function addValue(target: RawParams, key: string, value: string): void {
	const prev = target[key];
	if (prev === undefined) target[key] = value;
	else if (Array.isArray(prev)) prev.push(value);
	else target[key] = [prev, value];
}

/** Query string -> record, keeping the original key case. */
export function parseQuery(search: string): RawParams {
	const out: RawParams = {};
	for (const [k, v] of new URLSearchParams(search)) addValue(out, k, v);
	return out;
}

/**
 * JSON body -> flat record. Top-level primitives become strings, arrays of primitives become repeated
 * values, nested objects (e.g. `customFields` in a JSON create-ticket body, docs/jitbit-api.md §7) become a JSON string,
 * which is what a form post would have carried.
 */
export function flattenJson(value: unknown): RawParams {
	const out: RawParams = {};
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
		if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) {
			out[k] = v.map((x) => (x === null ? '' : String(x)));
		} else if (v !== null && typeof v === 'object') {
			out[k] = JSON.stringify(v);
		} else {
			out[k] = v === null || v === undefined ? '' : String(v);
		}
	}
	return out;
}

/**
 * Merges the sources into one record with lower-cased keys. Like MVC's value providers, the first source
 * that has a name wins (body, then route id, then query string); within one source, keys differing only by
 * case are combined.
 */
export function mergeParams(sources: RawParams[]): RawParams {
	const out: RawParams = {};
	const taken = new Set<string>();
	for (const src of sources) {
		const here: RawParams = {};
		for (const [k, v] of Object.entries(src)) {
			const lk = k.toLowerCase();
			if (taken.has(lk)) continue;
			for (const one of Array.isArray(v) ? v : [v]) addValue(here, lk, one);
		}
		for (const [k, v] of Object.entries(here)) {
			out[k] = v;
			taken.add(k);
		}
	}
	return out;
}

const INT_RE = /^[+-]?\d+$/;

/** Typed, case-insensitive access to the merged parameters; malformed values answer 400 naming the parameter. */
export class Params {
	constructor(readonly all: RawParams) {}

	/** All values given for a name (repeated keys), empty strings included. */
	values(name: string): string[] {
		const v = this.all[name.toLowerCase()];
		return v === undefined ? [] : Array.isArray(v) ? v : [v];
	}

	/** First value, trimmed; undefined when absent or empty (MVC binds "" to null for nullable types). */
	str(name: string): string | undefined {
		const v = this.values(name)[0];
		return v === undefined || v.trim() === '' ? undefined : v;
	}

	/** True when the parameter was sent at all, even empty (used where "" means "clear"). */
	sent(name: string): boolean {
		return this.values(name).length > 0;
	}

	reqStr(name: string): string {
		const v = this.str(name);
		if (v === undefined) throw badRequest(`Parameter '${name}' is required`);
		return v;
	}

	int(name: string): number | undefined {
		const v = this.str(name);
		if (v === undefined) return undefined;
		if (!INT_RE.test(v.trim())) throw badRequest(`Parameter '${name}' must be an integer, got '${v}'`);
		return Number(v.trim());
	}

	reqInt(name: string): number {
		const v = this.int(name);
		if (v === undefined) throw badRequest(`Parameter '${name}' is required`);
		return v;
	}

	/** Repeated integer keys (categoryId=1&categoryId=2). Comma lists are NOT split: MVC's int[] binder does not. */
	ints(name: string): number[] {
		return this.values(name)
			.filter((v) => v.trim() !== '')
			.map((v) => {
				if (!INT_RE.test(v.trim())) throw badRequest(`Parameter '${name}' must be an integer, got '${v}'`);
				return Number(v.trim());
			});
	}

	/** Integer list accepted either repeated or comma-joined (one client joins recipientIds with ','). */
	intList(name: string): number[] {
		const parts = this.values(name).flatMap((v) => v.split(','));
		return parts
			.filter((v) => v.trim() !== '')
			.map((v) => {
				if (!INT_RE.test(v.trim())) throw badRequest(`Parameter '${name}' must be a list of integers, got '${v}'`);
				return Number(v.trim());
			});
	}

	/** 'true'/'false' in any case (MVC's bool binder); anything else is a 400. */
	bool(name: string): boolean | undefined {
		const v = this.str(name);
		if (v === undefined) return undefined;
		const l = v.trim().toLowerCase();
		if (l === 'true') return true;
		if (l === 'false') return false;
		throw badRequest(`Parameter '${name}' must be 'true' or 'false', got '${v}'`);
	}

	/** A .NET DateTime: anything Date can parse (ISO 8601, YYYY-MM-DD). Returns a Date. */
	date(name: string): Date | undefined {
		const v = this.str(name);
		if (v === undefined) return undefined;
		const d = parseDate(v);
		if (!d) throw badRequest(`Parameter '${name}' is not a valid date: '${v}'`);
		return d;
	}

	/** Names (lower-cased) present in the request, for prefix scans like SetCustomFields' cf<ID>. */
	names(): string[] {
		return Object.keys(this.all);
	}
}

/** Parses a date sent by a client. A bare YYYY-MM-DD is taken as UTC midnight. */
export function parseDate(v: string): Date | undefined {
	const s = v.trim();
	const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : new Date(s);
	return Number.isNaN(d.getTime()) ? undefined : d;
}
