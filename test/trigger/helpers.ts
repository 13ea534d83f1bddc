/** Shared set-up for the trigger tests: a sandbox with a controllable clock and polls through PollContext. */
import type { IDataObject, Workflow } from 'n8n-workflow';

import { Harness, TRIGGER_TYPE, tokenCredentials } from '../harness';
import type { ProfileName, RecordedRequest, Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';

export const CUSTOMER = 3;
export const TECH = 2;
export const ADMIN = 1;

export interface Env {
	sb: Sandbox;
	h: Harness;
	/** Simulated server time (ms); the sandbox stamps LastUpdated/IssueDate/CommentDate with it. */
	clock: { now: number; tick(ms: number): void; set(iso: string): void };
	creds: ReturnType<typeof tokenCredentials>;
}

export async function setup(profile: ProfileName = 'default'): Promise<Env> {
	const sb = await startSandbox({ rateLimit: false, lockout: false, seed: 'empty', profile });
	const h = await Harness.load();
	const clock = {
		now: Date.parse('2026-03-10T12:00:00Z'),
		tick(ms: number) {
			this.now += ms;
		},
		set(iso: string) {
			this.now = Date.parse(iso);
		},
	};
	sb.db.setClock(() => new Date(clock.now));
	return { sb, h, clock, creds: tokenCredentials(sb.url, sb.users.admin.token) };
}

/**
 * A test file's trigger environment for one profile: started before its tests, closed after them,
 * reset before each unless `resetEach` is false. The returned Env reads through to the live one.
 */
export function useTriggerEnv(profile: ProfileName = 'default', { resetEach = true } = {}): Env {
	let live: Env | undefined;
	beforeAll(async () => {
		live = await setup(profile);
	});
	afterAll(async () => {
		await live?.sb.close();
	});
	if (resetEach) beforeEach(() => reset(live!));
	return new Proxy({} as Env, { get: (_target, key) => live![key as keyof Env] });
}

export function reset(env: Env) {
	env.sb.reset();
	env.clock.set('2026-03-10T12:00:00Z');
	env.sb.db.setClock(() => new Date(env.clock.now));
}

export interface PollResult {
	items: IDataObject[];
	requests: RecordedRequest[];
}

export class TriggerUnderTest {
	workflow: Workflow;

	constructor(
		private readonly env: Env,
		readonly parameters: IDataObject,
		staticData?: IDataObject,
	) {
		this.workflow = this.build(staticData);
	}

	private build(staticData?: IDataObject): Workflow {
		const node = this.env.h.makeNode(this.parameters, { nodeType: TRIGGER_TYPE, name: 'Jitbit Trigger' });
		return this.env.h.makeWorkflow(node, staticData);
	}

	/** The node's static data as n8n would persist it. */
	state(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.staticData))['node:Jitbit Trigger'] ?? {};
	}

	stateBytes(): number {
		return Buffer.byteLength(JSON.stringify(this.state()));
	}

	/** A restart: static data serialized as n8n stores it, then a new Workflow built from it. */
	restart() {
		this.workflow = this.build(JSON.parse(JSON.stringify(this.workflow.staticData)));
	}

	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<PollResult> {
		const before = this.env.sb.requests.length;
		const out = await this.env.h.poll(this.workflow, this.env.creds, mode);
		return { items: (out?.[0] ?? []).map((i) => i.json), requests: this.env.sb.requests.slice(before) };
	}
}

export function newTicket(env: Env, subject: string, extra: IDataObject = {}) {
	return env.sb.db.createTicket({ subject, categoryId: 1, userId: CUSTOMER, ...extra });
}

export const ids = (items: IDataObject[]) => items.map((i) => Number(i.IssueID ?? i.TicketID));
