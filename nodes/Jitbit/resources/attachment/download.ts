import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';
import { fileIdField } from './fields';

/** `attachment; filename="a.txt"; filename*=UTF-8''%C3%A4.txt` → the UTF-8 name when given. */
export function fileNameFrom(disposition: unknown): string | undefined {
	const text = String(disposition ?? '');
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)?'[^']*'([^;]+)/i.exec(text);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim());
		} catch {
			// malformed escapes: fall back to the plain filename
		}
	}
	const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(text);
	return plain ? (plain[1] ?? plain[2]).trim() : undefined;
}

/** The downloaded bytes as n8n binary data, named and typed from Jitbit's headers. */
async function toBinary(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer);
	const fileId = Number(this.getNodeParameter('fileId'));
	const fileName = fileNameFrom(response.headers['content-disposition']) ?? `attachment-${fileId}`;
	const mimeType = String(response.headers['content-type'] ?? '').split(';')[0].trim() || undefined;
	const property = String(this.getNodeParameter('binaryPropertyName', 'data')).trim() || 'data';
	const binary = await this.helpers.prepareBinaryData(data, fileName, mimeType);
	return [
		{
			json: { fileId, fileName, mimeType: binary.mimeType, fileSize: data.length },
			binary: { [property]: binary },
			pairedItem: { item: this.getItemIndex() },
		},
	];
}

export const option: INodePropertyOptions = {
	name: 'Download',
	value: 'download',
	action: 'Download an attachment',
	description: 'Download one file into the item\'s binary data, with its file name and type',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/Attachment', encoding: 'arraybuffer', json: false },
		send: { preSend: [requirePositiveIds({ fileId: 'File ID' })] },
		output: { postReceive: [toBinary] },
	}),
};

const properties: INodeProperties[] = [
	fileIdField('ID of the file: the FileID of an item from Attachment → Get Many or of a ticket\'s Attachments'),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		description: 'Name of the binary field of the output item that receives the file',
	},
	...toolFields(option, {
		ids: ['file'],
		returns: 'The file arrives as binary data, which an AI agent cannot read; use it to pass files on to other nodes',
	}),
];

const displayOptions = { show: { resource: ['attachment'], operation: ['download'] } };

export const description = updateDisplayOptions(displayOptions, properties);
