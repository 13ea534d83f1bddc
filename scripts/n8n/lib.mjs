// Shared helpers for the scripts that run a real n8n with this package: start.mjs,
// test/e2e/run.mjs, queue-check.mjs, screenshots.mjs. Plain Node ESM, builtins only.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

import { n8nPaths, node24Env } from './install.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-jitbit';
export const CREDENTIAL_ID = 'jitbitSandboxCred';
export const CREDENTIAL_NAME = 'Jitbit sandbox';

export function fmtMs(ms) {
	const s = ms / 1000;
	if (s < 60) return `${s.toFixed(1)}s`;
	return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

export function stripAnsi(s) {
	return stripVTControlCharacters(String(s));
}

export function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/** A TCP port that is free right now on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

export function portInUse(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const sock = net.connect({ port, host });
		sock.once('connect', () => {
			sock.destroy();
			resolve(true);
		});
		sock.once('error', () => resolve(false));
		sock.setTimeout(1000, () => {
			sock.destroy();
			resolve(false);
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Child processes: every child we start is tracked and killed (whole process group) on exit.

const children = new Set();

/**
 * Spawn a long-running child in its own process group. Output goes to `logFile` (and, if
 * `echo` is a function, each line is passed to it). Returns { child, exited, lines() }.
 */
export function startProcess(cmd, args, { env, cwd = REPO, logFile, echo, name = cmd } = {}) {
	const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
	children.add(child);
	const out = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
	const recent = [];
	const listeners = new Set();
	const onLine = (raw) => {
		const line = stripAnsi(raw);
		recent.push(line);
		if (recent.length > 400) recent.shift();
		if (out) out.write(line + '\n');
		if (echo) echo(line);
		for (const l of listeners) l(line);
	};
	readline.createInterface({ input: child.stdout }).on('line', onLine);
	readline.createInterface({ input: child.stderr }).on('line', onLine);
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			children.delete(child);
			resolve({ code, signal });
		});
		child.on('error', (err) => {
			children.delete(child);
			onLine(`[spawn error] ${err.message}`);
			resolve({ code: -1, signal: null, error: err });
		});
	});
	return {
		name,
		child,
		exited,
		recent: () => recent.slice(),
		/** Call `fn` for every further output line. */
		onLine: (fn) => listeners.add(fn),
		/** Resolves with the first line matching `re`, rejects on exit or timeout. */
		waitForLine(re, timeoutMs, what = String(re)) {
			const hit = recent.find((l) => re.test(l));
			if (hit) return Promise.resolve(hit);
			return new Promise((resolve, reject) => {
				const done = (fn, v) => {
					clearTimeout(t);
					listeners.delete(l);
					fn(v);
				};
				const l = (line) => re.test(line) && done(resolve, line);
				listeners.add(l);
				const t = setTimeout(
					() => done(reject, new Error(`${name}: timed out after ${fmtMs(timeoutMs)} waiting for ${what}`)),
					timeoutMs,
				);
				exited.then(({ code, signal }) =>
					done(reject, new Error(`${name} exited (${signal || code}) before ${what}:\n${recent.slice(-30).join('\n')}`)),
				);
			});
		},
		stop: (graceMs = 10000) => stopProcess(child, graceMs),
	};
}

export async function stopProcess(child, graceMs = 10000) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		try {
			child.kill('SIGTERM');
		} catch {
			/* gone */
		}
	}
	const t = setTimeout(() => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}, graceMs);
	await exited;
	clearTimeout(t);
}

export async function stopAll(graceMs = 10000) {
	await Promise.all([...children].map((c) => stopProcess(c, graceMs)));
}

