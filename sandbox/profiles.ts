/**
 * Jitbit installs differ in ways a client can see: page sizes, comment order, date formats, body
 * markers, value types, request size limits. A profile is one such install; `default` is the
 * reading the rest of the sandbox follows. The facts behind each variation are in
 * docs/jitbit-api.md, section 18 "Field variations".
 */

export interface Variations {
	/** Most tickets one `Tickets` page holds, whatever `count` asks. */
	ticketsPageCap: number;
	/** Most tickets one `Search` page holds. */
	searchPageCap: number;
	/** The order `comments?id=` lists a ticket's comments in. */
	commentOrder: 'oldest-first' | 'newest-first';
	/** Ticket and comment bodies start with `<!--html-->`, as Jitbit's web app stores them. */
	htmlMarker: boolean;
	/**
	 * How dates are written in answers: `iso` `2026-03-10T12:00:00Z`, `ms` `/Date(1773144000000)/`,
	 * `unzoned` `2026-03-10T12:00:00` (UTC, no zone), `offset` `2026-03-10T14:00:00+02:00`.
	 */
	dates: 'iso' | 'ms' | 'unzoned' | 'offset';
	/** Custom field values as JSON numbers and booleans where they are ones, null when unset, instead of text. */
	typedFieldValues: boolean;
	/** Requests with a larger body get IIS's 404.13 page before Jitbit sees them; null: no limit. */
	requestLimitBytes: number | null;
	/** Status of the answer to a caller whose IP address is locked out. */
	lockoutStatus: 401 | 403;
	/** Tickets and Search answer from the start whatever `offset` says (reported once; in no profile). */
	ignoresOffset: boolean;
}

const DEFAULT: Variations = {
	ticketsPageCap: 300,
	searchPageCap: 100,
	commentOrder: 'oldest-first',
	htmlMarker: false,
	dates: 'iso',
	typedFieldValues: false,
	requestLimitBytes: null,
	lockoutStatus: 401,
	ignoresOffset: false,
};

export const PROFILES = {
	/** A current SaaS helpdesk, as the rest of the sandbox describes it. */
	default: DEFAULT,
	/** An older install: every variation of docs/jitbit-api.md section 18 that a client must survive. */
	legacy: {
		...DEFAULT,
		ticketsPageCap: 100,
		searchPageCap: 100,
		commentOrder: 'newest-first',
		htmlMarker: true,
		dates: 'ms',
		typedFieldValues: true,
		requestLimitBytes: 4 * 1024 * 1024,
	},
	/** An on-premise install behind IIS: the stock 20 MB request limit, dates without a zone, lockout as 403. */
	onprem: {
		...DEFAULT,
		htmlMarker: true,
		dates: 'unzoned',
		requestLimitBytes: 20 * 1024 * 1024,
		lockoutStatus: 403,
	},
} satisfies Record<string, Variations>;

export type ProfileName = keyof typeof PROFILES;

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

export function isProfileName(name: string): name is ProfileName {
	return Object.prototype.hasOwnProperty.call(PROFILES, name);
}

/** The variations of a profile, with any single ones overridden. */
export function variationsOf(profile: ProfileName = 'default', overrides: Partial<Variations> = {}): Variations {
	if (!isProfileName(profile)) throw new Error(`Unknown sandbox profile '${String(profile)}' (known: ${PROFILE_NAMES.join(', ')})`);
	return { ...PROFILES[profile], ...overrides };
}

/** One line per variation that differs from the default, for the CLI banner. */
export function describeVariations(v: Variations): string[] {
	const lines: string[] = [];
	if (v.ticketsPageCap !== DEFAULT.ticketsPageCap) lines.push(`Tickets pages hold at most ${v.ticketsPageCap} tickets`);
	if (v.searchPageCap !== DEFAULT.searchPageCap) lines.push(`Search pages hold at most ${v.searchPageCap} tickets`);
	if (v.commentOrder !== DEFAULT.commentOrder) lines.push('comments are listed newest first');
	if (v.htmlMarker) lines.push('ticket and comment bodies start with <!--html-->');
	if (v.dates !== DEFAULT.dates) lines.push(`dates are written ${formatDate(v.dates, '2026-03-10T12:00:00Z')}`);
	if (v.typedFieldValues) lines.push('custom field values are JSON numbers and booleans');
	if (v.requestLimitBytes !== null) lines.push(`requests above ${v.requestLimitBytes / 1_048_576} MB get IIS's 404.13 page`);
	if (v.lockoutStatus !== DEFAULT.lockoutStatus) lines.push(`a locked-out IP address gets ${v.lockoutStatus}`);
	if (v.ignoresOffset) lines.push('Tickets and Search ignore offset');
	return lines;
}

/** The sandbox's dates, always `YYYY-MM-DDTHH:MM:SSZ`, as one of the formats above. */
export function formatDate(format: Variations['dates'], iso: string): string {
	switch (format) {
		case 'ms':
			return `/Date(${Date.parse(iso)})/`;
		case 'unzoned':
			return iso.slice(0, -1);
		case 'offset': {
			// The same instant two hours ahead of UTC.
			const local = new Date(Date.parse(iso) + 2 * 3_600_000).toISOString().slice(0, 19);
			return `${local}+02:00`;
		}
		default:
			return iso;
	}
}

const SANDBOX_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Rewrites every date of an answer into the profile's format (records keep ISO; only the wire differs). */
export function writeDates(value: unknown, format: Variations['dates']): unknown {
	if (format === 'iso') return value;
	if (typeof value === 'string') return SANDBOX_DATE.test(value) ? formatDate(format, value) : value;
	if (Array.isArray(value)) return value.map((entry) => writeDates(entry, format));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, writeDates(entry, format)]));
	}
	return value;
}

export const HTML_MARKER = '<!--html-->';

/** A body as the profile stores it: with the web app's marker in front when it has one. */
export function storedBody(v: Variations, body: string): string {
	return v.htmlMarker && !body.startsWith(HTML_MARKER) ? `${HTML_MARKER}${body}` : body;
}

/** IIS's own page for a request body above `maxAllowedContentLength` (request filtering, 404.13). */
export const IIS_404_13_HTML = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>IIS 10.0 Detailed Error - 404.13 - Not Found</title></head>
<body><div id="content"><div class="content-container"><h3>HTTP Error 404.13 - Not Found</h3>
<h4>The request filtering module is configured to deny a request that exceeds the request content length.</h4></div>
<div class="content-container"><fieldset><h4>Things you can try:</h4>
<ul><li>Verify the configuration/system.webServer/security/requestFiltering/requestLimits@maxAllowedContentLength setting in the applicationhost.config or web.config file.</li></ul>
</fieldset></div></div></body></html>`;
