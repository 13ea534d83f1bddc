import { sleep } from 'n8n-workflow';

import { Share } from './adaptive';

/**
 * Proactive pacing: a sliding window of calls per (helpdesk, user, bucket), shared by every item
 * and every execution in this n8n process. Calls wait in one queue per helpdesk user and leave in
 * order when every bucket they belong to has room; how much room a bucket gives is this process's
 * share of the limit (adaptive.ts), learnt from Jitbit's answers.
 *
 * The retry loop calls `pace` before each attempt and `report` after it, with the answer.
 */
export interface Bucket {
	key: string;
	limit: number;
	windowMs: number;
}

/**
 * One call in a bucket's window. Jitbit counts a call when it arrives, which is somewhere between
 * our send and its answer: counting from the answer is always late enough, whatever the load on
 * this machine, and a call in flight keeps its place until answered. Every call sent counts,
 * accepted or not: a server may count rejected calls too.
 */
interface Entry {
	answeredAt: number;
	accepted: boolean;
	/** Sent beyond the share, to find room (adaptive.ts). */
	probe: boolean;
}

interface BucketState {
	bucket: Bucket;
	share: Share;
	log: Entry[];
	/** Retry-After: nothing leaves before this time. */
	blockedUntil: number;
}

interface Waiter {
	states: BucketState[];
	resolve: (departure: Departure) => void;
}

interface Lane {
	queue: Waiter[];
	/** When the pending timer fires (0: none). */
	timerAt: number;
}

/** A call on its way: `report` needs it to book the answer. */
export interface Departure {
	sentAt: number;
	booked: Array<{ state: BucketState; entry: Entry }>;
}

const states = new Map<string, BucketState>();
const lanes = new Map<string, Lane>();
let adaptive = true;

// Room for a server that rounds its window: half a percent of it, plus a little.
const marginMs = (windowMs: number) => 10 + windowMs / 200;

const freshShare = (bucket: Bucket) => new Share(bucket.limit, bucket.windowMs, adaptive);

function stateOf(bucket: Bucket): BucketState {
	let state = states.get(bucket.key);
	if (!state || state.bucket.limit !== bucket.limit || state.bucket.windowMs !== bucket.windowMs) {
		// New, or the credential's limits were edited: start over.
		state = { bucket, share: freshShare(bucket), log: [], blockedUntil: 0 };
		states.set(bucket.key, state);
	}
	return state;
}

/** Drops calls that left the window. */
function trim(state: BucketState, now: number): void {
	const horizon = now - state.bucket.windowMs - marginMs(state.bucket.windowMs);
	state.log = state.log.filter((e) => e.answeredAt > horizon);
}

/** When the next call may leave as far as this bucket goes; Infinity: once a call in flight is answered. */
function readyAt(state: BucketState, now: number): number {
	trim(state, now);
	const { share, log } = state;
	if (state.blockedUntil > now) return state.blockedUntil;
	if (log.length < share.share) return now;
	// Room within the share comes back when enough of our calls have left the window.
	const expiries = log.map((e) => e.answeredAt + state.bucket.windowMs + marginMs(state.bucket.windowMs)).sort((a, b) => a - b);
	const shareAt = expiries[log.length - share.share] ?? Infinity;
	return share.mayProbe(now, log.length, shareAt) ? now : Math.min(shareAt, share.probeAt(log.length, shareAt));
}

function arm(lane: Lane, at: number, now: number): void {
	if (lane.timerAt > now && lane.timerAt <= at) return;
	lane.timerAt = at;
	void sleep(at - now).then(() => {
		if (lane.timerAt === at) lane.timerAt = 0;
		pump(lane);
	});
}

/** Lets calls leave, in order, while every bucket of the first in line has room. */
function pump(lane: Lane): void {
	while (lane.queue.length) {
		const now = Date.now();
		const waiter = lane.queue[0];
		const at = Math.max(...waiter.states.map((s) => readyAt(s, now)));
		if (at > now) {
			if (at !== Infinity) arm(lane, at, now);
			return;
		}
		lane.queue.shift();
		const booked = waiter.states.map((state) => {
			const probe = state.log.length >= state.share.share;
			if (probe) state.share.probeSent();
			else state.share.shareSent(now);
			const entry: Entry = { answeredAt: Infinity, accepted: false, probe };
			state.log.push(entry);
			return { state, entry };
		});
		waiter.resolve({ sentAt: now, booked });
	}
}

/** Waits until every bucket has room, then books the call in each. `retry`: the call was answered 429 or failed before. */
export async function pace(buckets: Bucket[], retry = false): Promise<Departure> {
	const active = buckets.filter((b) => b.limit > 0);
	if (!active.length) return { sentAt: Date.now(), booked: [] };
	let lane = lanes.get(active[0].key);
	if (!lane) lanes.set(active[0].key, (lane = { queue: [], timerAt: 0 }));
	const queued = lane;
	const now = Date.now();
	const waiting = active.map(stateOf);
	if (!lane.queue.length && !retry) {
		for (const state of waiting) {
			trim(state, now);
			// Idle for a whole window: what was learnt is stale, start over (in slow start). A
			// retry was waiting all along (in its back-off): it is no sign of idleness.
			if (state.log.length) state.share.resumed(state.log.length);
			else state.share = freshShare(state.bucket);
		}
	}
	const departure = new Promise<Departure>((resolve) => queued.queue.push({ states: waiting, resolve }));
	pump(lane);
	return await departure;
}

/**
 * Books the answer to a call: its HTTP status (undefined when none came) and Retry-After. A 429
 * is charged to the narrowest bucket the call was in (Search has its own); any other answer
 * shows every bucket had room.
 */
export function report(departure: Departure, status: number | undefined, retryAfter?: unknown): boolean {
	if (!departure.booked.length) return false;
	const now = Date.now();
	const charged = departure.booked[departure.booked.length - 1].state;
	for (const { state, entry } of departure.booked) {
		trim(state, now);
		entry.answeredAt = now;
		entry.accepted = status !== undefined && status !== 429;
		const verdict = entry.accepted ? 'accepted' : status === 429 && state === charged ? 'rejected' : 'unknown';
		const accepted = state.log.filter((e) => e.accepted).length;
		state.share.answered(entry.probe, verdict, departure.sentAt, accepted, now);
		entry.probe = false;
	}
	const wait = status === 429 && adaptive ? parseRetryAfter(retryAfter, now) : undefined;
	if (wait !== undefined) charged.blockedUntil = Math.max(charged.blockedUntil, now + wait);
	const lane = lanes.get(departure.booked[0].state.bucket.key);
	if (lane) pump(lane);
	return status === 429 && adaptive;
}

/** Forgets all windows and shares (tests and benchmarks start from a clean process state). */
export function resetPacing(): void {
	states.clear();
	lanes.clear();
}

/**
 * Adaptive (the default) or fixed at the configured limit, as the node paced before it learnt
 * shares: the benchmark runs both side by side. Resets the pacing state.
 */
export function setAdaptivePacing(on: boolean): void {
	adaptive = on;
	resetPacing();
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
