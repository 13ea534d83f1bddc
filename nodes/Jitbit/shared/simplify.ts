import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties, PostReceiveAction } from 'n8n-workflow';

/** The Simplify switch of an operation whose output a `simplifyOutput(...)` action trims, in n8n's standard words. */
export function simplifyField(): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	};
}

/** A postReceive action that applies `simplify` to every item when the Simplify switch is on. */
export function simplifyOutput(simplify: (raw: IDataObject) => IDataObject): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		if (!this.getNodeParameter('simplify', true)) return items;
		return items.map((item) => ({ ...item, json: simplify(item.json) }));
	};
}

/** Jitbit dates as ISO strings: accepts ISO already, and the older `/Date(1700000000000)/` form. */
export function isoDate(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	const legacy = /\/Date\((-?\d+)[^)]*\)\//.exec(String(value));
	const date = legacy ? new Date(Number(legacy[1])) : new Date(String(value));
	return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}
