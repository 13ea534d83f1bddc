import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * Jitbit stores ticket bodies, comments and articles as HTML (sometimes BBCode-ish text). For an AI
 * agent or a notification, readable plain text is what is wanted: block elements become line breaks,
 * list items get a dash, links keep their target, entities are decoded.
 */

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	laquo: '«',
	raquo: '»',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	bull: '•',
	copy: '©',
	reg: '®',
	trade: '™',
	euro: '€',
	pound: '£',
	eacute: 'é',
	egrave: 'è',
	agrave: 'à',
	auml: 'ä',
	ouml: 'ö',
	uuml: 'ü',
	Auml: 'Ä',
	Ouml: 'Ö',
	Uuml: 'Ü',
	szlig: 'ß',
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
		if (code[0] === '#') {
			const point = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
			return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
		}
		return NAMED_ENTITIES[code] ?? NAMED_ENTITIES[code.toLowerCase()] ?? whole;
	});
}

/** Plain text from an HTML fragment. Text without tags is only entity-decoded and trimmed. */
export function htmlToText(html: unknown): string {
	if (html === null || html === undefined) return '';
	let text = String(html);
	text = text
		.replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		// Links keep their target when it differs from the text, so no information is lost.
		.replace(/<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a\s*>/gi, (_m, href: string, inner: string) => {
			const label = inner.replace(/<[^>]+>/g, '').trim();
			return !href || href === label || href.startsWith('#') ? inner : `${inner} (${href})`;
		})
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<li\b[^>]*>/gi, '\n- ')
		.replace(/<\/(p|div|h[1-6]|ul|ol|tr|table|blockquote|pre|section|article|header|footer)\s*>/gi, '\n')
		.replace(/<(p|div|h[1-6]|ul|ol|tr|table|blockquote|pre|section|article|header|footer|hr)\b[^>]*>/gi, '\n')
		.replace(/<\/t[dh]\s*>/gi, '\t')
		.replace(/<[^>]+>/g, '');
	text = decodeEntities(text)
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t\f\v\u00a0]+/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{3,}/g, '\n\n');
	return text.trim();
}

/** The prefix Jitbit's web app stores in front of HTML ticket and comment bodies (docs/jitbit-api.md §18). */
const HTML_MARKER = /^\s*<!--html-->/i;

/** A body without the web app's `<!--html-->` prefix, for simplified output; other values unchanged. */
export function withoutHtmlMarker<T>(body: T): T | string {
	return typeof body === 'string' ? body.replace(HTML_MARKER, '') : body;
}

/**
 * An item with its body and its comments' bodies as plain text (raw `Body` or simplified `body`),
 * the `<!--html-->` marker gone with every other HTML comment.
 */
export function withPlainText(record: IDataObject): IDataObject {
	const result: IDataObject = { ...record };
	for (const key of ['Body', 'body']) if (result[key] !== undefined && result[key] !== null) result[key] = htmlToText(result[key]);
	for (const key of ['Comments', 'comments']) {
		const comments = result[key];
		if (Array.isArray(comments)) result[key] = comments.map((c) => (c && typeof c === 'object' ? withPlainText(c as IDataObject) : c));
	}
	return result;
}

/** postReceive of a Strip HTML switch named `stripHtml`. */
export async function stripHtmlOutput(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (!this.getNodeParameter('stripHtml', false)) return items;
	return items.map((item) => ({ ...item, json: withPlainText(item.json) }));
}
