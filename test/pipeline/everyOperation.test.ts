import type { IDataObject, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { NODE_TYPE } from '../harness';
import { useEnv } from '../harness/env';

const rl = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

interface Case {
	params: IDataObject;
	/** The Jitbit method whose first answer is a 429 (the operation's own call). */
	endpoint: string;
	items?: INodeExecutionData[];
}

/**
 * One runnable example per operation. The test below fails when an operation is added to the
 * node without a line here, so every operation keeps being proven to run through the pipeline.
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
		'ticket.get': { params: { ticketId: rl(t1) }, endpoint: 'ticket' },
		'ticket.getMany': { params: { returnAll: true }, endpoint: 'tickets' },
		'ticket.search': { params: { query: 'printer', returnAll: true }, endpoint: 'search' },
		'ticket.getStats': { params: {}, endpoint: 'stats' },
		'ticket.create': { params: { categoryId: category, subject: 'pipeline', body: 'b' }, endpoint: 'ticket' },
		'ticket.update': { params: { ticketId: rl(t1), updateFields: { subject: 'renamed' } }, endpoint: 'updateticket' },
		'ticket.close': { params: { ticketId: rl(t1) }, endpoint: 'close' },
		'ticket.delete': { params: { ticketId: rl(t4) }, endpoint: 'deleteticket' },
		'ticket.merge': { params: { ticketId: rl(t1), mergedTicketId: rl(t3) }, endpoint: 'mergetickets' },
		'ticket.link': { params: { ticketId: rl(t1), linkedTicketId: rl(t2) }, endpoint: 'linktickets' },
		'ticket.unlink': { params: { ticketId: rl(t1), linkedTicketId: rl(t2) }, endpoint: 'unlinktickets' },
		'ticket.getLinkedTickets': { params: { ticketId: rl(t1) }, endpoint: 'linkedtickets' },
		'ticket.addSubTicket': { params: { ticketId: rl(t1), childTicketId: rl(t2) }, endpoint: 'addsubticket' },
		'ticket.removeSubTicket': { params: { childTicketId: rl(t2) }, endpoint: 'removesubticket' },
		'ticket.getSubTickets': { params: { ticketId: rl(t1) }, endpoint: 'subtickets' },
		'ticket.getSubscribers': { params: { ticketId: rl(t1) }, endpoint: 'subscribers' },
		'ticket.addSubscriber': { params: { ticketId: rl(t1), userId: rl(tech.userId) }, endpoint: 'addsubscriber' },
		'ticket.removeSubscriber': { params: { ticketId: rl(t1), userId: rl(tech.userId) }, endpoint: 'removesubscriber' },
		'comment.create': { params: { ticketId: rl(t1), body: 'hello' }, endpoint: 'comment' },
		'comment.update': { params: { commentId: String(comment), body: 'edited' }, endpoint: 'updatecomment' },
		'comment.getMany': { params: { ticketId: rl(t1) }, endpoint: 'comments' },
		'comment.getTemplates': { params: {}, endpoint: 'commenttemplates' },
		'attachment.getMany': { params: { ticketId: rl(t1) }, endpoint: 'attachments' },
		'attachment.upload': { params: { ticketId: rl(t1), binaryPropertyNames: 'data' }, endpoint: 'attachfile', items: [{ json: {}, binary }] },
		'attachment.download': { params: { fileId: String(file), binaryPropertyName: 'data' }, endpoint: 'attachment' },
		'attachment.delete': { params: { fileId: String(file) }, endpoint: 'deletefile' },
		'customField.getForTicket': { params: { ticketId: rl(t1) }, endpoint: 'ticketcustomfields' },
		'customField.getForCategory': { params: { categoryId: category }, endpoint: 'customfieldsforcategory' },
		'customField.set': { params: { ticketId: rl(fieldTicket), fieldId: field, value: 'x' }, endpoint: 'setcustomfield' },
		'customField.setMany': {
			params: { ticketId: rl(fieldTicket), customFieldsUi: { field: [{ fieldId: field, value: 'y' }] } },
			endpoint: 'setcustomfields',
		},
		'user.get': { params: { userId: rl(customer.userId) }, endpoint: 'user' },
		'user.getByEmail': { params: { email: 'customer@acme.example' }, endpoint: 'userbyemail' },
		'user.getMany': { params: { returnAll: true }, endpoint: 'users' },
		'user.create': { params: { email: 'new.person@example.com' }, endpoint: 'createuser' },
		'user.upsert': { params: { email: 'other.person@example.com' }, endpoint: 'userbyemail' },
		'user.update': { params: { userId: rl(customer.userId), updateFields: { phone: '123' } }, endpoint: 'updateuser' },
		'user.delete': { params: { userId: rl(customer.userId) }, endpoint: 'deleteuser' },
		'user.merge': { params: { userId: rl(tech.userId), mergedUserId: rl(customer.userId) }, endpoint: 'mergeusers' },
		'company.getMany': { params: {}, endpoint: 'companies' },
		'company.create': { params: { name: 'Pipeline Inc' }, endpoint: 'company' },
		'company.update': { params: { companyId: rl(company), updateFields: { notes: 'n' } }, endpoint: 'updatecompany' },
		'department.getMany': { params: {}, endpoint: 'departments' },
		'article.getMany': { params: {}, endpoint: 'articles' },
		'article.get': { params: { articleId: String(article) }, endpoint: 'article' },
		'article.create': { params: { categoryId: category, subject: 'How to', body: 'Do it' }, endpoint: 'article' },
		'asset.getMany': { params: { returnAll: true }, endpoint: 'assets' },
		'asset.get': { params: { assetId: String(asset) }, endpoint: 'asset' },
		'asset.create': { params: { modelName: 'X1', manufacturer: 'Lenovo', type: 'Laptop', supplier: 'Shop' }, endpoint: 'asset' },
		'asset.update': { params: { assetId: String(asset), updateFields: { location: 'HQ' } }, endpoint: 'updateasset' },
		'asset.assignToUser': { params: { assetId: String(asset), userId: rl(customer.userId) }, endpoint: 'assignassettouser' },
		'asset.unassignFromUser': { params: { assetId: String(asset), userId: rl(customer.userId) }, endpoint: 'unassignassettouser' },
		'asset.addToTicket': { params: { assetId: String(asset), ticketId: rl(t1) }, endpoint: 'addassettoticket' },
	};
}

describe('every operation runs through the pipeline', () => {
	const env = useEnv({ resetEach: false });

	function nodeOperations(): string[] {
		const { properties } = env.h.nodeTypes.getByNameAndVersion(NODE_TYPE).description;
		return properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) =>
				(p.options as INodePropertyOptions[]).map((o) => `${p.displayOptions!.show!.resource![0]}.${String(o.value)}`),
			);
	}

	it('has an example for every operation of the node', () => {
		env.sb.reset();
		expect(Object.keys(cases(env.sb)).sort()).toEqual(nodeOperations().sort());
	});

	const operations = [
		...'ticket.get ticket.getMany ticket.search ticket.getStats ticket.create ticket.update ticket.close ticket.delete ticket.merge ticket.link ticket.unlink ticket.getLinkedTickets ticket.addSubTicket ticket.removeSubTicket ticket.getSubTickets ticket.getSubscribers ticket.addSubscriber ticket.removeSubscriber'.split(' '),
		...'comment.create comment.update comment.getMany comment.getTemplates attachment.getMany attachment.upload attachment.download attachment.delete'.split(' '),
		...'customField.getForTicket customField.getForCategory customField.set customField.setMany'.split(' '),
		...'user.get user.getByEmail user.getMany user.create user.upsert user.update user.delete user.merge'.split(' '),
		...'company.getMany company.create company.update department.getMany article.getMany article.get article.create'.split(' '),
		...'asset.getMany asset.get asset.create asset.update asset.assignToUser asset.unassignFromUser asset.addToTicket'.split(' '),
	];

	it.each(operations)('%s: a 429 on its call is waited out and the operation succeeds', async (key) => {
		env.sb.reset();
		const example = cases(env.sb)[key];
		const [resource, operation] = key.split('.');
		env.sb.inject({ kind: '429', endpoint: example.endpoint, times: 1, retryAfter: 0.01 });
		const { error } = await env.h.run(
			{ resource, operation, ...example.params },
			{ credentials: env.admin, items: example.items },
		);
		expect(error).toBeUndefined();
		// The first answer was the 429 and the same call was sent again (upsert's lookup may then 404).
		const statuses = env.sb.requests.filter((r) => r.endpoint === example.endpoint).map((r) => r.status);
		expect(statuses[0]).toBe(429);
		expect(statuses.length).toBeGreaterThanOrEqual(2);
		expect(statuses[1]).not.toBe(429);
	});
});
