/* eslint-disable @n8n/community-nodes/no-restricted-globals -- does not ship (README, Development: Lint) */
/** The dedupe window: a repeat of a delivery is answered but does not start the workflow; static data stays bounded. */
import { NODE_NAME } from './harness';
import { basicRule, templates, useWebhookEnv } from './env';

const env = useWebhookEnv();
const auth = `Basic ${Buffer.from(`${basicRule.username}:${basicRule.password}`).toString('base64')}`;
const rule = { event: 'statusChanged' as const, ...basicRule, json: true, postData: templates.jsonTemplate('statusChanged') };
const params = (dedupeWindow: number) => ({ event: 'statusChanged', authentication: 'basicAuth', dedupeWindow });

function twoRulesFireOnOneChange(url: string) {
	env.sb.rules.add({ ...rule, url });
	env.sb.rules.add({ ...rule, url });
}

it('drops the second of two identical deliveries for one change, arriving together', async () => {
	const ep = await env.endpoint(params(60));
	const t = env.sb.db.createTicket({ subject: 'Twice', categoryId: 1, userId: 3 });
	twoRulesFireOnOneChange(ep.url);
	env.sb.db.updateTicket(t.ticketId, { statusId: 2 });
	const deliveries = await env.sb.rules.settle();
	const runs = await ep.waitForRuns(2);
	expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
	expect(deliveries.map((d) => JSON.parse(d.responseBody)).sort((a, b) => Number(Boolean(a.duplicate)) - Number(Boolean(b.duplicate)))).toEqual([
		{ received: true, event: 'statusChanged', ticketId: t.ticketId },
		{ received: true, duplicate: true, event: 'statusChanged', ticketId: t.ticketId },
	]);
	expect(runs.filter((r) => r.started)).toHaveLength(1);
	// The key n8n saves with the workflow: ticket, event and a fingerprint of the payload.
	const seen = (ep.staticData[`node:${NODE_NAME}`] as { seen: Record<string, number> }).seen;
	expect(Object.keys(seen)).toEqual([expect.stringMatching(new RegExp(`^${t.ticketId}:statusChanged:[0-9a-z]+$`))]);
});

it('lets the next change of the same ticket through (other payload), and a repeat once the window is over', async () => {
	const ep = await env.endpoint(params(1));
	const t = env.sb.db.createTicket({ subject: 'Moving', categoryId: 1, userId: 3 });
	env.sb.rules.add({ ...rule, url: ep.url });
	env.sb.db.updateTicket(t.ticketId, { statusId: 2 });
	env.sb.db.updateTicket(t.ticketId, { statusId: 5 });
	await env.sb.rules.settle();
	expect((await ep.waitForRuns(2)).map((r) => r.started)).toEqual([true, true]);
	const [first] = env.sb.rules.deliveries;
	const replay = () => fetch(ep.url, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: first.body });
	expect(await (await replay()).json()).toMatchObject({ duplicate: true });
	await new Promise((r) => setTimeout(r, 1100));
	expect(await (await replay()).json()).not.toHaveProperty('duplicate');
	expect((await ep.waitForRuns(4)).map((r) => r.started)).toEqual([true, true, false, true]);
});

it('is off by default: both deliveries start the workflow', async () => {
	const ep = await env.endpoint({ event: 'statusChanged', authentication: 'basicAuth' });
	const t = env.sb.db.createTicket({ subject: 'Twice', categoryId: 1, userId: 3 });
	twoRulesFireOnOneChange(ep.url);
	env.sb.db.updateTicket(t.ticketId, { statusId: 2 });
	await env.sb.rules.settle();
	expect((await ep.waitForRuns(2)).filter((r) => r.started)).toHaveLength(2);
	expect(ep.staticData).toEqual({});
});

it('keeps at most 500 keys in the workflow’s static data, dropping the oldest', async () => {
	const ep = await env.endpoint(params(3600));
	for (let id = 1; id <= 520; id++) {
		await fetch(ep.url, { method: 'POST', headers: { Authorization: auth }, body: `ticketId=${id}&statusId=2` });
		await ep.waitForRuns(id);
	}
	expect(ep.runs.filter((r) => r.started)).toHaveLength(520);
	const ids = Object.keys((ep.staticData[`node:${NODE_NAME}`] as { seen: Record<string, number> }).seen).map((k) => Number(k.split(':')[0]));
	expect(ids).toHaveLength(500);
	expect(ids).toContain(520);
	expect(ids).not.toContain(1);
});