// Last resort: if the script dies without stopAll(), do not leave process groups behind.
process.on('exit', () => {
	for (const c of children) {
		try {
			process.kill(-c.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
});

/**
 * Call `onGone` when our parent process goes away. `npm start` / `npm run ...` run us under
 * `sh -c`; a SIGTERM sent to npm alone kills that shell and leaves us orphaned (the children we
 * started would then keep running). Ctrl-C in a terminal reaches us directly.
 */
export function watchParent(onGone) {
	const initial = process.ppid;
	const t = setInterval(() => {
		if (process.ppid !== initial) {
			clearInterval(t);
			onGone();
		}
	}, 1000);
	t.unref();
	process.on('SIGHUP', () => onGone());
}

/** Run a command to completion with a timeout. Resolves { code, output }. */
export function runCommand(cmd, args, { env, cwd = REPO, timeoutMs = 120000, inherit = false } = {}) {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, {
			env,
			cwd,
			detached: true,
			stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
		});
		children.add(child);
		let output = '';
		if (!inherit) {
			child.stdout.on('data', (d) => (output += d));
			child.stderr.on('data', (d) => (output += d));
		}
		let timedOut = false;
		const t = setTimeout(() => {
			timedOut = true;
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}, timeoutMs);
		child.on('error', (err) => {
			output += `\n[spawn error] ${err.message}`;
		});
		child.on('close', (code, signal) => {
			clearTimeout(t);
			children.delete(child);
			resolve({ code: timedOut ? -1 : code, signal, timedOut, output: stripAnsi(output) });
		});
	});
}

/** One HTTP call, answered as { status, text, json } (json undefined when the body is not JSON). */
export async function fetchAnswer(url, init) {
	const res = await fetch(url, init);
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, text, json };
}

// ---------------------------------------------------------------------------------------------
// The sandbox (sandbox/ in this repo, TypeScript) is run through scripts/n8n/sandbox-host.cjs,
// which prints one JSON line with { url, users } and answers JSON commands on stdin.

