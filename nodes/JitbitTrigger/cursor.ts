/**
 * The Jitbit Trigger's cursor. Jitbit's Tickets list filters dates by whole day and stamps
 * LastUpdated to the second, so the cursor is:
 * - New Ticket: the highest ticket id seen (+ its IssueDate, for the `dateFrom` day filter).
 * - Other events: the newest LastUpdated seen + the ids seen at exactly that second (`boundary`),
 *   so a ticket changed later within that same second is still new, and a seen one is not repeated.
 *   New Comment also keeps, per boundary ticket, the newest comment id accounted for.
 * - Status Changed: the last status of the 300 most recently changed tickets. A ticket dormant
 *   beyond that memory whose next change is a status change only fires if it was closed
 *   (ResolvedDate dates it); otherwise its status is recorded silently.
 * Known limit of second resolution: two edits of one ticket within the second the poll read it
 * emit one Ticket Updated item (with the state as read); comments and statuses are still caught.
 *
 * Each event's module in events/ moves its own cursor; the moves the LastUpdated events share
 * are at the end of this file. `readState` and `writeState` are the only code that touches the
 * node's static data.
 */
import type { IDataObject } from 'n8n-workflow';

import type { TriggerEvent } from './config';
import { ticketIdOf, timeOf, updatedAt } from './tickets';

/** The newest LastUpdated seen (ms) and the tickets seen at exactly that second. */
export interface Boundary {
	since?: number;
	/** ticket id → newest comment id accounted for (New Comment; 0 for the other events). */
	ids: Map<number, number>;
}

/** The cursor of each event, as the event modules use it. */
export interface TriggerStates {
	newTicket: { lastId: number; lastIssued?: number };
	ticketUpdated: { boundary: Boundary };
	/** `statuses`: ticket id → last status seen, oldest change first (bounded when stored). */
	statusChanged: { boundary: Boundary; statuses: Map<number, number> };
	newComment: { boundary: Boundary };
}
export type TriggerState<E extends TriggerEvent> = TriggerStates[E];

/**
 * The static data as stored since the trigger's first version. A published workflow keeps its
 * cursor across upgrades only while these keys keep their meaning: a new shape needs a migration
 * in `readState`.
 */
interface StoredState {
	/** Fingerprint of the event and filters the cursor was built for (readConfig). */
	key?: string;
	/** New Ticket: the highest ticket id emitted, and its IssueDate (ISO; null when unknown). */
	lastId?: number;
	lastIssued?: string | null;
	/** Other events: the boundary's second (ISO; null before any ticket) and its ticket ids. */
	lastUpdated?: string | null;
	boundary?: number[];
	/** New Comment: per boundary ticket, in the same order, the newest comment id accounted for. */
	lastComments?: number[];
	/** Status Changed: `id:status` pairs in base 36, comma-separated, oldest change first. */
	statuses?: string;
}

/**
 * Ticket Status Changed remembers the status of the most recently changed tickets only, so its
 * state stays near 2 KB however large the helpdesk (about 7 bytes per ticket).
 */
export const MAX_KNOWN_STATUSES = 300;

const iso = (ms: number) => new Date(ms).toISOString();

function timeOrUndefined(value: unknown): number | undefined {
	const ms = value ? timeOf(value) : NaN;
	return Number.isNaN(ms) ? undefined : ms;
}

function readBoundary(saved: StoredState): Boundary {
	const ids = saved.boundary ?? [];
	const comments = saved.lastComments ?? [];
	return { since: timeOrUndefined(saved.lastUpdated), ids: new Map(ids.map((id, i) => [id, comments[i] ?? 0])) };
}

function writeBoundary(boundary: Boundary, withComments: boolean): StoredState {
	return {
		lastUpdated: boundary.since === undefined ? null : iso(boundary.since),
		boundary: [...boundary.ids.keys()],
		...(withComments ? { lastComments: [...boundary.ids.values()] } : {}),
	};
}

function readStatuses(encoded: unknown): Map<number, number> {
	const known = new Map<number, number>();
	for (const pair of String(encoded ?? '').split(',')) {
		const [id, status] = pair.split(':').map((part) => parseInt(part, 36));
		if (Number.isFinite(id) && Number.isFinite(status)) known.set(id, status);
	}
	return known;
}

function writeStatuses(known: Map<number, number>): string {
	const entries = [...known.entries()].slice(-MAX_KNOWN_STATUSES);
	return entries.map(([id, status]) => `${id.toString(36)}:${status.toString(36)}`).join(',');
}

interface Codec<S> {
	read(saved: StoredState): S;
	write(state: S): StoredState;
}

const boundaryCodec = (withComments: boolean): Codec<{ boundary: Boundary }> => ({
	read: (saved) => ({ boundary: readBoundary(saved) }),
	write: (state) => writeBoundary(state.boundary, withComments),
});

const codecs: { [E in TriggerEvent]: Codec<TriggerState<E>> } = {
	newTicket: {
		read: (saved) => ({ lastId: Number(saved.lastId) || 0, lastIssued: timeOrUndefined(saved.lastIssued) }),
		write: (state) => ({ lastId: state.lastId, lastIssued: state.lastIssued === undefined ? null : iso(state.lastIssued) }),
	},
	ticketUpdated: boundaryCodec(false),
	statusChanged: {
		read: (saved) => ({ boundary: readBoundary(saved), statuses: readStatuses(saved.statuses) }),
		write: (state) => ({ ...writeBoundary(state.boundary, false), statuses: writeStatuses(state.statuses) }),
	},
	newComment: boundaryCodec(true),
};

/** The stored cursor, or none when there is none or it was built for another event or filters. */
export function readState<E extends TriggerEvent>(stored: IDataObject, event: E, key: string): TriggerState<E> | undefined {
	return stored.key === key ? codecs[event].read(stored as StoredState) : undefined;
}

/** Replaces the stored cursor (in place: n8n persists the object it handed out). */
export function writeState<E extends TriggerEvent>(stored: IDataObject, event: E, key: string, state: TriggerState<E>) {
	for (const name of Object.keys(stored)) delete stored[name];
	Object.assign(stored, { key, ...codecs[event].write(state) });
}

// ---- Cursor moves, shared by the events that follow LastUpdated ----

/** A ticket a poll accounted for, at its listed LastUpdated. */
export interface Seen {
	id: number;
	at: number;
	/** Newest comment id accounted for (New Comment only). */
	comment?: number;
}

/** Moves the boundary over the processed tickets (oldest first): never past what was seen. */
export function advance(boundary: Boundary, processed: Seen[]): Boundary {
	let { since } = boundary;
	let ids = new Map(boundary.ids);
	for (const seen of processed) {
		if (since === undefined || seen.at > since) {
			since = seen.at;
			ids = new Map();
		}
		if (seen.at === since) ids.set(seen.id, seen.comment ?? ids.get(seen.id) ?? 0);
	}
	return { since, ids };
}

/** Changed since the boundary: later than its second, or at that second and not yet seen. */
export function isChange(boundary: Boundary, item: IDataObject): boolean {
	const at = updatedAt(item);
	if (boundary.since === undefined) return true;
	return at > boundary.since || (at === boundary.since && !boundary.ids.has(ticketIdOf(item)));
}

/** Records a ticket's status as its most recent change. */
export function remember(known: Map<number, number>, item: IDataObject) {
	const id = ticketIdOf(item);
	known.delete(id);
	known.set(id, Number(item.StatusID));
}
