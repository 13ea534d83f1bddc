import type { INodeProperties } from 'n8n-workflow';

import { hideInTool } from './tool';

export const rateLimitHandlingProperty: INodeProperties = {
	displayName: 'Rate Limit Handling',
	name: 'rateLimitHandling',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description:
		'The node paces itself under the limits set in the credential and waits when Jitbit still answers 429 (too many requests). A create is never sent twice.',
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20 },
			default: 6,
			description: 'How many times one call is retried after a 429, or after a server or network error on a read',
		},
		{
			displayName: 'Max Total Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 180,
			description: 'Longest time one call may spend waiting between retries before it fails with a clear error',
		},
	],
};

/**
 * Return All / Limit for a list operation; paging itself is the operation's `jitbitRouting({ paging })`.
 * In tool mode the Limit defaults to 10: every result goes into the model's context.
 */
export function returnAllOrLimit(): INodeProperties[] {
	const limit: INodeProperties = {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
		routing: { output: { maxResults: '={{ $value }}' } },
	};
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		hideInTool(limit),
		{
			...limit,
			default: 10,
			description: 'Max number of results to return. Each one goes into the AI agent’s context, so keep it small.',
			displayOptions: { show: { returnAll: [false], '@tool': [true] } },
		},
	];
}

/** Routing that sends a field as the named query parameter, optionally through a value expression. */
export const inQuery = (property: string, value?: string): INodeProperties['routing'] => ({
	send: { type: 'query', property, ...(value ? { value } : {}) },
});

/** Routing that sends a field as the named form field of a POST body. */
export const inBody = (property: string, value?: string): INodeProperties['routing'] => ({
	send: { type: 'body', property, ...(value ? { value } : {}) },
});

/** Sorts a collection's entries by display name, as n8n's UX guidelines ask. */
function byDisplayName(a: INodeProperties, b: INodeProperties): number {
	return a.displayName.localeCompare(b.displayName);
}

/** n8n's usual collections of optional parameters, their entries sorted by display name. */
function collection(displayName: string, name: string, placeholder: string) {
	return (options: INodeProperties[]): INodeProperties => ({
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		options: [...options].sort(byDisplayName),
	});
}

export const optionsCollection = collection('Options', 'options', 'Add Option');
export const additionalFieldsCollection = collection('Additional Fields', 'additionalFields', 'Add Field');
export const updateFieldsCollection = collection('Update Fields', 'updateFields', 'Add Field');
export const filtersCollection = collection('Filters', 'filters', 'Add Filter');
/** The fields of an operation that may create or update (Create or Update), none of them required. */
export const fieldsCollection = collection('Fields', 'fields', 'Add Field');
