import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { stripHtmlOutput } from './html';

/**
 * Tool mode. n8n offers this node to AI agents as `jitbitTool` (from `usableAsTool`) and only there
 * evaluates the display condition `'@tool'` to true. The fields below are shown only in tool mode;
 * a canvas field with a tool-mode twin is hidden there (`hideInTool`), so the canvas node keeps its
 * fields and defaults exactly. Every operation lists its tool fields with one `toolFields(...)` entry
 * among its properties, which `updateDisplayOptions` scopes to the operation like any other field.
 */

const IN_TOOL = { '@tool': [true] };

/** Display options of a tool-mode field, with the operation's own conditions added by `updateDisplayOptions`. */
const inTool = (show: Record<string, unknown[]> = {}) => ({ show: { ...show, ...IN_TOOL } });

/** A canvas field that has a tool-mode twin: hidden when the node runs as an agent's tool. */
export function hideInTool(property: INodeProperties): INodeProperties {
	const displayOptions = property.displayOptions ?? {};
	return { ...property, displayOptions: { ...displayOptions, hide: { ...displayOptions.hide, ...IN_TOOL } } };
}

/** What each kind of ID is and which operation returns it, in the words a model reads. */
const IDS = {
	ticket:
		'A ticket is given by its number: the id of a ticket returned by Search tickets or Get many tickets (also the number at the end of its link).',
	user: 'A user (customer or technician) is given by a numeric user ID: the id returned by Get a user by email or Get many users.',
	technician:
		'An assignee is a technician, given by their user ID: the id returned by Get many users when it lists technicians.',
	comment: 'A comment is given by its CommentID, returned by Get many comments of a ticket.',
	file: 'A file is given by its FileID, returned by Get many attachments of a ticket.',
	field:
		'A custom field is given by its field ID (id or FieldID) from Get the custom fields of a ticket or of a category; a dropdown field takes the OptionID of one of its options, listed by Get the custom fields of a category.',
	category: 'A category is given by its category ID: the categoryId of a ticket.',
	company: 'A company is given by its CompanyID, returned by Get many companies.',
	asset: 'An asset is given by its asset ID: the id returned by Get many assets (ItemID in its raw output).',
	article: 'A knowledge base article is given by its ArticleId, returned by Get many knowledge base articles.',
};

export interface ToolSpec {
	/** The kinds of ID the operation takes: the description says what each is and where it comes from. */
	ids?: Array<keyof typeof IDS>;
	/** What the answer holds, where the operation's description does not say. */
	returns?: string;
	/** For irreversible operations: what is lost for good. The description then warns the model. */
	irreversible?: string;
	/** Read operations with a Simplify switch: Output (Simplified / Raw / Selected Fields) instead. */
	output?: boolean;
	/** Operations whose answer carries HTML bodies: Strip HTML, on by default. */
	stripHtml?: boolean;
}

const sentence = (text: string) => text.trim().replace(/([^.!?])$/, '$1.');

/** The default tool description: what the operation does, its IDs, its answer, its risk. */
export function toolDescription(option: INodePropertyOptions, spec: ToolSpec = {}): string {
	const parts = [`Jitbit Helpdesk: ${sentence(option.description ?? option.action ?? option.name)}`];
	if (spec.returns) parts.push(sentence(spec.returns));
	for (const id of spec.ids ?? []) parts.push(IDS[id]);
	if (spec.irreversible) {
		parts.push(
			`IRREVERSIBLE: ${sentence(spec.irreversible)} Jitbit has no undo. Call this only when the user explicitly asked for exactly this, with IDs they confirmed; never to tidy up and never on a guess.`,
		);
	}
	return parts.join(' ');
}

/** Selected Fields: keeps the named fields of each (simplified) item, or says which names exist. */
async function selectFields(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('output', 'simplified') !== 'selected') return items;
	const names = String(this.getNodeParameter('outputFields', '') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name);
	const fail = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), message, { itemIndex: this.getItemIndex(), description });
	if (!names.length) throw fail('No fields to return', 'Enter the names of the fields to keep, e.g. subject, status, url, or choose another Output.');
	if (!items.length) return items;
	const known = new Set(items.flatMap((item) => Object.keys(item.json)));
	const unknown = names.filter((name) => !known.has(name));
	if (unknown.length) {
		throw fail(`Unknown field${unknown.length > 1 ? 's' : ''} to return: ${unknown.join(', ')}`, `The simplified output has: ${[...known].join(', ')}.`);
	}
	return items.map((item) => ({ ...item, json: Object.fromEntries(names.filter((n) => n in item.json).map((n) => [n, item.json[n]])) }));
}

/** Strip HTML as a top-level switch named `stripHtml`, off by default (on in tool mode). */
export function stripHtmlField(
	description = 'Whether to turn the HTML of bodies and comments into plain text (line breaks and list items kept)',
): INodeProperties {
	return {
		displayName: 'Strip HTML',
		name: 'stripHtml',
		type: 'boolean',
		default: false,
		description,
		routing: { output: { postReceive: [stripHtmlOutput] } },
	};
}

/** The tool-mode fields of one operation: its description for the model, and where it applies, Output and Strip HTML. */
export function toolFields(option: INodePropertyOptions, spec: ToolSpec = {}): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			typeOptions: { rows: 4 },
			default: toolDescription(option, spec),
			description:
				'What the AI agent reads about this tool, written for the chosen operation. Add your own rules, e.g. which tickets it may change.',
			displayOptions: inTool(),
		},
	];
	if (spec.output) {
		fields.push(
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'simplified',
				description: 'What the agent gets back: everything the answer holds goes into the model’s context',
				options: [
					{ name: 'Simplified', value: 'simplified', description: 'The fields usually needed, with the same names for lists and details' },
					{ name: 'Raw', value: 'raw', description: 'Everything Jitbit returns: much more for the model to read' },
					{ name: 'Selected Fields', value: 'selected', description: 'Only the simplified fields named below' },
				],
				displayOptions: inTool(),
				routing: { output: { postReceive: [selectFields] } },
			},
			{
				displayName: 'Fields',
				name: 'outputFields',
				type: 'string',
				default: 'id',
				placeholder: 'e.g. subject, status, url',
				description: 'Comma-separated names of the simplified fields to return',
				displayOptions: inTool({ output: ['selected'] }),
			},
		);
	}
	if (spec.stripHtml) fields.push({ ...stripHtmlField(), default: true, displayOptions: inTool() });
	return fields;
}
