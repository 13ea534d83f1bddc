import type { INodeProperties } from 'n8n-workflow';

import { article } from './article';
import { asset } from './asset';
import { attachment } from './attachment';
import { comment } from './comment';
import { company } from './company';
import { customField } from './customField';
import { department } from './department';
import type { Resource } from './operation';
import { resourceProperties } from './operation';
import { ticket } from './ticket';
import { user } from './user';

// Listed alphabetically, as n8n's UX guidelines ask; Ticket stays the default.
const resources: Resource[] = [article, asset, attachment, comment, company, customField, department, ticket, user]
	.filter((resource) => resource.operations.length > 0)
	.sort((a, b) => a.name.localeCompare(b.name));

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: resources.map(({ name, value, description }) => ({ name, value, description })),
	default: 'ticket',
};

export const operationProperties: INodeProperties[] = resources.flatMap(resourceProperties);