export async function startSandbox({ port = 0, logFile, echo } = {}) {
	const host = path.join(REPO, 'scripts', 'n8n', 'sandbox-host.cjs');
	if (!process.env.JITBIT_SANDBOX_MODULE && !fs.existsSync(path.join(REPO, 'sandbox'))) {
		throw new Error('sandbox/ does not exist yet in this checkout (it is built in another issue)');
	}
	const proc = startProcess(process.execPath, [host, '--port', String(port)], {
		env: { ...process.env },
		logFile,
		echo,
		name: 'sandbox',
	});
	const readyLine = await proc.waitForLine(/^\{"event":"ready"/, 60000, 'the sandbox to start');
	const info = JSON.parse(readyLine);
	let seq = 0;
	const pending = new Map();
	const onLine = (line) => {
		if (!line.startsWith('{"reply"')) return;
		try {
			const msg = JSON.parse(line);
			const p = pending.get(msg.reply);
			if (p) {
				pending.delete(msg.reply);
				msg.error ? p.reject(new Error(msg.error)) : p.resolve(msg.result);
			}
		} catch {
			/* not ours */
		}
	};
	proc.onLine(onLine);
	const call = (cmd, args = {}) =>
		new Promise((resolve, reject) => {
			const id = ++seq;
			pending.set(id, { resolve, reject });
			proc.child.stdin.write(JSON.stringify({ id, cmd, ...args }) + '\n');
			setTimeout(() => {
				if (pending.delete(id)) reject(new Error(`sandbox command ${cmd} timed out`));
			}, 15000);
		});
	return {
		url: info.url,
		users: info.users,
		proc,
		/** Every request the sandbox received so far (JSON copies). */
		requests: () => call('requests'),
		/** Back to the seed data (and no recorded requests). */
		reset: () => call('reset'),
		/** Forget the recorded requests, keep the data. */
		clearRequests: () => call('clearRequests'),
		/** Another rate limit ({ limit, searchLimit, windowMs, countRejected } or false). */
		setRateLimit: (rateLimit) => call('setRateLimit', { rateLimit }),
		/** The shared-budget figures of bench/figures.ts over the requests so far. */
		figures: ({ subjectPrefix, limit, windowMs }) => call('figures', { subjectPrefix, limit, windowMs }),
		/** A user's current API token (changing the password issues a new one). */
		token: (username) => call('token', { username }),
		/** Add a ticket custom field for every category: { name, type (3 = dropdown), options: [names] }. */
		addTicketField: (field) => call('addTicketField', field),
		/** Call the sandbox API as one of its demo users: returns { status, text, json }. */
		async api(apiPath, { user = 'admin', method = 'GET', form } = {}) {
			return await fetchAnswer(`${info.url}/api/${apiPath.replace(/^\/+/, '')}`, {
				method,
				headers: {
					Authorization: `Bearer ${info.users[user].token}`,
					...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
				},
				body: form ? new URLSearchParams(form) : undefined,
				signal: AbortSignal.timeout(15000),
			});
		},
		/** The lowest ticket id the admin can see (the demo seed numbers tickets from 1001). */
		async firstTicketId() {
			const r = await this.api('Tickets?mode=all&count=300');
			const ids = Array.isArray(r.json) ? r.json.map((t) => Number(t.IssueID ?? t.TicketID)).filter(Number.isFinite) : [];
			if (!ids.length) throw new Error(`sandbox has no tickets (GET /api/Tickets: ${r.status} ${r.text.slice(0, 200)})`);
			return Math.min(...ids);
		},
		close: async () => {
			try {
				proc.child.stdin.end();
			} catch {
				/* gone */
			}
			const t = setTimeout(() => proc.stop(3000), 5000);
			await proc.exited;
			clearTimeout(t);
		},
	};
}

// ---------------------------------------------------------------------------------------------
// n8n

/** Environment for an n8n process with data in `dataDir` (n8n uses `<dataDir>/.n8n`). */
export function n8nEnv(dataDir, { port = 5678, brokerPort, extra = {} } = {}) {
	const tmp = path.join(dataDir, 'tmp');
	fs.mkdirSync(tmp, { recursive: true });
	const env = node24Env({
		N8N_USER_FOLDER: dataDir,
		N8N_ENCRYPTION_KEY: encryptionKey(dataDir),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// Our package is unverified: allowed by default in 2.41.1, off by default from n8n 3.0.
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Older n8n 1.x offered community nodes as AI agent tools only with this; 2.41.1 ignores it.
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'info',
		N8N_LOG_OUTPUT: 'console',
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE || 'UTC',
		TMPDIR: tmp,
		...extra,
	});
	if (brokerPort) env.N8N_RUNNERS_BROKER_PORT = String(brokerPort);
	// Never let an outer n8n configuration leak in.
	delete env.N8N_CONFIG_FILES;
	return env;
}

/** A per-data-folder encryption key, created once and kept next to the data. */
export function encryptionKey(dataDir) {
	const file = path.join(dataDir, 'encryption-key');
	if (!fs.existsSync(file)) {
		fs.mkdirSync(dataDir, { recursive: true });
		fs.writeFileSync(file, crypto.randomBytes(24).toString('hex') + '\n', { mode: 0o600 });
	}
	return fs.readFileSync(file, 'utf8').trim();
}

/**
 * Copy the built package (package.json + dist/) to where n8n loads installed community
 * packages: <dataDir>/.n8n/nodes/node_modules/n8n-nodes-jitbit. It needs no node_modules of its
 * own: `require('n8n-workflow')` resolves to n8n's copy.
 */
export function installPackageInto(dataDir, { pkgDir = REPO } = {}) {
	const dist = path.join(pkgDir, 'dist');
	if (!fs.existsSync(dist)) throw new Error(`${dist} does not exist: run \`npm run build\` first`);
	const nodesDir = path.join(dataDir, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	fs.copyFileSync(path.join(pkgDir, 'package.json'), path.join(target, 'package.json'));
	fs.cpSync(dist, path.join(target, 'dist'), { recursive: true });
	// n8n also reads <nodes>/package.json to know which community packages are installed.
	const pj = path.join(nodesDir, 'package.json');
	let manifest = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		manifest = JSON.parse(fs.readFileSync(pj, 'utf8'));
	} catch {
		/* first time */
	}
	const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
	manifest.dependencies = { ...(manifest.dependencies || {}), [PACKAGE_NAME]: version };
	fs.writeFileSync(pj, JSON.stringify(manifest, null, 2) + '\n');
	return target;
}

/** Run one n8n CLI command (import:credentials, import:workflow, execute, ...). */
export async function n8nCli(args, env, { timeoutMs = 180000 } = {}) {
	const p = n8nPaths();
	return runCommand(p.nodeBin, [p.n8nBin, ...args], { env, timeoutMs });
}

/** Start `n8n start` (or `n8n worker`, ...) as a tracked child. */
export function startN8n(env, { args = ['start'], logFile, echo, name = 'n8n' } = {}) {
	const p = n8nPaths();
	return startProcess(p.nodeBin, [p.n8nBin, ...args], { env, logFile, echo, name });
}

/** Poll an URL until it answers 200 (n8n's /healthz). */
export async function waitForHttp(url, timeoutMs = 90000, proc) {
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	proc?.exited.then(() => (exited = true));
	while (Date.now() < deadline) {
		if (exited) throw new Error(`${proc.name} exited while waiting for ${url}:\n${proc.recent().slice(-30).join('\n')}`);
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
			if (res.ok) return;
		} catch {
			/* not up yet */
		}
		await sleep(500);
	}
	throw new Error(`timed out after ${fmtMs(timeoutMs)} waiting for ${url}`);
}

