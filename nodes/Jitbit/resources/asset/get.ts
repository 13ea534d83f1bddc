import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inQuery } from '../../shared/descriptions';
import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { toolFields } from '../../shared/tool';
import { jitbitRouting } from '../../transport';
import { assetIdField, requireAssetId } from './fields';
import { simplifyAsset } from './simplify';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an asset',
	description: 'Retrieve one asset with its custom fields, assigned users, tickets and log (needs a technician)',
	routing: jitbitRouting({
		request: { method: 'GET', url: '/Asset' },
		send: { preSend: [requireAssetId] },
		output: { postReceive: [simplifyOutput(simplifyAsset)] },
	}),
};

const properties: INodeProperties[] = [
	assetIdField(inQuery('id')),
	simplifyField(),
	...toolFields(option, { ids: ['asset'], output: true }),
];

const displayOptions = { show: { resource: ['asset'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);
