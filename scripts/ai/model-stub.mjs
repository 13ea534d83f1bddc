#!/usr/bin/env node
// A local stand-in for a chat model: an HTTP server on 127.0.0.1 that speaks OpenAI's chat
// completions and Ollama's chat API, plays back scripted turns (tool calls with arguments, then a
// final answer once it has seen the tool results) and records everything it was sent. n8n reaches
// it through its own model nodes: OpenAI Chat Model with the OpenAI credential's Base URL set to
// `<stub>/v1`, or Ollama Chat Model with the Ollama credential's Base URL set to `<stub>`.
//
//   node scripts/ai/model-stub.mjs [--port 8090] [--record file]   (plays the triage example)
//
// Used by test/e2e/agent.mjs (the agent scenarios in a real n8n) and scripts/n8n/start.mjs
// (npm start: the AI triage example runs against it). Plain Node ESM, builtins only.
//
// Endpoints: POST /v1/chat/completions (JSON, or server-sent events when `stream: true`) and
// GET /v1/models (the OpenAI credential test and model list); POST /api/chat (NDJSON stream, or
// JSON when `stream: false`) and GET /api/tags (Ollama's). Control: GET /__stub/requests (the
// record), POST /__stub/reset.
//
// A script: { name, match: RegExp | (userText) => boolean, turns: [turn, ...] }. The last user
// message picks the script. A turn is an object or a function of { userText, results, tools,
// request } returning one of:
//   { toolCalls: [{ name, args }, ...] }   the model asks for these tool calls
//   { content: 'text' }                    the final answer
// `results` are the tool answers seen so far, in order: [{ id, name, args, content, json }].
// The turn to play is found by replaying the script over the answers in the conversation: a turn
// whose tool calls all have answers is over. So the stub keeps no state between requests.

import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const STUB_MODEL = 'jitbit-stub-model';

/** The n8n OpenAI credential the examples use for the stub: its Base URL is `<stub>/v1`. */
export const STUB_CREDENTIAL = { id: 'jitbitModelStub1', name: 'OpenAI (local model stub)' };

/** That credential in n8n's import format (`n8n import:credentials`). */
export function stubCredential(baseUrl) {
	return { ...STUB_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-local-model-stub', url: baseUrl } };
}

function text(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : (part?.text ?? ''))).join('');
	return content == null ? '' : String(content);
}

function parseJson(value) {
	if (typeof value !== 'string') return undefined;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

/**
 * What the request says: the last user message, the offered tools, and every tool call so far
 * with its answer. OpenAI answers name their call (`tool_call_id`); Ollama's follow their call.
 */
function readConversation(body) {
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const lastUser = [...messages].reverse().find((m) => m.role === 'user');
	const pending = [];
	const results = [];
	for (const m of messages) {
		if (m.role === 'assistant' && Array.isArray(m.tool_calls)) {
			for (const c of m.tool_calls) {
				const args = c.function?.arguments;
				pending.push({ id: c.id, name: c.function?.name, args: parseJson(args) ?? args });
			}
		} else if (m.role === 'tool') {
			const at = pending.findIndex((c) => m.tool_call_id !== undefined && c.id === m.tool_call_id);
			const [call] = pending.splice(at >= 0 ? at : 0, 1);
			const content = text(m.content);
			results.push({ ...(call ?? { id: m.tool_call_id }), content, json: parseJson(content) });
		}
	}
	const tools = (Array.isArray(body.tools) ? body.tools : []).map((t) => ({
		name: t.function?.name ?? t.name,
		description: t.function?.description ?? t.description,
		parameters: t.function?.parameters ?? t.parameters,
	}));
	return { userText: text(lastUser?.content), results, tools };
}

function matches(script, userText) {
	return typeof script.match === 'function' ? script.match(userText) : script.match.test(userText);
}

/** Replays the script over the answers so far: the first turn whose calls are not all answered. */
function currentTurn(script, convo, request) {
	let answered = 0;
	for (let turn = 0; ; turn++) {
		const step = script.turns[Math.min(turn, script.turns.length - 1)];
		const reply = typeof step === 'function' ? step({ ...convo, results: convo.results.slice(0, answered), request }) : step;
		const calls = reply.toolCalls?.length ?? 0;
		if (!calls || convo.results.length < answered + calls || turn >= script.turns.length - 1) return { turn, reply };
		answered += calls;
	}
}

/** The answer for one request: the script's turn, or a visible complaint when nothing fits. */
function plan(scripts, body) {
	const convo = readConversation(body);
	const script = scripts.find((s) => matches(s, convo.userText));
	if (!script) return { convo, turn: 0, error: `model-stub: no script matches the prompt ${JSON.stringify(convo.userText.slice(0, 200))}` };
	let played;
	try {
		played = currentTurn(script, convo, body);
	} catch (err) {
		return { convo, turn: 0, script: script.name, error: `model-stub: script ${script.name}: ${err?.message ?? err}` };
	}
	const { turn, reply } = played;
	if (reply.toolCalls) {
		const known = new Set(convo.tools.map((t) => t.name));
		const unknown = reply.toolCalls.map((c) => c.name).filter((n) => !known.has(n));
		if (unknown.length) {
			return { convo, turn, script: script.name, error: `model-stub: script ${script.name} calls ${unknown.join(', ')}, but the agent offered only: ${[...known].join(', ') || 'no tools'}` };
		}
	}
	return { convo, turn, script: script.name, reply };
}

/** The reply as an assistant message: OpenAI's arguments are a JSON string, Ollama's an object. */
function assistantMessage(reply, turn, dialect) {
	if (!reply.toolCalls) return { message: { role: 'assistant', content: reply.content ?? '' }, finish: 'stop' };
	const toolCalls = reply.toolCalls.map((c, i) => ({
		id: `call_t${turn}_${i}`,
		type: 'function',
		function: { name: c.name, arguments: dialect === 'ollama' ? (c.args ?? {}) : JSON.stringify(c.args ?? {}) },
	}));
	return { message: { role: 'assistant', content: dialect === 'ollama' ? '' : null, tool_calls: toolCalls }, finish: 'tool_calls' };
}

function tokens(body, message) {
	const prompt = Math.ceil(JSON.stringify(body.messages ?? []).length / 4);
	const completion = Math.ceil(JSON.stringify(message).length / 4);
	return { prompt, completion };
}

function sendJson(res, status, data) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(data));
}

