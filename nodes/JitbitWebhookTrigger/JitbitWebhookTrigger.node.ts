import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { authMode, BASIC_CREDENTIAL, checkAuth } from './auth';
import { checkRepeat, dedupeKey } from './dedupe';
import { webhookTriggerProperties } from './description';
import { eventInfo } from './events';
import { withFullTickets } from './fetch';
import { normalise } from './normalise';
import { parseDelivery } from './parse';
import { answer, readDelivery } from './request';

/**
 * The credential test n8n runs from the credential dialog. A webhook secret has no server to
 * ask, so it checks what would make the rule fail: a colon in a Basic username, a secret that a
 * header or a URL would change.
 */
async function checkWebhookCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	if (credential.type === BASIC_CREDENTIAL) {
		const user = String(data.user ?? '');
		if (!user || !data.password) return { status: 'Error', message: 'Enter both a username and a password.' };
		if (user.includes(':')) return { status: 'Error', message: 'Basic authentication cannot carry a colon in the username.' };
		return { status: 'OK', message: 'Ready: enter the same username and password in the Jitbit rule.' };
	}
	const secret = String(data.secret ?? '');
	if (!/^[A-Za-z0-9._~-]{16,}$/.test(secret)) {
		return { status: 'Error', message: 'Use at least 16 letters, digits or . _ ~ - so the secret reaches n8n unchanged in a header or a URL.' };
	}
	return { status: 'OK', message: 'Ready: enter the same secret in the Jitbit rule.' };
}

export class JitbitWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Jitbit Webhook Trigger',
		name: 'jitbitWebhookTrigger',
		icon: { light: 'file:../../icons/jitbit.svg', dark: 'file:../../icons/jitbit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts the workflow the moment a Jitbit automation rule sends an HTTP request: instant, and no API calls',
		defaults: { name: 'Jitbit Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'jitbitWebhookBasicAuthApi',
				required: true,
				testedBy: 'checkWebhookCredential',
				displayOptions: { show: { authentication: ['basicAuth'] } },
			},
			{
				name: 'jitbitWebhookSecretApi',
				required: true,
				testedBy: 'checkWebhookCredential',
				displayOptions: { show: { authentication: ['secretAuth'] } },
			},
			{ name: 'jitbitApi', required: true, displayOptions: { show: { fetchFullTicket: [true] } } },
		],
		// A rule sends POST or GET (its choice): both are accepted on the one URL.
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'jitbit', ndvHideMethod: true },
			{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: 'jitbit', ndvHideUrl: true },
		],
		properties: webhookTriggerProperties,
	};

	methods = { credentialTest: { checkWebhookCredential } };

	// Jitbit's API cannot create automation rules (it only reads, enables and disables them), so
	// activation has nothing to register: the rule is made by hand, following the node's notice.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const event = eventInfo(this.getNodeParameter('event') as string);
		if (!event) throw new NodeOperationError(this.getNode(), 'Choose the Event of the Jitbit rule that calls this node.');
		const rejection = await checkAuth(this, authMode(this));
		if (rejection) {
			answer(this, rejection.status, { error: rejection.message }, rejection.headers);
			return { noWebhookResponse: true };
		}
		const delivery = await readDelivery(this);
		const { fields, problems } = parseDelivery(delivery);
		const item: IDataObject = { ...normalise({ event, fields, problems, delivery }), receivedAt: new Date().toISOString() };
		const ticketId = item.ticketId as number | null;

		const window = Number(this.getNodeParameter('dedupeWindow', 0));
		if (window > 0) {
			const key = dedupeKey(ticketId, event.value, `${delivery.body}\n${delivery.query}`);
			const scope = `${this.getWorkflow().id}:${this.getNode().id}`;
			if (checkRepeat(this.getWorkflowStaticData('node'), scope, key, window)) {
				answer(this, 200, { received: true, duplicate: true, event: event.value, ticketId });
				return { noWebhookResponse: true };
			}
		}
		// Answered before the workflow starts: Jitbit never waits on it.
		answer(this, 200, { received: true, event: event.value, ticketId });
		return { noWebhookResponse: true, workflowData: [[{ json: item }]] };
	}

	/**
	 * n8n runs a webhook node's execute(), when it has one, as the workflow's first step, with
	 * what webhook() emitted (n8n's packages/core/src/execution-engine/workflow-execute.ts,
	 * runNode). API calls belong here: n8n holds an expression isolate through each delivery's
	 * webhook phase (one by default), so a call inside webhook() would hold up every delivery
	 * behind it.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		if (!this.getNodeParameter('fetchFullTicket', 0, false)) return [this.getInputData()];
		return [await withFullTickets(this)];
	}
}
