// `npm start -- --helpdesk <url>`: from the sandbox to a real helpdesk. The URL comes from the
// command line; the API token from the environment (JITBIT_TOKEN) or a hidden prompt, never from
// the command line, where it would stay in the shell's history and in `ps`. One login checks them
// (Jitbit locks an IP out after three bad ones, so it is never repeated), then start.mjs imports a
// credential for that helpdesk and a copy of every example wired to it, unpublished.

import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

import { fetchAnswer, REPO } from './lib.mjs';

export const HELPDESK_CREDENTIAL_ID = 'jitbitHelpdeskCred';
export const TOKEN_VARIABLE = 'JITBIT_TOKEN';

/** The --helpdesk URL of the command line (`--helpdesk URL` or `--helpdesk=URL`), if any. */
export function helpdeskArgument(argv = process.argv.slice(2)) {
	let url;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (/^--(token|password|api-?token)\b/i.test(arg)) {
			throw new Error(`${arg.split('=')[0]} is not an option: a token on the command line stays in your shell's history. Set ${TOKEN_VARIABLE}, or let npm start ask for it.`);
		}
		if (arg === '--helpdesk') {
			url = argv[++i];
			if (!url || url.startsWith('--')) throw new Error('--helpdesk needs the address of your helpdesk, e.g. --helpdesk https://company.jitbit.com/helpdesk');
		} else if (arg.startsWith('--helpdesk=')) url = arg.slice('--helpdesk='.length);
		else throw new Error(`unknown option ${arg}. Usage: npm start [-- --helpdesk https://company.jitbit.com/helpdesk]`);
	}
	return url;
}

/** The helpdesk's web and API addresses, by the package's own rule (the built dist/). */
export function helpdeskAddresses(url, pkgDir = REPO) {
	const require = createRequire(import.meta.url);
	const { webBaseUrl, apiBaseUrl } = require(path.join(pkgDir, 'dist', 'nodes', 'Jitbit', 'transport', 'urls.js'));
	const web = webBaseUrl(url);
	return { web, api: apiBaseUrl(url), host: new URL(web).host };
}

/** A line typed without echo (the token), or undefined when there is no terminal to ask on. */
export function promptHidden(question, { input = process.stdin, output = process.stdout } = {}) {
	if (!input.isTTY) return Promise.resolve(undefined);
	output.write(question);
	return new Promise((resolve, reject) => {
		let value = '';
		const done = (fn, arg) => {
			input.setRawMode(false);
			input.pause();
			input.removeListener('data', onData);
			output.write('\n');
			fn(arg);
		};
		const onData = (chunk) => {
			for (const ch of String(chunk)) {
				if (ch === '\r' || ch === '\n') return done(resolve, value.trim());
				if (ch === '\u0003' || ch === '\u0004') return done(reject, new Error('cancelled'));
				if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
				else value += ch;
			}
		};
		input.setRawMode(true);
		input.setEncoding('utf8');
		input.on('data', onData);
		input.resume();
	});
}

/** JITBIT_TOKEN, else a hidden prompt; an error naming both when neither gives a token. */
export async function helpdeskToken(host, env = process.env) {
	const fromEnv = String(env[TOKEN_VARIABLE] ?? '').trim();
	if (fromEnv) return fromEnv;
	const typed = await promptHidden(`API token for ${host} (Jitbit: your user profile > API Token; not shown): `);
	if (typed) return typed;
	throw new Error(
		`no API token for ${host}: set ${TOKEN_VARIABLE} (e.g. read -rs ${TOKEN_VARIABLE} && export ${TOKEN_VARIABLE}), or run npm start in a terminal to be asked for it.`,
	);
}

/**
 * One login, as the credential's Test does (POST <api>/Authorization), never repeated. Resolves
 * the Jitbit user the token belongs to; throws with what to fix.
 */
export async function checkHelpdesk({ api, host }, token) {
	let res;
	try {
		res = await fetchAnswer(`${api}/Authorization`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
			signal: AbortSignal.timeout(20000),
		});
	} catch (err) {
		throw new Error(`could not reach ${api}: ${err.cause?.code ?? err.message}. Check the address (on-premise: include /helpdesk) and that this machine can reach it.`);
	}
	const { status, text, json: user } = res;
	const ok = status >= 200 && status < 300;
	if (status === 401 || (ok && !user?.UserID)) {
		throw new Error(
			`${host} did not accept this API token (${status}). Create a new one in Jitbit (your user profile > API Token; a token stops working when its user changes password). Jitbit locks an IP address out for 5 minutes after three failed logins, so check the token before trying again.`,
		);
	}
	if (status === 404) throw new Error(`no Jitbit API at ${api} (404). Check the address: on-premise installs usually need /helpdesk.`);
	if (!ok) throw new Error(`${api}/Authorization answered ${status}: ${text.slice(0, 200)}`);
	return user;
}

/** The credential for the helpdesk in n8n's import format (plaintext data, encrypted on import). */
export function helpdeskCredential({ web, host }, token) {
	return [
		{
			id: HELPDESK_CREDENTIAL_ID,
			name: `Jitbit ${host}`,
			type: 'jitbitApi',
			data: { helpdeskUrl: web, authType: 'token', token, rateLimit: 90, searchRateLimit: 60, rateLimitWindow: 60 },
		},
	];
}

/**
 * A copy of an example wired to the helpdesk credential: its own id and name, unpublished, and
 * its own webhook path (two published workflows cannot share one).
 */
export function wiredToHelpdesk(workflow, credential) {
	const [{ id, name }] = credential;
	const host = name.replace(/^Jitbit /, '');
	const suffix = crypto.createHash('sha256').update(host).digest('hex').slice(0, 4);
	return {
		...workflow,
		id: `${workflow.id.slice(0, 15)}H${suffix}`,
		name: `${workflow.name} [${host}]`,
		active: false,
		nodes: workflow.nodes.map((node) => {
			const copy = { ...node };
			if (copy.credentials?.jitbitApi) copy.credentials = { ...copy.credentials, jitbitApi: { id, name } };
			if (copy.type === 'n8n-nodes-base.webhook') {
				copy.parameters = { ...copy.parameters, path: `${copy.parameters.path}-${suffix}` };
				copy.webhookId = crypto.createHash('sha256').update(`${copy.webhookId}:${host}`).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*/, '$1-$2-$3-$4-$5');
			}
			return copy;
		}),
	};
}
