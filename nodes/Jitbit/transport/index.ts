import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { fingerprint } from '../shared/fingerprint';
import type { RequestSummary } from './errors';
import { JitbitHttpError, networkCode, RateLimitExhaustedError, toNodeError } from './errors';
import type { JitbitBody } from './response';
import { bodyText, parseBody } from './response';
import type { Bucket, RetryPolicy } from './throttle';
import { backoffDelay, DEFAULT_RETRY_POLICY, pace, report } from './throttle';
import { apiBaseUrl } from './urls';

export { apiBaseUrl, webBaseUrl } from './urls';

export const CREDENTIAL_TYPE = 'jitbitApi';

type JitbitContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions;

// Jitbit applies a second, lower limit to these two methods.
const RESTRICTED_METHODS = new Set(['search', 'userbyemail']);

function endpointOf(url: string): string {
	return url.replace(/^\/+/, '').split(/[/?]/)[0].toLowerCase();
}

function numberOr(value: unknown, fallback: number): number {
	const n = Number(value);
	return value === undefined || value === '' || Number.isNaN(n) ? fallback : n;
}

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

function retryPolicyOf(ctx: JitbitContext): RetryPolicy {
	let options: IDataObject = {};
	try {
		options = (ctx.getNodeParameter('rateLimitHandling', 0, {}) as IDataObject) ?? {};
	} catch {
		// contexts without node parameters (credential tests, some list searches) use the defaults
	}
	return {
		maxRetries: numberOr(options.maxRetries, DEFAULT_RETRY_POLICY.maxRetries),
		maxWaitMs: numberOr(options.maxWaitSeconds, DEFAULT_RETRY_POLICY.maxWaitMs / 1000) * 1000,
	};
}

const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN']);

/**
 * How long to wait before trying again, or undefined when the call must not be repeated.
 * 429 means Jitbit did not process the call, so every method is retried. Server errors and
 * network failures are retried for reads only: a create may have landed before the failure.
 */
function retryDelay(error: unknown, idempotent: boolean, retries: number): number | undefined {
	if (error instanceof JitbitHttpError && error.kind === 'status') {
		if (error.status === 429) return backoffDelay(retries, error.headers['retry-after']);
		if (idempotent && [500, 502, 503, 504].includes(error.status)) {
			return backoffDelay(retries, error.headers['retry-after']);
		}
		return undefined;
	}
	const code = networkCode(error);
	return idempotent && code && RETRYABLE_NETWORK.has(code) ? backoffDelay(retries, undefined) : undefined;
}

/** Pacing, bounded retries and error mapping around one logical call. */
async function withPolicy<T>(
	ctx: JitbitContext,
	credentials: ICredentialDataDecryptedObject,
	req: RequestSummary,
	attempt: () => Promise<T>,
): Promise<T> {
	const policy = retryPolicyOf(ctx);
	const idempotent = ['GET', 'HEAD'].includes(req.method);
	let retries = 0;
	let waitedMs = 0;
	for (;;) {
		const departure = await pace(bucketsFor(credentials, req.url));
		try {
			const result = await attempt();
			report(departure, 200);
			return result;
		} catch (error) {
			const answered = error instanceof JitbitHttpError;
			report(departure, answered ? error.status : undefined, answered ? error.headers['retry-after'] : undefined);
			const delay = retryDelay(error, idempotent, retries);
			if (delay === undefined) throw toNodeError(ctx.getNode(), error, req);
			if (retries >= policy.maxRetries || waitedMs + delay > policy.maxWaitMs) {
				const rateLimited = error instanceof JitbitHttpError && error.status === 429;
				throw toNodeError(ctx.getNode(), rateLimited ? new RateLimitExhaustedError(retries, waitedMs) : error, req);
			}
			retries++;
			waitedMs += delay;
			await sleep(delay);
		}
	}
}

/** Repeated keys for arrays, JSON for objects: what Jitbit's ASP.NET model binder reads. */
function formEncode(body: IDataObject): string {
	const form = new URLSearchParams();
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === null) continue;
		for (const entry of Array.isArray(value) ? value : [value]) {
			form.append(key, typeof entry === 'object' ? JSON.stringify(entry) : String(entry));
		}
	}
	return form.toString();
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Buffer.isBuffer(value) && !Array.isArray(value);
}

/** Everything every Jitbit call needs, whoever built the request. */
function prepareRequest(options: IHttpRequestOptions, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const method = (options.method ?? 'GET').toUpperCase() as IHttpRequestMethods;
	const prepared: IHttpRequestOptions = {
		...options,
		method,
		baseURL: apiBaseUrl(credentials.helpdeskUrl),
		arrayFormat: 'repeat',
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		headers: { ...(options.headers ?? {}) },
	};
	if (method === 'GET') {
		delete prepared.body;
	} else if (isPlainObject(options.body)) {
		// Long text (ticket bodies) belongs in the body, form-encoded, never in the URL.
		prepared.body = formEncode(options.body);
		prepared.headers!['Content-Type'] = 'application/x-www-form-urlencoded';
	}
	return prepared;
}

function prepareOrFail(
	ctx: JitbitContext,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	summary: RequestSummary,
): IHttpRequestOptions {
	try {
		return prepareRequest(options, credentials);
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, summary);
	}
}

