import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/locators';

/** A user picked from the list (searchable by name or email) or given by ID, sent as `property`. */
export function userLocator(
	show: Record<string, string[]>,
	options: { name?: string; displayName?: string; description: string; property?: string; in?: 'body' | 'query' },
): INodeProperties {
	return idLocator('searchUsers', 'User ID', {
		name: options.name ?? 'userId',
		displayName: options.displayName ?? 'User',
		description: options.description,
		displayOptions: { show },
		routing: { send: { type: options.in ?? 'body', property: options.property ?? 'userId' } },
	});
}

/** The user picker as an entry of a collection (Options, Filters): optional, shown with its collection. */
export function optionalUserLocator(options: Parameters<typeof userLocator>[1]): INodeProperties {
	return { ...userLocator({}, options), displayOptions: undefined, required: false };
}
