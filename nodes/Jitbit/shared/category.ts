import type { INodeProperties } from 'n8n-workflow';

/**
 * A helpdesk category (tickets, custom fields and knowledge base articles are filed under them),
 * picked from the categories list. The caller says where it is sent (`inBody` / `inQuery`) and may
 * make it a multi-select for filters.
 */
export function categoryField(overrides: Partial<INodeProperties> & Pick<INodeProperties, 'routing'>): INodeProperties {
	return {
		displayName: 'Category Name or ID',
		name: 'categoryId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCategories' },
		default: '',
		description:
			'The ticket category. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	} as INodeProperties;
}

/** A category choice left empty is not sent (the article list: all categories). */
export const UNLESS_EMPTY = '={{ $value === "" ? undefined : $value }}';
