// The Jitbit node as an AI agent's tool, in the real n8n of the e2e suite (called by run.mjs).
//
// Manual Trigger -> AI Agent (@n8n/n8n-nodes-langchain.agent) with n8n's OpenAI Chat Model
// (lmChatOpenAi; one scenario with the Ollama Chat Model instead) and six Jitbit tools
// (n8n-nodes-jitbit.jitbitTool), each with $fromAI() parameters in plain fields and in resource
// locators. The model is scripts/ai/model-stub.mjs, reached through the Base URL of n8n's OpenAI
// (or Ollama) credential; it plays back one script per prompt and records what the agent sent it
// (tool schemas, tool results). Each scenario asserts the exact
// requests the sandbox received and that the tool's answer reached the model.

import fs from 'node:fs';
import path from 'node:path';

import { startModelStub, STUB_CREDENTIAL, STUB_MODEL, stubCredential, triageScript } from '../../scripts/ai/model-stub.mjs';

// The other model node that works offline: Ollama Chat Model, its Base URL the stub itself.
const OLLAMA_CREDENTIAL = { id: 'jitbitModelStub2', name: 'Ollama (local model stub)' };
// The burst runs as the sandbox technician: limits are per user, and the admin's window still holds
// the calls of the scenarios before it, made by other n8n processes the pacing cannot know about.
const TECH_CREDENTIAL = { id: 'jitbitE2eTechCr1', name: 'Jitbit sandbox (technician)' };
const AGENT = 'AI Agent';
const TOOL_TYPE = 'n8n-nodes-jitbit.jitbitTool';
const MISSING_TICKET = 999999;
const BURST = 120;

const fromAI = (key, description, type) => `={{ $fromAI('${key}', \`${description}\`, '${type}') }}`;
const ticketById = (description) => ({ __rl: true, mode: 'id', value: fromAI('ticketId', description, 'number') });

/** The Jitbit tools every agent workflow gets: node name (= tool name with _), parameters. */
export const TOOLS = [
	['Search tickets', { resource: 'ticket', operation: 'search', query: fromAI('query', 'Words to look for in ticket subjects, bodies and comments', 'string') }],
	['Get ticket', { resource: 'ticket', operation: 'get', ticketId: ticketById('The ticket number') }],
	[
		'Add note',
		{
			resource: 'comment',
			operation: 'create',
			ticketId: ticketById('The ticket number'),
			body: fromAI('note', 'Text of the note', 'string'),
			options: { forTechsOnly: true },
		},
	],
	// Raw output: the model needs the dropdown options (SelectionComboOptions) to pick an OptionID.
	['Ticket custom fields', { resource: 'customField', operation: 'getForTicket', ticketId: ticketById('The ticket number'), returnUnset: true, output: 'raw' }],
	[
		'Set custom field',
		{
			resource: 'customField',
			operation: 'set',
			ticketId: ticketById('The ticket number'),
			fieldId: fromAI('fieldId', 'FieldID of the custom field, from Ticket custom fields', 'number'),
			value: fromAI('value', 'The new value; for a dropdown the OptionID of the option', 'string'),
		},
	],
	[
		'Close ticket',
		{
			resource: 'ticket',
			operation: 'close',
			ticketId: ticketById('The ticket number'),
			suppressNotification: fromAI('suppressNotification', 'true to close without emailing the customer', 'boolean'),
		},
	],
];

const toolName = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

