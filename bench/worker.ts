/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console, @typescript-eslint/no-require-imports -- does not ship (README, Development: Lint) */
/**
 * One n8n worker process for the shared-budget benchmark (bench/shared-budget.ts forks it): loads
 * the compiled package into n8n's engine, says `ready`, and on `go` runs one execution of Ticket
 * Create over its items, then reports how many items failed. Pacing state is this process's own,
 * as in a real queue-mode worker.
 */
import { Harness, tokenCredentials } from '../test/harness';

const { setAdaptivePacing } = require('../dist/nodes/Jitbit/transport/throttle') as typeof import('../nodes/Jitbit/transport/throttle');

export interface WorkerJob {
	url: string;
	token: string;
	categoryId: number;
	subjectPrefix: string;
	count: number;
	adaptive: boolean;
	rateLimit: number;
	rateLimitWindow: number;
}

export type WorkerMessage = { ready: true } | { done: true; failed: number; items: number };

async function main() {
	const job = JSON.parse(process.argv[2]) as WorkerJob;
	setAdaptivePacing(job.adaptive);
	const h = await Harness.load();
	const send = (message: WorkerMessage) => process.send!(message);
	process.once('message', async () => {
		const { items } = await h.run(
			{
				resource: 'ticket',
				operation: 'create',
				categoryId: job.categoryId,
				subject: `={{ "${job.subjectPrefix}" + $json.n }}`,
				body: 'Created by the shared-budget benchmark',
			},
			{
				credentials: tokenCredentials(job.url, job.token, { rateLimit: job.rateLimit, rateLimitWindow: job.rateLimitWindow }),
				continueOnFail: true,
				items: Array.from({ length: job.count }, (_, n) => ({ json: { n } })),
			},
		);
		send({ done: true, failed: items.filter((item) => item.error || item.json.error).length, items: items.length });
		process.disconnect();
	});
	send({ ready: true });
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
