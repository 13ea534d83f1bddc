import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { methods } from '../Jitbit/methods';
import { rateLimitHandlingProperty } from '../Jitbit/shared/descriptions';
import { readConfig } from './config';
import { triggerProperties } from './description';
import { runPoll } from './poll';

export class JitbitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Jitbit Trigger',
		name: 'jitbitTrigger',
		icon: { light: 'file:../../icons/jitbit.svg', dark: 'file:../../icons/jitbit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts the workflow when tickets are created, updated, change status, or get comments in Jitbit Helpdesk',
		defaults: { name: 'Jitbit Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jitbitApi', required: true }],
		properties: [...triggerProperties, rateLimitHandlingProperty],
	};

	methods = methods;

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const items = await runPoll(this, readConfig(this), this.getWorkflowStaticData('node'));
		return items.length ? [items] : null;
	}
}