/** The $fromAI() arguments of a tool's parameters, in order: what the model must be asked for. */
function fromAIArguments(parameters) {
	const found = new Map();
	for (const m of JSON.stringify(parameters).matchAll(/\$fromAI\('([^']+)', `([^`]*)`, '([a-z]+)'\)/g)) found.set(m[1], { description: m[2], type: m[3] });
	return found;
}

/**
 * What the model must be shown for each tool: its name (from the node name), the tool description
 * the node writes for the chosen operation, and a JSON schema with exactly the $fromAI() arguments.
 */
export function expectedTools(nodeTypes) {
	const jitbit = nodeTypes.find((t) => t.name === TOOL_TYPE);
	const description = ({ resource, operation }) =>
		jitbit.properties.find(
			(p) => p.name === 'toolDescription' && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions.show.operation?.includes(operation),
		)?.default;
	return TOOLS.map(([nodeName, parameters]) => {
		const args = fromAIArguments(parameters);
		return {
			name: toolName(nodeName),
			description: description(parameters),
			parameters: {
				type: 'object',
				properties: Object.fromEntries([...args].map(([key, { description, type }]) => [key, { type, description }])),
				required: [...args.keys()],
				additionalProperties: false,
				$schema: 'http://json-schema.org/draft-07/schema#',
			},
		};
	}).sort((a, b) => a.name.localeCompare(b.name));
}

const MODEL_NODES = {
	openai: ['OpenAI Chat Model', '@n8n/n8n-nodes-langchain.lmChatOpenAi', 1.3, { model: { __rl: true, mode: 'id', value: STUB_MODEL }, responsesApiEnabled: false, options: {} }, { openAiApi: STUB_CREDENTIAL }],
	ollama: ['Ollama Chat Model', '@n8n/n8n-nodes-langchain.lmChatOllama', 1, { model: STUB_MODEL, options: {} }, { ollamaApi: OLLAMA_CREDENTIAL }],
};

function agentWorkflow(id, prompt, jitbitCredential, modelNode = 'openai') {
	const [modelName, modelType, modelVersion, modelParameters, modelCredentials] = MODEL_NODES[modelNode];
	const node = (n, name, type, typeVersion, parameters, extra = {}) => ({
		id: `e2e0a9e0-0000-4000-8000-${String(n).padStart(12, '0')}`,
		name,
		type,
		typeVersion,
		position: [n * 200, n > 2 ? 240 : 0],
		parameters,
		...extra,
	});
	const tools = TOOLS.map(([name, parameters], i) =>
		node(10 + i, name, TOOL_TYPE, 1, parameters, { credentials: { jitbitApi: jitbitCredential } }),
	);
	return {
		id,
		name: `E2E agent: ${prompt.slice(0, 60)}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node(0, 'Manual', 'n8n-nodes-base.manualTrigger', 1, {}),
			node(1, AGENT, '@n8n/n8n-nodes-langchain.agent', 3.1, { promptType: 'define', text: prompt, options: {} }),
			node(2, modelName, modelType, modelVersion, modelParameters, { credentials: modelCredentials }),
			...tools,
		],
		connections: {
			Manual: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
			[modelName]: { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
			...Object.fromEntries(tools.map((t) => [t.name, { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] }])),
		},
	};
}

const only = (results, name) => results.filter((r) => r.name === name);
const first = (results, name) => only(results, name)[0];

/**
 * The scenarios: a prompt, what the stub answers turn by turn, and what must have happened.
 * `typeField` is the Type dropdown added to the sandbox for the custom field scenario.
 */
function scenarios(typeField) {
	const incident = typeField.options.find((o) => o.name === 'Incident');
	return [
		{
			id: 'jitbitE2eAgSrch1',
			title: 'agent: "find tickets about the printer" -> Search',
			prompt: 'Find tickets about the printer',
			turns: [
				{ toolCalls: [{ name: 'Search_tickets', args: { query: 'printer' } }] },
				({ results }) => ({
					content: `Printer tickets: ${first(results, 'Search_tickets').json.map((t) => `#${t.id} ${t.subject}`).join('; ')}`,
				}),
			],
		},
		{
			id: 'jitbitE2eAgOlla1',
			title: 'agent through the Ollama Chat Model (a model node that works offline): "find tickets about the VPN" -> Search',
			prompt: 'Find tickets about the VPN',
			model: 'ollama',
			turns: [
				{ toolCalls: [{ name: 'Search_tickets', args: { query: 'VPN' } }] },
				({ results }) => ({ content: `VPN tickets: ${first(results, 'Search_tickets').json.map((t) => `#${t.id} ${t.subject}`).join('; ')}` }),
			],
		},
		{
			id: 'jitbitE2eAgNote1',
			title: 'agent: "add a tech-only note to ticket 1002" -> Comment Create',
			prompt: 'Add a tech-only note to ticket 1002 saying: VPN certificate renewed, ask the user to reconnect',
			turns: [
				{ toolCalls: [{ name: 'Add_note', args: { ticketId: 1002, note: 'VPN certificate renewed, ask the user to reconnect' } }] },
				({ results }) => ({ content: `Note added: ${first(results, 'Add_note').content}` }),
			],
		},
		{
			id: 'jitbitE2eAgType1',
			title: 'agent: "set the Type field of ticket 1003 to Incident" -> Custom Field Get + Set',
			prompt: 'Set the Type field of ticket 1003 to Incident',
			turns: [
				{ toolCalls: [{ name: 'Ticket_custom_fields', args: { ticketId: 1003 } }] },
				({ results }) => {
					const field = first(results, 'Ticket_custom_fields').json.find((f) => f.FieldName === 'Type');
					const option = field.SelectionComboOptions.find((o) => o.Name === 'Incident');
					return { toolCalls: [{ name: 'Set_custom_field', args: { ticketId: 1003, fieldId: field.FieldID, value: String(option.OptionID) } }] };
				},
				({ results }) => ({ content: `Type set: ${first(results, 'Set_custom_field').content}` }),
			],
			incident,
		},
		{
			id: 'jitbitE2eAgClos1',
			title: 'agent: "close ticket 1004 without notifying the customer" -> Close',
			prompt: 'Close ticket 1004 without notifying the customer',
			turns: [
				{ toolCalls: [{ name: 'Close_ticket', args: { ticketId: 1004, suppressNotification: true } }] },
				({ results }) => ({ content: `Closed: ${first(results, 'Close_ticket').content}` }),
			],
		},
		{
			id: 'jitbitE2eAg404a',
			title: `agent: unknown ticket ${MISSING_TICKET} -> the 404 reaches the model as a readable tool error`,
			prompt: `What is the status of ticket ${MISSING_TICKET}?`,
			turns: [
				{ toolCalls: [{ name: 'Get_ticket', args: { ticketId: MISSING_TICKET } }] },
				({ results }) => ({ content: `I could not read ticket ${MISSING_TICKET}: ${first(results, 'Get_ticket').json?.[0]?.error}` }),
			],
		},
		{
			id: 'jitbitE2eAgBrst1',
			title: `agent: ${BURST} tool calls in one turn are paced under the sandbox's limit, none fails`,
			prompt: `Read ${BURST} tickets at once`,
			credential: TECH_CREDENTIAL,
			turns: [
				{ toolCalls: Array.from({ length: BURST }, (_, i) => ({ name: 'Get_ticket', args: { ticketId: 1001 + (i % 50) } })) },
				({ results }) => {
					const failed = only(results, 'Get_ticket').filter((r) => !Array.isArray(r.json) || r.json[0]?.error);
					return { content: `Read ${only(results, 'Get_ticket').length - failed.length} tickets, ${failed.length} failed` };
				},
			],
		},
	];
}

