/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
/**
 * The node as an AI agent's tool (`n8n-nodes-jitbit.jitbitTool`): what a model is shown for every
 * operation, and how tool mode shapes the answers, over real HTTP against the sandbox. The tool
 * schema is built by n8n-core's own createNodeAsTool and converted by LangChain exactly as the
 * OpenAI chat model sends it; test/e2e/agent.mjs checks the same in a real n8n agent.
 */
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';
import type { IDataObject, INode, INodeType } from 'n8n-workflow';

import { NODE_TYPE, TOOL_TYPE } from '../harness';
import { byId, jsonOf, sentDateMs, useEnv } from '../harness/env';

// n8n-core builds the tool an agent gets from a tool node this way (not exported from its index).
const { createNodeAsTool } = require('n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool') as {
	createNodeAsTool(options: { node: INode; nodeType: INodeType; handleToolInvocation: () => Promise<string> }): { response: object };
};

const env = useEnv({ clearPerRun: true });
const asTool = { nodeType: TOOL_TYPE };

const fromAI = (key: string, description: string, type = 'string') => `={{ $fromAI('${key}', '${description}', '${type}') }}`;

/** The node as n8n resolves it (defaults filled in), and the tool the model is offered for it. */
function offered(nodeName: string, parameters: IDataObject, type = TOOL_TYPE) {
	const workflow = env.h.makeWorkflow(env.h.makeNode(parameters, { nodeType: type, name: nodeName }));
	const node = workflow.getNode(nodeName)!;
	const nodeType = env.h.nodeTypes.getByNameAndVersion(type);
	const { response } = createNodeAsTool({ node, nodeType, handleToolInvocation: async () => '' });
	const { name, description, parameters: schema } = convertToOpenAITool(response as never).function;
	return { node, tool: { name, description: String(description), parameters: schema } };
}

function operations() {
	const { properties } = env.h.nodeTypes.getByNameAndVersion(TOOL_TYPE).description;
	return properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => (p.options as Array<{ value: string; description: string }>).map((o) => ({ resource: p.displayOptions!.show!.resource![0] as string, operation: o.value, said: o.description })));
}

/** The sentence the description must carry for each kind of ID the operation's fields take. */
const ID_WORDS: Array<[RegExp, string]> = [
	[/^(ticketId|childTicketId|linkedTicketId|mergedTicketId)$/, 'A ticket is given by its number: the id of a ticket returned by Search tickets or Get many tickets'],
	[/^(userId|mergedUserId)$/, 'A user (customer or technician) is given by a numeric user ID: the id returned by Get a user by email or Get many users'],
	[/^commentId$/, 'A comment is given by its CommentID, returned by Get many comments of a ticket'],
	[/^fileId$/, 'A file is given by its FileID, returned by Get many attachments of a ticket'],
	[/^(fieldId|customFieldsUi)$/, 'a dropdown field takes the OptionID of one of its options'],
	[/^categoryId$/, 'A category is given by its category ID'],
	[/^companyId$/, 'A company is given by its CompanyID, returned by Get many companies'],
	[/^assetId$/, 'An asset is given by its asset ID: the id returned by Get many assets'],
	[/^articleId$/, 'A knowledge base article is given by its ArticleId'],
];

