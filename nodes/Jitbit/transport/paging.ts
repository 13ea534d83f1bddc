/**
 * When a paged Jitbit list has ended, judged only from what the server actually returned.
 *
 * A helpdesk may hand out fewer items per page than asked: current versions stop Tickets at 300,
 * older ones at 100, whatever `count` says (docs/jitbit-api.md §5). A short page therefore proves
 * the end only when it is shorter than what this server has already shown it can return, or
 * shorter than the smallest full page any Jitbit returns. Anything else costs one more request,
 * which answers empty at the end.
 */

/** The fewest items a full page of Tickets, Search or Users holds on any Jitbit in the field. */
export const SMALLEST_FULL_PAGE = 100;

/**
 * `more`: ask for the next page. `last`: the list is complete. `repeated`: the server sent the
 * previous page again (it ignores `offset` or `page`), so the list cannot be read to the end.
 */
export type PageVerdict = 'more' | 'last' | 'repeated';

export class PageTracker {
	/** The most items one page of this list has held so far: the server returns at least that many. */
	private largest = 0;
	private previous?: string;

	/** `smallestFullPage`: the fewest a full page may hold (Assets: its fixed 50). */
	constructor(private readonly smallestFullPage = SMALLEST_FULL_PAGE) {}

	/** Records a page asked for with `asked` items, and says what comes next. */
	next(items: unknown[], asked: number): PageVerdict {
		const proven = Math.max(this.smallestFullPage, this.largest);
		this.largest = Math.max(this.largest, items.length);
		if (items.length === 0 || (items.length < asked && items.length < proven)) return 'last';
		const signature = JSON.stringify([items.length, items[0], items[items.length - 1]]);
		if (signature === this.previous) return 'repeated';
		this.previous = signature;
		return 'more';
	}
}

/** Whether one page asked for with `asked` items is certainly the whole list. */
export function isWholeList(items: unknown[], asked: number, smallestFullPage = SMALLEST_FULL_PAGE): boolean {
	return new PageTracker(smallestFullPage).next(items, asked) === 'last';
}

export const REPEATED_PAGE_MESSAGE = 'The helpdesk sent the same page of results twice';
export const REPEATED_PAGE_DESCRIPTION =
	'It seems to ignore the paging parameters, so the list cannot be read to the end. Narrow the list with filters so it fits one page, or check the Jitbit version.';
