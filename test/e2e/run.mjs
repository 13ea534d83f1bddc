#!/usr/bin/env node
// End-to-end test with a REAL n8n (npm run test:e2e).
//
// Headless. Assumes `npm run build` has run (dist/ exists). Installs n8n into the per-user cache
// if needed (scripts/n8n/install.mjs), then in a temporary data folder with free ports:
//   1. loads the built package as an installed community package,
//   2. imports the sandbox credential, a Ticket Get test workflow and every examples/*.json,
//   3. runs the Ticket Get workflow with `n8n execute` and checks what the sandbox received, the
//      examples' manual branches, and AI agents with the Jitbit tool against a model stub
//      (test/e2e/agent.mjs),
//   4. starts `n8n start` (with the Jitbit Trigger workflows published, if dist/nodes/JitbitTrigger
//      exists), creates the owner account and tests the credential through n8n's REST API with a
//      right and a wrong password, counting the logins the sandbox received,
//   5. with the trigger: creates a ticket in the sandbox and waits for the workflows to run,
//   6. runs `npm start -- --helpdesk` against a second sandbox posing as a real helpdesk (helpdesk.mjs),
//   7. installs the packed tarball into a nodes/ folder as the README says and has n8n load it (install.mjs).
// Ends with a plain `N passed, N failed` line; exit code 1 on any failure.
//
// Env: E2E_KEEP=1 keeps the temp folder (logs, database) for inspection.
//      JITBIT_PKG_DIR=<dir> tests another built package folder (default: this repo).

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';

import { ensureN8n } from '../../scripts/n8n/install.mjs';
import * as L from '../../scripts/n8n/lib.mjs';
import { ruleCredential } from '../../scripts/n8n/webhook-rules.mjs';
import { helpdeskStartChecks } from './helpdesk.mjs';
import { tarballInstallChecks } from './install.mjs';
import { agentScenarios } from './agent.mjs';

const T0 = Date.now();
const PKG_DIR = path.resolve(process.env.JITBIT_PKG_DIR || L.REPO);
const TICKET_GET_WF = 'jitbitE2eGet0001';
const TRIGGER_WF = 'jitbitE2eTrig001';
const TRIGGER_WAIT_MS = Number(process.env.E2E_TRIGGER_WAIT_MS || 150000);

const results = [];
function log(msg) {
	process.stdout.write(`[e2e ${L.fmtMs(Date.now() - T0).padStart(6)}] ${msg}\n`);
}
async function test(name, fn) {
	const t = Date.now();
	try {
		await fn();
		results.push({ name, ok: true });
		log(`PASS ${name} (${L.fmtMs(Date.now() - t)})`);
		return true;
	} catch (err) {
		results.push({ name, ok: false, err });
		log(`FAIL ${name} (${L.fmtMs(Date.now() - t)})\n       ${String(err?.message || err).split('\n').join('\n       ')}`);
		return false;
	}
}
function skip(name, why) {
	results.push({ name, skipped: true });
	log(`SKIP ${name}: ${why}`);
}
function assert(cond, msg) {
	if (!cond) throw new Error(msg);
}

/** `n8n execute --rawOutput` prints some noise, then the run as pretty JSON starting at a lone `{`. */
function parseExecuteOutput(output) {
	const lines = output.split('\n');
	const start = lines.findIndex((l) => l === '{');
	if (start < 0) return null;
	let end = lines.length;
	while (end > start) {
		try {
			return JSON.parse(lines.slice(start, end).join('\n'));
		} catch {
			end--;
		}
	}
	return null;
}

function header(req, name) {
	const h = req.headers || {};
	const key = Object.keys(h).find((k) => k.toLowerCase() === name);
	return key ? String(h[key]) : undefined;
}
function reqPath(req) {
	return String(req.path ?? req.pathname ?? req.url ?? '').split('?')[0];
}
function reqQuery(req) {
	if (req.query && typeof req.query === 'object') return req.query;
	const u = String(req.url ?? '');
	return Object.fromEntries(new URL(u, 'http://x').searchParams);
}

