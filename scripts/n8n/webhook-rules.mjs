// The Jitbit Webhook Trigger nodes of examples/jitbit-rule-webhook.json as sandbox automation
// rules, for `npm start` and the e2e test: each node's production URL, and the post data its
// notice tells a user to type into Jitbit, from the node's own (compiled) templates.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { REPO } from './lib.mjs';

export const RULE_EXAMPLE = path.join(REPO, 'examples', 'jitbit-rule-webhook.json');
export const WEBHOOK_TRIGGER_TYPE = 'n8n-nodes-jitbit.jitbitWebhookTrigger';

/** The Basic-auth credential the example's triggers use (demo values: the sandbox is local). */
export const RULE_LOGIN = { id: 'jitbitRuleCred01', name: 'Jitbit rule (sandbox)', user: 'jitbit-rule', password: 'sandbox-only-rule-password' };

/** The credential in n8n's import format. */
export function ruleCredential({ user = RULE_LOGIN.user, password = RULE_LOGIN.password } = {}) {
	return { id: RULE_LOGIN.id, name: RULE_LOGIN.name, type: 'jitbitWebhookBasicAuthApi', data: { user, password } };
}

export function readRuleExample(file = RULE_EXAMPLE) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function templates(pkgDir = REPO) {
	const file = path.join(pkgDir, 'dist', 'nodes', 'JitbitWebhookTrigger', 'templates.js');
	if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
	return createRequire(import.meta.url)(file);
}

/** A node's production URL in an n8n served at `n8nUrl` (no trailing slash). */
export function productionUrl(node, n8nUrl) {
	return `${n8nUrl}/webhook/${node.webhookId}/jitbit`;
}

/** One rule per active trigger node of the workflow: JSON post data, Basic auth with `login`. */
export function exampleRules(workflow, n8nUrl, { login = RULE_LOGIN, pkgDir } = {}) {
	const t = templates(pkgDir);
	return workflow.nodes
		.filter((n) => n.type === WEBHOOK_TRIGGER_TYPE && !n.disabled)
		.map((n) => {
			const event = n.parameters.event ?? 'ticketCreated';
			return {
				name: `n8n example: ${n.name}`,
				event,
				method: 'POST',
				url: productionUrl(n, n8nUrl),
				json: true,
				postData: t.jsonTemplate(event),
				username: login.user,
				password: login.password,
			};
		});
}

async function admin(sandboxUrl, what, method, body) {
	const res = await fetch(`${sandboxUrl}/sandbox/rules${what}`, {
		method,
		headers: body ? { 'Content-Type': 'application/json' } : {},
		body: body ? JSON.stringify(body) : undefined,
		signal: AbortSignal.timeout(60000),
	});
	const json = await res.json();
	if (!res.ok) throw new Error(`sandbox ${method} /sandbox/rules${what}: ${res.status} ${json.error ?? ''}`);
	return json;
}

/** Registers rules in the sandbox; returns them with their ruleId. */
export async function registerRules(sandboxUrl, rules) {
	const out = [];
	for (const rule of rules) out.push(await admin(sandboxUrl, '', 'POST', rule));
	return out;
}

export const ruleDeliveries = async (sandboxUrl) => (await admin(sandboxUrl, '', 'GET')).deliveries;
export const settleRules = async (sandboxUrl) => (await admin(sandboxUrl, '/settle', 'POST')).deliveries;
export const clearRules = (sandboxUrl) => admin(sandboxUrl, '', 'DELETE');
export const startRuleClock = (sandboxUrl, everyMs) => admin(sandboxUrl, '/clock', 'POST', { everyMs });
