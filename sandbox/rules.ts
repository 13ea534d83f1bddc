/* eslint-disable @n8n/community-nodes/no-restricted-globals -- does not ship (README, Development: Lint) */
/**
 * Jitbit's automation rules with the "Send an HTTP request" action, as the sandbox plays them.
 * The data store reports every ticket change (db.onTicketChange); matching enabled rules are
 * delivered, with Jitbit's raw token substitution, to 127.0.0.1 only. Overdue and "not updated
 * for 30 minutes" fire on a clock tick. Rules are registered through the sandbox-only admin
 * endpoint (rules-admin.ts) or `sb.rules.add(...)`, and also appear to the API's Rule,
 * EnableRule and DisableRule methods.
 */
import type { CommentRec, SandboxDb, TicketRec } from './db';
import { STATUS_CLOSED } from './db';
import { deliver, LOOPBACK, substitute } from './rules-delivery';

/** Jitbit's rule triggers, under the ids the Jitbit Webhook Trigger uses. */
export const RULE_TRIGGERS = [
	'ticketCreated', 'ticketOverdue', 'ticketNotUpdated', 'ticketClosed', 'newReply', 'categoryChanged',
	'ticketAssigned', 'statusChanged', 'priorityChanged', 'submitterReply', 'ticketReopened', 'customFieldEdited',
] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

/** What `db.onTicketChange` reports. */
export type TicketChange =
	| { kind: 'created'; ticket: TicketRec }
	| { kind: 'updated'; before: TicketRec; ticket: TicketRec }
	| { kind: 'comment'; ticket: TicketRec; comment: CommentRec };

export interface HttpRuleInput {
	event: RuleTrigger;
	name?: string;
	method?: 'POST' | 'GET';
	url: string;
	postData?: string;
	/** "The POST data is in JSON format". */
	json?: boolean;
	/** "Username / password for Basic Authentication". */
	username?: string;
	password?: string;
	/** "Add custom HTTP headers". */
	headers?: Record<string, string>;
}

export type HttpRule = Required<HttpRuleInput> & { ruleId: number };

export interface RuleDelivery {
	ruleId: number;
	event: RuleTrigger;
	ticketId: number;
	method: string;
	url: string;
	headers: Record<string, string>;
	body: string;
	/** HTTP status of the answer; 0 when the request failed (see error). */
	status: number;
	responseBody: string;
	/** From sending the request to the end of the answer. */
	durationMs: number;
	error?: string;
	at: number;
}

const IDLE_MS = 30 * 60_000;

export function checkRuleInput(input: HttpRuleInput): string | undefined {
	if (!RULE_TRIGGERS.includes(input.event)) return `event must be one of ${RULE_TRIGGERS.join(', ')}`;
	if (input.method !== undefined && input.method !== 'POST' && input.method !== 'GET') return 'method must be POST or GET';
	let url: URL;
	try {
		url = new URL(input.url);
	} catch {
		return `url is not a web address: ${input.url}`;
	}
	if (!LOOPBACK.has(url.hostname)) return 'the sandbox delivers rules to 127.0.0.1 (or localhost) only';
	return undefined;
}

export class RulesEngine {
	readonly rules = new Map<number, HttpRule>();
	readonly deliveries: RuleDelivery[] = [];
	private readonly inFlight = new Set<Promise<void>>();
	/** Per ticket, the due date / LastUpdated a tick already fired for. */
	private readonly firedOverdue = new Map<number, string>();
	private readonly firedIdle = new Map<number, string>();
	private clock?: ReturnType<typeof setInterval>;

	constructor(
		private readonly db: SandboxDb,
		private readonly baseUrl: () => string,
	) {}

	add(input: HttpRuleInput): HttpRule {
		const problem = checkRuleInput(input);
		if (problem) throw new Error(problem);
		const ruleId = this.db.nextId('rule');
		const rule: HttpRule = {
			name: `HTTP request on ${input.event}`, method: 'POST', postData: '', json: false, username: '', password: '', headers: {},
			...input,
			ruleId,
		};
		this.rules.set(ruleId, rule);
		this.db.rules.set(ruleId, { ruleId, name: rule.name, enabled: true });
		return rule;
	}

