/* eslint-disable @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
import type { IDataObject, INodeProperties, INodePropertyOptions, INodePropertyRouting, INodeTypeDescription } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { Harness, NODE_TYPE, operationsOf, tokenCredentials } from '../harness';

// The compiled modules, the ones the harness loads (the senders it registered); types from the source.
const { isPipelineSender } = require('../../dist/nodes/Jitbit/transport/declarative') as typeof import('../../nodes/Jitbit/transport/declarative');
const { apiBaseUrl } = require('../../dist/nodes/Jitbit/transport/urls') as typeof import('../../nodes/Jitbit/transport/urls');

interface Routed {
	where: string;
	routing: INodePropertyRouting;
}

/** Every routing of a list of properties, however deep: options, collections, fixed collections. */
function routings(properties: Array<INodeProperties | INodePropertyOptions>, path = ''): Routed[] {
	return properties.flatMap((p) => {
		const where = `${path}${'type' in p ? p.name : `option ${String(p.value)}`}`;
		const own = p.routing ? [{ where, routing: p.routing }] : [];
		const nested = ('options' in p ? (p.options ?? []) : []).flatMap((o) =>
			'values' in o ? routings(o.values, `${where}.${o.name}.`) : routings([o as INodeProperties], `${where}.`),
		);
		return [...own, ...nested];
	});
}

/**
 * How a request of the node could escape the transport (docs/architecture.md, "Attachment"): an
 * Operation option without the pipeline's sender, a field that replaces it, an address of its own.
 */
function bypasses(description: INodeTypeDescription, apiAddress: unknown): string[] {
	const found: string[] = [];
	if (description.requestDefaults?.baseURL !== apiAddress) found.push('requestDefaults.baseURL is not the API address');
	const operations = operationsOf(description);
	for (const { key, option } of operations) {
		if (!option.routing) found.push(`${key}: no routing`);
		else if (option.routing.send?.paginate !== true) found.push(`${key}: send.paginate is not set, RoutingNode sends it itself`);
		else if (!isPipelineSender(option.routing.operations?.pagination)) found.push(`${key}: operations.pagination is not the pipeline's sender`);
	}
	const operationKeys = new Map(operations.map((o) => [o.option.routing, o.key]));
	for (const routed of routings(description.properties)) {
		const { routing } = routed;
		const where = operationKeys.get(routing) ?? routed.where;
		if (routing.request?.baseURL !== undefined) found.push(`${where}: sets its own baseURL`);
		const url = routing.request?.url;
		if (url !== undefined && !/^=?\/(?!\/)/.test(url)) found.push(`${where}: url ${url} is not a path under the API address`);
		if (operationKeys.has(routing)) continue;
		if (routing.operations) found.push(`${where}: sets routing.operations, which replaces the pipeline's sender`);
		if (routing.send?.paginate !== undefined) found.push(`${where}: sets send.paginate`);
	}
	return found;
}

/** A copy to break on purpose; functions (preSend, senders) are shared, everything else is copied. */
function copy<T>(value: T): T {
	if (Array.isArray(value)) return value.map(copy) as T;
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
	return value;
}

