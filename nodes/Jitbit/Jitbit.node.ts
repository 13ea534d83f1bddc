import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { methods } from './methods';
import { operationProperties, resourceProperty } from './resources';
import { rateLimitHandlingProperty } from './shared/descriptions';

export class Jitbit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Jitbit',
		name: 'jitbit',
		icon: { light: 'file:../../icons/jitbit.svg', dark: 'file:../../icons/jitbit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage tickets, comments, users, assets and knowledge base articles in Jitbit Helpdesk',
		defaults: { name: 'Jitbit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jitbitApi', required: true }],
		// The pipeline replaces this with the normalised `<helpdesk>/api`; n8n uses it for domain checks.
		requestDefaults: {
			baseURL: '={{ $credentials.helpdeskUrl }}',
			headers: { Accept: 'application/json' },
		},
		properties: [resourceProperty, ...operationProperties, rateLimitHandlingProperty],
	};

	methods = methods;
}
