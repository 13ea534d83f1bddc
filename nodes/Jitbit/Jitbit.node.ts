import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { methods } from './methods';
import { operationProperties, resourceProperty } from './resources';
import { rateLimitHandlingProperty } from './shared/descriptions';
import { API_BASE_URL_EXPRESSION } from './transport';

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
		// The API address, as the credential test computes it; requests are sent by the transport
		// (every operation's `jitbitRouting`), which checks it and computes the same address.
		requestDefaults: {
			baseURL: API_BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json' },
		},
		properties: [resourceProperty, ...operationProperties, rateLimitHandlingProperty],
	};

	methods = methods;
}
