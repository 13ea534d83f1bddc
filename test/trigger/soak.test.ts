/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- does not ship (README, Development: Lint) */
/**
 * Soak: 1 000 tickets created and changed while four triggers (one per event) poll, with the
 * simulated clock moving 250 ms a step so polls and changes keep sharing seconds, across midnight,
 * and a restart half-way (static data JSON-serialized, new Workflow objects built from it).
 * Asserts nothing is missed or emitted twice; prints events, requests per poll and static data size.
 */
import type { IDataObject } from 'n8n-workflow';

import { prng, STATUS_CLOSED, STATUS_IN_PROCESS, STATUS_NEW } from '../../sandbox';
import { eachProfile, sentDateMs } from '../harness/env';
import { CUSTOMER, TECH, TriggerUnderTest, newTicket, useTriggerEnv } from './helpers';

jest.setTimeout(120_000);

const TICKETS = 1000;
const STEP_MS = 250;
/** Status changes hit tickets among the most recent ones: the trigger remembers the last 300 changed. */
const ACTIVE_WINDOW = 150;


/** Lets polls run between (and during) changes: a poll's requests interleave with the next steps. */
const yieldToPolls = () => new Promise((resolve) => setTimeout(resolve, 1));
const idOf = (item: IDataObject) => Number(item.IssueID ?? item.TicketID);

interface Stats {
	polls: number;
	requests: number;
	maxRequests: number;
	idlePolls: number;
	idleRequests: number;
	maxStateBytes: number;
	events: IDataObject[];
	orderViolations: number;
	/** Polls that ended with the cursor in the clock's current second: the next changes share it. */
	sameSecond: number;
}

