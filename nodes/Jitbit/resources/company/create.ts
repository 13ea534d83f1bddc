import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../shared/descriptions';

const show = { resource: ['company'], operation: ['create'] };

/** Jitbit answers the id only; the name is what was sent. */
async function withName(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('name', '')).trim();
	return items.map((item) => ({ ...item, json: { id: item.json.id, name } }));
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a company',
	description:
		'Create a company, or get the ID of the existing company with the same name (needs a helpdesk administrator)',
	routing: {
		request: { method: 'POST', url: '/Company' },
		output: { postReceive: [withName] },
	},
};

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the company. If a company with this name exists, Jitbit returns its ID and changes nothing.',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'name' } },
	},
	additionalFieldsCollection(show, [
		{
			displayName: 'Email Domains',
			name: 'emailDomains',
			type: 'string',
			default: '',
			placeholder: 'e.g. acme.com;acme.de',
			description:
				'Email domains whose senders Jitbit assigns to this company, separated by semicolons (sent as EmailDomains)',
			routing: { send: { type: 'body', property: 'EmailDomains' } },
		},
	]),
];
