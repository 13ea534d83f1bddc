/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- does not ship (README, Development: Lint) */
/** `npm run sandbox`: the CLI starts, prints URL and demo credentials, serves, and stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import axios from 'axios';

const root = path.resolve(__dirname, '../..');

it('starts on the given port, prints URL and credentials, stops on SIGTERM', async () => {
	const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'sandbox/cli.ts', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 20_000);
		child.stdout.on('data', () => {
			const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
			if (m && /Press Ctrl-C/.test(out)) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		});
	});
	expect(out).toMatch(/admin +admin \/ admin-pass \/ [0-9a-f]{40}/);
	expect(out).toMatch(/tech +tech \/ tech-pass \//);
	expect(out).toMatch(/customer +customer \/ customer-pass \//);
	const res = await axios.post(`${url}/api/Authorization`, null, { auth: { username: 'admin', password: 'admin-pass' }, proxy: false });
	expect(res.data.Username).toBe('admin');
	const code = await new Promise<number | null>((resolve) => {
		child.on('exit', (c) => resolve(c));
		child.kill('SIGTERM');
	});
	expect(code).toBe(0);
}, 30_000);
