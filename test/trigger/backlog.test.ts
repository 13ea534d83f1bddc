/**
 * All four trigger events after a backlog several pages long, on every test profile (300- and
 * 100-ticket pages): each change emitted once, none lost, oldest first, and the next poll idle.
 */
import type { IDataObject } from 'n8n-workflow';

import { STATUS_IN_PROCESS } from '../../sandbox';
import { eachProfile, sentDateMs } from '../harness/env';
import { CUSTOMER, TECH, TriggerUnderTest, ids, newTicket, useTriggerEnv } from './helpers';

const BACKLOG = 650;

eachProfile((profile) => {
	const env = useTriggerEnv(profile);

	/** Tickets already there when the trigger is activated: its first look spans several pages too. */
	function existing(count: number) {
		const tickets = [];
		for (let i = 0; i < count; i++) {
			env.clock.tick(1000);
			tickets.push(newTicket(env, `existing ${i}`));
		}
		return tickets;
	}

	async function activate(parameters: IDataObject) {
		const trigger = new TriggerUnderTest(env, parameters);
		expect((await trigger.poll()).items).toEqual([]);
		env.clock.tick(5000);
		return trigger;
	}

	async function expectIdle(trigger: TriggerUnderTest) {
		const idle = await trigger.poll();
		expect(idle.items).toEqual([]);
		expect(idle.requests).toHaveLength(1);
	}

	test('New Ticket: 250 new tickets, the case that lost 150 on 100-ticket pages, all emitted', async () => {
		existing(10);
		const trigger = await activate({ event: 'newTicket' });
		const created = existing(250).map((t) => t.ticketId);
		expect(ids((await trigger.poll()).items)).toEqual(created);
		await expectIdle(trigger);
	});

	test(`New Ticket: ${BACKLOG} new tickets after ${BACKLOG} existing ones`, async () => {
		existing(BACKLOG);
		const trigger = await activate({ event: 'newTicket' });
		const created = existing(BACKLOG).map((t) => t.ticketId);
		const { items } = await trigger.poll();
		expect(ids(items)).toEqual(created);
		await expectIdle(trigger);
	});

	test(`Ticket Updated: ${BACKLOG} updated tickets, in update order`, async () => {
		const tickets = existing(BACKLOG + 100);
		const trigger = await activate({ event: 'ticketUpdated' });
		const order = tickets
			.slice(0, BACKLOG)
			.reverse()
			.map((t) => t.ticketId);
		for (const id of order) {
			env.clock.tick(1000);
			env.sb.db.updateTicket(id, { priority: 2 }, TECH);
		}
		const { items } = await trigger.poll();
		expect(ids(items)).toEqual(order);
		const times = items.map((i) => sentDateMs(i.LastUpdated));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		await expectIdle(trigger);
	});

	test(`Ticket Status Changed: ${BACKLOG} tickets created and moved to In Process`, async () => {
		existing(120);
		const trigger = await activate({ event: 'statusChanged' });
		const moved = existing(BACKLOG).map((t) => t.ticketId);
		for (const id of moved) {
			env.clock.tick(1000);
			env.sb.db.updateTicket(id, { statusId: STATUS_IN_PROCESS }, TECH);
		}
		const { items } = await trigger.poll();
		expect(ids(items)).toEqual(moved);
		expect(items.every((i) => i.PreviousStatusID === 1 && i.StatusID === STATUS_IN_PROCESS)).toBe(true);
		await expectIdle(trigger);
	});

	test(`New Comment: ${BACKLOG} comments on ${BACKLOG} tickets, oldest first`, async () => {
		const tickets = existing(BACKLOG + 50);
		const trigger = await activate({ event: 'newComment' });
		const comments = tickets.slice(50).map((t) => {
			env.clock.tick(1000);
			return env.sb.db.addComment(t.ticketId, { userId: CUSTOMER, body: `reply to ${t.ticketId}` }).commentId;
		});
		const { items } = await trigger.poll();
		expect(items.map((c) => Number(c.CommentID))).toEqual(comments);
		await expectIdle(trigger);
	});
});
