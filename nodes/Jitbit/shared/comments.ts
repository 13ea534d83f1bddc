import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { isoDate } from './simplify';

function dateMs(value: unknown): number {
	const iso = isoDate(value);
	const ms = iso === null ? NaN : Date.parse(iso);
	return Number.isNaN(ms) ? -Infinity : ms;
}

/**
 * Oldest first: by CommentDate, then by CommentID. Installs differ in the order they list a
 * ticket's comments in (docs/jitbit-api.md §10), so wherever the node promises an order it sorts.
 */
export function commentOrder(a: IDataObject, b: IDataObject): number {
	return dateMs(a.CommentDate) - dateMs(b.CommentDate) || (Number(a.CommentID) || 0) - (Number(b.CommentID) || 0);
}

/** A copy of the comments, oldest first. */
export function oldestCommentsFirst(comments: IDataObject[]): IDataObject[] {
	return [...comments].sort(commentOrder);
}

/** postReceive of a comment list: the items oldest first. */
export async function sortCommentItems(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return [...items].sort((a, b) => commentOrder(a.json, b.json));
}
