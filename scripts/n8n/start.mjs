#!/usr/bin/env node
// npm start: a real n8n with this package loaded, the Jitbit sandbox, its credential and the
// example workflows, on http://127.0.0.1:5678. Ctrl-C stops everything.
//
// npm start -- --helpdesk https://company.jitbit.com/helpdesk: the same, plus a credential for
// that helpdesk and a copy of every example wired to it (unpublished). The API token comes from
// JITBIT_TOKEN or a hidden prompt, never from the command line (helpdesk.mjs).
//
// First run: npm ci (if node_modules is missing), build, and a one-time download of Node 24 +
// n8n 2.41.1 into ~/.cache/n8n-nodes-jitbit (up to about 7 minutes). Later runs start in seconds.
//
// Options (environment):
//   N8N_PORT=5678              editor port        JITBIT_SANDBOX_PORT=8089   sandbox port
//   JITBIT_N8N_DATA=.n8n-local data folder        JITBIT_START_VERBOSE=1     echo n8n's log
//   JITBIT_SKIP_BUILD=1        use dist/ as it is JITBIT_MODEL_STUB_PORT=8090  model stub port
//   JITBIT_SANDBOX_PROFILE=legacy  the sandbox plays an older install (sandbox/profiles.ts)

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import * as H from './helpdesk.mjs';
import { startModelStub, stubCredential, triageScript } from '../ai/model-stub.mjs';
import { ensureN8n, n8nPaths } from './install.mjs';
import * as L from './lib.mjs';
import * as R from './webhook-rules.mjs';

const T0 = Date.now();
const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const SANDBOX_PORT = Number(process.env.JITBIT_SANDBOX_PORT || 8089);
const STUB_PORT = Number(process.env.JITBIT_MODEL_STUB_PORT || 8090);
const DATA = path.resolve(L.REPO, process.env.JITBIT_N8N_DATA || '.n8n-local');
const VERBOSE = !!process.env.JITBIT_START_VERBOSE;

function say(msg) {
	process.stdout.write(`[start ${L.fmtMs(Date.now() - T0).padStart(6)}] ${msg}\n`);
}
function die(msg) {
	process.stderr.write(`\n[start] ERROR: ${msg}\n`);
	L.stopAll(3000).finally(() => process.exit(1));
}

function hash(value) {
	return crypto.createHash('sha256').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex');
}

/** What was imported already, so a second run skips unchanged imports (and keeps your edits). */
function loadState() {
	try {
		return JSON.parse(fs.readFileSync(path.join(DATA, 'start-state.json'), 'utf8'));
	} catch {
		return { examples: {} };
	}
}
function saveState(state) {
	L.writeJson(path.join(DATA, 'start-state.json'), state);
}

