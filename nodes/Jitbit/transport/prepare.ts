import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import type { JitbitContext } from './context';
import { CREDENTIAL_TYPE } from './context';
import { formEncode, isFormBody } from './encoding';
import type { RequestSummary } from './errors';
import { toNodeError } from './errors';
import { changesData } from './policy';
import { uploadSummary } from './uploads';
import { apiBaseUrl, webBaseUrl } from './urls';

/** One call as the transport sends it, whoever built it (a declarative operation or our code). */
export interface PreparedCall {
	/** What goes on the wire. */
	options: IHttpRequestOptions & { method: IHttpRequestMethods };
	/** What an error may say about the call: ids and names, never headers or body text. */
	summary: RequestSummary;
	credentials: ICredentialDataDecryptedObject;
	/** changesData(): decides both how the answer is read and whether the call may be repeated. */
	changesData: boolean;
}

function pickIds(body: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([key]) => /id$/i.test(key)));
}

/**
 * Everything every Jitbit call needs: the normalised API address, status codes returned rather
 * than thrown (the retry loop reads them; a 401 must never be re-sent by n8n-core), and the body
 * form-encoded, never in the URL (ticket bodies are long).
 */
export async function prepareCall(ctx: JitbitContext, options: IHttpRequestOptions, itemIndex?: number): Promise<PreparedCall> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const method = (options.method ?? 'GET').toUpperCase() as IHttpRequestMethods;
	const upload = uploadSummary(options.body, options.headers?.['Content-Type']);
	const summary: RequestSummary = {
		method,
		url: options.url,
		qs: { ...(options.qs ?? {}), ...(isFormBody(options.body) ? pickIds(options.body) : (upload?.ids ?? {})) },
		itemIndex,
		upload,
	};
	try {
		const prepared: PreparedCall['options'] = {
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
		} else if (isFormBody(options.body)) {
			prepared.body = formEncode(options.body);
			prepared.headers!['Content-Type'] = 'application/x-www-form-urlencoded';
		}
		summary.baseUrl = webBaseUrl(credentials.helpdeskUrl);
		return { options: prepared, summary, credentials, changesData: changesData(method, options.url) };
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, summary);
	}
}

/** The same call for one page of a list: its own query string, in the request and in errors (which keep the body's ids). */
export function withQuery(call: PreparedCall, qs: IDataObject): PreparedCall {
	return { ...call, options: { ...call.options, qs }, summary: { ...call.summary, qs: { ...call.summary.qs, ...qs } } };
}
