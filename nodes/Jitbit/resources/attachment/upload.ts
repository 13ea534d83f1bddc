import type {
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { binaryPropertiesField, sendBinaryAsMultipart } from '../../shared/binary';
import { ticketLocator } from '../../shared/locators';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';

const show = { resource: ['attachment'], operation: ['upload'] };

/** AttachFile answers with an empty body: report what was attached instead. */
async function describeUpload(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const binary = this.getInputData().binary ?? {};
	const fileNames = String(this.getNodeParameter('binaryPropertyNames', ''))
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean)
		.map((name) => binary[name]?.fileName ?? name);
	const ticketId = Number(this.getNodeParameter('ticketId', undefined, { extractValue: true }));
	return items.map((item) => ({ ...item, json: { ...item.json, ticketId, fileNames } }));
}

export const option: INodePropertyOptions = {
	name: 'Upload',
	value: 'upload',
	action: 'Upload attachments to a ticket',
	description: 'Attach one or more files from the input item\'s binary data to a ticket',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/AttachFile' },
		send: { preSend: [requirePositiveIds({ ticketId: 'Ticket ID' }), sendBinaryAsMultipart] },
		output: { postReceive: [describeUpload] },
	}),
};

export const description: INodeProperties[] = [
	ticketLocator({
		description: 'The ticket to attach the files to: pick it, enter its number, or paste its link from Jitbit',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'id' } },
	}),
	binaryPropertiesField(show, true),
];
