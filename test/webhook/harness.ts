/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- does not ship (README, Development: Lint) */
/**
 * The Jitbit Webhook Trigger behind a real HTTP server on 127.0.0.1, run the way n8n runs a
 * production webhook (n8n's LiveWebhooks + WebhookHelpers.executeWebhook, reduced to what a
 * trigger node meets): for each request a fresh Workflow with the static data saved so far,
 * n8n's body-parsing decision, n8n-core's WebhookContext around the request and the response,
 * the node's webhook(), n8n's answer when the node left it to n8n, the static data saved, and
 * the workflow's first step: the trigger node run by WorkflowExecute on what webhook() emitted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import querystring from 'node:querystring';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { Harness, JitbitCredentials } from '../harness';
import { HarnessCredentialsHelper } from '../harness';

export const WEBHOOK_TYPE = 'n8n-nodes-jitbit.jitbitWebhookTrigger';
export const NODE_NAME = 'Jitbit Webhook Trigger';

/** Decrypted credential data by credential type. */
export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

class MultiCredentialsHelper extends HarnessCredentialsHelper {
	constructor(
		types: ConstructorParameters<typeof HarnessCredentialsHelper>[0],
		private readonly byType: CredentialsByType,
	) {
		super(types, {});
	}

	async getDecrypted(_data?: unknown, _nodeCredentials?: unknown, type?: string): Promise<ICredentialDataDecryptedObject> {
		const found = type === undefined ? undefined : this.byType[type];
		if (!found) throw new Error(`harness: no ${type} credential given`);
		return { ...found };
	}
}

/** What one request to the webhook led to. */
export interface WebhookRun {
	method: string;
	status: number;
	responseBody: string;
	/** Whether n8n would start the workflow (the node returned workflowData). */
	started: boolean;
	/** The trigger node's output in the workflow run: what the next node receives. */
	items: INodeExecutionData[];
	/** webhook() threw, or the workflow's first step failed (as n8n stores it). */
	error?: Error | IDataObject;
}

export interface WebhookEndpoint {
	/** The node's production URL, as n8n builds it: <base>/webhook/<webhookId>/jitbit. */
	url: string;
	runs: WebhookRun[];
	/** The workflow's static data as n8n would have saved it. */
	staticData: IDataObject;
	/** Every message n8n-core's logger received while the endpoint ran. */
	logs: string[];
	/** Resolves once `count` requests have been handled to the end (the node may work on after answering). */
	waitForRuns(count: number, timeoutMs?: number): Promise<WebhookRun[]>;
	close(): Promise<void>;
}

export interface WebhookOptions {
	parameters: IDataObject;
	credentials: CredentialsByType;
	/** A fresh workflow ID keeps the node's in-process memory (dedupe) per test. */
	workflowId?: string;
	/** The node setting "On Error: Continue". */
	continueOnFail?: boolean;
}

let workflowSeq = 0;

type HarnessRequest = http.IncomingMessage & { readRawBody(): Promise<void>; rawBody?: Buffer; body?: unknown; query?: unknown; params?: unknown };

/** n8n's raw-body reader (middlewares/body-parser.ts): the body is read on demand, once. */
function withRawBodyReader(req: http.IncomingMessage): HarnessRequest {
	const request = req as HarnessRequest;
	request.readRawBody = async () => {
		if (request.rawBody) return;
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		request.rawBody = Buffer.concat(chunks);
	};
	return request;
}

function captureLogs(logs: string[]): () => void {
	const previous = Container.has(Logger) ? Container.get(Logger) : undefined;
	const record = (level: string) => (message: string, meta?: unknown) => logs.push(`${level} ${message} ${meta ? JSON.stringify(meta) : ''}`);
	const logger = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug'), scoped: () => logger };
	Container.set(Logger, logger as unknown as Logger);
	return () => {
		if (previous) Container.set(Logger, previous);
	};
}