/** Load every file listed in package.json `n8n` in a plain Node child and report what throws. */
async function requireProblems() {
	const pj = JSON.parse(fs.readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8'));
	const files = [...(pj.n8n?.credentials || []), ...(pj.n8n?.nodes || [])];
	const out = [];
	for (const f of files) {
		const abs = path.join(PKG_DIR, f);
		const r = await L.runCommand(process.execPath, ['-e', `const m = require(${JSON.stringify(abs)}); for (const k of Object.keys(m)) new m[k]();`], { timeoutMs: 30000 });
		if (r.code !== 0) out.push(`${f}: ${r.output.split('\n').find((l) => /Error/.test(l)) || r.output.slice(0, 300)}`);
	}
	return out.length ? `Loading the files directly:\n${out.join('\n')}` : 'The files load fine in plain Node (check class names vs file names).';
}

// Manual -> Jitbit Ticket Get, and Manual -> HTTP Request using our credential as a predefined
// credential type (the escape hatch for calls the node lacks).
function ticketGetWorkflow(ticketId, sandboxUrl) {
	return {
		id: TICKET_GET_WF,
		name: 'E2E: Jitbit Ticket Get + HTTP Request with the Jitbit credential',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'e2e00000-0000-4000-8000-000000000001',
				name: 'Manual',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'e2e00000-0000-4000-8000-000000000002',
				name: 'Get ticket',
				type: 'n8n-nodes-jitbit.jitbit',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: String(ticketId) } },
				credentials: { jitbitApi: { id: L.CREDENTIAL_ID, name: L.CREDENTIAL_NAME } },
			},
			{
				id: 'e2e00000-0000-4000-8000-000000000003',
				name: 'HTTP stats',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 200],
				parameters: {
					method: 'GET',
					url: `${sandboxUrl}/api/Stats`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'jitbitApi',
					options: {},
				},
				credentials: { jitbitApi: { id: L.CREDENTIAL_ID, name: L.CREDENTIAL_NAME } },
			},
		],
		connections: {
			Manual: {
				main: [
					[
						{ node: 'Get ticket', type: 'main', index: 0 },
						{ node: 'HTTP stats', type: 'main', index: 0 },
					],
				],
			},
		},
	};
}

function triggerWorkflow(sinkUrl) {
	return {
		id: TRIGGER_WF,
		name: 'E2E: Jitbit Trigger -> sink',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'e2e00000-0000-4000-8000-000000000011',
				name: 'Jitbit Trigger',
				type: 'n8n-nodes-jitbit.jitbitTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newTicket' },
				credentials: { jitbitApi: { id: L.CREDENTIAL_ID, name: L.CREDENTIAL_NAME } },
			},
			{
				id: 'e2e00000-0000-4000-8000-000000000012',
				name: 'Report to test',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					method: 'POST',
					url: sinkUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify($json) }}',
					options: {},
				},
			},
		],
		connections: { 'Jitbit Trigger': { main: [[{ node: 'Report to test', type: 'main', index: 0 }]] } },
	};
}

