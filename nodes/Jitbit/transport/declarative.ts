import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodePropertyRouting,
	INodeRequestOutput,
	INodeRequestSend,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PageTracker, REPEATED_PAGE_DESCRIPTION, REPEATED_PAGE_MESSAGE, SMALLEST_FULL_PAGE } from './paging';
import { withPolicy } from './policy';
import { prepareCall, withQuery } from './prepare';
import type { JitbitBody } from './response';
import { readAnswer } from './response';

/**
 * How the declarative operations reach the transport. Each Operation option writes its routing
 * as `routing: jitbitRouting({ request, send, output, paging })`, which adds `send.paginate: true`
 * and `operations.pagination: <a sender of this module>`. It relies on these behaviours of
 * n8n-core's RoutingNode (dist/execution-engine/routing-node.js, checked on n8n-core 2.41):
 *
 * 1. runNode starts every item's request from `requestDefaults`, evaluated with `$credentials`:
 *    its baseURL is the API address (urls.ts), so even a request that skipped us reaches the API.
 * 2. getRequestOptionsFromParameters merges the routing of the selected option of an `options`
 *    parameter (the Operation dropdown) like a property's own, `send.paginate` and `operations` too.
 * 3. mergeOptions keeps the first `paginate` set and the last `operations`, so no field may set
 *    either (test/pipeline/routing.test.ts checks the loaded node).
 * 4. makeRequest runs every preSend action, then, when `paginate` is set and
 *    `requestOperations.pagination` is a function, calls it with `this` = the item's context plus
 *    `makeRoutingRequest`, and its items are the result: RoutingNode sends nothing itself. With a
 *    pagination object (`{ type: 'offset' }`) RoutingNode would send the pages around us.
 * 5. makeRoutingRequest(requestData) sends `requestData.options` with the credential's
 *    authentication and full response, then runs the postReceive actions of the request
 *    RoutingNode built, which is the `requestData` we were given: an action unshifted there runs first.
 * 6. The Limit field's `output.maxResults` reaches us as `requestData.maxResults`; runNode cuts
 *    the result to it again.
 */

export interface PagingStyle {
	/** 'offset': `count` + 0-based `offset` (Tickets, Search). 'page': 1-based `page` (Users, Assets). */
	style: 'offset' | 'page';
	/**
	 * What to ask for per page. The server may return fewer (docs/jitbit-api.md §5); with 'page'
	 * keep it at or below what every server returns, so no page is cut short.
	 */
	pageSize: number;
	/** Whether Jitbit takes the page size as `count` (Users does, Assets has a fixed size). */
	sendCount?: boolean;
}

/** An operation's routing as its file writes it; `paging` for list calls (Return All / Limit). */
export interface JitbitRouting {
	request: Omit<DeclarativeRestApiSettings.HttpRequestOptions, 'baseURL'>;
	send?: Omit<INodeRequestSend, 'paginate'>;
	output?: INodeRequestOutput;
	paging?: PagingStyle;
}

type Sender = (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) => Promise<INodeExecutionData[]>;

const senders = new WeakSet<Sender>();

function sender(send: Sender): Sender {
	senders.add(send);
	return send;
}

/** Whether a routing's `operations.pagination` is one of ours (for the test of the loaded node). */
export function isPipelineSender(pagination: unknown): boolean {
	return typeof pagination === 'function' && senders.has(pagination as Sender);
}

function toItems(body: JitbitBody): INodeExecutionData[] {
	if (Buffer.isBuffer(body)) return [{ json: {} }];
	return (Array.isArray(body) ? body : [body]).map((json) => ({ json }));
}

/**
 * Prepares a routed request once and returns a sender for it (one call per page). Reading the
 * answer comes first among the request's postReceive actions (behaviour 5), so a 429 or 404
 * never reaches an operation's own output processing, and each attempt is checked before it counts.
 */
async function pipelineSender(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<(qs: IDataObject) => Promise<INodeExecutionData[]>> {
	const call = await prepareCall(ctx, requestData.options as IHttpRequestOptions, ctx.getItemIndex());
	requestData.postReceive.unshift({
		data: { parameterValue: undefined },
		actions: [async (_items, response) => toItems(readAnswer(response, call))],
	});
	return async (qs) => {
		const page = withQuery(call, qs);
		return await withPolicy(ctx, page, async () => {
			requestData.options = { ...page.options };
			return await ctx.makeRoutingRequest(requestData);
		});
	};
}

/** One call: what every operation without `paging` is sent with. */
const sendOnce = sender(async function (this, requestData) {
	const send = await pipelineSender(this, requestData);
	return await send(requestData.options.qs ?? {});
});

/**
 * Return All / Limit over Jitbit's list calls, each page through the pipeline. The next offset is
 * what the server actually returned, and the list ends where paging.ts proves it.
 */
function paginate({ style, pageSize, sendCount = true }: PagingStyle): Sender {
	return sender(async function (this, requestData) {
		const send = await pipelineSender(this, requestData);
		const baseQs = requestData.options.qs ?? {};
		const max = requestData.maxResults ? Number(requestData.maxResults) : Infinity;
		const results: INodeExecutionData[] = [];
		// A list with a smaller fixed page (Assets: 50) is full at that size.
		const pages = new PageTracker(Math.min(SMALLEST_FULL_PAGE, pageSize));
		for (let page = 1; results.length < max; page++) {
			const count = style === 'offset' ? Math.min(pageSize, max - results.length) : pageSize;
			const paging: IDataObject =
				style === 'offset' ? { count, offset: results.length } : { page, ...(sendCount ? { count } : {}) };
			const items = await send({ ...baseQs, ...paging });
			const verdict = pages.next(
				items.map((item) => item.json),
				count,
			);
			if (verdict === 'repeated') {
				throw new NodeOperationError(this.getNode(), REPEATED_PAGE_MESSAGE, {
					itemIndex: this.getItemIndex(),
					description: REPEATED_PAGE_DESCRIPTION,
				});
			}
			results.push(...items);
			if (verdict === 'last') break;
		}
		return results.slice(0, max);
	});
}

/** The routing of every Operation option: its request goes out through this module (behaviour 4). */
export function jitbitRouting({ paging, send, ...routing }: JitbitRouting): INodePropertyRouting {
	return { ...routing, send: { ...send, paginate: true }, operations: { pagination: paging ? paginate(paging) : sendOnce } };
}
