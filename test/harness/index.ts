/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- does not ship (README, Development: Lint) */
/**
 * Runs the COMPILED package through n8n-core's real execution path: the package is loaded the way
 * n8n loads a community package, declarative operations run in n8n's RoutingNode via
 * WorkflowExecute, polls run in PollContext, and every request is real HTTP.
 */
import path from 'node:path';

import {
	ExecutionLifecycleHooks,
	ExecuteContext,
	LoadOptionsContext,
	PackageDirectoryLoader,
	PollContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, createRunExecutionData, ICredentialsHelper, Workflow } from 'n8n-workflow';

export const PACKAGE_ROOT = path.resolve(__dirname, '../..');
export const NODE_TYPE = 'n8n-nodes-jitbit.jitbit';
/** The node as an AI agent's tool: n8n derives `<name>Tool` from `usableAsTool`. */
export const TOOL_TYPE = 'n8n-nodes-jitbit.jitbitTool';
export const TRIGGER_TYPE = 'n8n-nodes-jitbit.jitbitTrigger';
export const CREDENTIAL_TYPE = 'jitbitApi';

export type JitbitCredentials = {
	helpdeskUrl: string;
	authType?: 'token' | 'basic';
	token?: string;
	username?: string;
	password?: string;
	rateLimit?: number;
	searchRateLimit?: number;
	rateLimitWindow?: number;
};

/** Credentials for the sandbox with pacing off unless a test turns it on. */
export function tokenCredentials(url: string, token: string, extra: Partial<JitbitCredentials> = {}): JitbitCredentials {
	return { helpdeskUrl: url, authType: 'token', token, rateLimit: 0, searchRateLimit: 0, rateLimitWindow: 60, ...extra };
}

class LoadedNodeTypes implements INodeTypes {
	constructor(private readonly loader: PackageDirectoryLoader) {}

	private shortName(type: string) {
		return type.startsWith(`${this.loader.packageName}.`) ? type.slice(this.loader.packageName.length + 1) : type;
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		const name = this.shortName(type);
		const base = name.endsWith('Tool') && !(name in this.loader.known.nodes) ? name.slice(0, -'Tool'.length) : undefined;
		return base ? this.asTool(base) : this.loader.getNode(name).type;
	}

	private readonly tools = new Map<string, INodeType>();

	/**
	 * A `usableAsTool` node as n8n offers it to agents: the same node whose description is named
	 * `<name>Tool`, which is what makes n8n-workflow evaluate `'@tool'` display conditions to true.
	 * n8n also gives it an ai_tool output; the harness keeps main so the node runs on the items it is
	 * fed, which stand for the arguments of an agent's tool call ($fromAI reads them).
	 */
	private asTool(base: string): INodeType {
		let tool = this.tools.get(base);
		if (!tool) {
			const nodeType = this.loader.getNode(base).type as INodeType;
			if (!nodeType.description.usableAsTool) throw new Error(`harness: ${base} is not usable as a tool`);
			const { name, displayName } = nodeType.description;
			tool = Object.create(nodeType, {
				description: { value: { ...nodeType.description, name: `${name}Tool`, displayName: `${displayName} Tool` } },
			}) as INodeType;
			this.tools.set(base, tool);
		}
		return tool;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		const nodeType = this.getByName(type);
		return 'nodeVersions' in nodeType ? nodeType.getNodeType(version) : nodeType;
	}

	getKnownTypes() {
		return this.loader.known.nodes;
	}
}

/**
 * The node's description as n8n loads it, available synchronously (n8n's loader reads each node
 * file synchronously; only `loadAll` around it is async), so that tests can be generated from the
 * node itself at collection time.
 */
export function loadedNodeDescription(type = NODE_TYPE): INodeTypeDescription {
	const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
	for (const file of loader.packageJson.n8n?.nodes ?? []) loader.loadNodeFromFile(file, loader.packageJson.version);
	return new LoadedNodeTypes(loader).getByNameAndVersion(type).description;
}

export interface NodeOperation {
	/** `resource.operation`, e.g. `ticket.getMany`. */
	key: string;
	resource: string;
	operation: string;
	/** The entry in the Operation dropdown, with its routing. */
	option: INodePropertyOptions;
}

