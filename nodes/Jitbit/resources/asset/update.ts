import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inBody, updateFieldsCollection } from '../../shared/descriptions';
import { jitbitApiRequest, jitbitRouting } from '../../transport';
import { toolFields } from '../../shared/tool';
import { assetIdField, namedFields, optionalFields, requireAssetId } from './fields';

/**
 * UpdateAsset resets the quantity to 1 when it is omitted (docs/jitbit-api.md §16). When the user does not
 * set a quantity, the asset's current one is read first and sent unchanged.
 */
async function keepQuantity(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body as IDataObject) ?? {};
	if (body.quantity !== undefined && body.quantity !== '') return requestOptions;
	const asset = (await jitbitApiRequest(this, {
		method: 'GET',
		url: '/Asset',
		qs: { id: body.id },
		itemIndex: this.getItemIndex(),
	})) as IDataObject;
	return { ...requestOptions, body: { ...body, quantity: asset.Quantity ?? 1 } };
}

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an asset',
	description: 'Change an asset\'s fields (needs a technician); fields left out keep their values, including the quantity',
	routing: jitbitRouting({
		request: { method: 'POST', url: '/UpdateAsset' },
		send: { preSend: [requireAssetId, keepQuantity] },
	}),
};

const properties: INodeProperties[] = [
	assetIdField(inBody('id')),
	updateFieldsCollection([...namedFields, ...optionalFields]),
	...toolFields(option, { ids: ['asset'] }),
];

const displayOptions = { show: { resource: ['asset'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);