describe('What a model is shown', () => {
	it('every operation: a description for the model that starts with what it does and explains each ID it takes', () => {
		const ops = operations();
		expect(ops.length).toBeGreaterThanOrEqual(50);
		for (const { resource, operation, said } of ops) {
			const { node, tool } = offered('Jitbit', { resource, operation });
			expect(tool.name).toBe('Jitbit');
			expect(tool.description.startsWith(`Jitbit Helpdesk: ${said}`)).toBe(true);
			for (const name of Object.keys(node.parameters)) {
				for (const [param, words] of ID_WORDS) if (param.test(name)) expect([`${resource}.${operation}`, tool.description]).toEqual([`${resource}.${operation}`, expect.stringContaining(words)]);
			}
		}
	});

	it.each([
		['ticket', 'delete', 'Deletes the ticket with all its comments and files for good.'],
		['ticket', 'merge', 'The second ticket is deleted once its comments, files and subscribers have moved to the first.'],
		['user', 'delete', 'Deletes the user for good; their tickets stay.'],
		['user', 'merge', 'The duplicate user is deleted once their tickets and comments have moved to the kept user.'],
		['attachment', 'delete', 'Deletes the file from its ticket for good.'],
	])('%s %s warns the model that it cannot be undone', (resource, operation, loss) => {
		const { tool } = offered('Jitbit', { resource, operation });
		expect(tool.description).toContain(
			`IRREVERSIBLE: ${loss} Jitbit has no undo. Call this only when the user explicitly asked for exactly this, with IDs they confirmed; never to tidy up and never on a guess.`,
		);
	});

	it('only the irreversible operations carry the warning', () => {
		const warned = operations().filter(({ resource, operation }) => offered('Jitbit', { resource, operation }).tool.description.includes('IRREVERSIBLE'));
		expect(warned.map((o) => `${o.resource}.${o.operation}`).sort()).toEqual(['attachment.delete', 'ticket.delete', 'ticket.merge', 'user.delete', 'user.merge']);
	});

	it('Search tickets: name from the node, the full description, and exactly the $fromAI() arguments as parameters', () => {
		const { tool } = offered('Search tickets', {
			resource: 'ticket',
			operation: 'search',
			query: fromAI('query', 'Words to look for'),
			filters: { statusId: [fromAI('statusId', 'Only tickets with this status ID', 'number')] },
		});
		expect(tool).toEqual({
			name: 'Search_tickets',
			description:
				'Jitbit Helpdesk: Find tickets whose subject, body or comments contain the given text. At most Limit tickets, each with its id: the ticket number the other ticket tools take.',
			parameters: {
				type: 'object',
				properties: {
					query: { type: 'string', description: 'Words to look for' },
					statusId: { type: 'number', description: 'Only tickets with this status ID' },
				},
				required: ['query', 'statusId'],
				additionalProperties: false,
				$schema: 'http://json-schema.org/draft-07/schema#',
			},
		});
	});

	it('Comment Create with $fromAI() in the ticket locator and the body', () => {
		const { tool } = offered('Add note', {
			resource: 'comment',
			operation: 'create',
			ticketId: { __rl: true, mode: 'id', value: fromAI('ticketId', 'The ticket number', 'number') },
			body: fromAI('note', 'Text of the note'),
			options: { forTechsOnly: true },
		});
		expect(tool.name).toBe('Add_note');
		expect(tool.description).toBe(
			'Jitbit Helpdesk: Reply to a ticket or add an internal note, optionally with files from the input item. Answers the new comment’s id. A tech-only note is hidden from the customer; a reply is emailed to the ticket’s subscribers. A ticket is given by its number: the id of a ticket returned by Search tickets or Get many tickets (also the number at the end of its link).',
		);
		expect(tool.parameters).toMatchObject({
			properties: { ticketId: { type: 'number', description: 'The ticket number' }, note: { type: 'string', description: 'Text of the note' } },
			required: ['ticketId', 'note'],
		});
	});

	it.each(['create', 'update'])('Ticket %s says what an assignee ID is (its Assignee picker lists technicians)', (operation) => {
		const { tool } = offered('Jitbit', { resource: 'ticket', operation });
		expect(tool.description).toContain(
			'An assignee is a technician, given by their user ID: the id returned by Get many users when it lists technicians.',
		);
	});

	it('a description the workflow author wrote replaces the default', () => {
		const { tool } = offered('Close', { resource: 'ticket', operation: 'close', toolDescription: 'Close tickets of the Acme Corp only' });
		expect(tool.description).toBe('Close tickets of the Acme Corp only');
	});
});

/** The tool-mode parameters n8n resolves for an operation (defaults filled in). */
const resolved = (parameters: IDataObject, type: string) => offered('Jitbit', parameters, type).node.parameters;

