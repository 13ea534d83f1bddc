import type { IDataObject } from 'n8n-workflow';

/**
 * Request bodies as Jitbit's ASP.NET model binder reads them, form-encoded or multipart: one rule
 * for both. Arrays repeat their key, objects go as JSON, null and undefined are left out.
 */
function formFields(body: IDataObject): Array<[string, string]> {
	const fields: Array<[string, string]> = [];
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === null) continue;
		for (const entry of Array.isArray(value) ? value : [value]) {
			fields.push([key, typeof entry === 'object' ? JSON.stringify(entry) : String(entry)]);
		}
	}
	return fields;
}

/** A body of form fields, as opposed to one already encoded (a multipart Buffer, a string). */
export function isFormBody(body: unknown): body is IDataObject {
	return typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && !Array.isArray(body);
}

/** application/x-www-form-urlencoded. */
export function formEncode(body: IDataObject): string {
	return new URLSearchParams(formFields(body)).toString();
}

export interface UploadFile {
	filename: string;
	contentType: string;
	data: Buffer;
}

/** Jitbit reads every file part of a request; `uploadFile` is the name its API expects. */
const FILE_PART = 'uploadFile';

function quoted(text: string): string {
	return text.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
}

/** multipart/form-data from form fields and files. */
export function multipartBody(fields: IDataObject, files: UploadFile[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nJitbit${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	const parts: Buffer[] = [];
	for (const [name, text] of formFields(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${text}\r\n`));
	}
	for (const file of files) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${FILE_PART}"; filename="${quoted(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
			),
			file.data,
			Buffer.from('\r\n'),
		);
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
