import type { IDataObject, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { loadedNodeDescription, operationsOf } from '../harness';
import { useEnv } from '../harness/env';

const rl = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

interface Case {
	params: IDataObject;
	items?: INodeExecutionData[];
}

/** The operations of the node as n8n loads it: the tests below are generated from them. */
const operations = operationsOf(loadedNodeDescription());

/** The Jitbit method an operation's own request calls: `/Tickets` → `tickets`, `=/Article/{{…}}` → `article`. */
function endpointOf(option: INodePropertyOptions): string {
	const url = String(option.routing?.request?.url ?? '');
	return url.replace(/^=?\/+/, '').split(/[/?{]/)[0].toLowerCase();
}

/**
 * Valid parameters for each operation (ids from the sandbox's data). An operation of the node
 * without an entry here fails its test below, so every operation keeps being proven to run
 * through the pipeline.
 */
function cases(s: Sandbox): Record<string, Case> {
	const tickets = [...s.db.tickets.keys()].sort((a, b) => a - b);
	const [t1, t2, t3, t4] = tickets;
	const category = [...s.db.categories.keys()][0];
	const file = [...s.db.files.values()].find((f) => f.ticketId)!.fileId;
	const comment = [...s.db.comments.keys()][0];
	const fieldTicket = tickets.find((id) => s.db.fieldsForCategory(s.db.tickets.get(id)!.categoryId).length)!;
	const field = s.db.fieldsForCategory(s.db.tickets.get(fieldTicket)!.categoryId)[0].fieldId;
	const asset = [...s.db.assets.keys()][0];
	const article = [...s.db.articles.keys()][0];
	const company = [...s.db.companies.keys()][0];
	const { tech, customer } = s.users;
	const binary = { data: { data: Buffer.from('hello').toString('base64'), mimeType: 'text/plain', fileName: 'hello.txt' } };
	return {
		'ticket.get': { params: { ticketId: rl(t1) } },
		'ticket.getMany': { params: { returnAll: true } },
		'ticket.search': { params: { query: 'printer', returnAll: true } },
		'ticket.getStats': { params: {} },
		'ticket.create': { params: { categoryId: category, subject: 'pipeline', body: 'b' } },
		'ticket.update': { params: { ticketId: rl(t1), updateFields: { subject: 'renamed' } } },
		'ticket.close': { params: { ticketId: rl(t1) } },
		'ticket.delete': { params: { ticketId: rl(t4) } },
		'ticket.merge': { params: { ticketId: rl(t1), mergedTicketId: rl(t3) } },
		'ticket.link': { params: { ticketId: rl(t1), linkedTicketId: rl(t2) } },
		'ticket.unlink': { params: { ticketId: rl(t1), linkedTicketId: rl(t2) } },
		'ticket.getLinkedTickets': { params: { ticketId: rl(t1) } },
		'ticket.addSubTicket': { params: { ticketId: rl(t1), childTicketId: rl(t2) } },
		'ticket.removeSubTicket': { params: { childTicketId: rl(t2) } },
		'ticket.getSubTickets': { params: { ticketId: rl(t1) } },
		'ticket.getSubscribers': { params: { ticketId: rl(t1) } },
		'ticket.addSubscriber': { params: { ticketId: rl(t1), userId: rl(tech.userId) } },
		'ticket.removeSubscriber': { params: { ticketId: rl(t1), userId: rl(tech.userId) } },
		'comment.create': { params: { ticketId: rl(t1), body: 'hello' } },
		'comment.update': { params: { commentId: String(comment), body: 'edited' } },
		'comment.getMany': { params: { ticketId: rl(t1) } },
		'comment.getTemplates': { params: {} },
		'attachment.getMany': { params: { ticketId: rl(t1) } },
		'attachment.upload': { params: { ticketId: rl(t1), binaryPropertyNames: 'data' }, items: [{ json: {}, binary }] },
		'attachment.download': { params: { fileId: String(file), binaryPropertyName: 'data' } },
		'attachment.delete': { params: { fileId: String(file) } },
		'customField.getForTicket': { params: { ticketId: rl(t1) } },
		'customField.getForCategory': { params: { categoryId: category } },
		'customField.set': { params: { ticketId: rl(fieldTicket), fieldId: field, value: 'x' } },
		'customField.setMany': {
			params: { ticketId: rl(fieldTicket), customFieldsUi: { field: [{ fieldId: field, value: 'y' }] } },
		},
		'user.get': { params: { userId: rl(customer.userId) } },
		'user.getByEmail': { params: { email: 'customer@acme.example' } },
		'user.getMany': { params: { returnAll: true } },
		'user.create': { params: { email: 'new.person@example.com' } },
		'user.upsert': { params: { email: 'other.person@example.com' } },
		'user.update': { params: { userId: rl(customer.userId), updateFields: { phone: '123' } } },
		'user.delete': { params: { userId: rl(customer.userId) } },
		'user.merge': { params: { userId: rl(tech.userId), mergedUserId: rl(customer.userId) } },
		'company.getMany': { params: {} },
		'company.create': { params: { name: 'Pipeline Inc' } },
		'company.update': { params: { companyId: rl(company), updateFields: { notes: 'n' } } },
		'department.getMany': { params: {} },
		'article.getMany': { params: {} },
		'article.get': { params: { articleId: String(article) } },
		'article.create': { params: { categoryId: category, subject: 'How to', body: 'Do it' } },
		'asset.getMany': { params: { returnAll: true } },
		'asset.get': { params: { assetId: String(asset) } },
		'asset.create': { params: { modelName: 'X1', manufacturer: 'Lenovo', type: 'Laptop', supplier: 'Shop' } },
		'asset.update': { params: { assetId: String(asset), updateFields: { location: 'HQ' } } },
		'asset.assignToUser': { params: { assetId: String(asset), userId: rl(customer.userId) } },
		'asset.unassignFromUser': { params: { assetId: String(asset), userId: rl(customer.userId) } },
		'asset.addToTicket': { params: { assetId: String(asset), ticketId: rl(t1) } },
	};
}

describe('every operation runs through the pipeline', () => {
	const env = useEnv({ resetEach: false });

	it('has an example for every operation of the node, and none for an operation it lacks', () => {
		env.sb.reset();
		expect(Object.keys(cases(env.sb)).sort()).toEqual(operations.map((o) => o.key).sort());
	});

	it.each(operations.map((o) => [o.key, o] as const))(
		'%s: a 429 on its call is waited out and the operation succeeds',
		async (key, { resource, operation, option }) => {
			env.sb.reset();
			const example = cases(env.sb)[key];
			if (!example) throw new Error(`No example for ${key}: add its parameters to cases() in this file`);
			const endpoint = endpointOf(option);
			env.sb.inject({ kind: '429', endpoint, times: 1, retryAfter: 0.01 });
			const { error } = await env.h.run(
				{ resource, operation, ...example.params },
				{ credentials: env.admin, items: example.items },
			);
			expect(error).toBeUndefined();
			// The first answer was the 429 and the same call was sent again.
			const statuses = env.sb.requests.filter((r) => r.endpoint === endpoint).map((r) => r.status);
			expect(statuses[0]).toBe(429);
			expect(statuses.length).toBeGreaterThanOrEqual(2);
			expect(statuses[1]).not.toBe(429);
		},
	);
});
