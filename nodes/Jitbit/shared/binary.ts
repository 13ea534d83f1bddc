import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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

/** multipart/form-data from form fields (arrays repeat their key) and files. */
export function multipartBody(fields: IDataObject, files: UploadFile[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nJitbit${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		for (const entry of Array.isArray(value) ? value : [value]) {
			const text = typeof entry === 'object' ? JSON.stringify(entry) : String(entry);
			parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${text}\r\n`));
		}
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

/** The "Attachments" field: names of the input item's binary properties to upload (required ones default to `data`). */
export function binaryPropertiesField(required = false): INodeProperties {
	return {
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		default: '',
		required,
		placeholder: 'e.g. data, attachment_1',
		hint: 'Comma-separated names of binary fields of the input item, e.g. from a Read File or HTTP Request node',
		description: 'Files to attach, one per binary field name. Leave empty to attach nothing.',
		...(required ? { default: 'data' } : {}),
	};
}

/** The binary field names entered in "Input Binary Fields", in order, blanks dropped. */
export function binaryPropertyNames(ctx: IExecuteSingleFunctions): string[] {
	return String(ctx.getNodeParameter('binaryPropertyNames', '') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
}

/**
 * Turns the routed form fields plus the item's binary files into a multipart body. Without
 * files the request stays form-encoded (the transport encodes it).
 */
export const sendBinaryAsMultipart: PreSendAction = async function (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const names = binaryPropertyNames(this);
	if (!names.length) return requestOptions;
	const files: UploadFile[] = [];
	for (const name of names) {
		const item = this.getInputData();
		if (!item.binary?.[name]) {
			throw new NodeOperationError(this.getNode(), `The input item has no binary field "${name}"`, {
				itemIndex: this.getItemIndex(),
				description: `Binary fields on this item: ${Object.keys(item.binary ?? {}).join(', ') || 'none'}. Check "Input Binary Fields".`,
			});
		}
		const binary = this.helpers.assertBinaryData(name);
		files.push({
			filename: binary.fileName ?? name,
			contentType: binary.mimeType || 'application/octet-stream',
			data: await this.helpers.getBinaryDataBuffer(name),
		});
	}
	const { body, contentType } = multipartBody((requestOptions.body as IDataObject) ?? {}, files);
	return { ...requestOptions, body, headers: { ...requestOptions.headers, 'Content-Type': contentType } };
};
