import type {
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertiesField, binaryPropertyNames, sendBinaryAsMultipart } from '../../shared/binary';
import { inBody } from '../../shared/descriptions';
import { ticketLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';

/** AttachFile answers with an empty body: report what was attached instead. */
async function describeUpload(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const binary = this.getInputData().binary ?? {};
	const fileNames = binaryPropertyNames(this).map((name) => binary[name]?.fileName ?? name);
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

const properties: INodeProperties[] = [
	ticketLocator({
		description: 'The ticket to attach the files to: pick it, enter its number, or paste its link from Jitbit',
		routing: inBody('id'),
	}),
	binaryPropertiesField(true),
	...toolFields(option, { ids: ['ticket'], returns: 'Answers the ticket ID and the names of the files attached' }),
];

const displayOptions = { show: { resource: ['attachment'], operation: ['upload'] } };

export const description = updateDisplayOptions(displayOptions, properties);
