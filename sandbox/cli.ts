/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- does not ship (README, Development: Lint) */
/**
 * `npm run sandbox [-- --port N] [-- --profile legacy]` (= `ts-node --transpile-only sandbox/cli.ts`): starts
 * the Jitbit sandbox on 127.0.0.1 (port 8089 by default, SANDBOX_PORT or --port override), playing the
 * chosen install (SANDBOX_PROFILE or --profile; see profiles.ts), and prints its URL and demo logins.
 */
import { describeVariations, isProfileName, PROFILE_NAMES, startSandbox } from './index';
import type { ProfileName } from './index';

/** `--name value`, `--name=value`, or the environment variable. */
function option(argv: string[], name: string, env: string | undefined): string | undefined {
	const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	return i < 0 ? env : argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

function profileFromArgs(argv: string[]): ProfileName {
	const raw = option(argv, 'profile', process.env.SANDBOX_PROFILE) || 'default';
	if (!isProfileName(raw)) {
		console.error(`Unknown profile '${raw}': use one of ${PROFILE_NAMES.join(', ')}`);
		process.exit(2);
	}
	return raw;
}

function portFromArgs(argv: string[]): number {
	const raw = option(argv, 'port', process.env.SANDBOX_PORT);
	const port = raw === undefined || raw === '' ? 8089 : Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`Invalid port '${raw}'`);
		process.exit(2);
	}
	return port;
}

async function main() {
	const argv = process.argv.slice(2);
	const sb = await startSandbox({ port: portFromArgs(argv), host: '127.0.0.1', profile: profileFromArgs(argv) });
	const { admin, tech, customer } = sb.users;
	console.log(`Jitbit sandbox listening on ${sb.url}`);
	const differences = describeVariations(sb.variations);
	console.log(`  Profile:      ${sb.profile}${differences.length ? `: ${differences.join('; ')}` : ' (a current SaaS helpdesk)'}`);
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