describe('Tool mode shapes the node for a model; the canvas node stays as it was', () => {
	const toolOnly = ['toolDescription', 'output', 'outputFields'];

	it('the canvas node has no tool-mode field and keeps its defaults (Limit 50, Simplify on, Strip HTML off)', () => {
		for (const { resource, operation } of operations()) {
			const canvas = resolved({ resource, operation }, NODE_TYPE);
			expect([resource, operation, Object.keys(canvas).filter((k) => toolOnly.includes(k))]).toEqual([resource, operation, []]);
			if ('limit' in canvas) expect(canvas.limit).toBe(50);
			if ('stripHtml' in canvas) expect(canvas.stripHtml).toBe(false);
		}
		expect(resolved({ resource: 'ticket', operation: 'get' }, NODE_TYPE)).toMatchObject({ simplify: true });
	});

	it('in tool mode: Limit 10 on lists, Output instead of Simplify on reads, Strip HTML on for bodies and comments', () => {
		const defaults = (resource: string, operation: string) => {
			const p = resolved({ resource, operation }, TOOL_TYPE);
			return Object.fromEntries(['limit', 'simplify', 'output', 'stripHtml'].filter((k) => k in p).map((k) => [k, p[k]]));
		};
		expect(defaults('ticket', 'search')).toEqual({ limit: 10, output: 'simplified' });
		expect(defaults('ticket', 'getMany')).toEqual({ limit: 10, output: 'simplified' });
		expect(defaults('ticket', 'get')).toEqual({ output: 'simplified', stripHtml: true });
		expect(defaults('comment', 'getMany')).toEqual({ stripHtml: true });
		expect(defaults('article', 'get')).toEqual({ stripHtml: true });
		expect(defaults('user', 'getMany')).toEqual({ limit: 10, output: 'simplified' });
		expect(defaults('ticket', 'create')).toEqual({});
	});

	it('Search as a tool asks Jitbit for 10 tickets; on the canvas for 50', async () => {
		await env.run({ resource: 'ticket', operation: 'search', query: 'e' }, asTool);
		expect(env.calls().map((c) => c.query.count)).toEqual(['10']);
		await env.run({ resource: 'ticket', operation: 'search', query: 'e' });
		expect(env.calls().map((c) => c.query.count)).toEqual(['50']);
	});

	it('$fromAI() in a resource locator reads the tool call’s arguments; the body arrives as plain text', async () => {
		const ticketId = { __rl: true, mode: 'id', value: fromAI('ticketId', 'The ticket number', 'number') };
		const { items, error } = await env.run({ resource: 'ticket', operation: 'get', ticketId }, { ...asTool, items: [{ json: { ticketId: 1002 } }] });
		expect(error).toBeUndefined();
		expect(env.calls().map((c) => [c.endpoint, c.query.id])).toEqual([['ticket', '1002']]);
		expect(items[0].json).toMatchObject({ id: 1002, subject: 'Cannot log in to VPN', body: 'Cannot log in to VPN.\n\nReported by John.' });
		const canvas = await env.run({ resource: 'ticket', operation: 'get', ticketId: byId(1002) });
		expect(canvas.items[0].json.body).toBe('<p>Cannot log in to VPN.</p><p>Reported by John.</p>');
	});

	it('Output Raw gives Jitbit’s data; Selected Fields only the named simplified fields', async () => {
		const raw = await env.run({ resource: 'ticket', operation: 'get', ticketId: byId(1001), output: 'raw', stripHtml: false }, asTool);
		expect(raw.items[0].json).toMatchObject({ TicketID: 1001, Subject: 'Printer on 3rd floor is jammed', Body: expect.stringContaining('<p>') });
		const picked = await env.run({ resource: 'ticket', operation: 'search', query: 'printer', output: 'selected', outputFields: 'id, subject' }, asTool);
		expect(jsonOf(picked.items)).toEqual([
			{ id: 1026, subject: 'Printer on 3rd floor is jammed (again)' },
			{ id: 1001, subject: 'Printer on 3rd floor is jammed' },
		]);
	});

	it('Selected Fields with a name the output lacks: a clear error listing the names there are', async () => {
		const { error } = await env.run({ resource: 'user', operation: 'get', userId: byId(2), output: 'selected', outputFields: 'id, mail' }, asTool);
		expect(error?.message).toBe('Unknown field to return: mail [item 0]');
		expect(error?.description).toMatch(/^The simplified output has: id, .*email/);
	});

	it('comments arrive as plain text in tool mode, as HTML on the canvas', async () => {
		const id = [...env.sb.db.tickets.keys()].find((t) => env.sb.db.commentsOf(t).length > 1)!;
		const asAgent = await env.run({ resource: 'comment', operation: 'getMany', ticketId: byId(id) }, asTool);
		const canvas = await env.run({ resource: 'comment', operation: 'getMany', ticketId: byId(id) });
		expect(canvas.items.length).toBeGreaterThan(0);
		expect(canvas.items.some((i) => /<p>/.test(String(i.json.Body)))).toBe(true);
		expect(asAgent.items.map((i) => i.json.Body)).toEqual(canvas.items.map((i) => String(i.json.Body).replace(/<\/?p>/g, '')));
	});
});


describe('tool mode on an older install (legacy profile: <!--html--> bodies, comments newest first)', () => {
	const legacy = useEnv({ clearPerRun: true, profile: 'legacy' });
	/** Demo ticket 1008 has several comments. */
	const T = 1008;
	const dates = (comments: IDataObject[]) => comments.map((c) => sentDateMs(c.createdAt ?? c.CommentDate));

	it('Ticket Get with comments, simplified or raw: plain text without the marker, comments oldest first', async () => {
		legacy.sb.db.ticket(T).body = '<!--html--><p>Printer &amp; scanner</p>';
		for (const output of ['simplified', 'raw']) {
			const { items, error } = await legacy.run({ resource: 'ticket', operation: 'get', ticketId: byId(T), output, options: { includeComments: true } }, asTool);
			expect(error).toBeUndefined();
			const json = items[0].json;
			expect([output, json.body ?? json.Body]).toEqual([output, 'Printer & scanner']);
			expect(JSON.stringify(json)).not.toMatch(/<!--html-->|<p>/);
			const comments = (json.comments ?? json.Comments) as IDataObject[];
			expect(comments.length).toBeGreaterThan(1);
			expect(dates(comments)).toEqual([...dates(comments)].sort((a, b) => a - b));
		}
	});

	it('Comment Get Many: plain text without the marker, oldest first', async () => {
		const { items } = await legacy.run({ resource: 'comment', operation: 'getMany', ticketId: byId(T) }, asTool);
		expect(items.length).toBeGreaterThan(1);
		expect(JSON.stringify(jsonOf(items))).not.toMatch(/<!--html-->|<p>/);
		expect(dates(jsonOf(items))).toEqual([...dates(jsonOf(items))].sort((a, b) => a - b));
	});
});