/** The busiest 60 s of a list of timestamps (ms). */
function busiestMinute(times) {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[i] - sorted[j] >= 60000) j++;
		best = Math.max(best, i - j + 1);
	}
	return best;
}

/**
 * Runs the agent scenarios. `e2e` is what run.mjs shares: test/skip/assert/log, the n8n helpers
 * (L), the data folder, the CLI environment, the sandbox, executeWorkflow, the exported node types
 * and its request helpers.
 */
export async function agentScenarios(e2e) {
	const { test, skip, assert, log, L, work, cliEnv, sandbox, executeWorkflow, manualCopyId, nodeTypes, nodeOutput, reqPath, param, describeRequests } = e2e;
	const execute = (id, { env = cliEnv, timeoutMs } = {}) => executeWorkflow(id, env, work, timeoutMs);
	const loaded = new Set(nodeTypes.map((t) => t.name));
	const needed = [TOOL_TYPE, '@n8n/n8n-nodes-langchain.agent', ...Object.values(MODEL_NODES).map(([, type]) => type)];
	const ok = await test('n8n offers the Jitbit node as an AI tool (n8n-nodes-jitbit.jitbitTool) next to the AI Agent and the OpenAI and Ollama chat models', () => {
		const missing = needed.filter((n) => !loaded.has(n));
		assert(!missing.length, `not among the node types n8n loaded: ${missing.join(', ')}`);
	});
	const SCHEMAS = 'every model call offered the six Jitbit tools with the expected names, descriptions and parameter schemas';
	const EXAMPLE = 'example AI triage (test branch under n8n execute, which Published run? lets through): the agent reads ticket 1001, adds a tech-only note and sets the custom field';
	const all = [...scenarios({ options: [] }).map((s) => s.title), SCHEMAS, EXAMPLE];
	if (!ok) return all.forEach((t) => skip(t, 'the tool or the agent nodes are not loaded'));

	const stub = await startModelStub({
		recordFile: path.join(work, 'model-stub-record.json'),
		log: (line) => fs.appendFileSync(path.join(work, 'model-stub.log'), `${line}\n`),
	});
	try {
		const typeField = await sandbox.addTicketField({ name: 'Type', type: 3, options: ['Incident', 'Service request', 'Problem'] });
		const list = scenarios(typeField);
		stub.setScripts([...list.map((s) => ({ name: s.id, match: (text) => text === s.prompt, turns: s.turns })), triageScript]);

		const imported = await test('n8n imports the OpenAI and Ollama credentials (Base URL = the model stub) and the agent workflows', async () => {
			const credFile = L.writeJson(path.join(work, 'import', 'agent-credentials.json'), [
				stubCredential(stub.baseUrl),
				{ ...OLLAMA_CREDENTIAL, type: 'ollamaApi', data: { baseUrl: stub.url } },
				{ ...L.sandboxCredential(sandbox, 'tech')[0], ...TECH_CREDENTIAL },
			]);
			const c = await L.n8nCli(['import:credentials', `--input=${credFile}`], cliEnv, { timeoutMs: 180000 });
			assert(c.code === 0, `import:credentials exit ${c.code}:\n${c.output.slice(-1500)}`);
			const dir = path.join(work, 'import', 'agent-workflows');
			const jitbit = { id: L.CREDENTIAL_ID, name: L.CREDENTIAL_NAME };
			for (const s of list) L.writeJson(path.join(dir, `${s.id}.json`), agentWorkflow(s.id, s.prompt, s.credential ?? jitbit, s.model));
			const w = await L.n8nCli(['import:workflow', '--separate', `--input=${dir}`], cliEnv, { timeoutMs: 180000 });
			assert(w.code === 0 && new RegExp(`Successfully imported ${list.length} workflows`).test(w.output), `import:workflow exit ${w.code}:\n${w.output.slice(-1500)}`);
		});
		if (!imported) return all.forEach((t) => skip(t, 'the agent workflows were not imported'));

		/** Runs one scenario; returns the agent's answer, the stub's record and the sandbox requests. */
		const run = async (s, options) => {
			await sandbox.clearRequests();
			const before = stub.record().length;
			const started = Date.now();
			const result = await execute(s.id, options);
			const record = stub.record().slice(before);
			const errors = record.filter((r) => r.error).map((r) => r.error);
			assert(!errors.length, errors.join('\n'));
			const answer = nodeOutput(result, s.agent ?? AGENT)[0]?.json?.output;
			const last = record.at(-1);
			assert(last && !last.reply.tool_calls && answer === last.reply.content, `the agent's output ${JSON.stringify(answer)} is not the model's final answer ${JSON.stringify(last?.reply?.content)}`);
			return { answer, record, results: last.toolResults, reqs: await sandbox.requests(), ms: Date.now() - started };
		};
		const api = (reqs) => reqs.filter((q) => /^\/api\//i.test(reqPath(q)));
		const calls = (reqs, method, endpoint) => api(reqs).filter((q) => q.method === method && reqPath(q).toLowerCase() === `/api/${endpoint.toLowerCase()}`);
		/** The API calls the sandbox received, in any order (one turn's tool calls run in n8n's order). */
		const expectOnly = (reqs, expected) => {
			const got = api(reqs).map((q) => `${q.method} ${reqPath(q).replace(/^\/api\//i, '').toLowerCase()}`);
			assert(JSON.stringify(got.sort()) === JSON.stringify([...expected].sort()), `sandbox received:\n${describeRequests(api(reqs))}\nexpected: ${expected.join(', ')}`);
		};
		const [search, ollama, note, type, close, missing, burst] = list;
		const outcomes = {};

		await test(search.title, async () => {
			const r = (outcomes.search = await run(search));
			expectOnly(r.reqs, ['GET search']);
			const q = calls(r.reqs, 'GET', 'Search')[0];
			// count 10: the tool-mode default Limit.
			assert(param(q, 'query') === 'printer' && String(param(q, 'count')) === '10', `Search sent ${JSON.stringify(q.params)}`);
			const found = first(r.results, 'Search_tickets');
			assert(Array.isArray(found?.json) && found.json.length === 2 && found.json.every((t) => /printer/i.test(t.subject)), `the model saw: ${found?.content?.slice(0, 400)}`);
			assert(/#1001 Printer on 3rd floor is jammed/.test(r.answer), `answer: ${r.answer}`);
		});

		await test(ollama.title, async () => {
			const r = await run(ollama);
			expectOnly(r.reqs, ['GET search']);
			const q = calls(r.reqs, 'GET', 'Search')[0];
			assert(param(q, 'query') === 'VPN' && String(param(q, 'count')) === '10', `Search sent ${JSON.stringify(q.params)}`);
			assert(r.record.every((c) => c.api === 'ollama' && c.stream), `model calls: ${JSON.stringify(r.record.map((c) => [c.api, c.stream]))}`);
			const found = first(r.results, 'Search_tickets');
			assert(Array.isArray(found?.json) && found.json.some((t) => t.id === 1002), `the model saw: ${found?.content?.slice(0, 400)}`);
			assert(r.answer.startsWith('VPN tickets: ') && r.answer.includes('#1002 Cannot log in to VPN'), `answer: ${r.answer}`);
		});

		await test(note.title, async () => {
			const r = await run(note);
			expectOnly(r.reqs, ['POST comment']);
			const c = calls(r.reqs, 'POST', 'comment')[0];
			assert(String(param(c, 'id')) === '1002', `comment on ticket ${param(c, 'id')}`);
			assert(param(c, 'body') === 'VPN certificate renewed, ask the user to reconnect', `body ${param(c, 'body')}`);
			assert(String(param(c, 'forTechsOnly')) === 'true', `forTechsOnly ${param(c, 'forTechsOnly')}`);
			const seen = first(r.results, 'Add_note');
			assert(seen && !seen.json?.[0]?.error, `the model saw: ${seen?.content}`);
		});

		await test(type.title, async () => {
			const r = await run(type);
			expectOnly(r.reqs, ['GET ticketcustomfields', 'POST setcustomfield']);
			const s = calls(r.reqs, 'POST', 'SetCustomField')[0];
			const sent = { ticketId: String(param(s, 'ticketId')), fieldId: String(param(s, 'fieldId')), value: String(param(s, 'value')) };
			const want = { ticketId: '1003', fieldId: String(typeField.fieldId), value: String(type.incident.optionId) };
			assert(JSON.stringify(sent) === JSON.stringify(want), `SetCustomField sent ${JSON.stringify(sent)}, expected ${JSON.stringify(want)}`);
			const now = await sandbox.api('TicketCustomFields?id=1003');
			const value = now.json.find((f) => f.FieldID === typeField.fieldId);
			assert(value?.ValueWithOption === 'Incident', `ticket 1003's Type is now ${JSON.stringify(value)}`);
		});

		await test(close.title, async () => {
			const r = await run(close);
			expectOnly(r.reqs, ['POST close']);
			const c = calls(r.reqs, 'POST', 'Close')[0];
			assert(String(param(c, 'id')) === '1004' && String(param(c, 'suppressNotification')) === 'true', `Close sent ${JSON.stringify(c.params ?? c.body)}`);
			const seen = first(r.results, 'Close_ticket');
			assert(seen?.json?.[0]?.closed === true, `the model saw: ${seen?.content}`);
		});

		await test(missing.title, async () => {
			// The flag that gated community nodes as tools in n8n 1.x, explicitly off: 2.41.1 ignores it.
			const r = await run(missing, { env: { ...cliEnv, N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'false' } });
			expectOnly(r.reqs, ['GET ticket']);
			assert(api(r.reqs)[0].status === 404, `the sandbox answered ${api(r.reqs)[0].status}`);
			const seen = first(r.results, 'Get_ticket');
			const error = seen?.json?.[0]?.error;
			assert(typeof error === 'string' && error.includes(String(MISSING_TICKET)) && /not found|does not exist/i.test(error), `the model saw: ${seen?.content}`);
			assert(r.answer.includes(error), `answer: ${r.answer}`);
			log(`the model read: ${seen.content}`);
		});

		await test(burst.title, async () => {
			const r = await run(burst, { timeoutMs: 240000 });
			const reads = calls(r.reqs, 'GET', 'Ticket');
			const statuses = reads.reduce((acc, q) => ({ ...acc, [q.status]: (acc[q.status] ?? 0) + 1 }), {});
			assert(reads.length === BURST && statuses[200] === BURST, `GET /api/Ticket: ${reads.length} calls (${BURST} expected, no 429 to retry), statuses ${JSON.stringify(statuses)}`);
			const seen = only(r.results, 'Get_ticket');
			const failed = seen.filter((x) => !Array.isArray(x.json) || x.json[0]?.error);
			assert(seen.length === BURST && !failed.length, `the model saw ${seen.length} answers, ${failed.length} errors: ${failed[0]?.content}`);
			assert(r.answer === `Read ${BURST} tickets, 0 failed`, `answer: ${r.answer}`);
			const times = reads.map((q) => q.time);
			const peak = busiestMinute(times);
			assert(peak <= 90, `${peak} calls within 60 s: over the sandbox's limit of 90`);
			outcomes.burst = { ms: r.ms, peak, statuses, span: Math.max(...times) - Math.min(...times) };
			log(`${BURST} tool calls: statuses ${JSON.stringify(statuses)}, run ${L.fmtMs(r.ms)}, requests spread over ${L.fmtMs(outcomes.burst.span)}, busiest minute ${peak} calls`);
		});
		await test(SCHEMAS, () => {
			const record = stub.record();
			assert(record.length >= list.length * 2, `only ${record.length} model calls were recorded`);
			const expected = expectedTools(nodeTypes);
			const unnamed = expected.filter((t) => !String(t.description).startsWith('Jitbit Helpdesk: '));
			assert(!unnamed.length, `no tool description in the node for ${unnamed.map((t) => t.name).join(', ')}`);
			const want = JSON.stringify(expected, null, 1);
			for (const call of record.filter((c) => c.script !== triageScript.name)) {
				const got = JSON.stringify([...call.tools].sort((a, b) => a.name.localeCompare(b.name)), null, 1);
				assert(got === want, `model call #${call.seq} (${call.script}, turn ${call.turn}) was offered:\n${got}\nexpected:\n${want}`);
			}
		});
		const example = 'jitbitExAiTriag1';
		await test(EXAMPLE, async () => {
			const exampleIds = fs.readdirSync(path.join(L.REPO, 'examples')).map((f) => JSON.parse(fs.readFileSync(path.join(L.REPO, 'examples', f), 'utf8')).id);
			assert(exampleIds.includes(example), `no example with id ${example} in examples/`);
			const r = await run({ id: manualCopyId(example), agent: 'Triage agent' });
			expectOnly(r.reqs, ['GET ticket', 'GET ticket', 'POST comment', 'POST setcustomfield']);
			const note = calls(r.reqs, 'POST', 'comment')[0];
			assert(String(param(note, 'id')) === '1001' && String(param(note, 'forTechsOnly')) === 'true', `comment sent ${JSON.stringify(note.params)}`);
			assert(/^AI triage: Incident\. Subject: "Printer on 3rd floor is jammed"/.test(String(param(note, 'body'))), `note: ${param(note, 'body')}`);
			const field = calls(r.reqs, 'POST', 'SetCustomField')[0];
			assert(
				String(param(field, 'ticketId')) === '1001' && String(param(field, 'fieldId')) === '6' && param(field, 'value') === 'triage: Incident',
				`SetCustomField sent ${JSON.stringify(field.params)}`,
			);
			const read = first(r.results, 'Get_ticket')?.json?.[0];
			assert(read?.id === 1001 && !/<[a-z]/i.test(read.body), `the model read: ${JSON.stringify(read)?.slice(0, 300)}`);
			assert(r.answer === 'Ticket #1001 triaged as Incident: tech-only note added, custom field set.', `answer: ${r.answer}`);
		});
		return { stub: stub.record(), outcomes };
	} finally {
		await stub.close();
	}
}
