// The Jitbit Webhook Trigger in a REAL n8n (part of npm run test:e2e; run.mjs calls webhookE2e).
//
// Its own data folder, sandbox and `n8n start`, set up as `npm start` does: the example
// examples/jitbit-rule-webhook.json published, the sandbox playing the Jitbit rules that point at
// its production URLs (scripts/n8n/webhook-rules.mjs). Then tickets are created, replied to and
// closed in the sandbox, and every change must give exactly one execution; wrong or missing
// credentials get 403/401 and no execution; no secret reaches n8n's log or the executions.
// Finally 50 deliveries at once: the webhook's answer times as the sandbox (Jitbit) saw them, and
// that each event ran exactly once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as L from '../../scripts/n8n/lib.mjs';
import * as R from '../../scripts/n8n/webhook-rules.mjs';

const BURST = Number(process.env.E2E_WEBHOOK_BURST || 50);
const PKG_DIR = path.resolve(process.env.JITBIT_PKG_DIR || L.REPO);

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** The most deliveries that were waiting for their answer at the same moment. */
function maxInFlight(deliveries) {
	const edges = deliveries.flatMap((d) => [[d.at, 1], [d.at + d.durationMs, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let now = 0;
	let max = 0;
	for (const [, step] of edges) max = Math.max(max, (now += step));
	return max;
}

export async function webhookE2e({ test, skip, log, assert }) {
	const names = ['webhook: n8n start with the automation-rules example published, sandbox rules at its production URLs'];
	if (!fs.existsSync(path.join(PKG_DIR, 'dist', 'nodes', 'JitbitWebhookTrigger'))) {
		skip(names[0], 'dist/nodes/JitbitWebhookTrigger does not exist (build first)');
		return;
	}
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jitbit-n8n-webhook-e2e-'));
	const example = R.readRuleExample();
	const trigger = (name) => example.nodes.find((n) => n.name === name);
	let sandbox;
	let server;
	let n8nUrl;
	const passed = [];
	const done = async (name, fn) => passed.push(await test(name, fn));
	try {
		await done(names[0], async () => {
			L.installPackageInto(work, { pkgDir: PKG_DIR });
			sandbox = await L.startSandbox({ logFile: path.join(work, 'sandbox.log') });
			const cliEnv = L.n8nEnv(work, { port: await L.freePort(), brokerPort: await L.freePort() });
			const creds = L.writeJson(path.join(work, 'import', 'credentials.json'), [...L.sandboxCredential(sandbox), R.ruleCredential()]);
			const steps = [
				['import:credentials', `--input=${creds}`],
				['import:workflow', `--input=${R.RULE_EXAMPLE}`],
				['publish:workflow', `--id=${example.id}`],
			];
			for (const args of steps) {
				const r = await L.n8nCli(args, cliEnv, { timeoutMs: 180000 });
				assert(r.code === 0, `n8n ${args.join(' ')}: exit ${r.code}\n${r.output.slice(-2000)}`);
			}
			const port = await L.freePort();
			n8nUrl = `http://127.0.0.1:${port}`;
			server = L.startN8n(L.n8nEnv(work, { port, brokerPort: await L.freePort() }), { logFile: path.join(work, 'n8n.log'), name: 'n8n start (webhook)' });
			await L.waitForHttp(`${n8nUrl}/healthz/readiness`, 120000, server);
			// n8n registers the published workflow's webhooks after it is ready: until then their URLs answer 404.
			for (const deadline = Date.now() + 60000; ; await L.sleep(500)) {
				const probe = await fetch(R.productionUrl(trigger('Ticket created'), n8nUrl), { signal: AbortSignal.timeout(5000) });
				if (probe.status === 401) break;
				assert(Date.now() < deadline, `the example's webhook still answers ${probe.status} a minute after n8n is ready`);
			}
			const rules = await R.registerRules(sandbox.url, R.exampleRules(example, n8nUrl, { pkgDir: PKG_DIR }));
			assert(rules.length === 3, `expected 3 rules from the example, got ${rules.length}`);
			log(`webhook: n8n on ${n8nUrl}, ${rules.length} sandbox rules: ${rules.map((r) => `${r.event} -> ${r.url.replace(n8nUrl, '')}`).join(', ')}`);
		});
		if (!passed[0]) return;

		const executions = async () => L.readExecutions(work, { limit: 500, withData: true, workflowId: example.id });
		const startItem = (e) => {
			const runData = e.data?.resultData?.runData ?? {};
			const start = Object.keys(runData).find((n) => trigger(n));
			return { node: start, json: runData[start]?.[0]?.data?.main?.[0]?.[0]?.json };
		};
		/** Waits until `count` executions beyond `seen` are finished; returns the new ones. */
		const newExecutions = async (seen, count, timeoutMs = 60000) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const all = await executions();
				const fresh = all.filter((e) => !seen.has(e.id));
				if (fresh.length >= count && fresh.every((e) => e.status !== 'running' && e.status !== 'new')) return fresh;
				if (Date.now() > deadline) throw new Error(`${fresh.length} of ${count} new executions within ${L.fmtMs(timeoutMs)}: ${JSON.stringify(fresh.map((e) => [e.id, e.status]))}`);
				await L.sleep(1000);
			}
		};
		const seenIds = async () => new Set((await executions()).map((e) => e.id));
		const customerForm = (form) => sandbox.api('Ticket', { user: 'customer', method: 'POST', form: { categoryId: '1', body: '<p>Created by test/e2e/webhook.mjs</p>', priorityId: '1', ...form } });

		let ticketId;
		await done('webhook: a ticket created in the sandbox runs the example once, its quoted subject recovered from broken JSON', async () => {
			const seen = await seenIds();
			const subject = `Printer "HP 4" jammed, says "E-12" (${Date.now()})`;
			const res = await customerForm({ subject });
			assert(res.status === 200, `sandbox refused the ticket: ${res.status} ${res.text}`);
			ticketId = Number(res.text);
			const [d] = (await R.settleRules(sandbox.url)).filter((x) => x.ticketId === ticketId);
			assert(d && d.status === 200, `delivery: ${JSON.stringify(d)}`);
			assert(JSON.parse(d.responseBody).ticketId === ticketId, `answer ${d.responseBody}`);
			const fresh = await newExecutions(seen, 1);
			await L.sleep(1500);
			const again = (await executions()).filter((e) => !seen.has(e.id));
			assert(again.length === 1, `${again.length} executions for one event`);
			const { node, json } = startItem(fresh[0]);
			assert(fresh[0].status === 'success', `execution ${fresh[0].id} ${fresh[0].status}: ${fresh[0].error?.message}`);
			assert(node === 'Ticket created' && json.ticketId === ticketId && json.subject === subject, `item: ${JSON.stringify(json).slice(0, 400)}`);
			assert(/not valid JSON/.test(json.warnings?.[0] ?? ''), `warnings: ${JSON.stringify(json.warnings)}`);
			log(`webhook: ticket ${ticketId} -> execution ${fresh[0].id} (${fresh[0].mode}), answered in ${d.durationMs} ms`);
		});

		await done('webhook: a reply and a close run it once each; the reply fetched the full ticket through the Jitbit credential', async () => {
			assert(ticketId, 'no ticket from the previous step');
			const seen = await seenIds();
			await sandbox.clearRequests();
			const reply = await sandbox.api('comment', { user: 'tech', method: 'POST', form: { id: String(ticketId), body: 'Replace the "fuser" unit' } });
			assert(reply.status === 200, `comment: ${reply.status}`);
			await R.settleRules(sandbox.url);
			const close = await sandbox.api('Close', { method: 'POST', form: { id: String(ticketId) } });
			assert(close.status === 200, `close: ${close.status}`);
			await R.settleRules(sandbox.url);
			const fresh = await newExecutions(seen, 2);
			await L.sleep(1500);
			assert((await executions()).filter((e) => !seen.has(e.id)).length === 2, 'more than one execution per event');
			const items = Object.fromEntries(fresh.map((e) => [startItem(e).node, startItem(e).json]));
			assert(items['New reply']?.mostRecentMessage === 'Replace the "fuser" unit', `reply item: ${JSON.stringify(items['New reply']).slice(0, 300)}`);
			assert(items['New reply'].ticket?.id === ticketId, `fetched ticket: ${JSON.stringify(items['New reply'].ticket).slice(0, 300)}`);
			assert(items['Ticket closed']?.statusId === 3, `close item: ${JSON.stringify(items['Ticket closed']).slice(0, 300)}`);
			const reads = (await sandbox.requests()).filter((q) => q.endpoint === 'ticket' && q.method === 'GET');
			assert(reads.length === 1 && String(reads[0].query.id) === String(ticketId), `GET Ticket calls: ${JSON.stringify(reads.map((q) => q.query))}`);
		});

		await done('webhook: GET and form-data rules reach the same trigger', async () => {
			const created = trigger('Ticket created');
			const t = await import(path.join(PKG_DIR, 'dist', 'nodes', 'JitbitWebhookTrigger', 'templates.js'));
			const login = { username: R.RULE_LOGIN.user, password: R.RULE_LOGIN.password };
			await R.clearRules(sandbox.url);
			await R.registerRules(sandbox.url, [
				{ event: 'ticketCreated', method: 'GET', url: `${R.productionUrl(created, n8nUrl)}?${t.queryTemplate('ticketCreated')}`, ...login },
				{ event: 'ticketCreated', url: R.productionUrl(created, n8nUrl), postData: t.formTemplate('ticketCreated'), ...login },
			]);
			const seen = await seenIds();
			const res = await customerForm({ subject: 'Q&A: VPN + Wi-Fi' });
			const id = Number(res.text);
			const deliveries = (await R.settleRules(sandbox.url)).filter((x) => x.ticketId === id);
			assert(deliveries.length === 2 && deliveries.every((x) => x.status === 200), `deliveries: ${JSON.stringify(deliveries.map((x) => [x.method, x.status]))}`);
			const items = (await newExecutions(seen, 2)).map((e) => startItem(e).json);
			const byMethod = Object.fromEntries(items.map((j) => [j.rawPayload.method, j]));
			// The & would cut a parsed query or form short; + reads as a space in both.
			for (const method of ['GET', 'POST']) {
				assert(byMethod[method]?.ticketId === id && byMethod[method].subject === 'Q&A: VPN Wi-Fi', `${method} item: ${JSON.stringify(byMethod[method]).slice(0, 300)}`);
			}
		});

		await done('webhook: a wrong password gets 403, none 401, and neither starts the workflow', async () => {
			const created = trigger('Ticket created');
			await R.clearRules(sandbox.url);
			await R.registerRules(sandbox.url, [
				{ event: 'ticketCreated', url: R.productionUrl(created, n8nUrl), postData: 'ticketId=#ticketId#', username: R.RULE_LOGIN.user, password: 'not-the-password' },
				{ event: 'ticketCreated', url: R.productionUrl(created, n8nUrl), postData: 'ticketId=#ticketId#' },
			]);
			const seen = await seenIds();
			const id = Number((await customerForm({ subject: 'Intruder' })).text);
			const statuses = (await R.settleRules(sandbox.url)).filter((x) => x.ticketId === id).map((x) => x.status).sort();
			assert(statuses.join() === '401,403', `answers: ${statuses.join()}`);
			await L.sleep(3000);
			const fresh = (await executions()).filter((e) => !seen.has(e.id));
			assert(fresh.length === 0, `${fresh.length} executions started by rejected deliveries`);
		});

		await done(`webhook: ${BURST} deliveries at once: each answered 200 and run exactly once (none lost, none doubled)`, async () => {
			const created = trigger('Ticket created');
			await R.clearRules(sandbox.url);
			await R.registerRules(sandbox.url, R.exampleRules({ nodes: [created] }, n8nUrl, { pkgDir: PKG_DIR }));
			const seen = await seenIds();
			const before = (await R.ruleDeliveries(sandbox.url)).length;
			const results = await Promise.all(Array.from({ length: BURST }, (_, i) => customerForm({ subject: `Burst ${i}` })));
			const ids = results.map((r) => Number(r.text));
			assert(results.every((r) => r.status === 200), `ticket creates: ${results.map((r) => r.status).join()}`);
			const deliveries = (await R.settleRules(sandbox.url)).slice(before);
			assert(deliveries.length === BURST && deliveries.every((d) => d.status === 200), `deliveries: ${deliveries.length}, statuses ${[...new Set(deliveries.map((d) => d.status))]}`);
			const fresh = await newExecutions(seen, BURST, 180000);
			await L.sleep(3000);
			const all = (await executions()).filter((e) => !seen.has(e.id));
			const ran = all.map((e) => startItem(e).json?.ticketId);
			const lost = ids.filter((id) => !ran.includes(id));
			const doubled = ids.filter((id) => ran.filter((x) => x === id).length > 1);
			const ms = deliveries.map((d) => d.durationMs).sort((a, b) => a - b);
			const figures = `${BURST} concurrent deliveries (at most ${maxInFlight(deliveries)} in flight): answer p50 ${quantile(ms, 0.5)} ms, p95 ${quantile(ms, 0.95)} ms, max ${ms.at(-1)} ms; ${all.length} executions (${fresh.filter((e) => e.status === 'success').length} success), ${lost.length} lost, ${doubled.length} doubled`;
			log(`webhook: ${figures}`);
			fs.writeFileSync(path.join(work, 'webhook-burst.txt'), `${figures}\n`);
			if (process.env.E2E_WEBHOOK_FIGURES) fs.writeFileSync(process.env.E2E_WEBHOOK_FIGURES, `${figures}\n`);
			assert(lost.length === 0 && doubled.length === 0 && all.length === BURST, figures);
			assert(all.every((e) => e.status === 'success'), `failed: ${JSON.stringify(all.filter((e) => e.status !== 'success').map((e) => [e.id, e.error?.message]))}`);
		});

		await done('webhook: no secret in n8n’s log or in the stored executions', async () => {
			const secrets = [R.RULE_LOGIN.password, Buffer.from(`${R.RULE_LOGIN.user}:${R.RULE_LOGIN.password}`).toString('base64'), sandbox.users.admin.token];
			const logText = server.recent().join('\n') + fs.readFileSync(path.join(work, 'n8n.log'), 'utf8');
			const stored = JSON.stringify(await executions());
			for (const s of secrets) {
				assert(!logText.includes(s), 'a secret appears in n8n’s log');
				assert(!stored.includes(s), 'a secret appears in a stored execution');
			}
		});
	} finally {
		if (server) await server.stop(10000);
		if (sandbox) await sandbox.close();
		if (process.env.E2E_KEEP || passed.includes(false)) log(`webhook: kept ${work}`);
		else fs.rmSync(work, { recursive: true, force: true });
	}
}
