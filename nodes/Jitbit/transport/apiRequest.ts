import type { IDataObject, IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';

import type { JitbitContext } from './context';
import { CREDENTIAL_TYPE } from './context';
import { withPolicy } from './policy';
import { prepareCall } from './prepare';
import type { JitbitBody } from './response';
import { readAnswer } from './response';

export interface JitbitRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject | Buffer | string;
	headers?: IDataObject;
	/** The item the call is made for, named in its errors. */
	itemIndex?: number;
}

/**
 * The one way our own code (trigger, pickers, an operation's extra calls) talks to Jitbit: the
 * same preparation, pacing, retries and errors as the declarative operations (declarative.ts).
 */
export async function jitbitApiRequest(ctx: JitbitContext, request: JitbitRequest): Promise<JitbitBody> {
	const { itemIndex, ...options } = request;
	const call = await prepareCall(ctx, options, itemIndex);
	return await withPolicy(ctx, call, async () => {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
			...call.options,
		})) as IN8nHttpFullResponse;
		return readAnswer(response, call);
	});
}
