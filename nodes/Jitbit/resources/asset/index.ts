import type { Resource } from '../operation';

export const asset: Resource = {
	name: 'Asset',
	value: 'asset',
	description: 'Inventory assets and who they are assigned to',
	operations: [],
};
