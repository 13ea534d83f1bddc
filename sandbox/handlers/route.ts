/**
 * How handlers are written: each API method is one table row (name, HTTP verbs, role, function). The server
 * resolves the row, checks the role, builds a Ctx and turns the Reply into an HTTP answer.
 */
import type { RecordedFile } from '../types';
import type { TicketRec, UserRec } from '../db';
import { forbidden } from '../errors';
import type { Params } from '../params';
import type { View } from '../shapes';

/** Who may call a method: anyone logged in, technicians (incl. admins), or helpdesk administrators. */
export type Role = 'any' | 'tech' | 'admin';
export type Verb = 'GET' | 'POST' | 'DELETE';

export interface Ctx extends View {
	p: Params;
	files: RecordedFile[];
	method: string;
	isTech: boolean;
	isAdmin: boolean;
}

export type Reply =
	| { type: 'json'; value: unknown }
	| { type: 'empty' }
	| { type: 'file'; data: Buffer; contentType: string; fileName: string };

export interface Route {
	name: string;
	verbs: Verb[];
	role: Role;
	handle: (ctx: Ctx) => Reply;
}

export const json = (value: unknown): Reply => ({ type: 'json', value });
/** Update, delete and link calls: 200 with an empty body (docs/jitbit-api.md §3). */
export const empty = (): Reply => ({ type: 'empty' });

/**
 * Table-row builders. Reads accept GET and POST: MVC actions without a verb attribute take both (inferred),
 * and some clients POST reads. Writes are POST-only unless docs/jitbit-api.md says otherwise; a GET to
 * them is a 404, as MVC answers for an [HttpPost] action.
 */
export const read = (name: string, role: Role, handle: Route['handle']): Route => ({ name, verbs: ['GET', 'POST'], role, handle });
export const write = (name: string, role: Role, handle: Route['handle']): Route => ({ name, verbs: ['POST'], role, handle });
export const verbs = (name: string, v: Verb[], role: Role, handle: Route['handle']): Route => ({ name, verbs: v, role, handle });

/** Whether the caller may see a ticket: techs see all; customers their own (managers: their company's). */
export function canSee(ctx: Ctx, t: TicketRec): boolean {
	if (ctx.isTech) return true;
	if (t.userId === ctx.viewer.userId) return true;
	if (ctx.viewer.isManager && ctx.viewer.companyId !== null) {
		return ctx.db.users.get(t.userId)?.companyId === ctx.viewer.companyId;
	}
	return false;
}

/** The ticket named by a parameter: 404 if it does not exist, 403 if the caller may not see it. */
export function visibleTicket(ctx: Ctx, id: number): TicketRec {
	const t = ctx.db.ticket(id);
	if (!canSee(ctx, t)) throw forbidden(`You do not have access to ticket ${id}`);
	return t;
}

export function requireTech(ctx: Ctx, what: string): void {
	if (!ctx.isTech) throw forbidden(`${what} requires technician permissions`);
}

export function requireAdmin(ctx: Ctx, what: string): void {
	if (!ctx.isAdmin) throw forbidden(`${what} requires helpdesk administrator permissions`);
}

export type { UserRec };