eachProfile((profile) => {
	const env = useTriggerEnv(profile, { resetEach: false });

	test('1 000 tickets, concurrent changes, same-second boundaries and a restart: 0 missed, 0 duplicated', async () => {
		const { sb, clock } = env;
		clock.set('2026-03-10T23:55:00Z'); // the run crosses midnight: the day filter must follow
		const rnd = prng(7);
		const events = ['newTicket', 'ticketUpdated', 'statusChanged', 'newComment'] as const;
		const extra: Record<string, IDataObject> = { ticketUpdated: { includeNewTickets: true } };
		const triggers = Object.fromEntries(events.map((e) => [e, new TriggerUnderTest(env, { event: e, ...(extra[e] ?? {}) })]));
		const stats: Record<string, Stats> = Object.fromEntries(
			events.map((e) => [
				e,
				{ polls: 0, requests: 0, maxRequests: 0, idlePolls: 0, idleRequests: 0, maxStateBytes: 0, events: [], orderViolations: 0, sameSecond: 0 },
			]),
		);
		for (const e of events) await triggers[e].poll(); // baselines on an empty helpdesk

		// Ground truth, written by the mutator.
		const created: number[] = [];
		const statusHistory = new Map<number, number[]>();
		const comments: number[] = [];
		let done = false;
		let restartPending = false;
		let restarted = false;

		const mutator = (async () => {
			while (created.length < TICKETS) {
				clock.tick(STEP_MS);
				if (rnd() < 0.45 || created.length < 5) {
					const t = newTicket(env, `Soak ${created.length + 1}`);
					created.push(t.ticketId);
					statusHistory.set(t.ticketId, [STATUS_NEW]);
					if (created.length === TICKETS / 2) restartPending = true;
				} else {
					const recent = created.slice(-ACTIVE_WINDOW);
					const action = rnd();
					if (action < 0.35) {
						const id = recent[Math.floor(rnd() * recent.length)];
						const history = statusHistory.get(id)!;
						const choices = [STATUS_NEW, STATUS_IN_PROCESS, STATUS_CLOSED].filter((s) => s !== history.at(-1));
						const status = choices[Math.floor(rnd() * choices.length)];
						sb.db.updateTicket(id, { statusId: status }, TECH);
						history.push(status);
					} else {
						// Comments and edits also reach long-dormant tickets.
						const pool = rnd() < 0.7 ? recent : created;
						const id = pool[Math.floor(rnd() * pool.length)];
						if (action < 0.75) {
							const tech = rnd() < 0.5;
							const c = sb.db.addComment(id, { userId: tech ? TECH : CUSTOMER, body: 'soak', forTechsOnly: tech && rnd() < 0.5 });
							comments.push(c.commentId);
						} else {
							sb.db.updateTicket(id, { subject: `edited ${clock.now}` }, CUSTOMER);
						}
					}
				}
				await yieldToPolls();
			}
			done = true;
		})();

		const pollOnce = async (e: (typeof events)[number]) => {
			const trigger = triggers[e];
			const s = stats[e];
			const before = JSON.stringify(trigger.state());
			const result = await trigger.poll();
			s.polls++;
			s.requests += result.requests.length;
			s.maxRequests = Math.max(s.maxRequests, result.requests.length);
			// Idle: nothing changed in the watched tickets since the last poll (the cursor stayed put).
			if (!result.items.length && JSON.stringify(trigger.state()) === before) {
				s.idlePolls++;
				s.idleRequests += result.requests.length;
			}
			const key =
				e === 'newComment'
					? (i: IDataObject) => sentDateMs(i.CommentDate)
					: e === 'newTicket'
						? idOf
						: (i: IDataObject) => sentDateMs(i.LastUpdated);
			for (let i = 1; i < result.items.length; i++) if (key(result.items[i]) < key(result.items[i - 1])) s.orderViolations++;
			s.events.push(...result.items);
			s.maxStateBytes = Math.max(s.maxStateBytes, trigger.stateBytes());
			const cursor = trigger.state().lastUpdated ?? trigger.state().lastIssued;
			if (cursor && Math.floor(Date.parse(String(cursor)) / 1000) === Math.floor(clock.now / 1000)) s.sameSecond++;
		};

		const poller = (async () => {
			while (!done) {
				for (const e of events) {
					if (restartPending && !restarted) {
						for (const t of Object.values(triggers)) t.restart();
						restarted = true;
					}
					await pollOnce(e);
				}
			}
			// Catch up once the helpdesk is quiet: a later second, then polls until idle.
			clock.tick(2000);
			for (let round = 0; round < 3; round++) for (const e of events) await pollOnce(e);
		})();

		await Promise.all([mutator, poller]);
		expect(restarted).toBe(true);

		const report: IDataObject[] = [];
		const checks: Array<() => void> = [];
		const tally = (e: string, emitted: number, missed: number, duplicated: number) => {
			const s = stats[e];
			report.push({
				event: e,
				emitted,
				missed,
				duplicated,
				polls: s.polls,
				'requests/poll': +(s.requests / s.polls).toFixed(2),
				'max requests/poll': s.maxRequests,
				'idle polls': s.idlePolls,
				'requests/idle poll': +(s.idleRequests / Math.max(1, s.idlePolls)).toFixed(2),
				'polls ending in the cursor second': s.sameSecond,
				'static data max bytes': s.maxStateBytes,
				'static data final bytes': triggers[e].stateBytes(),
			});
			checks.push(() => {
				expect({ event: e, orderViolations: s.orderViolations }).toEqual({ event: e, orderViolations: 0 });
				expect({ event: e, idleRequests: s.idleRequests }).toEqual({ event: e, idleRequests: s.idlePolls }); // every idle poll: one request
				expect(s.maxStateBytes).toBeLessThanOrEqual(4096);
			});
		};

		// New Ticket: every ticket exactly once, in id order.
		const newIds = stats.newTicket.events.map(idOf);
		const newMissed = created.filter((id) => !newIds.includes(id)).length;
		const newDup = newIds.length - new Set(newIds).size;
		expect(newIds).toEqual([...newIds].sort((a, b) => a - b));
		tally('newTicket', newIds.length, newMissed, newDup);

		// Ticket Updated: each ticket's final state emitted; no (ticket, LastUpdated) twice; per ticket strictly newer each time.
		const updPairs = stats.ticketUpdated.events.map((i) => `${idOf(i)}@${i.LastUpdated}`);
		const updDup = updPairs.length - new Set(updPairs).size;
		const lastSeen = new Map<number, number>();
		let updRegressions = 0;
		for (const i of stats.ticketUpdated.events) {
			const prev = lastSeen.get(idOf(i));
			if (prev !== undefined && sentDateMs(i.LastUpdated) <= prev) updRegressions++;
			lastSeen.set(idOf(i), sentDateMs(i.LastUpdated));
		}
		const updMissed = created.filter((id) => lastSeen.get(id) !== Date.parse(sb.db.tickets.get(id)!.lastUpdated)).length;
		tally('ticketUpdated', updPairs.length, updMissed, updDup + updRegressions);

		// Status Changed: per ticket, the emitted changes chain from New to the final status with no repeats.
		let statusMissed = 0;
		let statusDup = 0;
		const byTicket = new Map<number, IDataObject[]>();
		for (const i of stats.statusChanged.events) byTicket.set(idOf(i), [...(byTicket.get(idOf(i)) ?? []), i]);
		for (const id of created) {
			const history = statusHistory.get(id)!;
			let current = STATUS_NEW;
			const keys = new Set<string>();
			for (const e of byTicket.get(id) ?? []) {
				const k = `${e.PreviousStatusID}>${e.StatusID}@${e.LastUpdated}`;
				if (keys.has(k) || e.PreviousStatusID === e.StatusID) statusDup++;
				else if (e.PreviousStatusID !== current) statusMissed++;
				keys.add(k);
				current = Number(e.StatusID);
			}
			if (current !== history.at(-1)) statusMissed++;
		}
		tally('statusChanged', stats.statusChanged.events.length, statusMissed, statusDup);

		// New Comment: every comment exactly once.
		const commentIds = stats.newComment.events.map((c) => Number(c.CommentID));
		const commentMissed = comments.filter((id) => !commentIds.includes(id)).length;
		const commentDup = commentIds.length - new Set(commentIds).size;
		tally('newComment', commentIds.length, commentMissed, commentDup);

		const changes = sb.db.tickets.size;
		console.log(
			`Soak (${profile} profile): ${changes} tickets, ${comments.length} comments, ${[...statusHistory.values()].reduce((n, h) => n + h.length - 1, 0)} status changes, clock ${new Date(clock.now).toISOString()}\n` +
				JSON.stringify(report, null, 1),
		);
		for (const row of report) expect({ event: row.event, missed: row.missed, duplicated: row.duplicated }).toEqual({ event: row.event, missed: 0, duplicated: 0 });
		for (const check of checks) check();
		expect(newIds).toHaveLength(TICKETS);
	});
});
