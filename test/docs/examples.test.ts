/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- does not ship (README, Development: Lint) */
// What the README promises of examples/*.json, read from the workflow files: every example has a
// test branch, and no run can reach a write to Jitbit but through "Published run?"'s true output.
// What the runs do in a real n8n is the e2e's part (test/e2e/run.mjs, helpdesk.mjs).
import fs from 'node:fs';
import path from 'node:path';

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
interface Example {
	id: string;
	nodes: ExampleNode[];
	connections: Record<string, Record<string, Array<Array<{ node: string }>>>>;
}

const DIR = path.join(__dirname, '../../examples');
const examples = fs
	.readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.map((f) => [f, JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Example] as const);
const GUARD = 'Published run?';
const JITBIT = ['n8n-nodes-jitbit.jitbit', 'n8n-nodes-jitbit.jitbitTool'];
const READS = /^(get|search|download)/;

const isTrigger = (n: ExampleNode) => /(Trigger|\.webhook)$/.test(n.type);
const writes = (n: ExampleNode) => JITBIT.includes(n.type) && !READS.test(String(n.parameters.operation));

/** The nodes a run reaches from `start` along main connections, not through the guard's true output. */
function reachable(wf: Example, start: string): Set<string> {
	const seen = new Set<string>();
	const visit = (name: string) => {
		if (seen.has(name)) return;
		seen.add(name);
		(wf.connections[name]?.main ?? []).forEach((targets, output) => {
			if (name === GUARD && output === 0) return;
			for (const t of targets ?? []) visit(t.node);
		});
	};
	visit(start);
	return seen;
}

/** The writing Jitbit nodes a node runs: itself, or the tools of an agent. */
function writersRunBy(wf: Example, name: string): string[] {
	const tools = Object.entries(wf.connections)
		.filter(([, c]) => (c.ai_tool ?? []).some((targets) => targets.some((t) => t.node === name)))
		.map(([tool]) => tool);
	return [name, ...tools].filter((n) => writes(wf.nodes.find((x) => x.name === n)!));
}

describe.each(examples)('examples/%s', (_file, wf) => {
	it('has a test branch: a Manual Trigger named "Test workflow" that leads somewhere', () => {
		const manual = wf.nodes.filter((n) => n.type === 'n8n-nodes-base.manualTrigger');
		expect(manual.map((n) => n.name)).toEqual(['Test workflow']);
		expect(wf.connections['Test workflow']?.main?.[0]?.length).toBeGreaterThan(0);
	});

	it('writes to Jitbit only after "Published run?" (true), whose false output is a "Test run: …" node', () => {
		const unguarded = wf.nodes
			.filter(isTrigger)
			.flatMap((t) => [...reachable(wf, t.name)].flatMap((n) => writersRunBy(wf, n).map((w) => `${t.name} -> ${w}`)));
		expect(unguarded).toEqual([]);
		const writers = wf.nodes.filter(writes);
		if (!writers.length) return expect(wf.nodes.some((n) => n.name === GUARD)).toBe(false);
		const [onTrue, onFalse] = wf.connections[GUARD].main;
		expect(onTrue.length).toBeGreaterThan(0);
		expect(onFalse.map((t) => t.node)).toEqual([expect.stringMatching(/^Test run: /)]);
	});
});

it('the AI triage example is among them, and its agent\'s tools write', () => {
	const triage = examples.find(([, wf]) => wf.id === 'jitbitExAiTriag1')?.[1];
	expect(triage && writersRunBy(triage, 'Triage agent')).toEqual(['Add note', 'Set custom field']);
});
