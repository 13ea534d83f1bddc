import { sleep } from 'n8n-workflow';

/**
 * Proactive pacing: a sliding-window reservation log per (helpdesk, user, bucket), shared by every
 * item and every execution in this n8n process. Each call reserves its send time synchronously,
 * so concurrent items queue up instead of racing into a 429.
 */
export interface Bucket {
	key: string;
	limit: number;
	windowMs: number;
}

const reservations = new Map<string, number[]>();

// The server counts arrivals, we count departures: keep a margin for the jitter between them.
const marginMs = (windowMs: number) => 50 + windowMs / 100;

function earliestSlot(log: number[], bucket: Bucket, now: number): number {
	const last = log.length ? log[log.length - 1] : now;
	const blocking = log.length >= bucket.limit ? log[log.length - bucket.limit] : -Infinity;
	// Slots stay in FIFO order per bucket, so the log is sorted and trimming is cheap.
	return Math.max(now, last, blocking + bucket.windowMs + marginMs(bucket.windowMs));
}

/** Waits until every bucket has room, then records the call in each. */
export async function pace(buckets: Bucket[]): Promise<void> {
	const active = buckets.filter((b) => b.limit > 0);
	if (!active.length) return;
	const now = Date.now();
	const logs = active.map((b) => {
		let log = reservations.get(b.key);
		if (!log) reservations.set(b.key, (log = []));
		return log;
	});
	const slot = Math.max(...active.map((b, i) => earliestSlot(logs[i], b, now)));
	active.forEach((b, i) => {
		logs[i].push(slot);
		if (logs[i].length > b.limit) logs[i].splice(0, logs[i].length - b.limit);
	});
	if (slot > now) await sleep(slot - now);
}

/** Forgets all reservations (tests and benchmarks start from a clean process state). */
export function resetPacing(): void {
	reservations.clear();
}
