/**
 * The shared-budget figures, read from the sandbox's request log alone: what Jitbit would have
 * seen. Used by the benchmark (bench/shared-budget.ts) and by `npm run queue:check` (through
 * scripts/n8n/sandbox-host.cjs), so both report the same numbers the same way.
 */
import type { RecordedRequest } from '../sandbox';

/** The one definition of throughput every benchmark scenario and queue:check print. */
export const THROUGHPUT =
	'throughput ÷ limit, from the sandbox\'s request log: the fastest the limit allows for the tickets created\n' +
	'   (a full window of calls at once, the last batch ceil(n / limit) - 1 windows after the first), divided by the\n' +
	'   time from the first create call received to the last one accepted. 1.0 = the limit used to the full.';

export interface BudgetFigures {
	/** Create calls received (first attempts and retries). */
	calls: number;
	/** Tickets created: create calls answered 200. */
	created: number;
	/** Share of the create calls answered 429. */
	rejectedShare: number;
	/** From the first create call received to the last one accepted. */
	seconds: number;
	/**
	 * The fastest a sliding window of `limit` calls per `windowMs` allows for the tickets created
	 * (one full window of calls at once, the last batch ceil(n / limit) - 1 windows after the first),
	 * divided by the time taken. 1.0 means the limit was used to the full.
	 */
	throughput: number;
	/** Subjects created more than once. */
	createdTwice: number;
}

const subjectOf = (r: RecordedRequest) => String(r.params.subject ?? '');

/** The ticket create calls of one run: those whose subject starts with its prefix. */
export function createCalls(requests: RecordedRequest[], subjectPrefix: string): RecordedRequest[] {
	return requests.filter((r) => r.endpoint === 'ticket' && r.method === 'POST' && subjectOf(r).startsWith(subjectPrefix));
}

export function budgetFigures(
	requests: RecordedRequest[],
	{ subjectPrefix, limit, windowMs }: { subjectPrefix: string; limit: number; windowMs: number },
): BudgetFigures {
	const creates = createCalls(requests, subjectPrefix);
	const accepted = creates.filter((r) => r.status === 200);
	const perSubject = new Map<string, number>();
	for (const r of accepted) perSubject.set(subjectOf(r), (perSubject.get(subjectOf(r)) ?? 0) + 1);
	const first = Math.min(...creates.map((r) => r.time));
	const last = Math.max(...accepted.map((r) => r.time));
	const seconds = accepted.length ? (last - first) / 1000 : 0;
	const idealSeconds = ((Math.ceil(accepted.length / limit) - 1) * windowMs) / 1000;
	return {
		calls: creates.length,
		created: accepted.length,
		rejectedShare: creates.filter((r) => r.status === 429).length / Math.max(1, creates.length),
		seconds,
		throughput: seconds > 0 ? idealSeconds / seconds : 0,
		createdTwice: [...perSubject.values()].filter((n) => n > 1).length,
	};
}
