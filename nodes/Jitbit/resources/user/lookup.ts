import type { IDataObject, IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { jitbitApiRequest } from '../../transport';

/** The user with this email, or undefined: UserByEmail answers 404 when there is none. */
export async function findUserByEmail(
	ctx: IExecuteSingleFunctions | ILoadOptionsFunctions,
	email: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	try {
		return (await jitbitApiRequest(ctx, { method: 'GET', url: '/UserByEmail', qs: { email }, itemIndex })) as IDataObject;
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
		throw error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
}
