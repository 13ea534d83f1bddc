import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';

/** One item `{ [flag]: true, ...ids }`, the IDs read from the parameters (output key → parameter). */
function confirmation(flag: 'success' | 'deleted', ids: Record<string, string>, extra: IDataObject): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		const json: IDataObject = { [flag]: true };
		for (const [key, parameter] of Object.entries(ids)) {
			json[key] = Number(this.getNodeParameter(parameter, undefined, { extractValue: true }));
		}
		return [{ json: { ...json, ...extra } }];
	};
}

/**
 * postReceive for writes that Jitbit answers with an empty 200: says what was done, with the IDs
 * involved, so the next node can map them.
 */
export function confirm(ids: Record<string, string>, extra: IDataObject = {}): PostReceiveAction {
	return confirmation('success', ids, extra);
}

/** postReceive for deletes: `{ deleted: true }`, as n8n's UX guidelines ask, with the deleted item's ID. */
export function confirmDeleted(ids: Record<string, string>): PostReceiveAction {
	return confirmation('deleted', ids, {});
}
