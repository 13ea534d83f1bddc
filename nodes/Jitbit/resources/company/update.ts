import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inBody, updateFieldsCollection } from '../../shared/descriptions';
import { companyLocator } from '../../shared/locators';
import { toolFields } from '../../shared/tool';
import { requirePositiveIds } from '../../shared/validate';
import { jitbitRouting } from '../../transport';

/** UpdateCompany's parameters are inferred from one client's call (docs/jitbit-api.md §14): `id`, `name`, `notes`. */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a company',
	description: 'Rename a company or change its notes (needs a helpdesk administrator)',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/UpdateCompany' },
		send: { preSend: [requirePositiveIds({ companyId: 'Company ID' })] },
	}),
};

const properties: INodeProperties[] = [
	companyLocator({ description: 'The company to update', routing: inBody('id') }),
	updateFieldsCollection([
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'New name of the company; must not be the name of another company',
			routing: inBody('name'),
		},
		{
			displayName: 'Notes',
			name: 'notes',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Notes about the company, visible to technicians',
			routing: inBody('notes'),
		},
	]),
	...toolFields(option, { ids: ['company'] }),
];

const displayOptions = { show: { resource: ['company'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);