async function npm(args, what) {
	say(`${what}: npm ${args.join(' ')}`);
	const r = await L.runCommand('npm', args, { inherit: true, timeoutMs: 20 * 60 * 1000 });
	if (r.code !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${r.code})`);
}

let stopping = false;
let n8n;
let sandbox;
let stub;

async function shutdown(code, why) {
	if (stopping) return;
	stopping = true;
	if (why) say(why);
	say('stopping n8n and the sandbox...');
	if (n8n) await n8n.stop(20000);
	if (sandbox) await sandbox.close();
	if (stub) await stub.close();
	await L.stopAll(3000);
	say('stopped.');
	process.exit(code);
}

async function main() {
	process.on('SIGINT', () => shutdown(0, 'Ctrl-C received'));
	process.on('SIGTERM', () => shutdown(0, 'SIGTERM received'));
	L.watchParent(() => shutdown(0, 'parent process (npm) exited'));
	const helpdeskUrl = H.helpdeskArgument();

	// 1. Dependencies and build of this package.
	if (!fs.existsSync(path.join(L.REPO, 'node_modules'))) await npm(['ci'], 'installing the project dependencies');
	if (process.env.JITBIT_SKIP_BUILD) say('JITBIT_SKIP_BUILD set: using dist/ as it is');
	else
		await npm(['run', 'build', '--silent'], 'building the package').catch((err) => {
			throw new Error(`${err.message}\n  Fix the build, or run with JITBIT_SKIP_BUILD=1 to use dist/ as it is.`);
		});

	// 1b. A real helpdesk, if asked for: its token, checked with one login, before the long steps.
	let helpdesk;
	if (helpdeskUrl) {
		let addresses;
		try {
			addresses = H.helpdeskAddresses(helpdeskUrl);
		} catch (err) {
			throw new Error(`--helpdesk ${helpdeskUrl}: ${err.message}`);
		}
		const token = await H.helpdeskToken(addresses.host);
		say(`checking the token with ${addresses.api}/Authorization (one login)`);
		const user = await H.checkHelpdesk(addresses, token);
		say(`${addresses.host} accepted the token: Jitbit user ${user.Username ?? user.UserName ?? user.Email ?? user.UserID}${user.IsAdmin ? ' (administrator)' : ''}`);
		helpdesk = { ...addresses, user, credential: H.helpdeskCredential(addresses, token) };
	}

	// 2. n8n itself (cached per user; the first time takes minutes).
	await ensureN8n();

	// 3. Ports.
	if (await L.portInUse(N8N_PORT))
		throw new Error(`port ${N8N_PORT} is in use (another n8n, or an earlier npm start still running?). Set N8N_PORT to use another.`);
	if (await L.portInUse(SANDBOX_PORT))
		throw new Error(`port ${SANDBOX_PORT} is in use. Set JITBIT_SANDBOX_PORT to use another.`);
	if (await L.portInUse(STUB_PORT))
		throw new Error(`port ${STUB_PORT} is in use. Set JITBIT_MODEL_STUB_PORT to use another.`);
	const brokerPort = await L.freePort();
	const cliBrokerPort = await L.freePort();

	// 4. The sandbox.
	say(`starting the Jitbit sandbox on 127.0.0.1:${SANDBOX_PORT}`);
	fs.mkdirSync(DATA, { recursive: true });
	sandbox = await L.startSandbox({ port: SANDBOX_PORT, logFile: path.join(DATA, 'sandbox.log') });
	// The stand-in for an OpenAI model that the AI triage example uses (no key, no network).
	stub = await startModelStub({
		port: STUB_PORT,
		scripts: [triageScript],
		recordFile: path.join(DATA, 'model-stub.json'),
		log: (line) => fs.appendFileSync(path.join(DATA, 'model-stub.log'), `${new Date().toISOString()} ${line}\n`),
	});

	// 5. The package where n8n loads installed community packages.
	const target = L.installPackageInto(DATA);
	say(`package copied to ${path.relative(L.REPO, target)}`);

	// 6. Credential and example workflows, through n8n's CLI (only what changed since last run).
	const state = loadState();
	const cliEnv = L.n8nEnv(DATA, { port: N8N_PORT, brokerPort: cliBrokerPort });
	const cred = [...L.sandboxCredential(sandbox), R.ruleCredential(), stubCredential(stub.baseUrl)];
	if (state.credential !== hash(cred)) {
		say('importing the credentials "Jitbit sandbox", "Jitbit rule (sandbox)" and "OpenAI (local model stub)"');
		const file = L.writeJson(path.join(DATA, 'import', 'credentials.json'), cred);
		const r = await L.n8nCli(['import:credentials', `--input=${file}`], cliEnv, { timeoutMs: 300000 });
		fs.rmSync(file, { force: true }); // plaintext token: do not leave it lying around
		if (r.code !== 0) throw new Error(`n8n import:credentials failed:\n${r.output.slice(-3000)}`);
		state.credential = hash(cred);
		saveState(state);
	}
	if (helpdesk && state.helpdeskCredential?.[helpdesk.host] !== hash(helpdesk.credential)) {
		say(`importing the credential "${helpdesk.credential[0].name}"`);
		const file = L.writeJson(path.join(DATA, 'import', 'helpdesk-credential.json'), helpdesk.credential);
		const r = await L.n8nCli(['import:credentials', `--input=${file}`], cliEnv, { timeoutMs: 300000 });
		fs.rmSync(file, { force: true }); // plaintext token: do not leave it lying around
		if (r.code !== 0) throw new Error(`n8n import:credentials failed:\n${r.output.slice(-3000)}`);
		state.helpdeskCredential = { ...state.helpdeskCredential, [helpdesk.host]: hash(helpdesk.credential) };
		saveState(state);
	}
	// The examples as they are (sandbox), and with --helpdesk a copy of each wired to it; each
	// imported again only when it changed, so your edits survive restarts.
	const exDir = path.join(L.REPO, 'examples');
	const examples = fs.existsSync(exDir) ? fs.readdirSync(exDir).filter((f) => f.endsWith('.json')).sort() : [];
	const workflows = examples.map((f) => ({ key: f, file: f, json: JSON.parse(fs.readFileSync(path.join(exDir, f), 'utf8')) }));
	if (helpdesk) {
		for (const { file, json } of [...workflows]) {
			workflows.push({ key: `${helpdesk.host}/${file}`, file: `${helpdesk.host}-${file}`, json: H.wiredToHelpdesk(json, helpdesk.credential) });
		}
	}
	const changed = workflows.filter((w) => state.examples[w.key] !== hash(w.json));
	if (changed.length) {
		say(`importing ${changed.length} example workflow(s): ${changed.map((w) => w.key).join(', ')}`);
		const dir = path.join(DATA, 'import', 'examples');
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		for (const w of changed) L.writeJson(path.join(dir, w.file), w.json);
		const r = await L.n8nCli(['import:workflow', '--separate', `--input=${dir}`], cliEnv, { timeoutMs: 300000 });
		if (r.code !== 0) throw new Error(`n8n import:workflow failed:\n${r.output.slice(-3000)}`);
		for (const w of changed) state.examples[w.key] = hash(w.json);
		saveState(state);
		// The automation-rules example starts from webhooks: published, so the sandbox's rules reach it.
		if (changed.includes(path.basename(R.RULE_EXAMPLE))) {
			const id = R.readRuleExample().id;
			const p = await L.n8nCli(['publish:workflow', `--id=${id}`], cliEnv, { timeoutMs: 120000 });
			if (p.code !== 0) throw new Error(`n8n publish:workflow --id=${id} failed:\n${p.output.slice(-3000)}`);
		}
	}

	// 7. n8n.
	say(`starting n8n on http://127.0.0.1:${N8N_PORT} (log: ${path.relative(L.REPO, path.join(DATA, 'n8n.log'))})`);
	const env = L.n8nEnv(DATA, { port: N8N_PORT, brokerPort });
	n8n = L.startN8n(env, {
		logFile: path.join(DATA, 'n8n.log'),
		echo: VERBOSE ? (l) => process.stdout.write(`  n8n | ${l}\n`) : undefined,
	});
	n8n.exited.then(({ code, signal }) => {
		if (!stopping) {
			process.stderr.write(`\nn8n exited unexpectedly (${signal || code}). Last lines:\n${n8n.recent().slice(-25).join('\n')}\n`);
			shutdown(1);
		}
	});
	await L.waitForHttp(`http://127.0.0.1:${N8N_PORT}/healthz/readiness`, 180000, n8n);
	// The sandbox plays the Jitbit rules a user would set up for the example (its clock ticks every minute for overdue tickets).
	const rules = await R.registerRules(sandbox.url, R.exampleRules(R.readRuleExample(), `http://127.0.0.1:${N8N_PORT}`));
	await R.startRuleClock(sandbox.url, 60000);
	// (the cache folder is also called n8n-nodes-jitbit: ignore paths into it)
	const loadProblem = n8n
		.recent()
		.map((l) => l.split(n8nPaths().root).join('<cache>'))
		.find((l) => /n8n-nodes-jitbit/.test(l) && /error|fail|could not|unrecognized/i.test(l));

	const u = sandbox.users;
	const userLine = (role) =>
		u[role] ? `${role.padEnd(8)} ${u[role].username} / ${u[role].password}   token ${u[role].token}` : '';
	const lines = [
		'',
		'================================================================================',
		` n8n ${'2.41.1'} with n8n-nodes-jitbit is running  (ready in ${L.fmtMs(Date.now() - T0)})`,
		'',
		`   Editor        http://127.0.0.1:${N8N_PORT}`,
		`   Jitbit sandbox ${sandbox.url}  (API under /api)`,
		`   Model stub     ${stub.baseUrl}  (OpenAI-compatible, plays the AI triage example's script)`,
		'   Sandbox users (demo only):',
		`     ${userLine('admin')}`,
		`     ${userLine('tech')}`,
		`     ${userLine('customer')}`,
		'   n8n credentials: "Jitbit sandbox" (token auth as the sandbox admin),',
		'   "OpenAI (local model stub)" (Base URL = the model stub)',
		...(helpdesk
			? [
					`   n8n credential "${helpdesk.credential[0].name}": your helpdesk, as Jitbit user ${helpdesk.user.Username ?? helpdesk.user.UserID}`,
					`     and a copy of each example wired to it, named "... [${helpdesk.host}]", not published.`,
					'     Runs started in the editor write nothing to Jitbit (the examples\' "Published run?" node);',
					'     publishing one lets it write. See the README, "Going to production".',
				]
			: []),
		'',
		' What to try',
		'   1. Open the editor. On the first visit n8n asks you to create its (local) owner account.',
		`   2. Overview > Workflows: ${examples.length} "Jitbit example: ..." flows, wired to the sandbox credentials.`,
		'      Open one and click Execute workflow (its menu picks the trigger, e.g. "from Test workflow"):',
		'      a run started in the editor writes nothing, the "Published run?" node shows what it would.',
		'      Publish a workflow to let it write, and its Jitbit Trigger poll every minute.',
		'   3. New workflow > + > search "Jitbit": every resource and operation, plus the Jitbit Trigger.',
		'   4. Overview > Credentials > "Jitbit sandbox": opening it tests the connection.',
		`   5. Alert example, once published: curl -X POST http://127.0.0.1:${N8N_PORT}/webhook/jitbit-alert \\`,
		`        -H 'content-type: application/json' -d '{"title":"Disk full","severity":"critical"}'`,
		`   6. Change the sandbox yourself: ${sandbox.url}/api/... with a token above, e.g. a new ticket:`,
		`        curl -H 'Authorization: Bearer <customer token>' -d categoryId=1 -d subject='Printer jammed' ${sandbox.url}/api/Ticket`,
		`   7. Automation rules: the sandbox sends ${rules.length} Jitbit rules (${rules.map((r) => r.event).join(', ')}) to the`,
		'      published "Jitbit example: automation rules -> instant events": create, reply to or close a ticket',
		`      (step 6) and see one execution each, at once. Rules and deliveries: ${sandbox.url}/sandbox/rules`,
		'   8. "AI agent triage" example: published, it triages each new ticket through the model stub',
		'      (create one as in step 6: the next poll, within a minute, runs it); an editor run only shows',
		'      the ticket it would triage. What the model was sent (tool schemas, tool results) is in',
		`      ${path.relative(L.REPO, DATA)}/model-stub.json.`,
		'',
		`   Logs: ${path.relative(L.REPO, DATA)}/n8n.log, ${path.relative(L.REPO, DATA)}/sandbox.log`,
		'   Ctrl-C stops n8n and the sandbox. Data stays in .n8n-local/ (delete it to start over).',
		'================================================================================',
		'',
	];
	process.stdout.write(lines.join('\n') + '\n');
	if (loadProblem) say(`WARNING, n8n reported a problem with the package: ${loadProblem}`);
}

main().catch((err) => die(err?.message || String(err)));
