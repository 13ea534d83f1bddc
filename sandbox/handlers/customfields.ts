/** Custom fields (docs/jitbit-api.md §11, §21): ticket, user, company and asset field values and the per-category definitions. */
import type { CustomFieldRec, Usage } from '../db';
import { badRequest } from '../errors';
import { fieldDefShape, fieldValueShape, ticketFieldValues } from '../shapes';
import { Ctx, Route, empty, json, read, visibleTicket, write } from './route';

/** Looks up a field and checks it belongs to the right kind of object (and, for tickets, to its category). */
function fieldFor(ctx: Ctx, fieldId: number, usage: Usage, categoryId?: number): CustomFieldRec {
	const f = ctx.db.field(fieldId);
	if (f.usage !== usage) throw badRequest(`Custom field ${fieldId} is not a ${usage} field`);
	if (categoryId !== undefined && !ctx.db.fieldsForCategory(categoryId).includes(f)) {
		throw badRequest(`Custom field ${fieldId} does not belong to category ${categoryId}`);
	}
	return f;
}

function setTicketField(ctx: Ctx, ticketId: number, fieldId: number, value: string) {
	const t = visibleTicket(ctx, ticketId);
	const f = fieldFor(ctx, fieldId, 'ticket', t.categoryId);
	ctx.db.updateTicket(t.ticketId, { customFields: { ...t.customFields, [fieldId]: ctx.db.normaliseFieldValue(f, value) } }, ctx.viewer.userId);
}

/** SetCustomField: ticketId, fieldId, value ("For checkboxes pass true or false. For dropdowns pass the option ID."). */
function setCustomField(ctx: Ctx) {
	const { p } = ctx;
	const ticketId = p.reqInt('ticketId');
	const fieldId = p.reqInt('fieldId');
	if (!p.sent('value')) throw badRequest(`Parameter 'value' is required`);
	setTicketField(ctx, ticketId, fieldId, p.values('value')[0]);
	return empty();
}

/** SetCustomFields: ticketId + one cf<FieldID>=<value> per field (docs/jitbit-api.md §11). */
function setCustomFields(ctx: Ctx) {
	const { p } = ctx;
	const ticketId = p.reqInt('ticketId');
	const pairs = p.names().filter((n) => /^cf\d+$/.test(n));
	if (pairs.length === 0) throw badRequest(`No custom field values: send cf<FieldID>=<value> parameters`);
	for (const n of pairs) setTicketField(ctx, ticketId, Number(n.slice(2)), p.values(n)[0]);
	return empty();
}

function ticketCustomFields(ctx: Ctx) {
	const t = visibleTicket(ctx, ctx.p.reqInt('id'));
	return json(ticketFieldValues(ctx, t, ctx.p.bool('returnUnset') ?? false));
}

function customFieldsForCategory(ctx: Ctx) {
	const cat = ctx.db.category(ctx.p.reqInt('categoryId'));
	return json(ctx.db.fieldsForCategory(cat.categoryId).filter((f) => ctx.isTech || !f.forTechsOnly).map((f) => fieldDefShape(ctx, f)));
}

/** Values of a non-ticket object's fields: every field of that kind, set or not. */
function valuesOf(ctx: Ctx, usage: Usage, values: Record<number, string>) {
	return ctx.db.fieldsFor(usage).map((f) => fieldValueShape(ctx, f, values[f.fieldId]));
}

function setOn(ctx: Ctx, usage: Usage, values: Record<number, string>) {
	const f = fieldFor(ctx, ctx.p.reqInt('fieldId'), usage);
	if (!ctx.p.sent('value')) throw badRequest(`Parameter 'value' is required`);
	values[f.fieldId] = ctx.db.normaliseFieldValue(f, ctx.p.values('value')[0]);
	return empty();
}

export const customFieldRoutes: Route[] = [
	read('TicketCustomFields', 'any', ticketCustomFields),
	read('CustomFieldsForCategory', 'any', customFieldsForCategory),
	write('SetCustomField', 'any', setCustomField),
	write('SetCustomFields', 'any', setCustomFields),
	read('UserCustomFields', 'tech', (ctx) => json(valuesOf(ctx, 'user', ctx.db.user(ctx.p.reqInt('userId')).customFields))),
	write('SetCustomFieldForUser', 'admin', (ctx) => setOn(ctx, 'user', ctx.db.user(ctx.p.reqInt('userId')).customFields)),
	read('CompanyCustomFields', 'tech', (ctx) => json(valuesOf(ctx, 'company', ctx.db.company(ctx.p.reqInt('id')).customFields))),
	write('SetCustomFieldForCompany', 'admin', (ctx) => setOn(ctx, 'company', ctx.db.company(ctx.p.reqInt('id')).customFields)),
	write('SetCustomFieldForAsset', 'tech', (ctx) => setOn(ctx, 'asset', ctx.db.asset(ctx.p.reqInt('id')).customFields)),
];
