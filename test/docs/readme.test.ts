import fs from 'node:fs';
import path from 'node:path';

import { operationsTable } from '../../scripts/operations-table';

describe('README', () => {
	it('lists exactly the operations the node has (regenerate: scripts/operations-table.ts --write)', () => {
		const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(`<!-- operations:start -->\n${operationsTable()}\n<!-- operations:end -->`);
	});
});
