/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
/**
 * The setup the webhook tests share: the sandbox (limits off) playing Jitbit's rules, the
 * compiled package in n8n's engine, and Jitbit Webhook Trigger endpoints the rules deliver to.
 */
import type { IDataObject } from 'n8n-workflow';

import type { HttpRuleInput, RuleDelivery, Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { Harness } from '../harness';
import type { CredentialsByType, WebhookEndpoint, WebhookOptions, WebhookRun } from './harness';
import { startWebhook } from './harness';

// The compiled templates, the ones the notice shows; types from the source.
export const templates = require('../../dist/nodes/JitbitWebhookTrigger/templates') as typeof import('../../nodes/JitbitWebhookTrigger/templates');

export const RULE_USER = 'jitbit-rule';
export const RULE_PASSWORD = 'correct-horse-battery-staple';
export const SECRET = 'Zt4qL9xWm2Rb7KpE5vNc';
export const BASIC: CredentialsByType = { jitbitWebhookBasicAuthApi: { user: RULE_USER, password: RULE_PASSWORD } };
export const SECRET_CREDENTIAL: CredentialsByType = { jitbitWebhookSecretApi: { secret: SECRET } };
/** The rule fields matching BASIC. */
export const basicRule = { username: RULE_USER, password: RULE_PASSWORD };

export interface Delivered {
	delivery: RuleDelivery;
	run: WebhookRun;
	item: IDataObject;
}

export interface WebhookEnv {
	sb: Sandbox;
	h: Harness;
	/** A webhook endpoint for these node parameters (Basic auth unless told). */
	endpoint(parameters: IDataObject, credentials?: CredentialsByType, options?: Pick<WebhookOptions, 'continueOnFail'>): Promise<WebhookEndpoint>;
	/** Registers a rule pointing at `ep` (its URL unless given), makes the change, and returns what arrived. */
	fire(ep: WebhookEndpoint, rule: Omit<HttpRuleInput, 'url'> & { url?: string }, change: () => unknown): Promise<Delivered[]>;
}

export function useWebhookEnv(): WebhookEnv {
	const open: WebhookEndpoint[] = [];
	const env = {} as WebhookEnv;
	beforeAll(async () => {
		[env.sb, env.h] = await Promise.all([startSandbox({ rateLimit: false, lockout: false }), Harness.load()]);
	});
	beforeEach(() => env.sb.reset());
	afterEach(async () => {
		await Promise.all(open.splice(0).map((ep) => ep.close()));
	});
	afterAll(async () => await env.sb?.close());
	env.endpoint = async (parameters, credentials = BASIC, options = {}) => {
		const ep = await startWebhook(env.h, { parameters, credentials, ...options });
		open.push(ep);
		return ep;
	};
	env.fire = async (ep, rule, change) => {
		const before = { deliveries: env.sb.rules.deliveries.length, runs: ep.runs.length };
		env.sb.rules.add({ ...rule, url: rule.url ?? ep.url });
		await change();
		const deliveries = (await env.sb.rules.settle()).slice(before.deliveries);
		const runs = (await ep.waitForRuns(before.runs + deliveries.length)).slice(before.runs);
		return deliveries.map((delivery, i) => ({ delivery, run: runs[i], item: runs[i]?.items[0]?.json ?? {} }));
	};
	return env;
}
