/**
 * The setup most node tests share: a sandbox without rate limits or lockout, the compiled package
 * loaded into n8n's engine, the demo data restored before each test, and a `run` as a user.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ProfileName, RecordedRequest, Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { JitbitCredentials } from './index';
import { Harness, tokenCredentials } from './index';

export interface RunExtra {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The credential to run as; the admin's by default. */
	as?: JitbitCredentials;
	/** The node type to run, e.g. TOOL_TYPE for the node as an agent's tool. */
	nodeType?: string;
}

export interface Env {
	sb: Sandbox;
	h: Harness;
	admin: JitbitCredentials;
	tech: JitbitCredentials;
	customer: JitbitCredentials;
	/** Runs the node (with the default resource, when one was given) and returns items + error. */
	run(parameters: IDataObject, extra?: RunExtra): ReturnType<Harness['run']>;
	/** The API calls the sandbox received since the last reset (or run, with `clearPerRun`). */
	calls(): RecordedRequest[];
}

export interface EnvOptions {
	/** Resource added to every `run`'s parameters unless they name one. */
	resource?: string;
	/** Clear the request log at the start of every `run`, so `calls()` shows that run's calls only. */
	clearPerRun?: boolean;
	/** Restore the demo data before each test (default); tests that reset themselves turn it off. */
	resetEach?: boolean;
	/** The Jitbit install the sandbox plays (sandbox/profiles.ts); default 'default'. */
	profile?: ProfileName;
}

export function useEnv(options: EnvOptions = {}): Env {
	const env = {
		run: async (parameters, extra = {}) => {
			if (options.clearPerRun) env.sb.clearRequests();
			return await env.h.run(options.resource ? { resource: options.resource, ...parameters } : parameters, {
				credentials: extra.as ?? env.admin,
				items: extra.items,
				continueOnFail: extra.continueOnFail,
				nodeType: extra.nodeType,
			});
		},
		calls: () => env.sb.requests.slice(),
	} as Env;
	beforeAll(async () => {
		[env.sb, env.h] = await Promise.all([
			startSandbox({ rateLimit: false, lockout: false, profile: options.profile }),
			Harness.load(),
		]);
		env.admin = tokenCredentials(env.sb.url, env.sb.users.admin.token);
		env.tech = tokenCredentials(env.sb.url, env.sb.users.tech.token);
		env.customer = tokenCredentials(env.sb.url, env.sb.users.customer.token);
	});
	if (options.resetEach !== false) beforeEach(() => env.sb.reset());
	afterAll(async () => await env.sb?.close());
	return env;
}

/** A resource locator value as the editor stores it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** The essentials of a recorded request, for exact assertions. */
export function summary(r: RecordedRequest) {
	return { method: r.method, endpoint: r.endpoint, query: r.query, contentType: r.contentType, body: r.body };
}

export const jsonOf = (items: Array<{ json: IDataObject }>) => items.map((i) => i.json);

/**
 * The installs the engine tests run against: the current textbook one, and an older one with every
 * field variation at once (100-ticket pages, comments newest first, `<!--html-->` bodies,
 * `/Date(ms)/` dates, typed custom field values, a 4 MB request limit).
 */
export const TEST_PROFILES = ['default', 'legacy'] as const satisfies readonly ProfileName[];
export type TestProfile = (typeof TEST_PROFILES)[number];

/** Runs a block of tests once per test profile, each in its own `describe`. */
export function eachProfile(body: (profile: TestProfile) => void): void {
	describe.each(TEST_PROFILES)('%s profile', (profile) => body(profile));
}

/** Epoch ms of a date as any test profile writes it (`/Date(ms)/` or ISO), for assertions on raw output. */
export function sentDateMs(value: unknown): number {
	const text = String(value);
	const ms = /^\/Date\((-?\d+)/.exec(text);
	return ms ? Number(ms[1]) : Date.parse(text);
}