/** Every operation of a node: the options of its Operation parameters, one per resource. */
export function operationsOf(description: INodeTypeDescription): NodeOperation[] {
	return description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as INodePropertyOptions[]).map((option) => {
				const resource = String(p.displayOptions!.show!.resource![0]);
				const operation = String(option.value);
				return { key: `${resource}.${operation}`, resource, operation, option };
			}),
		);
}

/**
 * Mirrors n8n's CredentialsHelper where it matters to us: it applies the credential type's own
 * `authenticate`, and (like the real one) defines `preAuthentication`, which is what makes
 * n8n-core re-send a request after a 401.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: (name: string) => ICredentialType,
		public data: ICredentialDataDecryptedObject,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.types(typeName);
		if (typeof authenticate !== 'function') throw new Error(`harness: ${typeName} has no authenticate function`);
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types(typeName);
		return type.preAuthentication ? ((await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject) : undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async getCredentials(): Promise<never> {
		throw new Error('harness: getCredentials is not used');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties() {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}
}

export interface RunOptions {
	/** Input items; default one empty item. */
	items?: INodeExecutionData[];
	credentials: JitbitCredentials;
	/** n8n's node setting "On Error": continue with error items. */
	continueOnFail?: boolean;
	nodeType?: string;
}

export interface RunResult {
	items: INodeExecutionData[];
	/** The run's error as n8n stores it (serialized), when the node failed. */
	error?: IDataObject & { message?: string; description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
}

export class Harness {
	private constructor(
		readonly loader: PackageDirectoryLoader,
		readonly nodeTypes: LoadedNodeTypes,
	) {}

	/** Loads our package, or another package directory (the benchmark's bare fixture node). */
	static async load(packageRoot = PACKAGE_ROOT): Promise<Harness> {
		const loader = new PackageDirectoryLoader(packageRoot);
		await loader.loadAll();
		return new Harness(loader, new LoadedNodeTypes(loader));
	}

	credentialType(name: string): ICredentialType {
		return this.loader.getCredential(name).type;
	}

