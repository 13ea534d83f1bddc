/**
 * `npm run sandbox` (= `ts-node --transpile-only sandbox/cli.ts [--port N]`): starts the Jitbit sandbox on
 * 127.0.0.1 (port 8089 by default, SANDBOX_PORT or --port override) and prints its URL and demo logins.
 */
import { startSandbox } from './index';

function portFromArgs(argv: string[]): number {
	const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
	const raw = i < 0 ? process.env.SANDBOX_PORT : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
	const port = raw === undefined || raw === '' ? 8089 : Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`Invalid port '${raw}'`);
		process.exit(2);
	}
	return port;
}

async function main() {
	const sb = await startSandbox({ port: portFromArgs(process.argv.slice(2)), host: '127.0.0.1' });
	const { admin, tech, customer } = sb.users;
	console.log(`Jitbit sandbox listening on ${sb.url}`);
	console.log(`  API:          ${sb.url}/api/<Method>   (also ${sb.url}/helpdesk/api/<Method>)`);
	console.log(`  Helpdesk URL: ${sb.url}   (what to type into the n8n credential)`);
	console.log('Demo credentials (username / password / API token):');
	for (const [role, u] of Object.entries({ admin, tech, customer })) {
		console.log(`  ${role.padEnd(9)} ${u.username} / ${u.password} / ${u.token}`);
	}
	console.log('Rate limit 90/min (60/min for Search, UserByEmail); 3 bad logins lock the IP for 5 minutes.');
	console.log('Press Ctrl-C to stop.');
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox`);
		sb.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
	console.error(`Could not start the sandbox: ${(e as Error).message}`);
	process.exit(1);
});
