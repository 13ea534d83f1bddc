#!/usr/bin/env node
// npm run screenshots — PNGs of the Jitbit nodes in the real n8n editor, for the README.
//
// Needs Debian's chromium (`apt-get install chromium`; installed here if missing, as root) and
// the playwright-core devDependency. Assumes `npm run build` has run. Starts the sandbox and n8n
// in a temp folder, creates the owner account through n8n's REST API (POST /rest/owner/setup),
// imports the sandbox credential and the examples, then takes with headless Chromium:
//   docs/screenshots/workflow-triage.png     the triage example on the canvas
//   docs/screenshots/workflow-ai-triage.png  the AI triage example on the canvas
//   docs/screenshots/node-actions.png        the node's operations in the node panel
//   docs/screenshots/node-ticket-create.png  the Jitbit node, Ticket > Create
//   docs/screenshots/trigger.png             the Jitbit Trigger
//   docs/screenshots/webhook-trigger.png     the Jitbit Webhook Trigger and its setup notice
//   docs/screenshots/credential.png          the credential form
// Env: SCREENSHOTS_OUT=<dir> (default docs/screenshots), CHROMIUM=<path> (default /usr/bin/chromium).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureN8n } from './install.mjs';
import * as L from './lib.mjs';

const T0 = Date.now();
const OUT = path.resolve(L.REPO, process.env.SCREENSHOTS_OUT || 'docs/screenshots');
const log = (m) => process.stdout.write(`[shots ${L.fmtMs(Date.now() - T0).padStart(6)}] ${m}\n`);

function findChromium() {
	for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && fs.existsSync(p)) return p;
	return null;
}

async function ensureChromium() {
	let bin = findChromium();
	if (bin) return bin;
	log("chromium not found: installing Debian's chromium (apt-get)");
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let r = await L.runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, timeoutMs: 900000 });
	if (r.code !== 0) {
		await L.runCommand('apt-get', ['update'], { env, timeoutMs: 600000 });
		r = await L.runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, timeoutMs: 900000 });
	}
	bin = findChromium();
	if (!bin) throw new Error(`could not install chromium (are you root?):\n${r.output.slice(-1200)}`);
	return bin;
}

