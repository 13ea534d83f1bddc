import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { methods } from '../Jitbit/methods';
import { rateLimitHandlingProperty } from '../Jitbit/shared/descriptions';
import { fingerprint } from '../Jitbit/shared/fingerprint';
import { positiveId } from '../Jitbit/shared/validate';
import { triggerProperties } from './description';
import type { TriggerConfig, TriggerEvent } from './poll';
import { runPoll } from './poll';

function locatorValue(value: unknown): string | undefined {
	const raw = value !== null && typeof value === 'object' ? (value as IDataObject).value : value;
	const text = raw === undefined || raw === null ? '' : String(raw).trim();
	return text === '' ? undefined : text;
}

function optionalId(ctx: IPollFunctions, label: string, value: string | undefined): number | undefined {
	return value === undefined ? undefined : positiveId(ctx.getNode(), label, value);
}

function ids(value: unknown): number[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((v) => Number(String(v).trim())).filter((n) => Number.isInteger(n) && n > 0);
}

function readConfig(ctx: IPollFunctions): TriggerConfig {
	const event = ctx.getNodeParameter('event') as TriggerEvent;
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const listQs: IDataObject = {};
	const categoryIds = ids(filters.categoryIds);
	if (categoryIds.length) listQs.categoryId = categoryIds;
	const statusIds = ids(filters.statusIds);
	// Status Changed must see tickets leave and enter every status.
	if (statusIds.length && event !== 'statusChanged') listQs.statusId = statusIds;
	const assignee = optionalId(ctx, 'Technician ID', locatorValue(filters.assignee));
	if (assignee !== undefined) listQs.handledByUserID = assignee;
	const company = optionalId(ctx, 'Company ID', locatorValue(filters.companyId));
	if (company !== undefined) listQs.fromCompanyId = company;
	const key = fingerprint(JSON.stringify({ event, listQs }));
	if (options.includeCustomFields) listQs.includeCustomFields = true;

	let toStatusId: number | undefined;
	if (event === 'statusChanged') {
		const toStatus = String(ctx.getNodeParameter('toStatus', 'any'));
		if (toStatus === 'custom') toStatusId = optionalId(ctx, 'Status ID', String(ctx.getNodeParameter('toStatusId', '')));
		else if (toStatus !== 'any') toStatusId = Number(toStatus);
	}
	return {
		event,
		listQs,
		key,
		fetchDetails: Boolean(options.fetchDetails),
		includeNewTickets: event === 'ticketUpdated' && Boolean(ctx.getNodeParameter('includeNewTickets', false)),
		toStatusId,
		visibility: event === 'newComment' ? (ctx.getNodeParameter('commentVisibility', 'any') as TriggerConfig['visibility']) : 'any',
		author: event === 'newComment' ? (ctx.getNodeParameter('commentAuthor', 'anyone') as TriggerConfig['author']) : 'anyone',
		includeSystem: event === 'newComment' && Boolean(ctx.getNodeParameter('includeSystemComments', false)),
	};
}

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
		const config = readConfig(this);
		const stored = this.getWorkflowStaticData('node');
		// A cursor built for another event or other filters does not apply: start over.
		const saved = stored.key === config.key ? stored : undefined;
		const { items, state } = await runPoll(this, config, saved);
		// Written only now, after every call of the poll succeeded.
		if (state) {
			for (const key of Object.keys(stored)) delete stored[key];
			Object.assign(stored, { key: config.key, ...state });
		}
		return items.length ? [items] : null;
	}
}
