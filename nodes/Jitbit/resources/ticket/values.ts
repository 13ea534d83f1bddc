import type { INodePropertyOptions } from 'n8n-workflow';

/** Jitbit's fixed priorities; there is no reliable lookup call, and none is needed. */
export const PRIORITIES: INodePropertyOptions[] = [
	{ name: 'Low', value: -1 },
	{ name: 'Normal', value: 0 },
	{ name: 'High', value: 1 },
	{ name: 'Critical', value: 2 },
];

/**
 * The built-in statuses. `GET Statuses` is missing on most instances, so they are written here;
 * custom statuses are entered by ID through an expression.
 */
export const STATUSES: INodePropertyOptions[] = [
	{ name: 'New', value: 1 },
	{ name: 'In Process', value: 2 },
	{ name: 'Closed', value: 3 },
];

/** "High" for priority 1; null for a priority Jitbit does not define. */
export function priorityName(priority: number | null): string | null {
	return PRIORITIES.find((option) => option.value === priority)?.name ?? null;
}
