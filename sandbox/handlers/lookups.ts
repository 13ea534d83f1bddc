/** Lookups for dropdowns (docs/jitbit-api.md §12) and automation rules (§21). */
import { PRIORITIES } from '../db';
import { notFound } from '../errors';
import { categoryShape, userShape } from '../shapes';
import { Ctx, Route, empty, json, read, verbs } from './route';

/**
 * Whether `GET Statuses` exists. No reliable source shows it, and on most installs it most likely answers
 * 404 (docs/jitbit-api.md §12), so by default the sandbox answers it exactly like an unknown method. Flip to true to
 * simulate an instance that has it ([{StatusID, Name, Color}]).
 */
export const STATUSES_ENDPOINT_EXISTS = false;

/** The message for an API method that does not exist (also used by the server for unknown names). */
export const unknownMethodMessage = (name: string) => `The API method '${name}' was not found`;

function techsForCategory(ctx: Ctx) {
	const cat = ctx.db.category(ctx.p.reqInt('id'));
	return json(
		[...ctx.db.users.values()]
			.filter((u) => !u.disabled && (u.isAdmin || (u.isTech && cat.techIds.includes(u.userId))))
			.map((u) => userShape(ctx.db, u)),
	);
}

function rule(ctx: Ctx) {
	const id = ctx.p.reqInt('id');
	const r = ctx.db.rules.get(id);
	if (!r) throw notFound(`Rule ${id} not found`);
	return r;
}

export const lookupRoutes: Route[] = [
	// Only the categories the user may see: customers do not see tech-only categories.
	read('categories', 'any', (ctx) => json([...ctx.db.categories.values()].filter((c) => ctx.isTech || !c.forTechsOnly).map((c) => categoryShape(ctx.db, c)))),
	// Sections (one client, unverified); optional categoryId narrows to that category's section.
	read('Sections', 'any', (ctx) => {
		const categoryId = ctx.p.int('categoryId');
		const sectionId = categoryId !== undefined ? ctx.db.category(categoryId).sectionId : undefined;
		return json([...ctx.db.sections.values()].filter((s) => sectionId === undefined || s.sectionId === sectionId).map((s) => ({ SectionID: s.sectionId, Name: s.name })));
	}),
	read('TechsForCategory', 'any', techsForCategory),
	read('Priorities', 'any', () => json(PRIORITIES.map((p) => ({ PriorityID: p.id, Name: p.name })))),
	read('Statuses', 'any', (ctx) => {
		if (!STATUSES_ENDPOINT_EXISTS) throw notFound(unknownMethodMessage('Statuses'));
		return json([...ctx.db.statuses.values()].map((s) => ({ StatusID: s.statusId, Name: s.name, Color: s.color })));
	}),
	read('Rule', 'admin', (ctx) => {
		const r = rule(ctx);
		return json({ RuleID: r.ruleId, Name: r.name, Enabled: r.enabled });
	}),
	// Clients differ between GET and POST: both accepted.
	verbs('EnableRule', ['GET', 'POST'], 'admin', (ctx) => {
		rule(ctx).enabled = true;
		return empty();
	}),
	verbs('DisableRule', ['GET', 'POST'], 'admin', (ctx) => {
		rule(ctx).enabled = false;
		return empty();
	}),
];
