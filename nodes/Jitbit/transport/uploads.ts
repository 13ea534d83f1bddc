/** What a multipart request carried, so an error about it can name the ticket and the size of the files. */
export interface UploadSummary {
	files: number;
	bytes: number;
	/** The form fields naming ids (`id`, `categoryId`…), as `pickIds` reads a form body. */
	ids: Record<string, string>;
}

/** Reads the parts of a multipart/form-data body; undefined when it has no files. */
export function uploadSummary(body: unknown, contentType: unknown): UploadSummary | undefined {
	if (!Buffer.isBuffer(body)) return undefined;
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(String(contentType ?? ''));
	if (!boundary) return undefined;
	const dashed = `--${boundary[1] ?? boundary[2]}`;
	const summary: UploadSummary = { files: 0, bytes: 0, ids: {} };
	for (let start = body.indexOf(dashed); start >= 0; ) {
		const headers = start + dashed.length + 2;
		const content = body.indexOf('\r\n\r\n', headers);
		const end = content < 0 ? -1 : body.indexOf(`\r\n${dashed}`, content + 4);
		if (end < 0) break;
		const disposition = body.subarray(headers, content).toString('utf8');
		const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
		if (/\bfilename=/i.test(disposition)) {
			summary.files++;
			summary.bytes += end - (content + 4);
		} else if (/id$/i.test(name)) {
			summary.ids[name] = body.subarray(content + 4, end).toString('utf8');
		}
		start = end + 2;
	}
	return summary.files ? summary : undefined;
}
