import type { INodeProperties } from 'n8n-workflow';

import { inBody } from '../../shared/descriptions';

/** The comment text, sent as `body` by comment (create) and UpdateComment. */
export function commentBodyField(description: string, required = false): INodeProperties {
	return {
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 5 },
		...(required ? { required } : {}),
		default: '',
		description,
		routing: inBody('body'),
	};
}

/** The Options entry that makes a comment an internal note, sent as `forTechsOnly`. */
export function forTechsOnlyOption(description: string): INodeProperties {
	return {
		displayName: 'For Technicians Only',
		name: 'forTechsOnly',
		type: 'boolean',
		default: false,
		description,
		routing: inBody('forTechsOnly'),
	};
}
