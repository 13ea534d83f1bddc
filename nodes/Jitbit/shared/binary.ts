import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { UploadFile } from '../transport';
import { atItem, multipartBody } from '../transport';

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
			throw new NodeOperationError(this.getNode(), atItem(`The input item has no binary field '${name}'`, this.getItemIndex()), {
				itemIndex: this.getItemIndex(),
				description: `Binary fields on this item: ${Object.keys(item.binary ?? {}).join(', ') || 'none'}. Check 'Input Binary Fields'.`,
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
