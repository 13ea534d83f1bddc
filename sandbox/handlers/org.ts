/** Companies and departments (docs/jitbit-api.md §14). */
import { badRequest } from '../errors';
import { companyShape } from '../shapes';
import { Ctx, Route, empty, json, read, verbs, write } from './route';

/** Email domains: `EmailDomains` joined with ';' as one client sends them; `emailDomain` accepted too (name unverified). */
function domainsParam(ctx: Ctx): string | undefined {
	const values = [...ctx.p.values('emailDomains'), ...ctx.p.values('emailDomain')];
	if (values.length === 0) return undefined;
	return values
		.flatMap((v) => v.split(/[;,]/))
		.map((s) => s.trim())
		.filter(Boolean)
		.join(';');
}

/** POST Company: returns the id of the new company, or of the one with that name (docs/jitbit-api.md §14). */
function createCompany(ctx: Ctx) {
	const name = ctx.p.reqStr('name').trim();
	const existing = ctx.db.companyByName(name, false);
	if (existing) return json(existing.companyId);
	const c = ctx.db.createCompany({ name, emailDomain: domainsParam(ctx) ?? '', notes: ctx.p.str('notes') ?? '' });
	return json(c.companyId);
}

function updateCompany(ctx: Ctx) {
	const c = ctx.db.company(ctx.p.reqInt('id'));
	const name = ctx.p.str('name');
	if (name !== undefined) {
		const other = ctx.db.companyByName(name, false);
		if (other && other.companyId !== c.companyId) throw badRequest(`A company named '${name}' already exists`);
		c.name = name.trim();
	}
	if (ctx.p.sent('notes')) c.notes = ctx.p.values('notes')[0];
	const domains = domainsParam(ctx);
	if (domains !== undefined) c.emailDomain = domains;
	return empty();
}

export const orgRoutes: Route[] = [
	// Unpaged (no parameters confirmed; count/page are ignored). `Companies/{id}` answers one company.
	read('Companies', 'tech', (ctx) => {
		const id = ctx.p.int('id');
		if (id !== undefined) return json(companyShape(ctx.db.company(id)));
		return json([...ctx.db.companies.values()].sort((a, b) => a.name.localeCompare(b.name)).map(companyShape));
	}),
	verbs('Company', ['GET'], 'tech', (ctx) => json(companyShape(ctx.db.company(ctx.p.reqInt('id'))))),
	verbs('Company', ['POST'], 'admin', createCompany),
	write('UpdateCompany', 'admin', updateCompany),
	// Departments (only a name in Jitbit's method list; docs/jitbit-api.md §14): inferred shape {DepartmentID, Name}, matching the user fields.
	read('Departments', 'any', (ctx) => json([...ctx.db.departments.values()].map((d) => ({ DepartmentID: d.departmentId, Name: d.name })))),
];
