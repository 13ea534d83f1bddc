import type { INodeProperties } from 'n8n-workflow';

import { inBody } from '../../shared/descriptions';
import { requirePositiveIds } from '../../shared/validate';

/** Manufacturer, type and supplier are names: Jitbit files the asset under them (docs/jitbit-api.md §16). */
export const namedFields: INodeProperties[] = [
	{
		displayName: 'Model Name',
		name: 'modelName',
		type: 'string',
		default: '',
		description: 'Model name of the asset, e.g. "Latitude 7440"',
		routing: inBody('modelName'),
	},
	{
		displayName: 'Manufacturer',
		name: 'manufacturer',
		type: 'string',
		default: '',
		description: 'Manufacturer name, e.g. "Dell"',
		routing: inBody('manufacturer'),
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'string',
		default: '',
		description: 'Asset type name, e.g. "Laptop"',
		routing: inBody('type'),
	},
	{
		displayName: 'Supplier',
		name: 'supplier',
		type: 'string',
		default: '',
		description: 'Supplier name, e.g. "CDW"',
		routing: inBody('supplier'),
	},
];

export const optionalFields: INodeProperties[] = [
	{
		displayName: 'Comments',
		name: 'comments',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Free-text comments about the asset',
		routing: inBody('comments'),
	},
	{
		displayName: 'Location',
		name: 'location',
		type: 'string',
		default: '',
		description: 'Where the asset is, free text',
		routing: inBody('location'),
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1,
		description: 'How many units this asset record stands for',
		routing: inBody('quantity'),
	},
	{
		displayName: 'Serial Number',
		name: 'serialNumber',
		type: 'string',
		default: '',
		description: 'Serial number of the asset',
		routing: inBody('serialNumber'),
	},
];

/** The asset's ID, sent where the call expects it (`inQuery('id')`, `inBody('assetId')`, …). */
export function assetIdField(routing: INodeProperties['routing']): INodeProperties {
	return {
		displayName: 'Asset ID',
		name: 'assetId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 17',
		description: 'ID of the asset, as listed by Asset → Get Many (ItemID in the raw output)',
		routing,
	};
}

export const requireAssetId = requirePositiveIds({ assetId: 'Asset ID' });
