/** Shared setup for the comment/attachment/user/organisation/article/asset/picker tests. */
import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { JitbitCredentials } from '../harness';
import { Harness, tokenCredentials } from '../harness';

export interface Env {
	sb: Sandbox;
	h: Harness;
	admin: JitbitCredentials;
	tech: JitbitCredentials;
	customer: JitbitCredentials;
	/** Runs the node as the admin (or the given credential) and returns items + error. */
	run(parameters: IDataObject, options?: { items?: any[]; continueOnFail?: boolean; as?: JitbitCredentials }): ReturnType<Harness['run']>;
	/** The API calls the sandbox received since the last clearRequests(). */
	calls(): RecordedRequest[];
}

export function useEnv(): Env {
	const env = {} as Env;
	beforeAll(async () => {
		env.sb = await startSandbox({ rateLimit: false, lockout: false });
		env.h = await Harness.load();
		env.admin = tokenCredentials(env.sb.url, env.sb.users.admin.token);
		env.tech = tokenCredentials(env.sb.url, env.sb.users.tech.token);
		env.customer = tokenCredentials(env.sb.url, env.sb.users.customer.token);
		env.run = async (parameters, options = {}) =>
			await env.h.run(parameters, {
				credentials: options.as ?? env.admin,
				items: options.items,
				continueOnFail: options.continueOnFail,
			});
		env.calls = () => env.sb.requests.slice();
	});
	beforeEach(() => {
		env.sb.reset();
	});
	afterAll(async () => {
		await env.sb?.close();
	});
	return env;
}

/** A resource locator value as the editor stores it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** The essentials of a recorded request, for exact assertions. */
export function summary(r: RecordedRequest) {
	return { method: r.method, endpoint: r.endpoint, query: r.query, contentType: r.contentType, body: r.body };
}

export const jsonOf = (items: Array<{ json: IDataObject }>) => items.map((i) => i.json);
