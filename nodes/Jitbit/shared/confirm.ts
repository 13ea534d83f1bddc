import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';

/**
 * postReceive for writes that Jitbit answers with an empty 200: says what was done, with the IDs
 * involved (named by output key → parameter), so the next node can map them.
 */
export function confirm(ids: Record<string, string>, extra: IDataObject = {}): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		const json: IDataObject = { success: true };
		for (const [key, parameter] of Object.entries(ids)) {
			json[key] = Number(this.getNodeParameter(parameter, undefined, { extractValue: true }));
		}
		return [{ json: { ...json, ...extra } }];
	};
}
