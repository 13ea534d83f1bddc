/** Users (docs/jitbit-api.md §13). */
import type { UserRec } from '../db';
import { ApiError, badRequest, notFound } from '../errors';
import { userShape } from '../shapes';
import { Ctx, Route, empty, json, read, verbs, write } from './route';

/** Users: count defaults to 500, page is 1-based; the max is unknown, so none is applied (docs/jitbit-api.md §5). */
export const USERS_DEFAULT_COUNT = 500;

function listUsers(ctx: Ctx) {
	const { p, db } = ctx;
	const mode = (p.str('listMode') ?? 'all').toLowerCase();
	const modes: Record<string, (u: UserRec) => boolean> = {
		// 'all' = every active user; disabled users only under 'disabled', which is its own mode.
		all: (u) => !u.disabled,
		techs: (u) => !u.disabled && (u.isTech || u.isAdmin),
		admins: (u) => !u.disabled && u.isAdmin,
		regular: (u) => !u.disabled && !u.isTech && !u.isAdmin,
		disabled: (u) => u.disabled,
	};
	const byMode = modes[mode];
	if (!byMode) throw badRequest(`Parameter 'listMode' must be one of ${Object.keys(modes).join(', ')}; got '${mode}'`);
	const departmentId = p.int('departmentId');
	const companyId = p.int('companyId');
	let count = p.int('count') ?? USERS_DEFAULT_COUNT;
	if (count <= 0) count = USERS_DEFAULT_COUNT;
	const pageNo = Math.max(1, p.int('page') ?? 1);
	const users = [...db.users.values()]
		.filter(byMode)
		.filter((u) => departmentId === undefined || u.departmentId === departmentId)
		.filter((u) => companyId === undefined || u.companyId === companyId)
		.sort((a, b) => a.userId - b.userId);
	return json(users.slice((pageNo - 1) * count, pageNo * count).map((u) => userShape(db, u)));
}

function duplicateCheck(ctx: Ctx, username: string | undefined, email: string | undefined, selfId?: number) {
	// Jitbit answers 500 on a duplicate username/email (docs/jitbit-api.md §3).
	const byName = username !== undefined ? ctx.db.userByName(username) : undefined;
	if (byName && byName.userId !== selfId) throw new ApiError(500, `A user with username '${username}' already exists`);
	const byEmail = email !== undefined ? ctx.db.userByEmail(email) : undefined;
	if (byEmail && byEmail.userId !== selfId) throw new ApiError(500, `A user with email '${email}' already exists`);
}

/** Applies the optional profile fields shared by CreateUser and UpdateUser. */
function applyProfile(ctx: Ctx, u: UserRec) {
	const { p, db } = ctx;
	for (const key of ['firstName', 'lastName', 'phone', 'location', 'notes', 'greeting', 'signature'] as const) {
		if (p.sent(key)) u[key] = p.values(key)[0];
	}
	// company/department are NAMES, created when missing (docs/jitbit-api.md §13).
	if (p.sent('company')) u.companyId = p.str('company') ? (db.companyByName(p.str('company') as string)?.companyId ?? null) : null;
	if (p.sent('department')) u.departmentId = p.str('department') ? db.departmentByName(p.str('department') as string).departmentId : null;
	const disabled = p.bool('disabled');
	if (disabled !== undefined) u.disabled = disabled;
	const notify = p.bool('enableEmailNotifications');
	if (notify !== undefined) u.sendEmail = notify;
	const ooo = p.bool('outOfOffice');
	if (ooo !== undefined) u.outOfOffice = ooo;
}

/**
 * CreateUser. Jitbit's documentation requires username, password and email; a recent client creates
 * users with only email and names, so the sandbox requires only `email` and defaults the username to
 * the email (docs/jitbit-api.md §13).
 */
function createUser(ctx: Ctx) {
	const { p, db } = ctx;
	const email = p.reqStr('email').trim();
	if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw badRequest(`Parameter 'email' is not a valid email address: '${email}'`);
	const username = (p.str('username') ?? email).trim();
	duplicateCheck(ctx, username, email);
	const u = db.createUser({ username, email, password: p.str('password') ?? '' });
	applyProfile(ctx, u);
	p.bool('sendWelcomeEmail'); // validated; no mail is sent
	return json(u.userId); // bare number
}

