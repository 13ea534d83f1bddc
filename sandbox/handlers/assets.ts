/** Assets (docs/jitbit-api.md §16). */
import type { AssetRec } from '../db';
import { badRequest } from '../errors';
import { assetShape } from '../shapes';
import { Ctx, Route, empty, json, read, verbs, write } from './route';

/** Assets pages are a fixed 50 items, `page` 1-based (docs/jitbit-api.md §5). */
export const ASSETS_PAGE_SIZE = 50;

function listAssets(ctx: Ctx) {
	const { p, db } = ctx;
	const userId = p.int('assignedToUserId');
	const companyId = p.int('assignedToCompanyId');
	const departmentId = p.int('assignedToDepartmentId');
	// Extras one client sends, unverified: assignedToTicketId, nameprefix, includeDisabled.
	const ticketId = p.int('assignedToTicketId');
	const prefix = p.str('nameprefix')?.toLowerCase();
	const includeDisabled = p.bool('includeDisabled') ?? false;
	const pageNo = Math.max(1, p.int('page') ?? 1);
	const items = [...db.assets.values()]
		.filter((a) => includeDisabled || !a.disabled)
		.filter((a) => userId === undefined || a.assignedUserIds.includes(userId))
		.filter((a) => companyId === undefined || a.companyId === companyId)
		.filter((a) => departmentId === undefined || a.departmentId === departmentId)
		.filter((a) => ticketId === undefined || a.ticketIds.includes(ticketId))
		.filter((a) => prefix === undefined || a.modelName.toLowerCase().startsWith(prefix))
		.sort((a, b) => a.itemId - b.itemId);
	return json(items.slice((pageNo - 1) * ASSETS_PAGE_SIZE, pageNo * ASSETS_PAGE_SIZE).map((a) => assetShape(ctx, a)));
}

function quantityParam(ctx: Ctx): number | undefined {
	const q = ctx.p.int('quantity');
	if (q !== undefined && q < 0) throw badRequest(`Parameter 'quantity' must be >= 0`);
	return q;
}

function companyParam(ctx: Ctx): number | null | undefined {
	const id = ctx.p.int('companyId');
	if (id === undefined) return undefined;
	return id === 0 ? null : ctx.db.company(id).companyId;
}

/** POST Asset: modelName, manufacturer, type, supplier required (names, created when new). Answers {"id": N}. */
function createAsset(ctx: Ctx) {
	const { p, db } = ctx;
	const a = db.createAsset({
		modelName: p.reqStr('modelName'),
		manufacturer: p.reqStr('manufacturer'),
		type: p.reqStr('type'),
		supplier: p.reqStr('supplier'),
		serialNumber: p.str('serialNumber') ?? '',
		location: p.str('location') ?? '',
		comments: p.str('comments') ?? '',
		quantity: quantityParam(ctx) ?? 1,
		companyId: companyParam(ctx) ?? null,
	});
	a.log.push({ date: db.nowIso(), userId: ctx.viewer.userId, text: 'Asset created' });
	return json({ id: a.itemId }); // the one create call that answers an object (docs/jitbit-api.md §3)
}

/**
 * UpdateAsset: `id` + the create fields. Quirk (docs/jitbit-api.md §16): `quantity` is reset to 1 when omitted.
 * Other omitted fields keep their values. Answers 200 with an empty body like the other updates.
 */
function updateAsset(ctx: Ctx) {
	const { p, db } = ctx;
	const a = db.asset(p.reqInt('id'));
	const changes: Partial<AssetRec> = {};
	const model = p.str('modelName');
	if (model !== undefined) changes.modelName = model;
	const manufacturer = p.str('manufacturer');
	if (manufacturer !== undefined) changes.manufacturerId = db.named(db.manufacturers, manufacturer);
	const type = p.str('type');
	if (type !== undefined) changes.typeId = db.named(db.assetTypes, type);
	const supplier = p.str('supplier');
	if (supplier !== undefined) changes.supplierId = db.named(db.suppliers, supplier);
	for (const key of ['serialNumber', 'location', 'comments'] as const) if (p.sent(key)) changes[key] = p.values(key)[0];
	changes.quantity = quantityParam(ctx) ?? 1;
	const companyId = companyParam(ctx);
	if (companyId !== undefined) changes.companyId = companyId;
	Object.assign(a, changes);
	a.log.push({ date: db.nowIso(), userId: ctx.viewer.userId, text: 'Asset updated' });
	return empty();
}

function assign(ctx: Ctx, on: boolean) {
	const { p, db } = ctx;
	const a = db.asset(p.reqInt('assetId'));
	const u = db.user(p.reqInt('userId'));
	if (on && !a.assignedUserIds.includes(u.userId)) a.assignedUserIds.push(u.userId);
	if (!on) a.assignedUserIds = a.assignedUserIds.filter((x) => x !== u.userId);
	a.log.push({ date: db.nowIso(), userId: ctx.viewer.userId, text: `${on ? 'Assigned to' : 'Unassigned from'} ${u.username}` });
	return empty();
}

function addToTicket(ctx: Ctx) {
	const a = ctx.db.asset(ctx.p.reqInt('assetId'));
	const t = ctx.db.ticket(ctx.p.reqInt('ticketId'));
	if (!a.ticketIds.includes(t.ticketId)) a.ticketIds.push(t.ticketId);
	return empty();
}

export const assetRoutes: Route[] = [
	read('Assets', 'tech', listAssets),
	verbs('Asset', ['GET'], 'tech', (ctx) => json(assetShape(ctx, ctx.db.asset(ctx.p.reqInt('id'))))),
	verbs('Asset', ['POST'], 'tech', createAsset),
	write('UpdateAsset', 'tech', updateAsset),
	write('AssignAssetToUser', 'tech', (ctx) => assign(ctx, true)),
	// UnAssignAssetToUser: parameters inferred, mirroring AssignAssetToUser (docs/jitbit-api.md §16).
	write('UnAssignAssetToUser', 'tech', (ctx) => assign(ctx, false)),
	write('AddAssetToTicket', 'tech', addToTicket),
	// DisableAsset (one client, unverified; docs/jitbit-api.md §21): assetId.
	write('DisableAsset', 'tech', (ctx) => {
		ctx.db.asset(ctx.p.reqInt('assetId')).disabled = true;
		return empty();
	}),
];
