import type { IExecuteSingleFunctions, IHttpRequestOptions, INode, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { atItem } from '../transport/errors';

/**
 * The ID as a number, or an error naming the field: a typo costs no API call (and no rate-limit
 * slot). `label` is the parameter's display name, quoted in the message unless it quotes it itself.
 */
export function positiveId(node: INode, label: string, raw: unknown, itemIndex?: number): number {
	const text = String(raw ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		const named = label.includes("'") ? label : `'${label}'`;
		throw new NodeOperationError(node, atItem(`${named} must be a positive whole number, got "${text}"`, itemIndex), {
			itemIndex,
			description: `Enter the numeric ${label}, pick it from the list, or map a field that holds it.`,
		});
	}
	return Number(text);
}

/** Checks the given ID parameters before any request is sent. */
export function requirePositiveIds(fields: Record<string, string>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		for (const [parameter, label] of Object.entries(fields)) {
			positiveId(this.getNode(), label, this.getNodeParameter(parameter, undefined, { extractValue: true }), this.getItemIndex());
		}
		return requestOptions;
	};
}
