import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { fingerprint } from '../shared/fingerprint';
import type { JitbitContext } from './context';
import { runsAllItems } from './context';
import { JitbitHttpError, networkCode, RateLimitExhaustedError, toNodeError } from './errors';
import type { PreparedCall } from './prepare';
import type { Bucket } from './throttle';
import { pace, parseRetryAfter, report } from './throttle';
import { apiBaseUrl, endpointOf } from './urls';

/**
 * What happens around each call: which rate-limit buckets it is paced in (throttle.ts does the
 * pacing), whether and when it is tried again, and the retry loop itself.
 */

// Jitbit applies a second, lower limit to these two methods.
const RESTRICTED_METHODS = new Set(['search', 'userbyemail']);

function numberOr(value: unknown, fallback: number): number {
	const n = Number(value);
	return value === undefined || value === '' || Number.isNaN(n) ? fallback : n;
}

/** One bucket per helpdesk and login, plus the search bucket for the restricted methods. */
function bucketsFor(credentials: ICredentialDataDecryptedObject, url: string): Bucket[] {
	const who =
		credentials.authType === 'basic'
			? `basic:${String(credentials.username).toLowerCase()}`
			: `token:${fingerprint(String(credentials.token))}`;
	const key = `${apiBaseUrl(credentials.helpdeskUrl).toLowerCase()}|${who}`;
	const windowMs = numberOr(credentials.rateLimitWindow, 60) * 1000;
	const buckets = [{ key, limit: numberOr(credentials.rateLimit, 90), windowMs }];
	if (RESTRICTED_METHODS.has(endpointOf(url))) {
		buckets.push({ key: `${key}|search`, limit: numberOr(credentials.searchRateLimit, 60), windowMs });
	}
	return buckets;
}

// Jitbit methods that change something although called with GET.
const GET_WRITES = new Set(['deletefile']);

/**
 * Whether a call changes data in Jitbit: the one rule for what may be sent again after a failure
 * and for which answers must carry data (a read answered with nothing is an error).
 */
export function changesData(method: string, url: string): boolean {
	return !['GET', 'HEAD'].includes(method) || GET_WRITES.has(endpointOf(url));
}

interface RetryPolicy {
	maxRetries: number;
	maxWaitMs: number;
}

const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 6, maxWaitMs: 180_000 };

/** The node's Rate Limit Handling option (see JitbitContext for the parameter's fallback). */
function retryPolicyOf(ctx: JitbitContext, itemIndex = 0): RetryPolicy {
	const read = runsAllItems(ctx)
		? ctx.getNodeParameter('rateLimitHandling', itemIndex, {})
		: ctx.getNodeParameter('rateLimitHandling', {});
	const options = (read as IDataObject | undefined) ?? {};
	return {
		maxRetries: numberOr(options.maxRetries, DEFAULT_RETRY_POLICY.maxRetries),
		maxWaitMs: numberOr(options.maxWaitSeconds, DEFAULT_RETRY_POLICY.maxWaitMs / 1000) * 1000,
	};
}

/** Retry-After when Jitbit sends one, else exponential backoff (1 s, 2 s, 4 s … ≤ 60 s) with jitter. */
function backoffDelay(retry: number, retryAfter: unknown): number {
	const asked = parseRetryAfter(retryAfter);
	if (asked !== undefined) return asked;
	const ceiling = Math.min(60_000, 1000 * 2 ** retry);
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN']);

/**
 * How long to wait before trying again, or undefined when the call must not be repeated.
 * 429 means Jitbit did not process the call, so every call is retried. Server errors and
 * network failures are retried only for calls that change nothing: a write may have landed.
 */
function retryDelay(error: unknown, repeatable: boolean, retries: number): number | undefined {
	if (error instanceof JitbitHttpError && error.kind === 'status') {
		if (error.status === 429) return backoffDelay(retries, error.headers['retry-after']);
		if (repeatable && [500, 502, 503, 504].includes(error.status)) {
			return backoffDelay(retries, error.headers['retry-after']);
		}
		return undefined;
	}
	const code = networkCode(error);
	return repeatable && code && RETRYABLE_NETWORK.has(code) ? backoffDelay(retries, undefined) : undefined;
}

/** Pacing, bounded retries and error mapping around one logical call. */
export async function withPolicy<T>(ctx: JitbitContext, call: PreparedCall, attempt: () => Promise<T>): Promise<T> {
	const policy = retryPolicyOf(ctx, call.summary.itemIndex);
	const buckets = bucketsFor(call.credentials, call.options.url);
	let retries = 0;
	let waitedMs = 0;
	for (;;) {
		const queuedAt = Date.now();
		const departure = await pace(buckets, retries > 0);
		// Time a retry spent waiting for room counts against Max Total Wait, as a backoff does.
		if (retries > 0) waitedMs += departure.sentAt - queuedAt;
		try {
			const result = await attempt();
			report(departure, 200);
			return result;
		} catch (error) {
			const answered = error instanceof JitbitHttpError;
			const retryAfter = answered ? error.headers['retry-after'] : undefined;
			const paced = report(departure, answered ? error.status : undefined, retryAfter);
			// A 429 the pacer learnt from: it holds the retry until its share has room, so no backoff;
			// a Retry-After is still waited here, where Max Total Wait can refuse it before waiting.
			const delay = paced ? (parseRetryAfter(retryAfter) ?? 0) : retryDelay(error, !call.changesData, retries);
			if (delay === undefined) throw toNodeError(ctx.getNode(), error, call.summary);
			if (retries >= policy.maxRetries || waitedMs + delay > policy.maxWaitMs) {
				const rateLimited = error instanceof JitbitHttpError && error.status === 429;
				throw toNodeError(ctx.getNode(), rateLimited ? new RateLimitExhaustedError(retries, waitedMs) : error, call.summary);
			}
			retries++;
			waitedMs += delay;
			await sleep(delay);
		}
	}
}
