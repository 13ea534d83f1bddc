/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- does not ship (README, Development: Lint) */
import fs from 'node:fs';
import path from 'node:path';

import { operationsTable } from '../../scripts/operations-table';

describe('README', () => {
	it('lists exactly the operations the node has (regenerate: scripts/operations-table.ts --write)', () => {
		const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(`<!-- operations:start -->\n${operationsTable()}\n<!-- operations:end -->`);
	});

	it('recommends https://company.jitbit.com/helpdesk for SaaS and says what the How sure marks mean', () => {
		const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain('| Helpdesk URL | SaaS: `https://company.jitbit.com/helpdesk`, as Jitbit\'s documentation writes it');
		expect(readme).toContain('Try the inferred ones\nfirst on your own helpdesk.');
	});
});