	/** Forgets every rule, delivery and tick memory (the sandbox's reset). */
	clear(): void {
		this.stopClock();
		this.rules.clear();
		this.deliveries.length = 0;
		this.firedOverdue.clear();
		this.firedIdle.clear();
	}

	/** The rule triggers one change sets off. */
	triggersOf(change: TicketChange): RuleTrigger[] {
		if (change.kind === 'created') return ['ticketCreated'];
		const t = change.ticket;
		if (change.kind === 'comment') {
			if (change.comment.isSystem) return [];
			return change.comment.userId === t.userId ? ['newReply', 'submitterReply'] : ['newReply'];
		}
		const b = change.before;
		const out: RuleTrigger[] = [];
		if (b.statusId !== t.statusId) {
			out.push('statusChanged');
			if (t.statusId === STATUS_CLOSED) out.push('ticketClosed');
			if (b.statusId === STATUS_CLOSED) out.push('ticketReopened');
		}
		if (b.categoryId !== t.categoryId) out.push('categoryChanged');
		if (b.priority !== t.priority) out.push('priorityChanged');
		if (t.assignedToUserId !== null && b.assignedToUserId !== t.assignedToUserId) out.push('ticketAssigned');
		if (JSON.stringify(b.customFields) !== JSON.stringify(t.customFields)) out.push('customFieldEdited');
		return out;
	}

	onChange(change: TicketChange): void {
		for (const trigger of this.triggersOf(change)) this.fire(trigger, change.ticket, change.kind === 'comment' ? change.comment : undefined);
	}

	/** Overdue and idle tickets, once per due date / last update; returns how many fired. */
	tick(): number {
		const now = this.db.now().getTime();
		let fired = 0;
		for (const t of this.db.tickets.values()) {
			if (t.statusId === STATUS_CLOSED) continue;
			if (t.dueDate !== null && Date.parse(t.dueDate) <= now && this.firedOverdue.get(t.ticketId) !== t.dueDate) {
				this.firedOverdue.set(t.ticketId, t.dueDate);
				fired += this.fire('ticketOverdue', t);
			}
			if (Date.parse(t.lastUpdated) <= now - IDLE_MS && this.firedIdle.get(t.ticketId) !== t.lastUpdated) {
				this.firedIdle.set(t.ticketId, t.lastUpdated);
				fired += this.fire('ticketNotUpdated', t);
			}
		}
		return fired;
	}

	/** Ticks every `everyMs` (0 stops the clock). */
	startClock(everyMs: number): void {
		this.stopClock();
		if (everyMs > 0) {
			this.clock = setInterval(() => this.tick(), everyMs);
			this.clock.unref();
		}
	}

	stopClock(): void {
		if (this.clock) clearInterval(this.clock);
		this.clock = undefined;
	}

	/** Resolves once every delivery sent so far has its answer. */
	async settle(): Promise<RuleDelivery[]> {
		while (this.inFlight.size) await Promise.all([...this.inFlight]);
		return this.deliveries;
	}

	/** Sends every enabled rule of this trigger; returns how many were sent. */
	private fire(trigger: RuleTrigger, ticket: TicketRec, comment?: CommentRec): number {
		let sent = 0;
		for (const rule of this.rules.values()) {
			if (rule.event !== trigger || this.db.rules.get(rule.ruleId)?.enabled === false) continue;
			// Substituted now, as the change happened; sent a moment later, as Jitbit's rules run after the save.
			const request = substitute(rule, this.db, ticket, this.baseUrl(), comment);
			const done = deliver(request).then((result) => {
				this.deliveries.push({ ruleId: rule.ruleId, event: trigger, ticketId: ticket.ticketId, ...request, ...result });
			});
			this.inFlight.add(done);
			void done.finally(() => this.inFlight.delete(done));
			sent++;
		}
		return sent;
	}
}