/** A tiny HTTP server the trigger workflow reports to. */
async function startSink() {
	const hits = [];
	const waiters = new Set();
	const srv = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			let json = null;
			try {
				json = JSON.parse(body);
			} catch {
				/* keep raw */
			}
			hits.push({ at: Date.now(), json, body });
			for (const w of waiters) w();
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise((r) => srv.listen(0, '127.0.0.1', r));
	return {
		url: `http://127.0.0.1:${srv.address().port}/hit`,
		hits,
		waitFor(pred, timeoutMs) {
			return new Promise((resolve, reject) => {
				const check = () => {
					const h = hits.find(pred);
					if (h) {
						clearTimeout(t);
						waiters.delete(check);
						resolve(h);
					}
				};
				const t = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`no matching workflow run reported within ${L.fmtMs(timeoutMs)} (${hits.length} reports)`));
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		close: () => new Promise((r) => srv.close(r)),
	};
}

const EXAMPLES = path.join(L.REPO, 'examples');
const manualCopyId = (id) => `${id.slice(0, 12)}Man1`;
const require = createRequire(import.meta.url);

/** Run a workflow with `n8n execute`; returns the run, throws with the real cause on failure. */
async function executeWorkflow(id, env, work, timeoutMs = 120000) {
	const r = await L.n8nCli(['execute', `--id=${id}`, '--rawOutput'], env, { timeoutMs });
	fs.appendFileSync(path.join(work, 'execute.log'), `\n===== n8n execute --id=${id}: exit ${r.code}\n${r.output}`);
	const run = parseExecuteOutput(r.output);
	if (r.code !== 0 || !run || run.status !== 'success') {
		// n8n execute often hides the cause (e.g. "No active execution found" for a node with
		// parameter issues); the stored execution has it.
		let stored = '';
		try {
			const [last] = await L.readExecutions(work, { limit: 1, workflowId: id });
			if (last?.error) stored = `\nStored execution ${last.id} (${last.status}): ${last.error.name}: ${last.error.message}${last.error.description ? `\n${last.error.description}` : ''}`;
		} catch (e) {
			stored = `\n(could not read the stored execution: ${e.message})`;
		}
		const err = run?.data?.resultData?.error;
		const said = err
			? `${err.message}${err.description ? ` (${err.description})` : ''}`
			: r.output.split('\n').filter((l) => l.trim() && !/^\s+at |migration|Python task runner|license SDK/i.test(l)).slice(-8).join('\n');
		throw new Error(`n8n execute --id=${id} exited ${r.code}${r.timedOut ? ' (timeout)' : ''}, status ${run?.status}:\n${said}${stored}`);
	}
	return run;
}

function nodeOutput(run, nodeName) {
	return run?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

/** A request parameter as the sandbox's handler saw it (query + body, case-insensitive). */
function param(q, name) {
	const key = name.toLowerCase();
	if (q.params && key in q.params) return q.params[key];
	for (const src of [reqQuery(q), q.body && typeof q.body === 'object' ? q.body : {}]) {
		const k = Object.keys(src).find((x) => x.toLowerCase() === key);
		if (k) return src[k];
	}
	return undefined;
}

function describeRequests(reqs) {
	return reqs.map((q) => `${q.method} ${reqPath(q)} ${JSON.stringify(q.params ?? reqQuery(q)).slice(0, 160)} -> ${q.status ?? '?'}`).join('\n');
}

/**
 * Checks a workflow's nodes against the node descriptions n8n exported: unknown node types,
 * parameters the editor would drop (not shown for this resource/operation), and missing
 * required parameters. Uses n8n-workflow's own NodeHelpers, as the editor does.
 */
function checkWorkflowParameters(wf, nodeTypes) {
	const { NodeHelpers } = require('n8n-workflow');
	const problems = [];
	for (const node of wf.nodes) {
		const candidates = nodeTypes.filter((t) => t.name === node.type);
		const desc = candidates.find((t) => (Array.isArray(t.version) ? t.version : [t.version]).includes(node.typeVersion)) ?? candidates[0];
		if (!desc) {
			problems.push(`node "${node.name}": unknown type ${node.type}`);
			continue;
		}
		const resolved = NodeHelpers.getNodeParameters(desc.properties, node.parameters, true, false, node, desc) ?? {};
		const dropped = Object.keys(node.parameters).filter((k) => !(k in resolved));
		if (dropped.length) problems.push(`node "${node.name}": parameters not in the node's description (the editor drops them): ${dropped.join(', ')}`);
		const issues = NodeHelpers.getNodeParametersIssues(desc.properties, { ...node, parameters: resolved }, desc);
		for (const [k, v] of Object.entries(issues?.parameters ?? {})) problems.push(`node "${node.name}": ${k}: ${[].concat(v).join(' ')}`);
	}
	return problems;
}

async function main() {
	let work;
	let sandbox;
	let sink;
	let server;
	let interrupted = false;
	const onSignal = async (sig) => {
		interrupted = true;
		log(`${sig}: stopping`);
		await L.stopAll(3000);
		process.exit(130);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	L.watchParent(() => onSignal('parent process exited'));

	try {
		const distOk = fs.existsSync(path.join(PKG_DIR, 'dist', 'nodes', 'Jitbit'));
		if (!(await test('package is built (dist/nodes/Jitbit exists)', () =>
			assert(distOk, `${PKG_DIR}/dist/nodes/Jitbit is missing: run \`npm run build\` first`),
		)))
			return;
		const hasTrigger = fs.existsSync(path.join(PKG_DIR, 'dist', 'nodes', 'JitbitTrigger'));

		await test('n8n 2.41.1 and Node 24 are installed (cached)', async () => {
			await ensureN8n();
		});
		if (results.some((r) => r.ok === false)) return;

		work = fs.mkdtempSync(path.join(os.tmpdir(), 'jitbit-n8n-e2e-'));
		log(`data folder ${work}`);
		L.installPackageInto(work, { pkgDir: PKG_DIR });

		await test('sandbox starts', async () => {
			sandbox = await L.startSandbox({ logFile: path.join(work, 'sandbox.log') });
			log(`sandbox at ${sandbox.url}`);
		});
		if (!sandbox) return;
		let ticketId;
		await test('sandbox has a ticket to read', async () => {
			ticketId = await sandbox.firstTicketId();
			log(`using ticket ${ticketId}`);
		});
		if (!ticketId) return;
		sink = await startSink();

		const cliEnv = L.n8nEnv(work, { port: await L.freePort(), brokerPort: await L.freePort() });
		const execute = (id) => executeWorkflow(id, cliEnv, work);

		let nodeTypes = [];
		await test('n8n loads the package (export:nodes lists n8n-nodes-jitbit.jitbit)', async () => {
			const file = path.join(work, 'nodes.json');
			const r = await L.n8nCli(['export:nodes', `--output=${file}`], cliEnv, { timeoutMs: 180000 });
			assert(r.code === 0, `export:nodes exit ${r.code}:\n${r.output.slice(-2000)}`);
			nodeTypes = JSON.parse(fs.readFileSync(file, 'utf8'));
			const ours = nodeTypes.map((n) => n.name).filter((n) => n.startsWith(`${L.PACKAGE_NAME}.`));
			log(`node types from the package: ${ours.join(', ') || 'none'}`);
			if (!ours.includes('n8n-nodes-jitbit.jitbit')) {
				// n8n only says "Failed to load package ... Class could not be found" whatever the real
				// cause: require the files ourselves to show the actual exception.
				const said = r.output.split('\n').filter((l, i, a) => /Failed to load package/.test(l) || /Failed to load package/.test(a[i - 1] || ''));
				throw new Error(`n8n-nodes-jitbit.jitbit is not among the loaded node types.\n${said.join('\n')}\n${await requireProblems()}`);
			}
			if (hasTrigger) assert(ours.includes('n8n-nodes-jitbit.jitbitTrigger'), 'dist/nodes/JitbitTrigger exists but n8n did not load jitbitTrigger');
		});

		// The automation-rules example's webhook triggers name a credential of their own: n8n checks
		// every node's credential before any run, its test branch's too.
		await test('n8n import:credentials accepts the sandbox credential and the rules example\'s', async () => {
			const file = L.writeJson(path.join(work, 'import', 'credentials.json'), [...L.sandboxCredential(sandbox), ruleCredential()]);
			const r = await L.n8nCli(['import:credentials', `--input=${file}`], cliEnv, { timeoutMs: 180000 });
			fs.writeFileSync(path.join(work, 'import-credentials.log'), r.output);
			assert(r.code === 0 && /Successfully imported 2 credentials/.test(r.output), `exit ${r.code}:\n${r.output.slice(-2000)}`);
		});

		const examples = fs.existsSync(EXAMPLES) ? fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort() : [];
		const exampleIds = new Set(examples.map((f) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')).id));
		await test('n8n import:workflow accepts the test workflows and examples/*.json', async () => {
			// One CLI call for all of them (each n8n CLI start costs ~2 s): --separate reads a folder.
			const dir = path.join(work, 'import', 'workflows');
			L.writeJson(path.join(dir, '00-ticket-get.json'), ticketGetWorkflow(ticketId, sandbox.url));
			const files = ['00-ticket-get.json'];
			if (hasTrigger) {
				L.writeJson(path.join(dir, '01-trigger.json'), triggerWorkflow(sink.url));
				files.push('01-trigger.json');
			}
			for (const f of examples) {
				fs.copyFileSync(path.join(EXAMPLES, f), path.join(dir, f));
				files.push(f);
				// `n8n execute` starts at the first trigger/poll node even when a Manual Trigger exists
				// (Workflow.getStartNode), so a copy without the Jitbit Trigger runs the manual branch.
				const wf = JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));
				const triggers = wf.nodes.filter((n) => n.type === 'n8n-nodes-jitbit.jitbitTrigger').map((n) => n.name);
				if (triggers.length && wf.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger')) {
					const copy = {
						...wf,
						id: manualCopyId(wf.id),
						name: `${wf.name} (e2e: manual branch only)`,
						nodes: wf.nodes.filter((n) => !triggers.includes(n.name)),
						connections: Object.fromEntries(Object.entries(wf.connections).filter(([from]) => !triggers.includes(from))),
					};
					L.writeJson(path.join(dir, `manual-${f}`), copy);
					files.push(`manual-${f}`);
				}
			}
			const r = await L.n8nCli(['import:workflow', '--separate', `--input=${dir}`], cliEnv, { timeoutMs: 180000 });
			assert(
				r.code === 0 && new RegExp(`Successfully imported ${files.length} workflows?`).test(r.output),
				`import of ${files.join(', ')}: exit ${r.code}:\n${r.output.slice(-2000)}`,
			);
			log(`imported ${files.length} workflows`);
		});

		await test('examples/*.json match the node descriptions n8n loaded (no unknown or missing parameters)', async () => {
			assert(nodeTypes.length, 'no node types exported');
			const problems = [];
			for (const f of examples) problems.push(...checkWorkflowParameters(JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')), nodeTypes).map((p) => `${f}: ${p}`));
			assert(!problems.length, problems.join('\n'));
		});

		let run;
		await test(`n8n execute runs Manual Trigger -> Jitbit Ticket Get (id ${ticketId}) successfully`, async () => {
			await sandbox.clearRequests();
			run = await execute(TICKET_GET_WF);
		});

		await test(`sandbox received GET /api/Ticket?id=${ticketId} with the Bearer token`, async () => {
			const reqs = await sandbox.requests();
			const hit = reqs.find(
				(q) => String(q.method).toUpperCase() === 'GET' && /\/api\/ticket$/i.test(reqPath(q)) && String(reqQuery(q).id) === String(ticketId),
			);
			assert(hit, `no GET /api/Ticket?id=${ticketId} among ${reqs.length} requests:\n${describeRequests(reqs)}`);
			const auth = header(hit, 'authorization');
			assert(auth === `Bearer ${sandbox.users.admin.token}`, `Authorization header was ${auth ? auth.split(' ')[0] + ' <redacted>' : 'missing'}`);
		});

		await test(`execution output holds ticket ${ticketId}`, async () => {
			assert(run, 'no execution to inspect');
			const out = nodeOutput(run, 'Get ticket');
			assert(out.length >= 1, `Get ticket returned ${out.length} items`);
			const t = out[0].json;
			const id = t.TicketID ?? t.IssueID ?? t.id ?? t.ticketId;
			assert(String(id) === String(ticketId), `first item has id ${id}: ${JSON.stringify(t).slice(0, 300)}`);
		});

		await test('the HTTP Request node authenticates with the Jitbit credential as a predefined type', async () => {
			const reqs = await sandbox.requests();
			const hit = reqs.find((q) => String(q.method).toUpperCase() === 'GET' && /\/api\/stats$/i.test(reqPath(q)));
			assert(hit, `no GET /api/Stats among ${reqs.length} requests:\n${describeRequests(reqs)}`);
			assert(header(hit, 'authorization') === `Bearer ${sandbox.users.admin.token}`, 'GET /api/Stats did not carry the Bearer token');
			const out = nodeOutput(run, 'HTTP stats');
			assert(out.length === 1 && typeof out[0].json.TotalTickets === 'number', `HTTP stats output: ${JSON.stringify(out).slice(0, 300)}`);
		});

		// ---- The examples, through their "Test workflow" (Manual Trigger) branches ---------------
		const exampleTest = async (id, name, fn) => {
			if (!exampleIds.has(id)) return skip(name, `no example with id ${id} in examples/`);
			return test(name, fn);
		};

		await exampleTest('jitbitExAlert001', 'example alert -> ticket: first run creates a Critical ticket', async () => {
			await sandbox.clearRequests();
			await execute('jitbitExAlert001');
			const creates = (await sandbox.requests()).filter((q) => q.method === 'POST' && /\/api\/ticket$/i.test(reqPath(q)));
			assert(creates.length === 1, `expected 1 POST /api/Ticket, got ${creates.length}:\n${describeRequests(await sandbox.requests())}`);
			assert(param(creates[0], 'subject') === '[alert] Disk full on db-1', `subject ${param(creates[0], 'subject')}`);
			const prio = param(creates[0], 'priorityId') ?? param(creates[0], 'priority');
			assert(String(prio) === '2', `priority sent was ${prio}, expected 2 (critical)`);
		});
		await exampleTest('jitbitExAlert001', 'example alert -> ticket: second run finds the open ticket and creates none', async () => {
			await sandbox.clearRequests();
			const r = await execute('jitbitExAlert001');
			const creates = (await sandbox.requests()).filter((q) => q.method === 'POST' && /\/api\/ticket$/i.test(reqPath(q)));
			assert(creates.length === 0, `a duplicate ticket was created (${creates.length} POST /api/Ticket)`);
			assert(nodeOutput(r, 'Skip duplicate').length === 1, 'the duplicate branch did not run');
		});
		await exampleTest('jitbitExTriage01', 'example triage (manual branch): tech-only comment + custom field on ticket 1001', async () => {
			await sandbox.clearRequests();
			await execute(manualCopyId('jitbitExTriage01'));
			const reqs = await sandbox.requests();
			const comment = reqs.find((q) => q.method === 'POST' && /\/api\/comment$/i.test(reqPath(q)));
			assert(comment, `no POST /api/comment:\n${describeRequests(reqs)}`);
			assert(String(param(comment, 'id')) === '1001', `comment on ticket ${param(comment, 'id')}`);
			assert(String(param(comment, 'forTechsOnly')) === 'true', `forTechsOnly was ${param(comment, 'forTechsOnly')}`);
			const field = reqs.find((q) => q.method === 'POST' && /\/api\/setcustomfield$/i.test(reqPath(q)));
			assert(field, `no POST /api/SetCustomField:\n${describeRequests(reqs)}`);
			assert(String(param(field, 'fieldId')) === '6' && /^triage: /.test(String(param(field, 'value'))), `SetCustomField sent ${JSON.stringify(field.params ?? field.body)}`);
		});
		await exampleTest('jitbitExUserSync', 'example user sync: first run creates both users, second run updates them', async () => {
			const actions = async () => nodeOutput(await execute('jitbitExUserSync'), 'Create or update user').map((i) => `${i.json.email}:${i.json.action}`);
			const first = await actions();
			assert(first.join() === 'ada@example.com:created,grace@example.com:created', `first run: ${first.join()}`);
			const second = await actions();
			assert(second.join() === 'ada@example.com:updated,grace@example.com:updated', `second run: ${second.join()}`);
		});

		await exampleTest('jitbitExRules001', 'example automation rules (test branch): the sample rule request composes its message, no API call', async () => {
			await sandbox.clearRequests();
			const msg = nodeOutput(await execute('jitbitExRules001'), 'Compose message').map((i) => i.json);
			assert(msg.length === 1 && msg[0].text.startsWith('Ticket is created: ticket #1001 ') && msg[0].event === 'ticketCreated', `Compose message: ${JSON.stringify(msg).slice(0, 300)}`);
			const reqs = await sandbox.requests();
			assert(reqs.length === 0, `the sandbox received:\n${describeRequests(reqs)}`);
		});

		await agentScenarios({ test, skip, assert, log, L, work, cliEnv, sandbox, executeWorkflow, manualCopyId, nodeTypes, nodeOutput, reqPath, param, describeRequests });

		// ---- A running n8n: the credential test through its REST API, then active triggers ------
		const triggerName = 'Jitbit Trigger: an active workflow runs after a ticket is created in the sandbox';
		const triageName = 'example triage runs from its trigger on the new ticket (comment posted)';
		const closedName = 'example ticket closed -> notify runs when a ticket is closed';
		const credentialNames = [
			'credential test in n8n (POST /rest/credentials/test): the right password is OK, in one request',
			'credential test in n8n (POST /rest/credentials/test): a wrong password gets our message, in exactly one request',
		];
		const active = hasTrigger ? [TRIGGER_WF, ...['jitbitExTriage01', 'jitbitExClosed01'].filter((id) => exampleIds.has(id))] : [];
		let base;
		let newId;
		let closedId;
		let t0;
		await test(`n8n start${active.length ? ' with the trigger workflows published; first polls reach the sandbox' : ''}`, async () => {
			for (const id of active) {
				const r = await L.n8nCli(['publish:workflow', `--id=${id}`], cliEnv, { timeoutMs: 120000 });
				assert(r.code === 0, `publish:workflow ${id} exit ${r.code}:\n${r.output.slice(-2000)}`);
			}
			const port = await L.freePort();
			const env = L.n8nEnv(work, { port, brokerPort: await L.freePort() });
			await sandbox.clearRequests();
			t0 = Date.now();
			server = L.startN8n(env, { logFile: path.join(work, 'n8n-start.log'), name: 'n8n start' });
			await L.waitForHttp(`http://127.0.0.1:${port}/healthz/readiness`, 120000, server);
			log(`n8n start ready on port ${port} in ${L.fmtMs(Date.now() - t0)}; ${active.length} active trigger workflows`);
			// Each trigger polls once on activation: wait for those so what we do next is "new".
			const deadline = Date.now() + 60000;
			for (;;) {
				const polls = (await sandbox.requests()).filter((q) => /\/api\/tickets$/i.test(reqPath(q))).length;
				if (polls >= active.length) break;
				const bad = server.recent().find((l) => /problem activating|could not be activated|cannot run on this instance|Unrecognized node type/i.test(l));
				if (bad) throw new Error(`activation failed: ${bad}`);
				if (Date.now() > deadline) throw new Error(`only ${polls} of ${active.length} first polls reached the sandbox:\n${server.recent().slice(-30).join('\n')}`);
				await L.sleep(500);
			}
			if (active.length) await L.sleep(1500); // let the first polls finish storing their cursors
			base = `http://127.0.0.1:${port}`;
		});
		if (!base) {
			for (const n of [...credentialNames, triggerName, triageName, closedName]) skip(n, 'n8n start did not come up');
			return;
		}

		// The editor's "Test" button: n8n's own CredentialsTester runs the credential's test request
		// and rules. A wrong password must cost one login (Jitbit locks the IP after three), so the
		// requests sent with the tested Basic header are counted at the sandbox, whatever the URL.
		let owner;
		await test('n8n REST: owner account set up (POST /rest/owner/setup)', async () => {
			owner = await L.ownerSession(base);
		});
		const testCredential = async (password) => {
			assert(owner, 'no owner session');
			const { username } = sandbox.users.admin;
			await sandbox.clearRequests();
			const r = await owner.rest('POST', 'credentials/test', {
				credentials: {
					id: L.CREDENTIAL_ID,
					name: L.CREDENTIAL_NAME,
					type: 'jitbitApi',
					data: { helpdeskUrl: sandbox.url, authType: 'basic', username, password, rateLimit: 90, searchRateLimit: 60, rateLimitWindow: 60 },
				},
			});
			assert(r.status === 200 && r.json?.data, `POST /rest/credentials/test answered ${r.status}: ${r.text.slice(0, 300)}`);
			const basic = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
			const sent = (await sandbox.requests()).filter((q) => header(q, 'authorization') === basic);
			return { result: r.json.data, sent };
		};
		const oneLogin = (sent, status) =>
			assert(
				sent.length === 1 && sent[0].method === 'POST' && /\/api\/authorization$/i.test(reqPath(sent[0])) && sent[0].status === status,
				`expected exactly one POST /api/Authorization answered ${status}, the sandbox got ${sent.length}:\n${describeRequests(sent)}`,
			);
		await test(credentialNames[0], async () => {
			const { result, sent } = await testCredential(sandbox.users.admin.password);
			oneLogin(sent, 200);
			assert(result.status === 'OK' && result.message === 'Connection successful!', `n8n said ${JSON.stringify(result)}`);
			log(`good password: n8n said ${result.status} "${result.message}"; ${sent.length} request at the sandbox`);
		});
		await test(credentialNames[1], async () => {
			const { result, sent } = await testCredential('wrong-password');
			oneLogin(sent, 401);
			assert(
				result.status === 'Error' && /^Jitbit did not accept these credentials, or it has locked this IP address out: .* check the username and password, or create a new API token/.test(result.message),
				`n8n said ${JSON.stringify(result)}`,
			);
			assert(!result.message.includes('wrong-password'), 'the message repeats the password');
			log(`wrong password: n8n said ${result.status} "${result.message.slice(0, 60)}…"; ${sent.length} request at the sandbox`);
		});

		if (!hasTrigger) {
			for (const n of [triggerName, triageName, closedName]) skip(n, 'dist/nodes/JitbitTrigger does not exist yet (the trigger is not built)');
			return;
		}

		const subject = `E2E trigger ${Date.now()}`;
		await test('sandbox: a customer creates a ticket and an admin closes another', async () => {
			const res = await sandbox.api('Ticket', {
				user: 'customer',
				method: 'POST',
				form: { categoryId: '1', subject, body: 'My laptop will not start (created by test/e2e/run.mjs)', priorityId: '0' },
			});
			assert(res.status === 200, `sandbox refused POST /api/Ticket: ${res.status} ${res.text.slice(0, 200)}`);
			newId = Number(String(res.text).trim().match(/-?\d+/)?.[0]);
			closedId = ticketId;
			const close = await sandbox.api('UpdateTicket', { method: 'POST', form: { id: String(closedId), statusId: '3' } });
			assert(close.status === 200, `sandbox refused UpdateTicket: ${close.status} ${close.text.slice(0, 200)}`);
			log(`ticket ${newId} created, ticket ${closedId} closed; waiting up to ${L.fmtMs(TRIGGER_WAIT_MS)} for the next polls`);
		});

		const waitForExecution = async (workflowId, pred = () => true) => {
			const deadline = Date.now() + TRIGGER_WAIT_MS;
			for (;;) {
				const execs = await L.readExecutions(work, { limit: 10, workflowId, withData: true });
				const done = execs.find((e) => e.mode === 'trigger' && e.status !== 'running' && e.status !== 'new' && pred(e));
				if (done) {
					assert(done.status === 'success', `execution ${done.id} ended ${done.status}${done.error ? `: ${done.error.message}` : ''}`);
					return done;
				}
				if (Date.now() > deadline) {
					throw new Error(`no trigger execution of ${workflowId} within ${L.fmtMs(TRIGGER_WAIT_MS)}; stored: ${JSON.stringify(execs.map((e) => [e.id, e.mode, e.status, e.error?.message]))}`);
				}
				await L.sleep(2000);
			}
		};

		await Promise.all([
			test(triggerName, async () => {
				const hit = await sink
					.waitFor(
						(h) => h.json && (String(h.json.Subject ?? h.json.subject) === subject || [h.json.TicketID, h.json.IssueID, h.json.id, h.json.ticketId].map(String).includes(String(newId))),
						TRIGGER_WAIT_MS,
					)
					.catch(async (err) => {
						const got = sink.hits.map((h) => JSON.stringify(h.json ?? h.body).slice(0, 200)).join('\n');
						const polls = (await sandbox.requests()).map((q) => `${q.method} ${reqPath(q)} ${JSON.stringify(reqQuery(q))} -> ${q.status ?? '?'}`);
						throw new Error(`${err.message}\nreports:\n${got || '(none)'}\nsandbox requests since start:\n${polls.slice(-12).join('\n')}`);
					});
				const e = await waitForExecution(TRIGGER_WF);
				log(`trigger workflow: execution ${e.id} (${e.mode}, ${e.status}) reported ticket ${hit.json.TicketID ?? hit.json.IssueID ?? hit.json.id} ${L.fmtMs(hit.at - t0)} after n8n start`);
			}),
			exampleIds.has('jitbitExTriage01')
				? test(triageName, async () => {
						const e = await waitForExecution('jitbitExTriage01');
						const reqs = await sandbox.requests();
						const comment = reqs.find((q) => q.method === 'POST' && /\/api\/comment$/i.test(reqPath(q)) && String(param(q, 'id')) === String(newId));
						assert(comment, `execution ${e.id} succeeded but no comment was posted on ticket ${newId}:\n${describeRequests(reqs)}`);
						log(`triage example: execution ${e.id} commented on ticket ${newId}`);
					})
				: skip(triageName, 'example missing'),
			exampleIds.has('jitbitExClosed01')
				? test(closedName, async () => {
						const e = await waitForExecution('jitbitExClosed01');
						const msg = e.data?.resultData?.runData?.['Compose message']?.[0]?.data?.main?.[0]?.map((i) => i.json) ?? [];
						assert(msg.some((m) => String(m.ticketId) === String(closedId)), `notification items: ${JSON.stringify(msg).slice(0, 400)}`);
						log(`closed example: execution ${e.id}: ${msg.find((m) => String(m.ticketId) === String(closedId))?.text}`);
					})
				: skip(closedName, 'example missing'),
		]);
	} finally {
		if (!interrupted) {
			if (server) await server.stop(10000);
			if (sink) await sink.close();
			if (sandbox) await sandbox.close();
			await L.stopAll(3000);
			if (work) {
				const failed = results.some((r) => r.ok === false);
				if (process.env.E2E_KEEP || failed) log(`kept ${work} (logs: *.log)`);
				else fs.rmSync(work, { recursive: true, force: true });
			}
		}
	}
}

const hardTimeout = setTimeout(() => {
	log('FAIL the whole run exceeded 15 minutes');
	results.push({ name: 'overall timeout', ok: false });
	finish();
}, Number(process.env.E2E_TIMEOUT_MS || 15 * 60 * 1000));
hardTimeout.unref();

function finish() {
	const passed = results.filter((r) => r.ok).length;
	const failed = results.filter((r) => r.ok === false).length;
	const skipped = results.filter((r) => r.skipped).length;
	log(`done in ${L.fmtMs(Date.now() - T0)}${skipped ? ` (${skipped} skipped)` : ''}`);
	L.stopAll(2000).finally(() => {
		process.stdout.write(`${passed} passed, ${failed} failed\n`);
		process.exit(failed ? 1 : 0);
	});
}

main()
	.then(async () => (await import('./webhook.mjs')).webhookE2e({ test, skip, log, assert }))
	.then(() => helpdeskStartChecks({ test, assert, log }))
	.then(() => tarballInstallChecks({ test, assert, log }))
	.catch((err) => {
		results.push({ name: 'harness', ok: false });
		log(`FAIL harness error: ${err?.stack || err}`);
	})
	.finally(finish);
