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
		// n8n's nodes panel shows "Jitbit" and "Jitbit Trigger" as one entry, above the actions of the
		// one and the events of the other, and takes this description for it (n8n 2.41.1,
		// generateMergedNodesAndActions): it must describe both, not only the trigger.
		description:
			'Manage tickets, comments, users, assets and knowledge base articles in Jitbit Helpdesk, or start a workflow when tickets are created, updated, change status, or get comments',
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
