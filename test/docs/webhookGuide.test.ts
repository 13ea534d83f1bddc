/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
import fs from 'node:fs';
import path from 'node:path';

// The compiled templates and setup steps, the ones the node's notice shows; types from the source.
const templates = require('../../dist/nodes/JitbitWebhookTrigger/templates') as typeof import('../../nodes/JitbitWebhookTrigger/templates');
const { setupSteps } = require('../../dist/nodes/JitbitWebhookTrigger/setup') as typeof import('../../nodes/JitbitWebhookTrigger/setup');
const { eventInfo } = require('../../dist/nodes/JitbitWebhookTrigger/events') as typeof import('../../nodes/JitbitWebhookTrigger/events');

describe('README: Jitbit Webhook Trigger guide', () => {
	const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

	it('gives the post data the node’s notice gives for Ticket Is Created, JSON and form', () => {
		expect(readme).toContain(`\`\`\`\n   ${templates.jsonTemplate('ticketCreated')}\n   \`\`\``);
		expect(readme).toContain(`\`\`\`\n   ${templates.formTemplate('ticketCreated')}\n   \`\`\``);
	});

	it('names the rule fields the notice names, for each authentication', () => {
		const steps = setupSteps(eventInfo('ticketCreated')!, 'basicAuth').join('\n');
		expect(steps).toContain('Trigger: “Ticket is created”');
		expect(readme).toContain('Trigger: "Ticket is created"');
		expect(readme).toContain(`\`${templates.SECRET_HEADER}: <secret>\``);
		expect(readme).toContain(`\`?${templates.SECRET_QUERY_PARAMETER}=<secret>\``);
	});
});
