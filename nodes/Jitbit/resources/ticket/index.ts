import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';

const operations = [get];

export const ticketDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticket'] } },
		options: operations.map((operation) => operation.option),
		default: 'get',
	},
	...operations.flatMap((operation) => operation.description),
];
