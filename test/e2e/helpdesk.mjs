// `npm start -- --helpdesk <url>` against a sandbox posing as an external helpdesk (a second
// sandbox, under /helpdesk, as an on-premise install answers): start.mjs must check the token
// with one login, import a credential for that helpdesk and a copy of every example wired to it,
// unpublished, leave the token nowhere in plain text, and keep the sandbox as it was. Runs the
// real start.mjs, as a user would, with the token in JITBIT_TOKEN and no terminal to ask on.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { HELPDESK_CREDENTIAL_ID, wiredToHelpdesk } from '../../scripts/n8n/helpdesk.mjs';
import * as L from '../../scripts/n8n/lib.mjs';

const EXAMPLES = path.join(L.REPO, 'examples');

/** Every file under `dir` whose text holds `secret`, but n8n's database (it stores it encrypted). */
function filesHolding(dir, secret) {
	const hits = [];
	for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || /database\.sqlite/.test(entry.name)) continue;
		const file = path.join(entry.parentPath ?? entry.path, entry.name);
		if (fs.readFileSync(file).includes(secret)) hits.push(path.relative(dir, file));
	}
	return hits;
}

export async function helpdeskStartChecks({ test, assert, log }) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jitbit-e2e-helpdesk-'));
	const data = path.join(work, 'data');
	const external = await L.startSandbox({ port: 0, logFile: path.join(work, 'external-sandbox.log') });
	// Its own token, not the demo one start.mjs prints for its sandbox: a new password issues one.
	const reset = await external.api('UpdateUser', { method: 'POST', form: { userId: '1', password: 'another-helpdesk-pass' } });
	if (reset.status !== 200) throw new Error(`UpdateUser on the external sandbox: ${reset.status} ${reset.text.slice(0, 200)}`);
	const token = await external.token('admin');
	await external.clearRequests();
	const url = `${external.url}/helpdesk`;
	const host = new URL(external.url).host;
	const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
	let start;
	let output = [];
	let failed = false;
	const n8nPort = await L.freePort();
	const startScript = path.join(L.REPO, 'scripts/n8n/start.mjs');
	try {
		await test('npm start -- --helpdesk refuses a token on the command line, and stops without one', async () => {
			const noToken = { ...process.env, JITBIT_TOKEN: '', JITBIT_N8N_DATA: data, JITBIT_SKIP_BUILD: '1' };
			const onCommandLine = await L.runCommand(process.execPath, [startScript, '--helpdesk', url, '--token', token], { env: noToken, timeoutMs: 60000 });
			assert(onCommandLine.code === 1 && /--token is not an option: a token on the command line stays in your shell's history/.test(onCommandLine.output), `--token: exit ${onCommandLine.code}: ${onCommandLine.output.slice(-400)}`);
			const missing = await L.runCommand(process.execPath, [startScript, '--helpdesk', url], { env: noToken, timeoutMs: 60000 });
			assert(missing.code === 1 && new RegExp(`no API token for ${host}: set JITBIT_TOKEN`).test(missing.output), `no token: exit ${missing.code}: ${missing.output.slice(-400)}`);
			const logins = (await external.requests()).filter((q) => /authorization$/i.test(q.path));
			assert(logins.length === 0, `${logins.length} logins reached the helpdesk without a token`);
		});

		const ok = await test(`npm start -- --helpdesk ${url}: one login, then n8n starts with it`, async () => {
			const env = {
				...process.env,
				JITBIT_TOKEN: token,
				JITBIT_N8N_DATA: data,
				JITBIT_SKIP_BUILD: '1',
				N8N_PORT: String(n8nPort),
				JITBIT_SANDBOX_PORT: String(await L.freePort()),
			};
			start = L.startProcess(process.execPath, [startScript, '--helpdesk', url], {
				env,
				logFile: path.join(work, 'start.log'),
				name: 'npm start --helpdesk',
			});
			await start.waitForLine(/with n8n-nodes-jitbit is running/, 300000, 'the ready banner');
			output = start.recent();
			const logins = (await external.requests()).filter((q) => /^\/helpdesk\/api\/authorization$/i.test(q.path));
			assert(logins.length === 1, `${logins.length} logins reached the helpdesk, expected exactly 1`);
			assert(logins[0].method === 'POST' && logins[0].headers?.authorization === `Bearer ${token}`, `the login was ${logins[0].method} with ${logins[0].headers?.authorization ? 'another' : 'no'} Authorization`);
			assert(output.some((l) => l.includes(`${host} accepted the token: Jitbit user`)), 'start.mjs did not report the accepted token');
			assert(output.some((l) => l.includes(`n8n credential "Jitbit ${host}"`)), 'the banner does not name the helpdesk credential');
		});
		if (!ok) return;

		// What the editor's Execute workflow sends (POST /rest/workflows/:id/run, mode manual), from
		// each trigger its menu offers (webhooks only listen in the editor): the copies that write
		// must stop at "Published run?" and send the helpdesk nothing but reads.
		const writers = examples
			.map((f) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')))
			.filter((wf) => wf.nodes.some((n) => n.name === 'Published run?'));
		const editorRuns = writers.flatMap((wf) =>
			wf.nodes.filter((n) => /\.(manualTrigger|scheduleTrigger|jitbitTrigger)$/.test(n.type)).map((n) => ({ wf, trigger: n.name })),
		);
		await test(`editor runs of the copies that write (${editorRuns.map((r) => `${r.wf.id} from "${r.trigger}"`).join(', ')}) send the helpdesk reads only`, async () => {
			assert(writers.some((wf) => wf.id === 'jitbitExAiTriag1') && writers.some((wf) => wf.id === 'jitbitExTriage01'), `examples with a Published run? node: ${writers.map((wf) => wf.id).join(', ')}`);
			const session = await L.ownerSession(`http://127.0.0.1:${n8nPort}`);
			for (const { wf, trigger } of editorRuns) {
				const id = wiredToHelpdesk(wf, [{ id: HELPDESK_CREDENTIAL_ID, name: `Jitbit ${host}` }]).id;
				await external.clearRequests();
				const run = await session.rest('POST', `workflows/${id}/run`, { triggerToStartFrom: { name: trigger } });
				assert(run.status === 200 && run.json?.data?.executionId, `POST /rest/workflows/${id}/run from "${trigger}": ${run.status} ${run.text.slice(0, 300)}`);
				const executionId = String(run.json.data.executionId);
				let execution;
				for (const until = Date.now() + 60000; Date.now() < until && !execution?.finished; await L.sleep(500)) {
					execution = (await L.readExecutions(data, { limit: 5, workflowId: id, withData: true })).find((e) => e.id === executionId);
				}
				const what = `${wf.id} from "${trigger}"`;
				assert(execution?.finished && execution.mode === 'manual', `${what}: execution ${JSON.stringify(execution && { ...execution, data: undefined })}`);
				const ran = Object.keys(execution.data.resultData.runData);
				const preview = ran.find((n) => n.startsWith('Test run: '));
				assert(preview && execution.data.resultData.runData[preview][0].data.main[0].length > 0, `${what}: no "Test run: ..." output; nodes that ran: ${ran.join(', ')}`);
				const [[{ node: writer }]] = wf.connections['Published run?'].main;
				assert(!ran.includes(writer), `${what}: "${writer}" ran`);
				const reqs = (await external.requests()).map((q) => `${q.method} ${q.endpoint}`);
				assert(reqs.every((r) => /^GET /.test(r)), `${what}: the helpdesk received ${reqs.join(', ')}`);
				// From the Jitbit Trigger, the sample is the newest real ticket: it was read.
				if (/jitbitTrigger$/.test(wf.nodes.find((n) => n.name === trigger).type)) assert(reqs.length > 0, `${what}: the trigger read nothing`);
				log(`editor run of ${what}: ${ran.length} nodes ran, ending in "${preview}"; the helpdesk received ${reqs.join(', ') || 'nothing'}`);
			}
		});
		await start.stop(20000);

		const env = L.n8nEnv(data, { brokerPort: await L.freePort() });
		await test('the helpdesk credential is imported with its URL and token; the sandbox credential stays', async () => {
			const file = path.join(work, 'credentials.json');
			const r = await L.n8nCli(['export:credentials', '--all', '--decrypted', `--output=${file}`], env);
			assert(r.code === 0, `export:credentials: ${r.output.slice(-800)}`);
			const credentials = JSON.parse(fs.readFileSync(file, 'utf8'));
			fs.rmSync(file);
			const mine = credentials.find((c) => c.id === HELPDESK_CREDENTIAL_ID);
			assert(mine, `no credential ${HELPDESK_CREDENTIAL_ID} among ${credentials.map((c) => c.id).join(', ')}`);
			assert(mine.name === `Jitbit ${host}` && mine.type === 'jitbitApi', `credential ${mine.name} (${mine.type})`);
			assert(mine.data.helpdeskUrl === url && mine.data.authType === 'token' && mine.data.token === token, 'credential data is not the helpdesk URL with the token');
			assert(credentials.some((c) => c.id === L.CREDENTIAL_ID), 'the sandbox credential is gone');
		});

		await test('every example is imported twice: as it is, and wired to the helpdesk, unpublished', async () => {
			const file = path.join(work, 'workflows.json');
			const r = await L.n8nCli(['export:workflow', '--all', `--output=${file}`], env);
			assert(r.code === 0, `export:workflow: ${r.output.slice(-800)}`);
			const workflows = JSON.parse(fs.readFileSync(file, 'utf8'));
			const credential = [{ id: HELPDESK_CREDENTIAL_ID, name: `Jitbit ${host}` }];
			for (const f of examples) {
				const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));
				const copyId = wiredToHelpdesk(example, credential).id;
				const copy = workflows.find((w) => w.id === copyId);
				assert(workflows.some((w) => w.id === example.id), `${f}: the sandbox workflow is missing`);
				assert(copy, `${f}: no copy ${copyId}`);
				assert(copy.name === `${example.name} [${host}]` && !copy.active, `${f}: copy "${copy.name}", active ${copy.active}`);
				const wiring = copy.nodes.filter((n) => n.credentials?.jitbitApi).map((n) => n.credentials.jitbitApi.id);
				assert(wiring.length > 0 && wiring.every((id) => id === HELPDESK_CREDENTIAL_ID), `${f}: copy wired to ${wiring.join(', ')}`);
			}
		});

		await test('the token is in no file of the data folder (n8n keeps it encrypted) and in no output', async () => {
			assert(!output.some((l) => l.includes(token)), 'start.mjs printed the token');
			const hits = filesHolding(data, token);
			assert(hits.length === 0, `the token is in plain text in ${hits.join(', ')}`);
		});

		await test('a copy runs against the helpdesk with its token, not against the sandbox', async () => {
			const alert = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'alert-webhook-to-ticket.json'), 'utf8'));
			const id = wiredToHelpdesk(alert, [{ id: HELPDESK_CREDENTIAL_ID, name: `Jitbit ${host}` }]).id;
			await external.clearRequests();
			const r = await L.n8nCli(['execute', `--id=${id}`], env, { timeoutMs: 120000 });
			assert(r.code === 0, `n8n execute --id=${id}: exit ${r.code}\n${r.output.slice(-1500)}`);
			const reqs = await external.requests();
			const create = reqs.find((q) => q.method === 'POST' && /^\/helpdesk\/api\/ticket$/i.test(q.path));
			assert(create, `the helpdesk received no POST /helpdesk/api/Ticket:\n${reqs.map((q) => `${q.method} ${q.path}`).join('\n')}`);
			assert(create.headers?.authorization === `Bearer ${token}`, 'the create did not carry the helpdesk token');
			log(`helpdesk copy of the alert example created a ticket on ${url}`);
		});
	} catch (err) {
		failed = true;
		throw err;
	} finally {
		if (start) await start.stop(20000);
		await external.close();
		if (failed || process.env.E2E_KEEP) log(`kept ${work}`);
		else fs.rmSync(work, { recursive: true, force: true });
	}
}
