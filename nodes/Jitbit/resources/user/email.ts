import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { atItem } from '../../transport';

/**
 * The Email parameter, trimmed, or an error naming it: a lookup of something that is no address
 * can only answer "not found", and costs a call of the 60-a-minute UserByEmail budget.
 */
export function emailParameter(ctx: IExecuteSingleFunctions): string {
	const email = String(ctx.getNodeParameter('email', '') ?? '').trim();
	if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
		throw new NodeOperationError(ctx.getNode(), atItem(`'Email' must be an email address, got "${email}"`, ctx.getItemIndex()), {
			itemIndex: ctx.getItemIndex(),
			description: 'Enter the address as name@example.com, or map a field that holds one.',
		});
	}
	return email;
}

/** preSend: checks the Email parameter before any request is sent. */
export async function requireEmail(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	emailParameter(this);
	return requestOptions;
}
