/**
 * The delivery off n8n's request, and the node's own answers. n8n leaves the body of this node
 * unparsed (the hidden `options.binaryData` in description.ts), so it is read here as text:
 * through n8n's raw-body reader when there is one, else from the stream.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { queryWithoutSecret } from './auth';
import type { Delivery } from './parse';

/** The parts of n8n's (Express) request the node reads. */
interface IncomingDelivery extends AsyncIterable<Buffer | string> {
	method?: string;
	url?: string;
	originalUrl?: string;
	headers: Record<string, string | string[] | undefined>;
	body?: unknown;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

/** The parts of n8n's (Express) response the node writes. */
interface Answer {
	headersSent?: boolean;
	writableEnded?: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

async function bodyText(req: IncomingDelivery): Promise<string> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') await req.readRawBody();
	if (Buffer.isBuffer(req.rawBody)) return req.rawBody.toString('utf8');
	// An n8n that parsed the body anyway: the text is gone, its fields are what is left.
	if (typeof req.body === 'string') return req.body;
	if (req.body && typeof req.body === 'object' && Object.keys(req.body).length) return JSON.stringify(req.body);
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * The query as sent: read like a form (parse.ts), a value with an `&` inside survives, which a
 * parsed query (`getQueryData`) has already split.
 */
function queryText(ctx: IWebhookFunctions, req: IncomingDelivery): string {
	const url = req.originalUrl ?? req.url;
	if (url !== undefined) return url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
	return new URLSearchParams(ctx.getQueryData() as Record<string, string>).toString();
}

export async function readDelivery(ctx: IWebhookFunctions): Promise<Delivery> {
	const req = ctx.getRequestObject() as unknown as IncomingDelivery;
	const contentType = String(req.headers['content-type'] ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	return {
		method: String(req.method ?? 'POST').toUpperCase(),
		contentType,
		body: await bodyText(req),
		query: queryWithoutSecret(queryText(ctx, req)),
	};
}

/** Answers Jitbit with a small JSON body, unless an answer is already on its way. */
export function answer(ctx: IWebhookFunctions, status: number, body: IDataObject, headers: Record<string, string> = {}): void {
	const res = ctx.getResponseObject() as unknown as Answer;
	if (res.headersSent || res.writableEnded) return;
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
	res.end(JSON.stringify(body));
}