/** UpdateUser: userId + any optional field (newer sources treat all as optional). A new password kills the token. */
function updateUser(ctx: Ctx) {
	const { p, db } = ctx;
	const u = db.user(p.reqInt('userId'));
	const username = p.str('username');
	const email = p.str('email');
	duplicateCheck(ctx, username, email, u.userId);
	if (username !== undefined) u.username = username.trim();
	if (email !== undefined) u.email = email.trim();
	applyProfile(ctx, u);
	const password = p.str('password');
	if (password !== undefined && password !== u.password) db.setPassword(u.userId, password);
	return empty();
}

/** DeleteUser: permanent. Their tickets stay (submitter info becomes null), assignments are cleared. */
function deleteUser(ctx: Ctx) {
	const { db } = ctx;
	const u = db.user(ctx.p.reqInt('userId'));
	if (u.userId === ctx.viewer.userId) throw badRequest('You cannot delete yourself');
	db.users.delete(u.userId);
	for (const t of db.tickets.values()) {
		if (t.assignedToUserId === u.userId) t.assignedToUserId = null;
		t.subscriberIds = t.subscriberIds.filter((x) => x !== u.userId);
	}
	for (const a of db.assets.values()) a.assignedUserIds = a.assignedUserIds.filter((x) => x !== u.userId);
	return empty();
}

/**
 * MergeUsers (only a name in Jitbit's method list; docs/jitbit-api.md §13, §20). Inferred, mirroring MergeTickets (`id` kept, `id2` removed):
 * `userId` survives and `userId2` is merged into it and deleted. The other candidate spelling,
 * `fromUserId` (merged, deleted) / `toUserId` (survivor), is accepted too. Tickets, comments,
 * subscriptions and asset assignments move to the survivor. Answers 200, empty body.
 */
function mergeUsers(ctx: Ctx) {
	const { p, db } = ctx;
	let keepId = p.int('userId');
	let goneId = p.int('userId2');
	if (keepId === undefined && goneId === undefined) {
		keepId = p.int('toUserId');
		goneId = p.int('fromUserId');
	}
	if (keepId === undefined) throw badRequest(`Parameter 'userId' (or 'toUserId') is required`);
	if (goneId === undefined) throw badRequest(`Parameter 'userId2' (or 'fromUserId') is required`);
	const keep = db.user(keepId);
	const gone = db.user(goneId);
	if (keep.userId === gone.userId) throw badRequest('Cannot merge a user into itself');
	for (const t of db.tickets.values()) {
		if (t.userId === gone.userId) t.userId = keep.userId;
		if (t.assignedToUserId === gone.userId) t.assignedToUserId = keep.userId;
		if (t.lastUpdatedByUserId === gone.userId) t.lastUpdatedByUserId = keep.userId;
		if (t.subscriberIds.includes(gone.userId)) t.subscriberIds = [...new Set(t.subscriberIds.map((x) => (x === gone.userId ? keep.userId : x)))];
	}
	for (const c of db.comments.values()) if (c.userId === gone.userId) c.userId = keep.userId;
	for (const f of db.files.values()) if (f.userId === gone.userId) f.userId = keep.userId;
	for (const a of db.assets.values()) if (a.assignedUserIds.includes(gone.userId)) a.assignedUserIds = [...new Set(a.assignedUserIds.map((x) => (x === gone.userId ? keep.userId : x)))];
	db.users.delete(gone.userId);
	return empty();
}

function byEmail(ctx: Ctx) {
	const email = ctx.p.reqStr('email');
	const u = ctx.db.userByEmail(email);
	if (!u) throw notFound(`User with email '${email}' not found`); // "non-200 if none (404 presumed)"
	return json(userShape(ctx.db, u));
}

function byUsername(ctx: Ctx) {
	const username = ctx.p.reqStr('username');
	const u = ctx.db.userByName(username);
	if (!u) throw notFound(`User '${username}' not found`);
	return json(userShape(ctx.db, u));
}

export const userRoutes: Route[] = [
	// POST; GET accepted too, as some older versions took it (docs/jitbit-api.md §1).
	verbs('Authorization', ['POST', 'GET'], 'any', (ctx) => json(userShape(ctx.db, ctx.viewer))),
	// `userId`, not `id` (docs/jitbit-api.md §13).
	read('User', 'tech', (ctx) => json(userShape(ctx.db, ctx.db.user(ctx.p.reqInt('userId'))))),
	read('UserByEmail', 'tech', byEmail),
	read('UserByUsername', 'tech', byUsername),
	read('Users', 'admin', listUsers),
	write('CreateUser', 'admin', createUser),
	write('UpdateUser', 'admin', updateUser),
	write('DeleteUser', 'admin', deleteUser),
	write('MergeUsers', 'admin', mergeUsers),
];
