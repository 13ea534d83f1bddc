import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { additionalFieldsCollection, inBody } from '../../shared/descriptions';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';

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
	routing: jitbitRouting({
		request: { method: 'POST', url: '/Company' },
		output: { postReceive: [withName] },
	}),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the company. If a company with this name exists, Jitbit returns its ID and changes nothing.',
		routing: inBody('name'),
	},
	additionalFieldsCollection([
		{
			displayName: 'Email Domains',
			name: 'emailDomains',
			type: 'string',
			default: '',
			placeholder: 'e.g. acme.com;acme.de',
			description:
				'Email domains whose senders Jitbit assigns to this company, separated by semicolons (sent as EmailDomains)',
			routing: inBody('EmailDomains'),
		},
	]),
	...toolFields(option, { returns: 'Answers the company’s id (its CompanyID) and name' }),
];

const displayOptions = { show: { resource: ['company'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);