async function main() {
	const bail = () => L.stopAll(3000).finally(() => process.exit(130));
	process.on('SIGINT', bail);
	process.on('SIGTERM', bail);
	L.watchParent(bail);
	let chromium;
	try {
		({ chromium } = await import('playwright-core'));
	} catch {
		throw new Error('playwright-core is missing: run `npm ci` (it is a devDependency)');
	}
	if (!fs.existsSync(path.join(L.REPO, 'dist', 'nodes', 'Jitbit'))) throw new Error('dist/ is missing: run `npm run build` first');
	const chromiumBin = await ensureChromium();
	await ensureN8n();

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jitbit-n8n-shots-'));
	let sandbox;
	let server;
	let browser;
	try {
		L.installPackageInto(work);
		// The sandbox on its usual port when free, so the credential form shows the URL `npm start` uses.
		sandbox = await L.startSandbox({ port: (await L.portInUse(8089)) ? 0 : 8089, logFile: path.join(work, 'sandbox.log') });
		const port = await L.freePort();
		const cliEnv = L.n8nEnv(work, { port, brokerPort: await L.freePort() });
		let r = await L.n8nCli(['import:credentials', `--input=${L.writeJson(path.join(work, 'cred.json'), L.sandboxCredential(sandbox))}`], cliEnv);
		if (r.code !== 0) throw new Error(`import:credentials: ${r.output.slice(-1500)}`);
		r = await L.n8nCli(['import:workflow', '--separate', `--input=${path.join(L.REPO, 'examples')}`], cliEnv);
		if (r.code !== 0) throw new Error(`import:workflow: ${r.output.slice(-1500)}`);

		server = L.startN8n(L.n8nEnv(work, { port, brokerPort: await L.freePort() }), { logFile: path.join(work, 'n8n.log') });
		const base = `http://127.0.0.1:${port}`;
		await L.waitForHttp(`${base}/healthz/readiness`, 120000, server);
		log(`n8n up on ${base}`);

		// Owner account through the REST API; its auth cookie goes into the browser.
		const owner = await L.ownerSession(base, { email: 'screenshots@example.com', firstName: 'Demo', lastName: 'User' });
		const cookies = owner.cookies.map((c) => ({ ...c, domain: '127.0.0.1', path: '/' }));

		browser = await chromium.launch({
			executablePath: chromiumBin,
			headless: true,
			args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
		});
		const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
		await ctx.addCookies(cookies);
		// Keep n8n's "what's new" and similar pop-ups out of the pictures.
		await ctx.addInitScript(() => {
			try {
				globalThis.localStorage.setItem('N8N_HIDE_HIRING_BANNER', 'true');
			} catch {
				/* ignore */
			}
		});
		const page = await ctx.newPage();
		page.setDefaultTimeout(30000);
		fs.mkdirSync(OUT, { recursive: true });
		const shot = async (name, opts = {}) => {
			await page.waitForTimeout(800); // animations
			const file = path.join(OUT, name);
			await page.screenshot({ path: file, ...opts });
			log(`saved ${path.relative(L.REPO, file)}`);
		};
		const closeOverlays = async () => {
			for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
			await page.waitForTimeout(300);
		};
		const openWorkflow = async (id) => {
			await page.goto(`${base}/workflow/${id}`, { waitUntil: 'networkidle', timeout: 60000 });
			await page.locator('[data-test-id="canvas-node"]').first().waitFor();
			await page.waitForTimeout(1000);
			await closeOverlays();
		};
		const openNode = async (name) => {
			await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
			await page.locator('[data-test-id="ndv"]').first().waitFor();
			await page.waitForTimeout(1200);
		};

		const taken = [];
		const attempt = async (what, fn) => {
			try {
				await fn();
				taken.push(what);
			} catch (err) {
				log(`could not take ${what}: ${String(err.message).split('\n')[0]}`);
				await page.screenshot({ path: path.join(work, `failed-${what}.png`) }).catch(() => {});
			}
		};

		await attempt('workflow-triage', async () => {
			await openWorkflow('jitbitExTriage01');
			await page.locator('[data-test-id="zoom-to-fit"]').click().catch(() => {});
			await shot('workflow-triage.png');
		});

		await attempt('workflow-ai-triage', async () => {
			await openWorkflow('jitbitExAiTriag1');
			await page.locator('[data-test-id="zoom-to-fit"]').click().catch(() => {});
			await shot('workflow-ai-triage.png');
		});

		await attempt('node-actions', async () => {
			await openWorkflow('jitbitExTriage01');
			await page.locator('[data-test-id="node-creator-plus-button"]').click();
			const search = page.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="node-creator"] input').first();
			await search.waitFor();
			await search.fill('Jitbit');
			await page.waitForTimeout(800);
			// Click the regular node (not the trigger) to list its actions.
			const item = page.locator('[data-test-id="item-iterator-item"]').filter({ hasText: /^Jitbit(?! Trigger)/ }).first();
			await item.click();
			await page.waitForTimeout(1000);
			await shot('node-actions.png');
			await closeOverlays();
		});

		await attempt('node-ticket-create', async () => {
			await openWorkflow('jitbitExAlert001');
			await openNode('Create ticket');
			await shot('node-ticket-create.png');
			await closeOverlays();
		});

		await attempt('trigger', async () => {
			await openWorkflow('jitbitExTriage01');
			await openNode('New ticket');
			await shot('trigger.png');
			await closeOverlays();
		});

		await attempt('webhook-trigger', async () => {
			await openWorkflow('jitbitExRules001');
			await openNode('Ticket created');
			await shot('webhook-trigger.png');
			await closeOverlays();
		});

		await attempt('credential', async () => {
			await page.goto(`${base}/home/credentials/${L.CREDENTIAL_ID}`, { waitUntil: 'networkidle', timeout: 60000 });
			await page.locator('[data-test-id="editCredential-modal"], .el-dialog').first().waitFor();
			await page.waitForTimeout(1500);
			await shot('credential.png');
		});

		log(`${taken.length} screenshots: ${taken.join(', ')}`);
		if (taken.length < 7) {
			log(`some screenshots failed; see ${work}/failed-*.png`);
			process.exitCode = 1;
		}
	} finally {
		if (browser) await browser.close().catch(() => {});
		if (server) await server.stop(10000);
		if (sandbox) await sandbox.close();
		await L.stopAll(3000);
		if (!process.exitCode) fs.rmSync(work, { recursive: true, force: true });
	}
}


main().catch((err) => {
	log(`FAILED: ${err?.stack || err}`);
	L.stopAll(2000).finally(() => process.exit(1));
});
