import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { JitbitHttpError } from './errors';
import type { PreparedCall } from './prepare';

export type JitbitBody = IDataObject | IDataObject[] | Buffer;

function firstInteger(text: string): number | undefined {
	const match = /-?\d+/.exec(text);
	return match ? Number(match[0]) : undefined;
}

/**
 * Lenient reading of a 2xx answer. Jitbit returns JSON objects and arrays, bare numbers for new
 * ids (as JSON or plain text, sometimes with extra lines), JSON strings, or nothing at all for
 * updates. Writes may answer with anything; reads must answer with data.
 */
function parseBody(status: number, body: unknown, isRead: boolean, headers: IDataObject = {}): JitbitBody {
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'number') return { id: body };
	if (typeof body === 'boolean') return { success: body };
	if (body === null || body === undefined || (typeof body === 'string' && body.trim() === '')) {
		if (isRead) throw new JitbitHttpError(status, '', headers, 'empty');
		return { success: true };
	}
	if (typeof body === 'object') return body as IDataObject | IDataObject[];
	const text = String(body).trim();
	if (/^<(!doctype|html|head|body)\b/i.test(text) || String(headers['content-type'] ?? '').includes('html')) {
		throw new JitbitHttpError(status, text, headers, 'html');
	}
	let value: unknown = text;
	try {
		value = JSON.parse(text);
	} catch {
		// plain text: handled below
	}
	if (typeof value === 'object' && value !== null) return value as IDataObject;
	if (typeof value === 'number') return { id: value };
	const id = firstInteger(String(value));
	if (!isRead) return id === undefined ? { success: true, message: String(value) } : { id };
	throw new JitbitHttpError(status, text, headers, 'unparseable');
}

/** The text of an error answer, whatever encoding it arrived in. */
export function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	return typeof body === 'string' ? body : JSON.stringify(body);
}

/** A 2xx answer, parsed; anything else becomes a JitbitHttpError for the retry loop. */
export function readAnswer(response: IN8nHttpFullResponse, call: PreparedCall): JitbitBody {
	const headers = (response.headers ?? {}) as IDataObject;
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw new JitbitHttpError(response.statusCode, bodyText(response.body), headers);
	}
	return parseBody(response.statusCode, response.body, !call.changesData, headers);
}
