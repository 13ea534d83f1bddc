import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { simplifyField, simplifyOutput } from '../../shared/simplify';
import { jitbitRouting } from '../../transport';
import { assetIdField, requireAssetId } from './fields';
import { simplifyAsset } from './simplify';

const show = { resource: ['asset'], operation: ['get'] };

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

export const description: INodeProperties[] = [assetIdField(show), simplifyField(show, 'asset fields')];