function summarize(options: IHttpRequestOptions, itemIndex?: number): RequestSummary {
	return {
		method: (options.method ?? 'GET').toUpperCase(),
		url: options.url,
		qs: { ...(options.qs ?? {}), ...(isPlainObject(options.body) ? pickIds(options.body) : {}) },
		itemIndex,
		baseUrl: options.baseURL?.replace(/\/api$/, ''),
	};
}

function pickIds(body: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([key]) => /id$/i.test(key)));
}

// Jitbit methods that change something although called with GET; they answer with nothing.
const GET_WRITES = new Set(['close', 'deletefile', 'enablerule', 'disablerule']);

/** A 2xx answer, parsed; anything else becomes a JitbitHttpError for the retry loop. */
function readAnswer(response: IN8nHttpFullResponse, method: string, url: string): JitbitBody {
	const headers = (response.headers ?? {}) as IDataObject;
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw new JitbitHttpError(response.statusCode, bodyText(response.body), headers);
	}
	const isRead = method === 'GET' && !GET_WRITES.has(endpointOf(url));
	return parseBody(response.statusCode, response.body, isRead, headers);
}

export interface JitbitRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject | Buffer | string;
	headers?: IDataObject;
	itemIndex?: number;
	/** 'arraybuffer' for file downloads. */
	encoding?: IHttpRequestOptions['encoding'];
}

/** The one way programmatic code (trigger, list searches, load options) talks to Jitbit. */
export async function jitbitApiRequest(ctx: JitbitContext, request: JitbitRequest): Promise<JitbitBody> {
	return (await jitbitApiRequestFull(ctx, request)).body;
}

/** Like jitbitApiRequest, also returning the response headers (file name and type of a download). */
export async function jitbitApiRequestFull(
	ctx: JitbitContext,
	request: JitbitRequest,
): Promise<{ body: JitbitBody; headers: IDataObject }> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const { itemIndex, ...options } = request;
	const summary = summarize(options as IHttpRequestOptions, itemIndex);
	const prepared = prepareOrFail(ctx, options as IHttpRequestOptions, credentials, summary);
	summary.baseUrl = prepared.baseURL?.replace(/\/api$/, '');
	return await withPolicy(ctx, credentials, summary, async () => {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			{ ...prepared },
		)) as IN8nHttpFullResponse;
		return { body: readAnswer(response, prepared.method!, prepared.url), headers: (response.headers ?? {}) as IDataObject };
	});
}

function toItems(body: JitbitBody): INodeExecutionData[] {
	if (Buffer.isBuffer(body)) return [{ json: {} }];
	return (Array.isArray(body) ? body : [body]).map((json) => ({ json }));
}

/**
 * The declarative node's transport. n8n calls the node's `requestOperations.pagination` for every
 * request once a property sets `paginate`, which the hidden `jitbitPipeline` property always does;
 * this function then sends the routed request through the same policy as jitbitApiRequest.
 */
export async function sendThroughPipeline(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const send = await pipelineSender(this, requestData);
	return await send(requestData.options.qs ?? {});
}

/**
 * Prepares a routed request once and returns a sender for it (one call per page). The status
 * check is prepended to the request's postReceive actions, so a 429 or 404 never reaches an
 * operation's own output processing, and each attempt is checked before it counts.
 */
async function pipelineSender(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<(qs: IDataObject) => Promise<INodeExecutionData[]>> {
	const options = requestData.options as IHttpRequestOptions;
	const method = (options.method ?? 'GET').toUpperCase();
	const itemIndex = ctx.getItemIndex();
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const prepared = prepareOrFail(ctx, options, credentials, summarize(options, itemIndex));
	requestData.postReceive.unshift({
		data: { parameterValue: undefined },
		actions: [async (_items, response) => toItems(readAnswer(response, method, options.url))],
	});
	return async (qs) => {
		const summary = { ...summarize({ ...options, qs }, itemIndex), baseUrl: prepared.baseURL?.replace(/\/api$/, '') };
		return await withPolicy(ctx, credentials, summary, async () => {
			// makeRoutingRequest sends requestData.options and runs requestData.postReceive.
			requestData.options = { ...prepared, qs };
			return await ctx.makeRoutingRequest(requestData);
		});
	};
}

export interface PagingStyle {
	/** 'offset': `count` + 0-based `offset` (Tickets, Search). 'page': 1-based `page` (Users, Assets). */
	style: 'offset' | 'page';
	pageSize: number;
	/** Whether Jitbit takes the page size as `count` (Users does, Assets has a fixed size). */
	sendCount?: boolean;
}

/**
 * Return All / Limit over Jitbit's list calls, each page through the pipeline. Use as an
 * operation's `routing.operations.pagination`; the Limit property sets `routing.output.maxResults`.
 */
export function paginate({ style, pageSize, sendCount = true }: PagingStyle) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const send = await pipelineSender(this, requestData);
		const baseQs = requestData.options.qs ?? {};
		const max = requestData.maxResults ? Number(requestData.maxResults) : Infinity;
		const results: INodeExecutionData[] = [];
		for (let page = 0; results.length < max; page++) {
			const count = style === 'offset' ? Math.min(pageSize, max - results.length) : pageSize;
			const paging: IDataObject =
				style === 'offset' ? { count, offset: results.length } : { page: page + 1, ...(sendCount ? { count } : {}) };
			const items = await send({ ...baseQs, ...paging });
			results.push(...items);
			if (items.length < count) break;
		}
		return results.slice(0, max);
	};
}
