/**
 * How much of a helpdesk user's limit this process takes. Jitbit counts calls per user, across
 * every n8n worker and every other client of that user, and tells nobody how many others there
 * are, so each process learns its share from Jitbit's answers alone:
 *
 * - Its *share* is the number of calls per window it has seen accepted. Calls within the share
 *   leave as the process's own earlier calls leave the window, so the share is kept.
 * - A process starts with a share of 0, in *slow start*: it may have an eighth of the limit in
 *   the window at once, and that allowance doubles every sixteenth of a window, whatever the
 *   answers. Alone, it fills the window in under half a window. Started together with others
 *   (queue-mode workers picking up a batch), growth paced by the clock, not by round trips,
 *   keeps the first process from taking the whole window before the others have sent a call;
 *   the shares still depend on how soon each got going (the benchmark's 3 workers, a quarter of
 *   a second apart, filled the window 41, 27 and 22). The first 429 ends slow start.
 * - Then it *probes* for more with calls beyond its share. Accepted: the share grows by one and
 *   the next round of probes leaves at once, twice as large, up to an eighth of the share and at
 *   most 4 calls. Answered 429: the window is full, and probing pauses for limit / (4 × share)
 *   windows, at least ¼ and at most 1 (jittered, so that processes do not probe in step). In a
 *   full window every probe costs a 429, so all processes together probe about four times a
 *   window however many they are, and at most once a window each.
 * - After the pause, a round of probes waits until the process's own calls within its share have
 *   stopped leaving for a fortieth of a window; if none has left since the pause but one is due
 *   within half a window, it waits for that one. Processes whose window filled together send
 *   their calls at about the same moments, window after window: a probe while calls leave would
 *   take a place whose owner is about to send again (the owner's call gets the 429, and its
 *   share is cut), and a probe just after them finds the places a process that finished left.
 *   When no call of the share is due soon (the last calls of a batch, waiting beyond the share),
 *   the probe leaves when the pause ends.
 * - A 429 on a call within its share means another client took that place: the share drops to
 *   the calls that did get through in the last window (a multiplicative cut, sized by Jitbit;
 *   calls still in flight are not counted, so it errs deep: in n8n's queue mode, where workers
 *   start and end executions all the time, a cut of one place per 429 got 12.5 to 16% of
 *   `npm run queue:check`'s calls answered 429).
 * - A place of the share left unused (nothing waited when it left the window) is given up.
 * - When others stop, its probes find their places and the doubling rounds take them; after a
 *   whole window without a call it starts over, in slow start.
 *
 * It never has more calls in a window than the configured limit. Units: calls per window.
 */

/** Slow start: the allowance starts at this part of the limit and doubles every DOUBLING of a window. */
const START = 1 / 8;
const DOUBLING = 1 / 16;
/** Largest round of probes after slow start. */
const PROBES = 4;
/** After a 429 within the share, probing pauses for this part of a window. */
const PAUSE_AFTER_CUT = 1 / 8;
/** After a failed probe, probing pauses for limit / (PROBES_PER_WINDOW × share) windows, within these bounds. */
const PROBES_PER_WINDOW = 4;
const PAUSE_MIN = 1 / 4;
const PAUSE_MAX = 1;
/**
 * Then a round of probes starts this part of a window after the last call within the share left,
 * waiting for the next such call if it is due within BURST_WITHIN of a window.
 */
const QUIET = 1 / 40;
const BURST_WITHIN = 1 / 2;

/** What `answered` learnt about a call. */
export type Verdict = 'accepted' | 'rejected' | 'unknown';

export class Share {
	/** Calls per window this process holds. */
	share: number;
	/** In slow start, and since when (set when the first call leaves). */
	private starting: boolean;
	private startedAt?: number;
	/** Probes that may still leave in the current round, and probes in flight. */
	private toSend = 0;
	private inFlight = 0;
	private round = 1;
	private roundFailed = false;
	/** Calls sent before the last cut carry no news about the current share. */
	private lastCut = -Infinity;
	private pausedUntil = 0;
	private lastShareSent = -Infinity;

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly adaptive: boolean,
	) {
		this.share = adaptive ? 0 : limit;
		this.starting = adaptive;
	}

	/**
	 * Whether a probe may leave now (`inWindow`, `shareAt`: see probeAt), starting a new round when
	 * none is under way. Never more than the limit in the window.
	 */
	mayProbe(now: number, inWindow: number, shareAt: number): boolean {
		if (!this.adaptive || inWindow >= this.limit) return false;
		if (this.starting) {
			this.startedAt ??= now;
			return inWindow < this.allowance(now) && this.inFlight < this.firstRound();
		}
		if (this.toSend > 0) return true;
		if (this.inFlight > 0 || now < this.probeAt(inWindow, shareAt)) return false;
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

	/**
	 * In slow start, at most this many probes are in flight (a sixteenth of the limit): growth also
	 * waits for answers, so a process whose answers come late (a busy machine) does not spend its
	 * whole allowance blind, and when the window fills, fewer calls in flight get the 429 (an
	 * eighth cost an n8n worker of `npm run queue:check` 12 at once).
	 */
	private firstRound(): number {
		return Math.ceil((this.limit * START) / 2);
	}

	/** Calls in the window slow start allows at `now`. */
	private allowance(now: number): number {
		const doublings = (now - (this.startedAt ?? now)) / (DOUBLING * this.windowMs);
		return Math.min(this.limit, Math.ceil(this.limit * START * 2 ** doublings));
	}

	/** A failed round costs one 429 per probe: at most an eighth of the share, and 4. */
	private largestRound(): number {
		return Math.min(PROBES, Math.max(1, Math.floor(this.share / 8)));
	}

	/**
	 * When a probe could leave, `inWindow` calls of ours being in the window and `shareAt` the time
	 * a call within the share can next leave: in slow start, when the allowance passes them; later,
	 * after the pause, as the header says. Infinity while probes are in flight (their answers
	 * decide) or the window holds the limit.
	 */
	probeAt(inWindow: number, shareAt: number): number {
		if (!this.adaptive || inWindow >= this.limit) return Infinity;
		if (this.starting && this.startedAt !== undefined) {
			if (this.inFlight >= this.firstRound()) return Infinity;
			const doublings = Math.log2(inWindow / (this.limit * START));
			return this.startedAt + Math.max(0, doublings) * DOUBLING * this.windowMs + 1;
		}
		if (this.inFlight > 0) return Infinity;
		// Calls of the share leaving without a break for a whole window would starve the probes.
		if (this.lastShareSent >= this.pausedUntil) return Math.min(this.lastShareSent + QUIET * this.windowMs, this.pausedUntil + this.windowMs);
		// None has left since the pause: wait for the next if it is due soon, else probe now.
		const soon = this.pausedUntil + BURST_WITHIN * this.windowMs;
		return shareAt <= soon ? soon : this.pausedUntil;
	}

	shareSent(now: number): void {
		this.lastShareSent = now;
	}

	probeSent(): void {
		if (!this.starting) this.toSend--;
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
				this.starting = false;
				this.toSend = 0;
				// Jitter, so that processes do not probe in step with each other or with the window.
				const windows = Math.min(PAUSE_MAX, Math.max(PAUSE_MIN, this.limit / (PROBES_PER_WINDOW * Math.max(1, this.share))));
				this.pausedUntil = now + windows * this.windowMs * (0.75 + Math.random() / 2);
			}
			if (!this.starting && this.inFlight === 0 && this.toSend === 0) {
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
