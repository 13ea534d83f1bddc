/**
 * How much of a helpdesk user's limit this process takes. Jitbit counts calls per user, across
 * every n8n worker and every other client of that user, and tells nobody how many others there
 * are, so each process learns its share from Jitbit's answers alone:
 *
 * - Its *share* is the number of calls per window it has seen accepted. Calls within the share
 *   leave as the process's own earlier calls leave the window, so the share is kept.
 * - It *probes* for more with calls beyond its share. Accepted: the share grows by one and the
 *   next round of probes leaves at once, twice as large, up to an eighth of the share and at
 *   most 4 calls (8 while starting).
 *   Answered 429: the window is full, and probing pauses for limit / (2 × share) windows
 *   (¼ to 2, with jitter), so a process probes in proportion to what it holds and all of them
 *   together probe about twice a window, however many they are.
 * - A 429 on a call within its share means another client took that place: the share drops to
 *   the calls that did get through in the last window (a multiplicative cut, sized by Jitbit).
 * - A place of the share left unused (nothing waited when it left the window) is given up.
 * - A process starts with a share of 0 and probes: alone, it fills the window within a few round
 *   trips; sharing, it stops at what it found free. When others stop, its probes find their
 *   places and the doubling rounds take them; after a whole window without a call it starts over.
 *
 * It never has more calls in a window than the configured limit. Units: calls per window.
 */

/** Largest round of probes: while starting (to fill an empty window fast) and later. */
const STARTING_PROBES = 8;
const PROBES = 4;
/** After a 429 within the share, probing pauses for this part of a window. */
const PAUSE_AFTER_CUT = 1 / 8;
/** After a failed probe, probing pauses for limit / (2 × share) windows, within these bounds. */
const PAUSE_MIN = 1 / 4;
const PAUSE_MAX = 2;

/** What `answered` learnt about a call. */
export type Verdict = 'accepted' | 'rejected' | 'unknown';

export class Share {
	/** Calls per window this process holds. */
	share: number;
	private starting: boolean;
	/** Probes that may still leave in the current round, and probes in flight. */
	private toSend = 0;
	private inFlight = 0;
	private round = 1;
	private roundFailed = false;
	private pausedUntil = 0;
	/** Calls sent before the last cut carry no news about the current share. */
	private lastCut = -Infinity;

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly adaptive: boolean,
	) {
		this.share = adaptive ? 0 : limit;
		this.starting = adaptive;
	}

	/**
	 * Whether a probe may leave now, `inWindow` calls of ours being in the window (starting a
	 * new round when none is under way). Never more than the limit in the window.
	 */
	mayProbe(now: number, inWindow: number): boolean {
		if (!this.adaptive || inWindow >= this.limit) return false;
		if (this.toSend > 0) return true;
		if (this.inFlight > 0 || now < this.pausedUntil) return false;
		this.toSend = Math.min(this.round, this.largestRound(), this.limit - inWindow);
		this.roundFailed = false;
		return true;
	}

	/**
	 * Calls arrive with none waiting: places of the share that left the window meanwhile were not
	 * kept, and others may have taken them. The share is what is still in the window.
	 */
	resumed(inWindow: number): void {
		if (this.adaptive) this.share = Math.min(this.share, inWindow);
	}

	/** A failed round costs one 429 per probe: at most an eighth of the share, 4, or 8 while starting. */
	private largestRound(): number {
		return this.starting ? STARTING_PROBES : Math.min(PROBES, Math.max(1, Math.floor(this.share / 8)));
	}

	/** When probing could start again; Infinity while probes are in flight or at the limit. */
	probeAt(): number {
		return this.adaptive && this.inFlight === 0 && this.share < this.limit ? this.pausedUntil : Infinity;
	}

	probeSent(): void {
		this.toSend--;
		this.inFlight++;
	}

	/**
	 * The answer to a call: `probe` if it was sent beyond the share, `sentAt` when it left,
	 * `acceptedInWindow` how many of ours got through in the last window.
	 */
	answered(probe: boolean, verdict: Verdict, sentAt: number, acceptedInWindow: number, now: number): void {
		if (!this.adaptive) return;
		if (probe) {
			this.inFlight--;
			if (verdict === 'accepted') this.share = Math.min(this.limit, this.share + 1);
			if (verdict === 'rejected' && !this.roundFailed) {
				this.roundFailed = true;
				this.toSend = 0;
				const windows = Math.min(PAUSE_MAX, Math.max(PAUSE_MIN, this.limit / (2 * Math.max(1, this.share))));
				// Jitter, so that processes do not probe in step with each other or with the window.
				this.pausedUntil = now + windows * this.windowMs * (0.5 + Math.random());
			}
			if (this.inFlight === 0 && this.toSend === 0) {
				if (this.roundFailed) this.starting = false;
				this.round = this.roundFailed ? 1 : Math.min(this.largestRound(), this.round * 2);
			}
		} else if (verdict === 'rejected' && sentAt >= this.lastCut) {
			this.share = Math.max(1, acceptedInWindow);
			this.starting = false;
			this.lastCut = now;
			this.pausedUntil = now + PAUSE_AFTER_CUT * this.windowMs;
			this.round = 1;
			this.toSend = 0;
		}
	}
}
