import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties, PostReceiveAction } from 'n8n-workflow';

import { hideInTool } from './tool';

/** The Simplify switch of an operation whose output a `simplifyOutput(...)` action trims, in n8n's standard words (tool mode: Output). */
export function simplifyField(): INodeProperties {
	return hideInTool({
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	});
}

/** Whether to simplify: the Simplify switch on the canvas, the Output choice in tool mode. */
export function simplifies(ctx: IExecuteSingleFunctions): boolean {
	const output = ctx.getNodeParameter('output', '') as string;
	return output ? output !== 'raw' : (ctx.getNodeParameter('simplify', true) as boolean);
}

/** A postReceive action that applies `simplify` to every item when the Simplify switch is on. */
export function simplifyOutput(simplify: (raw: IDataObject) => IDataObject): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		if (!simplifies(this)) return items;
		return items.map((item) => ({ ...item, json: simplify(item.json) }));
	};
}

/** An ISO date and time without a zone (`2026-03-10T12:00:00`, `2026-03-10 12:00:00.1234567`). */
const UNZONED = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * Jitbit dates as UTC ISO strings, from every form installs send (docs/jitbit-api.md §6): ISO
 * with `Z` or an offset, ISO without a zone (read as UTC, never as the n8n host's local time),
 * and the older `/Date(1700000000000)/` (with or without an offset suffix). Anything unreadable
 * is returned unchanged.
 */
export function isoDate(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	const text = String(value).trim();
	const legacy = /^\/Date\((-?\d+)[^)]*\)\/$/.exec(text);
	const unzoned = UNZONED.exec(text);
	const date = legacy
		? new Date(Number(legacy[1]))
		: new Date(unzoned ? `${unzoned[1]}T${unzoned[2]}Z` : text);
	return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}
