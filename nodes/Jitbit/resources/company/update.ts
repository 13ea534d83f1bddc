import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { updateFieldsCollection } from '../../shared/descriptions';
import { idLocator } from '../../shared/locators';
import { requirePositiveIds } from '../../shared/validate';

const show = { resource: ['company'], operation: ['update'] };

/** UpdateCompany's parameters are inferred from one client's call (docs/jitbit-api.md §14): `id`, `name`, `notes`. */
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a company',
	description: 'Rename a company or change its notes (needs a helpdesk administrator)',
	routing: {
		request: { method: 'POST', url: '/UpdateCompany' },
		send: { preSend: [requirePositiveIds({ companyId: 'Company ID' })] },
	},
};

export const description: INodeProperties[] = [
	idLocator('searchCompanies', 'Company ID', {
		name: 'companyId',
		displayName: 'Company',
		description: 'The company to update',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'id' } },
	}),
	updateFieldsCollection(show, [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'New name of the company; must not be the name of another company',
			routing: { send: { type: 'body', property: 'name' } },
		},
		{
			displayName: 'Notes',
			name: 'notes',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Notes about the company, visible to technicians',
			routing: { send: { type: 'body', property: 'notes' } },
		},
	]),
];
