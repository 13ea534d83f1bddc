import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Rejects a non-numeric or non-positive ID before any request is sent, naming the field, so a
 * typo costs no API call (and no rate-limit slot).
 */
export function requirePositiveIds(fields: Record<string, string>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		for (const [parameter, label] of Object.entries(fields)) {
			const raw = this.getNodeParameter(parameter, undefined, { extractValue: true });
			const text = String(raw ?? '').trim();
			if (!/^\d+$/.test(text) || Number(text) <= 0) {
				throw new NodeOperationError(this.getNode(), `${label} must be a positive whole number, got "${text}"`, {
					itemIndex: this.getItemIndex(),
					description: `Enter the numeric ${label}, pick it from the list, or map a field that holds it.`,
				});
			}
		}
		return requestOptions;
	};
}