/** OpenAI: the completion, or its server-sent events (role, content or tool-call deltas, finish). */
function sendOpenAi(res, body, seq, message, finish) {
	const id = `chatcmpl-stub-${seq}`;
	const created = Math.floor(Date.now() / 1000);
	const model = body.model ?? STUB_MODEL;
	const { prompt, completion } = tokens(body, message);
	const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
	if (body.stream !== true) {
		return sendJson(res, 200, { id, object: 'chat.completion', created, model, choices: [{ index: 0, message, finish_reason: finish, logprobs: null }], usage });
	}
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
	const event = (data) => res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, ...data })}\n\n`);
	const chunk = (delta, finishReason = null) => event({ choices: [{ index: 0, delta, finish_reason: finishReason }] });
	chunk({ role: 'assistant', content: '' });
	if (message.tool_calls) message.tool_calls.forEach((c, index) => chunk({ tool_calls: [{ index, ...c }] }));
	else for (const piece of message.content.match(/[\s\S]{1,40}/g) ?? []) chunk({ content: piece });
	chunk({}, finish);
	if (body.stream_options?.include_usage) event({ choices: [], usage });
	res.end('data: [DONE]\n\n');
}

/** Ollama: one message line and a closing `done` line (NDJSON), or one object when not streaming. */
function sendOllama(res, body, message) {
	const base = { model: body.model ?? STUB_MODEL, created_at: new Date().toISOString() };
	const { prompt, completion } = tokens(body, message);
	const done = { done: true, done_reason: 'stop', total_duration: 0, prompt_eval_count: prompt, eval_count: completion };
	if (body.stream === false) return sendJson(res, 200, { ...base, message, ...done });
	res.writeHead(200, { 'content-type': 'application/x-ndjson' });
	res.write(`${JSON.stringify({ ...base, message, done: false })}\n`);
	res.end(`${JSON.stringify({ ...base, message: { role: 'assistant', content: '' }, ...done })}\n`);
}

const ROUTES = {
	'POST /v1/chat/completions': 'openai',
	'POST /chat/completions': 'openai',
	'POST /api/chat': 'ollama',
};

/**
 * Starts the stub. `scripts` can be replaced later with `setScripts`. `recordFile`, when given,
 * receives the record (every request and answer) after each call, for people to read.
 */
export async function startModelStub({ port = 0, host = '127.0.0.1', scripts = [], recordFile, log = () => {} } = {}) {
	let current = scripts;
	const record = [];
	let seq = 0;
	const save = () => {
		if (recordFile) fs.writeFileSync(recordFile, JSON.stringify(record, null, 2) + '\n');
	};
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (d) => (raw += d));
		req.on('end', () => {
			const url = new URL(req.url, 'http://stub');
			const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
			if (route === 'GET /v1/models' || route === 'GET /models') {
				return sendJson(res, 200, { object: 'list', data: [{ id: STUB_MODEL, object: 'model', created: 1767225600, owned_by: 'n8n-nodes-jitbit' }] });
			}
			if (route === 'GET /api/tags') {
				return sendJson(res, 200, { models: [{ name: STUB_MODEL, model: STUB_MODEL, modified_at: '2026-01-01T00:00:00Z', size: 0, digest: 'stub', details: {} }] });
			}
			if (route === 'GET ') return res.end('Ollama is running');
			if (route === 'GET /__stub/requests') return sendJson(res, 200, record);
			if (route === 'POST /__stub/reset') {
				record.length = 0;
				save();
				return sendJson(res, 200, { ok: true });
			}
			const dialect = ROUTES[route];
			if (!dialect) return sendJson(res, 404, { error: { message: `model-stub: no route ${route}`, type: 'invalid_request_error' } });
			const body = parseJson(raw);
			if (!body || typeof body !== 'object') return sendJson(res, 400, { error: { message: 'model-stub: the body is not JSON', type: 'invalid_request_error' } });
			const { convo, turn, script, reply, error } = plan(current, body);
			const { message, finish } = assistantMessage(reply ?? { content: error }, turn, dialect);
			record.push({
				seq: ++seq,
				at: new Date().toISOString(),
				api: dialect,
				script: script ?? null,
				turn,
				stream: body.stream !== false && (dialect === 'ollama' || body.stream === true),
				model: body.model,
				userText: convo.userText,
				tools: convo.tools,
				toolResults: convo.results,
				messages: body.messages,
				reply: message,
				...(error ? { error } : {}),
			});
			save();
			log(`#${seq} ${dialect} ${script ?? '?'} turn ${turn}: ${error ?? (message.tool_calls ? `${message.tool_calls.length} tool call(s): ${[...new Set(message.tool_calls.map((c) => c.function.name))].join(', ')}` : 'final answer')}`);
			return dialect === 'ollama' ? sendOllama(res, body, message) : sendOpenAi(res, body, seq, message, finish);
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	const url = `http://${host}:${server.address().port}`;
	return {
		/** What the Ollama credential's Base URL must be. */
		url,
		/** What the OpenAI credential's Base URL must be. */
		baseUrl: `${url}/v1`,
		/** Every chat request so far, with the stub's answer. */
		record: () => record.slice(),
		clear: () => {
			record.length = 0;
			save();
		},
		setScripts: (s) => {
			current = s;
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

// ---------------------------------------------------------------------------------------------
// The script of examples/ai-triage-agent.json: read the new ticket, pick a type from its words,
// add a tech-only note and write the triage to a custom field, then report.

const TRIAGE_RULES = [
	{ type: 'Incident', words: ['down', 'outage', 'error', 'crash', 'jammed', 'not working', 'will not', 'broken', 'cannot'] },
	{ type: 'Access', words: ['password', 'login', 'log in', 'locked', 'vpn', 'sso'] },
	{ type: 'Service request', words: ['request', 'new ', 'order', 'install', 'access to'] },
];

/** A keyword triage standing in for the model's judgement. */
export function triageOf(subject, body) {
	const words = `${subject ?? ''} ${body ?? ''}`.toLowerCase();
	return TRIAGE_RULES.find((r) => r.words.some((w) => words.includes(w)))?.type ?? 'Question';
}

export const triageScript = {
	name: 'triage',
	match: /New Jitbit ticket #\d+/,
	turns: [
		({ userText }) => ({ toolCalls: [{ name: 'Get_ticket', args: { ticketId: Number(/#(\d+)/.exec(userText)[1]) } }] }),
		({ results }) => {
			const ticket = results.find((r) => r.name === 'Get_ticket')?.json?.[0];
			if (!ticket || ticket.error) return { content: `I could not read the ticket: ${results.at(-1)?.content}` };
			const type = triageOf(ticket.subject, ticket.body);
			return {
				toolCalls: [
					{ name: 'Add_note', args: { ticketId: ticket.id, note: `AI triage: ${type}. Subject: "${ticket.subject}". Suggested next step: ${type === 'Incident' ? 'check the device and call the customer' : 'answer from the knowledge base'}.` } },
					{ name: 'Set_custom_field', args: { ticketId: ticket.id, value: `triage: ${type}` } },
				],
			};
		},
		({ results }) => {
			const failed = results.filter((r) => r.json?.[0]?.error);
			const ticket = results.find((r) => r.name === 'Get_ticket')?.json?.[0];
			return {
				content: failed.length
					? `Triage of ticket #${ticket?.id} incomplete: ${failed.map((r) => `${r.name}: ${r.json[0].error}`).join('; ')}`
					: `Ticket #${ticket?.id} triaged as ${triageOf(ticket?.subject, ticket?.body)}: tech-only note added, custom field set.`,
			};
		},
	],
};

// CLI: node scripts/ai/model-stub.mjs [--port N] [--record file]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const arg = (name, fallback) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const stub = await startModelStub({
		port: Number(arg('port', process.env.JITBIT_MODEL_STUB_PORT || 8090)),
		scripts: [triageScript],
		recordFile: arg('record'),
		log: (line) => process.stdout.write(`[model-stub] ${line}\n`),
	});
	process.stdout.write(`[model-stub] Base URL for an OpenAI credential: ${stub.baseUrl}, for an Ollama credential: ${stub.url}\n`);
	const stop = () => stub.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