export async function startWebhook(h: Harness, options: WebhookOptions): Promise<WebhookEndpoint> {
	const workflowId = options.workflowId ?? `webhook-workflow-${++workflowSeq}`;
	const webhookId = `hook-${workflowSeq}-${Date.now().toString(36)}`;
	const nodeType = h.nodeTypes.getByNameAndVersion(WEBHOOK_TYPE, 1);
	const endpoint = { runs: [] as WebhookRun[], staticData: {} as IDataObject, logs: [] as string[] } as WebhookEndpoint;
	const restoreLogger = captureLogs(endpoint.logs);
	const waiters = new Set<() => boolean>();

	const nodeOf = (): INode => ({
		id: 'webhook-node',
		name: NODE_NAME,
		type: WEBHOOK_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: options.parameters as INode['parameters'],
		credentials: Object.fromEntries(Object.keys(options.credentials).map((type) => [type, { id: `cred-${type}`, name: type }])),
	});

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<WebhookRun> {
		const method = (req.method ?? 'GET').toUpperCase();
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const run: WebhookRun = { method, status: 0, responseBody: '', started: false, items: [] };
		const description = (nodeType.description.webhooks ?? []).find((w) => w.httpMethod === method) as IWebhookDescription | undefined;
		if (url.pathname !== `/webhook/${webhookId}/jitbit` || !description) {
			res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"code":404,"message":"The requested webhook is not registered."}');
			return run;
		}
		const workflow = new Workflow({
			id: workflowId, name: 'Webhook harness', nodes: [nodeOf()], connections: {}, active: true,
			nodeTypes: h.nodeTypes, staticData: JSON.parse(JSON.stringify(endpoint.staticData)),
		});
		const node = workflow.getNode(NODE_NAME)!;
		const request = withRawBodyReader(req);
		Object.assign(request, { query: querystring.parse(url.search.slice(1)), params: {} });
		// webhook-helpers.ts parseRequestBody: a version-1 node with options.binaryData keeps its body unparsed.
		const raw = workflow.expression.getSimpleParameterValue(node, '={{$parameter["options"]["binaryData"]}}', 'webhook', {}, undefined, false);
		if (!raw) {
			await request.readRawBody();
			const text = request.rawBody!.toString('utf8');
			try {
				if (String(req.headers['content-type']).startsWith('application/json') && text) request.body = JSON.parse(text);
			} catch {
				res.writeHead(422, { 'Content-Type': 'application/json' }).end('{"code":422,"message":"Failed to parse request body"}');
				return run;
			}
		}
		const additionalData = h.additionalData({ helpdeskUrl: '' });
		Object.assign(additionalData, {
			credentialsHelper: new MultiCredentialsHelper((name) => h.credentialType(name), options.credentials),
			httpRequest: request,
			httpResponse: res,
		});
		const webhookData: IWebhookData = {
			httpMethod: method as IWebhookData['httpMethod'], node: NODE_NAME, path: `${webhookId}/jitbit`, webhookDescription: description,
			workflowId, workflowExecuteAdditionalData: additionalData, webhookId,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		let result: IWebhookResponseData = {};
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			run.error = error as Error;
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"code":0,"message":"Workflow Webhook Error: Workflow could not be started!"}');
		}
		if (!result.noWebhookResponse && !res.headersSent) {
			res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
		}
		// live-webhooks.ts: the static data is saved once the node has answered.
		if (workflow.staticData.__dataChanged) {
			const saved = JSON.parse(JSON.stringify(workflow.staticData));
			delete saved.__dataChanged;
			endpoint.staticData = saved;
		}
		run.started = result.workflowData !== undefined;
		if (run.started) {
			const step = await h.run(options.parameters, {
				items: result.workflowData![0],
				credentials: (options.credentials.jitbitApi ?? { helpdeskUrl: '' }) as JitbitCredentials,
				nodeType: WEBHOOK_TYPE,
				continueOnFail: options.continueOnFail,
			});
			run.items = step.items;
			if (step.error) run.error = step.error;
		}
		return run;
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		const write = res.write.bind(res);
		const end = res.end.bind(res);
		res.write = ((chunk: Buffer | string, ...rest: never[]) => (chunks.push(Buffer.from(chunk)), write(chunk, ...rest))) as typeof res.write;
		res.end = ((chunk?: Buffer | string, ...rest: never[]) => (chunk && typeof chunk !== 'function' && chunks.push(Buffer.from(chunk)), end(chunk as never, ...rest))) as typeof res.end;
		handle(req, res).then((run) => {
			run.status = res.statusCode;
			run.responseBody = Buffer.concat(chunks).toString('utf8');
			endpoint.runs.push(run);
			for (const check of [...waiters]) check();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	endpoint.url = `http://127.0.0.1:${port}/webhook/${webhookId}/jitbit`;
	endpoint.waitForRuns = (count, timeoutMs = 10_000) =>
		new Promise((resolve, reject) => {
			const check = () => {
				if (endpoint.runs.length < count) return false;
				clearTimeout(timer);
				waiters.delete(check);
				resolve(endpoint.runs);
				return true;
			};
			const timer = setTimeout(() => {
				waiters.delete(check);
				reject(new Error(`harness: ${endpoint.runs.length} of ${count} webhook requests handled`));
			}, timeoutMs);
			if (!check()) waiters.add(check);
		});
	endpoint.close = async () => {
		restoreLogger();
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return endpoint;
}