describe('the request pipeline cannot be bypassed', () => {
	let h: Harness;
	let description: INodeTypeDescription;
	let apiAddress: unknown;
	beforeAll(async () => {
		h = await Harness.load();
		description = h.nodeTypes.getByNameAndVersion(NODE_TYPE).description;
		apiAddress = h.credentialType('jitbitApi').test!.request.baseURL;
	});

	const option = (d: INodeTypeDescription, key: string) => operationsOf(d).find((o) => o.key === key)!.option;

	it('every operation of the loaded node is sent by the pipeline, at an address under the API', () => {
		expect(operationsOf(description).length).toBeGreaterThan(50);
		expect(bypasses(description, apiAddress)).toEqual([]);
	});

	it.each<[string, (d: INodeTypeDescription) => void, string]>([
		[
			"n8n's own offset pagination on an operation",
			(d) => {
				option(d, 'ticket.getMany').routing!.operations = {
					pagination: { type: 'offset', properties: { limitParameter: 'count', offsetParameter: 'offset', pageSize: 300, type: 'query' } },
				};
			},
			"ticket.getMany: operations.pagination is not the pipeline's sender",
		],
		[
			'a pagination function of its own',
			(d) => {
				option(d, 'ticket.get').routing!.operations = { pagination: async () => [] };
			},
			"ticket.get: operations.pagination is not the pipeline's sender",
		],
		[
			'an operation without send.paginate',
			(d) => {
				delete option(d, 'user.get').routing!.send!.paginate;
			},
			'user.get: send.paginate is not set, RoutingNode sends it itself',
		],
		[
			'an operation without routing',
			(d) => {
				delete option(d, 'asset.get').routing;
			},
			'asset.get: no routing',
		],
		[
			'an absolute URL',
			(d) => {
				option(d, 'comment.getMany').routing!.request!.url = 'https://elsewhere.example/api/comments';
			},
			'comment.getMany: url https://elsewhere.example/api/comments is not a path under the API address',
		],
		[
			'a field that brings its own pagination',
			(d) => {
				const limit = d.properties.find((p) => p.name === 'limit')!;
				limit.routing = { ...limit.routing, operations: { pagination: async () => [] } };
			},
			"limit: sets routing.operations, which replaces the pipeline's sender",
		],
		[
			'the raw Helpdesk URL as the base URL',
			(d) => {
				d.requestDefaults = { ...d.requestDefaults, baseURL: '={{ $credentials.helpdeskUrl }}' };
			},
			'requestDefaults.baseURL is not the API address',
		],
	])('is caught: %s', (_name, breakIt, finding) => {
		const broken = copy(description);
		breakIt(broken);
		expect(bypasses(broken, apiAddress)).toContain(finding);
	});

	it.each([
		'https://acme.jitbit.com',
		'https://acme.jitbit.com/',
		'  https://acme.jitbit.com/helpdesk/api/  ',
		'https://intranet.example/helpdesk/API',
		'http://127.0.0.1:8080/helpdesk//',
	])('the API address expression and apiBaseUrl() agree on %j', (helpdeskUrl) => {
		const workflow = h.makeWorkflow(h.makeNode({}));
		const resolved = workflow.expression.getParameterValue(
			String(apiAddress),
			null,
			0,
			0,
			'Jitbit',
			[],
			'manual',
			{ $credentials: { helpdeskUrl } as IDataObject },
		);
		expect(resolved).toBe(apiBaseUrl(helpdeskUrl));
	});
});

describe('a request that escaped the pipeline', () => {
	let sandbox: Sandbox;
	let h: Harness;
	beforeAll(async () => {
		[sandbox, h] = await Promise.all([startSandbox({ rateLimit: false, lockout: false }), Harness.load()]);
	});
	afterAll(async () => await sandbox.close());

	it('still reaches the API, not the web app (requestDefaults.baseURL is the API address)', async () => {
		const getMany = operationsOf(h.nodeTypes.getByNameAndVersion(NODE_TYPE).description).find((o) => o.key === 'ticket.getMany')!.option;
		const routing = getMany.routing;
		getMany.routing = {
			request: { method: 'GET', url: '/Tickets' },
			send: { paginate: true },
			operations: {
				pagination: { type: 'offset', properties: { limitParameter: 'count', offsetParameter: 'offset', pageSize: 300, type: 'query' } },
			},
		};
		try {
			await h.run(
				{ resource: 'ticket', operation: 'getMany', returnAll: true },
				{ credentials: tokenCredentials(`${sandbox.url}/`, sandbox.users.admin.token) },
			);
		} finally {
			getMany.routing = routing;
		}
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/api/Tickets']);
	});
});
