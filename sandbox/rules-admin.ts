/* eslint-disable @n8n/community-nodes/no-restricted-imports -- does not ship (README, Development: Lint) */
/**
 * The sandbox-only admin endpoint for automation rules. Jitbit's API cannot create rules (people
 * do, in the web app); the sandbox needs scripts and tests to, so it offers, outside `/api`:
 *
 *   POST   /sandbox/rules           {event, url, method?, postData?, json?, username?, password?, headers?} -> the rule
 *   GET    /sandbox/rules           -> {rules, deliveries}
 *   DELETE /sandbox/rules           forget every rule and delivery
 *   POST   /sandbox/rules/tick      one clock tick (overdue, not updated for 30 minutes), answered once delivered
 *   POST   /sandbox/rules/clock     {everyMs}: tick on a timer (0 stops it)
 *   POST   /sandbox/rules/settle    answered once every delivery so far has its answer -> {deliveries}
 */
import type http from 'node:http';

import type { HttpRuleInput, RulesEngine } from './rules';
import { checkRuleInput } from './rules';

export const RULES_ADMIN_PATH = /^\/sandbox\/rules(\/[a-z]+)?\/?$/;

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	if (!text.trim()) return {};
	const value: unknown = JSON.parse(text);
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('send a JSON object');
	return value as Record<string, unknown>;
}

function reply(res: http.ServerResponse, status: number, value: unknown): void {
	const body = JSON.stringify(value);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
	res.end(body);
}

/** Serves one admin request (the path matched RULES_ADMIN_PATH). */
export async function serveRulesAdmin(rules: RulesEngine, req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
	const action = RULES_ADMIN_PATH.exec(pathname)?.[1]?.slice(1) ?? '';
	const method = (req.method ?? 'GET').toUpperCase();
	let body: Record<string, unknown>;
	try {
		body = await readJson(req);
	} catch (e) {
		reply(res, 400, { error: `Malformed JSON: ${(e as Error).message}` });
		return;
	}
	if (action === '' && method === 'POST') {
		const problem = checkRuleInput(body as unknown as HttpRuleInput);
		if (problem) return reply(res, 400, { error: problem });
		return reply(res, 200, rules.add(body as unknown as HttpRuleInput));
	}
	if (action === '' && method === 'GET') return reply(res, 200, { rules: [...rules.rules.values()], deliveries: rules.deliveries });
	if (action === '' && method === 'DELETE') {
		rules.clear();
		return reply(res, 200, { cleared: true });
	}
	if (action === 'tick' && method === 'POST') {
		const fired = rules.tick();
		await rules.settle();
		return reply(res, 200, { fired });
	}
	if (action === 'clock' && method === 'POST') {
		rules.startClock(Number(body.everyMs ?? 0));
		return reply(res, 200, { everyMs: Number(body.everyMs ?? 0) });
	}
	if (action === 'settle' && method === 'POST') return reply(res, 200, { deliveries: await rules.settle() });
	reply(res, 404, { error: `No sandbox admin action ${method} ${pathname}` });
}