/**
 * Creates n8n's owner account through its REST API (POST /rest/owner/setup) on a fresh data
 * folder and returns its session: the cookies n8n set, and `rest(method, path, body)` that calls
 * `/rest/<path>` with them and resolves { status, text, json } (n8n wraps results in `data`).
 */
export async function ownerSession(base, { email = 'owner@example.com', firstName = 'E2e', lastName = 'Owner' } = {}) {
	const res = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, firstName, lastName, password: `Owner-${Date.now()}` }),
		signal: AbortSignal.timeout(30000),
	});
	if (!res.ok) throw new Error(`owner setup failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
	const cookies = res.headers.getSetCookie().map((c) => {
		const nv = c.split(';')[0];
		const i = nv.indexOf('=');
		return { name: nv.slice(0, i), value: nv.slice(i + 1) };
	});
	const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	return {
		cookies,
		rest: (method, apiPath, body) =>
			fetchAnswer(`${base}/rest/${apiPath.replace(/^\/+/, '')}`, {
				method,
				headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
				body: body === undefined ? undefined : JSON.stringify(body),
				signal: AbortSignal.timeout(60000),
			}),
	};
}

/** The credential for the sandbox in n8n's import format (plaintext data, encrypted on import). */
export function sandboxCredential(sandbox, user = 'admin') {
	return [
		{
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			type: 'jitbitApi',
			data: {
				helpdeskUrl: sandbox.url,
				authType: 'token',
				token: sandbox.users[user].token,
				rateLimit: 90,
				searchRateLimit: 60,
				rateLimitWindow: 60,
			},
		},
	];
}

export function writeJson(file, data) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
	return file;
}

/**
 * Executions stored in the data folder's SQLite database, newest first:
 * [{ id, workflowId, status, mode, finished, error: {name, message} | null, lastNode, data? }].
 * Read with Node 24's built-in node:sqlite and n8n's own `flatted` (the storage format), so it
 * works while n8n runs and without an owner account or API key. `withData` adds the full run.
 */
export async function readExecutions(dataDir, { limit = 20, withData = false, workflowId } = {}) {
	const p = n8nPaths();
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const { parse } = require(require.resolve('flatted', { paths: [${JSON.stringify(path.join(p.n8nDir, 'node_modules', 'n8n'))}] }));
		const [dbFile, limit, withData, wf] = process.argv.slice(1);
		const db = new DatabaseSync(dbFile, { readOnly: true });
		const rows = db.prepare('SELECT e.id, e.workflowId, e.status, e.mode, e.finished, d.data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id' + (wf ? ' WHERE e.workflowId = ?' : '') + ' ORDER BY e.id DESC LIMIT ' + Number(limit)).all(...(wf ? [wf] : []));
		const out = rows.map((r) => {
			let data = null;
			try { data = r.data ? parse(r.data) : null; } catch {}
			const err = data && data.resultData && data.resultData.error;
			return { id: String(r.id), workflowId: r.workflowId, status: r.status, mode: r.mode, finished: !!r.finished,
				error: err ? { name: err.name, message: err.message, description: err.description } : null,
				lastNode: data && data.resultData ? data.resultData.lastNodeExecuted : undefined,
				data: withData === 'true' ? data : undefined };
		});
		process.stdout.write(JSON.stringify(out));
	`;
	const db = path.join(dataDir, '.n8n', 'database.sqlite');
	const r = await runCommand(p.nodeBin, ['--no-warnings', '-e', script, db, String(limit), String(withData), workflowId || ''], {
		env: node24Env(),
		timeoutMs: 30000,
	});
	if (r.code !== 0) throw new Error(`reading executions failed: ${r.output.slice(-800)}`);
	return JSON.parse(r.output);
}
