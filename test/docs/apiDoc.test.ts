/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- does not ship (README, Development: Lint) */
/**
 * docs/jitbit-api.md is the repository's own account of the API: it lists every method the package
 * calls, every citation of it names a section it has, and nothing points at documents outside the
 * repository or at source abbreviations a reader cannot look up.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { methodMarks, operationsTable } from '../../scripts/operations-table';

const root = path.resolve(__dirname, '../..');
const doc = fs.readFileSync(path.join(root, 'docs/jitbit-api.md'), 'utf8');
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
	.split('\n')
	.filter((file) => /\.(ts|js|mjs|cjs|md|json)$/.test(file) && file !== 'package-lock.json' && fs.existsSync(path.join(root, file)));
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const sourceFiles = tracked.filter((file) => /^(nodes|credentials)\/.*\.ts$/.test(file));

describe('docs/jitbit-api.md', () => {
	it('lists every Jitbit method the node, the trigger and the credential call', () => {
		const called = new Set<string>();
		for (const file of sourceFiles) {
			for (const [, method] of read(file).matchAll(/'\/([A-Za-z]+)'(?!\s*:)/g)) called.add(method.toLowerCase());
		}
		expect(called.size).toBeGreaterThan(40);
		const indexed = new Set([...methodMarks(doc).keys()].map((key) => key.split(' ')[1]));
		expect([...called].filter((method) => !indexed.has(method))).toEqual([]);
	});

	it('has every section the repository cites', () => {
		const sections = new Set([...doc.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1])));
		const cited: string[] = [];
		for (const file of tracked.filter((name) => name !== 'docs/jitbit-api.md')) {
			for (const line of read(file).split('\n')) {
				const after = line.split('jitbit-api.md').slice(1).join(' ');
				for (const [, n] of after.matchAll(/§(\d+)/g)) if (!sections.has(Number(n))) cited.push(`${file}: §${n}`);
			}
		}
		expect(sections.size).toBe(21);
		expect(cited).toEqual([]);
	});

	it('nothing in the repository refers to documents outside it or to sources a reader cannot look up', () => {
		const outside =
			/\/work\/shared|shared\/jitbit-api|n8n-notes\.md|\bcontract(?:'s)?,? ?§|\(contract\b|\bthe contract\b|\b(?:TS-bar|TS-x|PY1|PY2|NET[1-4]|DOC-MCP)\b|JitBitPS|jitbit-js\b/;
		const offending = tracked
			.filter((file) => file !== 'test/docs/apiDoc.test.ts')
			.flatMap((file) =>
				read(file)
					.split('\n')
					.map((line, i) => (outside.test(line) ? `${file}:${i + 1}: ${line.trim()}` : ''))
					.filter(Boolean),
			);
		expect(offending).toEqual([]);
	});

	it('marks in the README the operations whose parameters are inferred', () => {
		const table = operationsTable();
		const markOf = (resource: string, operation: string) =>
			table.split('\n').find((row) => row.startsWith(`| ${resource} | ${operation} |`))?.split(' | ').at(-1);
		for (const [resource, operation] of [
			['User', 'Merge'],
			['Comment', 'Update'],
			['Knowledge Base Article', 'Create'],
			['Department', 'Get Many'],
			['Company', 'Update'],
			['Asset', 'Unassign From User'],
		]) {
			expect({ resource, operation, mark: markOf(resource, operation) }).toEqual({ resource, operation, mark: '**inferred** |' });
		}
		expect(markOf('Ticket', 'Get Many')).toBe('documented |');
		expect(markOf('Ticket', 'Link')).toBe('one client |');
	});
});
