/**
 * Drops a repeat of a delivery seen within the window (a rule can fire twice for one change),
 * keyed on ticket, event and payload. Workflow static data keeps at most MAX_KEYS keys, so it
 * stays small however busy the helpdesk.
 *
 * n8n loads the static data when a delivery arrives and saves it after the node answered, so
 * two copies arriving at the same moment would both pass; a small memory in this process
 * catches those. Across n8n processes (several webhook processes in queue mode) only the
 * static data is shared, and only once saved.
 */
import type { IDataObject } from 'n8n-workflow';

import { fingerprint } from '../Jitbit/shared/fingerprint';

export const MAX_KEYS = 500;

/** key -> epoch ms until which a repeat is dropped. */
type Seen = Record<string, number>;

const recent = new Map<string, Seen>();

export function dedupeKey(ticketId: number | null, event: string, payload: string): string {
	return `${ticketId ?? '-'}:${event}:${fingerprint(payload)}`;
}

/** Forgets expired keys, then the soonest-expiring ones beyond `max`. */
function prune(seen: Seen, now: number, max: number): Seen {
	const live = Object.entries(seen).filter(([, until]) => until > now);
	live.sort((a, b) => b[1] - a[1]);
	return Object.fromEntries(live.slice(0, max));
}

function isRepeat(seen: Seen | undefined, key: string, now: number): boolean {
	return seen !== undefined && (seen[key] ?? 0) > now;
}

/**
 * Whether this delivery repeats one seen within `windowSeconds`; records it when not.
 * `scope` names the node in this process (workflow ID and node name).
 */
export function checkRepeat(staticData: IDataObject, scope: string, key: string, windowSeconds: number, now = Date.now()): boolean {
	const stored = (staticData.seen ?? {}) as Seen;
	const local = recent.get(scope);
	if (isRepeat(stored, key, now) || isRepeat(local, key, now)) return true;
	const until = now + windowSeconds * 1000;
	staticData.seen = prune({ ...stored, [key]: until }, now, MAX_KEYS);
	recent.set(scope, prune({ ...(local ?? {}), [key]: until }, now, MAX_KEYS));
	return false;
}
