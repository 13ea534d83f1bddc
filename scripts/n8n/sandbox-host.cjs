#!/usr/bin/env node
// Runs the project's Jitbit sandbox (sandbox/, TypeScript via ts-node) for the n8n scripts.
//
//   node scripts/n8n/sandbox-host.cjs [--port 8089] [--profile legacy]   (or JITBIT_SANDBOX_PROFILE)
//
// stdout protocol (one JSON object per line):
//   {"event":"ready","url":"http://127.0.0.1:PORT","users":{...},"profile":"default"}   once, when listening
//   {"reply":<id>,"result":...} | {"reply":<id>,"error":"..."}            answers to commands
// stdin commands (one JSON object per line): {"id":1,"cmd":"requests"} | {"cmd":"clearRequests"} |
//   {"cmd":"reset"} (reset = back to the seed data, requests cleared) | {"cmd":"token","username":"admin"} |
//   {"cmd":"setRateLimit","rateLimit":{"limit":90,"searchLimit":60,"windowMs":6000}} |
//   {"cmd":"figures","subjectPrefix":"...","limit":90,"windowMs":6000} (bench/figures.ts over the requests)
//   {"cmd":"addTicketField","name":"Type","type":3,"options":["Incident"]} (a ticket custom field
//   for every category, on top of the seed; answers the field with its option ids)
// The sandbox closes when stdin ends or on SIGTERM/SIGINT.
'use strict';

const path = require('node:path');
const readline = require('node:readline');

const repo = path.resolve(__dirname, '..', '..');
require('ts-node').register({
	transpileOnly: true,
	project: path.join(repo, 'tsconfig.json'),
	compilerOptions: { module: 'commonjs' },
});

function arg(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
}

function plain(value) {
	// JSON-safe copy (Buffers become base64 strings, Maps/Sets become arrays/objects).
	return JSON.parse(
		JSON.stringify(value, (_k, v) => {
			if (v && v.type === 'Buffer' && Array.isArray(v.data)) return Buffer.from(v.data).toString('base64');
			if (v instanceof Map) return Object.fromEntries(v);
			if (v instanceof Set) return [...v];
			return v;
		}),
	);
}

async function main() {
	const { startSandbox } = require(process.env.JITBIT_SANDBOX_MODULE || path.join(repo, 'sandbox'));
	const port = Number(arg('port', '0'));
	const profile = arg('profile', process.env.JITBIT_SANDBOX_PROFILE) || undefined;
	const sandbox = await startSandbox({ port, host: '127.0.0.1', profile });
	const send = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
	send({ event: 'ready', url: String(sandbox.url).replace(/\/+$/, ''), users: plain(sandbox.users), profile: sandbox.profile });

	let closing = false;
	const close = async (code = 0) => {
		if (closing) return;
		closing = true;
		try {
			await Promise.race([Promise.resolve(sandbox.close()), new Promise((r) => setTimeout(r, 3000))]);
		} finally {
			process.exit(code);
		}
	};
	process.on('SIGTERM', () => close(0));
	process.on('SIGINT', () => close(0));

	const rl = readline.createInterface({ input: process.stdin });
	rl.on('line', async (line) => {
		let msg;
		try {
			msg = JSON.parse(line);
		} catch {
			return;
		}
		try {
			let result;
			if (msg.cmd === 'requests') {
				const r = typeof sandbox.requests === 'function' ? sandbox.requests() : sandbox.requests;
				result = plain(r || []);
			} else if (msg.cmd === 'clearRequests') {
				if (typeof sandbox.clearRequests === 'function') sandbox.clearRequests();
				else if (Array.isArray(sandbox.requests)) sandbox.requests.length = 0;
				result = true;
			} else if (msg.cmd === 'token') {
				// A user's token as it is now (a new password issues a new one).
				const user = [...sandbox.db.users.values()].find((u) => u.username === msg.username);
				if (!user) throw new Error(`no user ${msg.username}`);
				result = user.token;
			} else if (msg.cmd === 'reset') {
				await sandbox.reset();
				result = true;
			} else if (msg.cmd === 'setRateLimit') {
				sandbox.setRateLimit(msg.rateLimit);
				result = true;
			} else if (msg.cmd === 'figures') {
				const { budgetFigures } = require(path.join(repo, 'bench', 'figures'));
				result = budgetFigures(sandbox.requests, msg);
			} else if (msg.cmd === 'addTicketField') {
				const { db } = sandbox;
				const fieldId = db.nextId('field');
				const options = (msg.options || []).map((name) => ({ optionId: db.nextId('option'), name }));
				const field = { fieldId, name: String(msg.name), type: msg.type || 1, usage: 'ticket', categoryIds: 'all', forTechsOnly: false, mandatory: false, orderByNumber: fieldId, showInGrid: true, options };
				db.customFields.set(fieldId, field);
				result = plain(field);
			} else throw new Error(`unknown command ${msg.cmd}`);
			send({ reply: msg.id, result });
		} catch (err) {
			send({ reply: msg.id, error: String((err && err.message) || err) });
		}
	});
	// Only close on stdin end when someone was driving us through a pipe (not a terminal).
	if (!process.stdin.isTTY) rl.on('close', () => close(0));
}

main().catch((err) => {
	process.stderr.write(`sandbox failed to start: ${(err && err.stack) || err}\n`);
	process.exit(1);
});
