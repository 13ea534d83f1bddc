import type { INodeProperties } from 'n8n-workflow';

/** A helpdesk category (KB articles are filed under them), picked from the categories list. */
export function categoryField(show: Record<string, string[]>, required: boolean, description: string): INodeProperties {
	return {
		displayName: 'Category Name or ID',
		name: 'categoryId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCategories' },
		required,
		default: '',
		description: `${description} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
		displayOptions: { show },
		routing: { send: { type: required ? 'body' : 'query', property: 'categoryId', value: '={{ $value === "" ? undefined : $value }}' } },
	};
}