	additionalData(credentials: JitbitCredentials, hooks?: ExecutionLifecycleHooks) {
		const helper = new HarnessCredentialsHelper(
			(name) => this.credentialType(name),
			credentials as ICredentialDataDecryptedObject,
		);
		return {
			credentialsHelper: helper,
			hooks,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1/rest',
			instanceBaseUrl: 'http://127.0.0.1/',
			formBaseUrl: 'http://127.0.0.1/form',
			formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
			formTestBaseUrl: 'http://127.0.0.1/form-test',
			webhookBaseUrl: 'http://127.0.0.1/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
			mcpBaseUrl: 'http://127.0.0.1/mcp',
			mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
			variables: {},
			executeWorkflow: async () => {
				throw new Error('harness: sub-workflows are not supported');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('harness: task runners are not supported');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	makeNode(parameters: IDataObject, options: { continueOnFail?: boolean; nodeType?: string; name?: string } = {}): INode {
		return {
			id: 'jitbit-node',
			name: options.name ?? 'Jitbit',
			type: options.nodeType ?? NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: parameters as INode['parameters'],
			credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'Jitbit sandbox' } as INodeCredentialsDetails },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		};
	}

	makeWorkflow(node: INode, staticData?: IDataObject): Workflow {
		return new Workflow({
			id: 'harness-workflow',
			name: 'Harness',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
			staticData,
		});
	}

	/** Runs one node of ours in a one-node workflow through WorkflowExecute, fed the given items. */
	async run(parameters: IDataObject, options: RunOptions): Promise<RunResult> {
		const node = this.makeNode(parameters, options);
		const workflow = this.makeWorkflow(node);
		const hooks = new ExecutionLifecycleHooks('manual', 'harness-execution', {
			id: 'harness-workflow',
			name: 'Harness',
			nodes: [node],
			connections: {},
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as never);
		let resolveRun!: (run: IRun) => void;
		const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
		hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{ node: workflow.getNode(node.name)!, data: { main: [options.items ?? [{ json: {} }]] }, source: null },
				],
			},
		});
		const execute = new WorkflowExecute(this.additionalData(options.credentials, hooks), 'manual', runExecutionData);
		try {
			await execute.processRunExecutionData(workflow);
		} catch (error) {
			// n8n refuses to start a node with issues (e.g. an empty required field), as in the editor.
			if (error.name === 'WorkflowHasIssuesError') return { items: [], error: { message: error.message }, run: undefined as never };
			throw error;
		}
		const run = await finished;
		const taskData = run.data.resultData.runData[node.name]?.[0];
		return {
			items: taskData?.data?.main?.[0] ?? [],
			error: (run.data.resultData.error ?? taskData?.error) as RunResult['error'],
			run,
		};
	}

	/** One poll through n8n-core's PollContext; static data lives on the given workflow. */
	async poll(
		workflow: Workflow,
		credentials: JitbitCredentials,
		mode: WorkflowExecuteMode = 'trigger',
	): Promise<INodeExecutionData[][] | null> {
		const node = Object.values(workflow.nodes)[0];
		const nodeType = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const context = new PollContext(workflow, node, this.additionalData(credentials), mode, 'activate');
		return await nodeType.poll!.call(context);
	}

	private loadOptionsContext(parameters: IDataObject, credentials: JitbitCredentials, nodeType = NODE_TYPE) {
		const node = this.makeNode(parameters, { nodeType });
		const workflow = this.makeWorkflow(node);
		return new LoadOptionsContext(workflow, node, this.additionalData(credentials), path.join('parameters', 'x'));
	}

	async listSearch(
		method: string,
		credentials: JitbitCredentials,
		parameters: IDataObject = {},
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const context = this.loadOptionsContext(parameters, credentials);
		const nodeType = this.nodeTypes.getByNameAndVersion(NODE_TYPE);
		return await nodeType.methods!.listSearch![method].call(context, filter, paginationToken);
	}

	async loadOptions(method: string, credentials: JitbitCredentials, parameters: IDataObject = {}): Promise<INodePropertyOptions[]> {
		const context = this.loadOptionsContext(parameters, credentials);
		const nodeType = this.nodeTypes.getByNameAndVersion(NODE_TYPE);
		return await nodeType.methods!.loadOptions![method].call(context);
	}

	/**
	 * The credential test as n8n's CredentialsTester runs it: the test request as the routing of a
	 * temporary declarative node, run by RoutingNode with the decrypted credentials, then the rules.
	 */
	async testCredential(credentials: JitbitCredentials): Promise<{ status: 'OK' | 'Error'; message: string }> {
		const { test } = this.credentialType(CREDENTIAL_TYPE);
		const baseType = this.nodeTypes.getByNameAndVersion(NODE_TYPE);
		const tempType: INodeType = {
			description: {
				...baseType.description,
				name: 'jitbitCredentialTest',
				requestDefaults: undefined,
				credentials: [{ name: CREDENTIAL_TYPE, required: true }],
				properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test!.request } }],
			},
		};
		const node = this.makeNode({}, { nodeType: 'jitbitCredentialTest' });
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: { getByName: () => tempType, getByNameAndVersion: () => tempType, getKnownTypes: () => ({}) },
		});
		const additionalData = this.additionalData(credentials);
		const context = new ExecuteContext(
			workflow,
			node,
			additionalData,
			'internal',
			createEmptyRunExecutionData(),
			0,
			[],
			{ main: [[{ json: {} }]] },
			{ node, data: {}, source: null },
			[],
		);
		const decrypted: ICredentialsDecrypted = {
			id: 'cred-1',
			name: 'Jitbit sandbox',
			type: CREDENTIAL_TYPE,
			data: credentials as unknown as ICredentialDataDecryptedObject,
		};
		let response: INodeExecutionData[][] | null | undefined;
		try {
			response = await new RoutingNode(context, tempType, decrypted).runNode();
		} catch (error) {
			const status = error.cause?.response?.status as number | undefined;
			if (status !== undefined) {
				const rule = test!.rules?.find((r) => r.type === 'responseCode' && r.properties.value === status);
				return { status: 'Error', message: rule ? String(rule.properties.message) : `Received HTTP status code: ${status}` };
			}
			return { status: 'Error', message: error.cause?.code ?? error.message };
		}
		for (const rule of test!.rules ?? []) {
			if (rule.type !== 'responseSuccessBody') continue;
			const json = response?.[0]?.[0]?.json as unknown;
			const value = json && typeof json === 'object' ? (json as IDataObject)[rule.properties.key as string] : undefined;
			if (value === rule.properties.value) return { status: 'Error', message: String(rule.errorMessage ?? rule.properties.message) };
		}
		return { status: 'OK', message: 'Connection successful!' };
	}
}
