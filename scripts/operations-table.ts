/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
/**
 * Prints the README's operations table from the compiled node, so the table cannot drift from
 * the code: `npx ts-node --transpile-only scripts/operations-table.ts` (after `npm run build`).
 * With `--write`, replaces the table between the markers in README.md. How sure we are of each
 * call comes from the method index of docs/jitbit-api.md (§19), the one place it is kept.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

// The compiled node, as n8n loads it; types from the source.
const { Jitbit } = require('../dist/nodes/Jitbit/Jitbit.node') as typeof import('../nodes/Jitbit/Jitbit.node');

const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';
const API_DOC = path.join(__dirname, '..', 'docs', 'jitbit-api.md');

export type Mark = 'documented' | 'confirmed' | 'one client' | 'inferred';

/** `GET tickets` → its mark, from the rows of the method index: | `Method` | VERB | mark | … */
export function methodMarks(doc = fs.readFileSync(API_DOC, 'utf8')): Map<string, Mark> {
	const marks = new Map<string, Mark>();
	for (const [, method, verb, mark] of doc.matchAll(/^\| `(\w+)` \| (GET|POST) \| (documented|confirmed|one client|inferred) \|/gm)) {
		marks.set(`${verb} ${method.toLowerCase()}`, mark as Mark);
	}
	return marks;
}

/** What the table shows: the parameters to try first on one's own helpdesk stand out. */
function shownMark(mark: Mark): string {
	return mark === 'inferred' ? '**inferred**' : mark;
}

export function operationsTable(): string {
	const { properties } = new Jitbit().description;
	const resources = (properties.find((p) => p.name === 'resource')!.options ?? []) as INodePropertyOptions[];
	const marks = methodMarks();
	const lines = ['| Resource | Operation | What it does | Jitbit call | How sure |', '| --- | --- | --- | --- | --- |'];
	for (const resource of resources) {
		const operations = properties.find(
			(p: INodeProperties) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		);
		for (const op of (operations?.options ?? []) as INodePropertyOptions[]) {
			const request = op.routing?.request;
			const verb = request?.method ?? 'GET';
			const url = String(request?.url).replace(/^=/, '').replace(/\{\{.*?\}\}/g, '{id}');
			const call = request ? `\`${verb} ${url}\`` : '';
			const mark = marks.get(`${verb} ${url.replace(/^\//, '').split('/')[0].toLowerCase()}`);
			if (!mark) throw new Error(`docs/jitbit-api.md §19 has no row for ${verb} ${url} (${resource.name} → ${op.name})`);
			const text = String(op.description ?? op.action ?? '').replace(/\|/g, '\\|');
			lines.push(`| ${resource.name} | ${op.name} | ${text} | ${call} | ${shownMark(mark)} |`);
		}
	}
	return lines.join('\n');
}

if (require.main === module) {
	const table = operationsTable();
	if (process.argv.includes('--write')) {
		const readme = path.join(__dirname, '..', 'README.md');
		const text = fs.readFileSync(readme, 'utf8');
		const start = text.indexOf(START);
		const end = text.indexOf(END);
		if (start < 0 || end < 0) throw new Error(`README.md lacks the ${START} / ${END} markers`);
		fs.writeFileSync(readme, `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`);
	} else {
		process.stdout.write(`${table}\n`);
	}
}
