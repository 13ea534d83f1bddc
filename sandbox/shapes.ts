/**
 * Internal records -> the JSON objects Jitbit returns (docs/jitbit-api.md §17), PascalCase keys exactly as documented.
 * One function per object kind, so every endpoint that returns, say, a user returns the same shape.
 */
import {
	ArticleRec, AssetRec, CategoryRec, CommentRec, CompanyRec, CustomFieldRec, FileRec, ORIGINS, SandboxDb, TicketRec,
	USAGE, UserRec,
} from './db';
import type { Variations } from './profiles';
import { storedBody } from './profiles';

export interface View {
	db: SandboxDb;
	/** Helpdesk base URL (without /api), for the `Url` fields. */
	baseUrl: string;
	/** The caller; shapes hide tech-only data from customers. */
	viewer: UserRec;
	/** The install being played (profiles.ts). */
	variations: Variations;
	/** Per-request cache of ticket ids that have sub-tickets (HasChildren), computed on first use. */
	parents?: Set<number>;
}

function hasChildren(v: View, ticketId: number): boolean {
	if (!v.parents) {
		v.parents = new Set();
		for (const t of v.db.tickets.values()) if (t.parentId !== null) v.parents.add(t.parentId);
	}
	return v.parents.has(ticketId);
}

const fullName = (u: UserRec) => `${u.firstName} ${u.lastName}`.trim() || u.username;

export function userShape(db: SandboxDb, u: UserRec) {
	const company = u.companyId !== null ? db.companies.get(u.companyId) : undefined;
	const dept = u.departmentId !== null ? db.departments.get(u.departmentId) : undefined;
	return {
		UserID: u.userId,
		Username: u.username,
		Password: null,
		Email: u.email,
		FirstName: u.firstName,
		LastName: u.lastName,
		FullName: fullName(u),
		FullNameAndLogin: `${fullName(u)} (${u.username})`,
		Notes: u.notes,
		Location: u.location,
		Phone: u.phone,
		Department: dept?.name ?? null,
		DepartmentName: dept?.name ?? null,
		DepartmentID: dept?.departmentId ?? null,
		CompanyName: company?.name ?? null,
		CompanyId: company?.companyId ?? null, // lower-case "d" (docs/jitbit-api.md §17)
		CompanyNotes: company?.notes ?? null,
		IPAddress: null,
		HostName: null,
		Lang: 'en-US',
		UserAgent: null,
		AvatarURL: null,
		LastSeen: u.lastSeen,
		PushToken: null,
		Signature: u.signature,
		Greeting: u.greeting,
		IsAdmin: u.isAdmin,
		IsTech: u.isTech || u.isAdmin,
		IsManager: u.isManager,
		Disabled: u.disabled,
		SendEmail: u.sendEmail,
		TwoFactorAuthEnabled: false,
		RecentTickets: null,
	};
}

/** Subscriber item (docs/jitbit-api.md §8). */
export function subscriberShape(u: UserRec) {
	return {
		UserID: u.userId, Username: u.username, Email: u.email, IsAdmin: u.isAdmin, Disabled: u.disabled,
		FirstName: u.firstName, LastName: u.lastName, SendEmail: u.sendEmail, IsTech: u.isTech || u.isAdmin,
		IsManager: u.isManager, TwoFactorAuthEnabled: false, OutOfOffice: u.outOfOffice,
		FullNameAndLogin: `${fullName(u)} (${u.username})`, FullName: fullName(u),
	};
}

function statusName(db: SandboxDb, id: number) {
	return db.statuses.get(id)?.name ?? `Status ${id}`;
}

/** A stored value as an install with typed values answers it: checkboxes as booleans, numbers as numbers. */
function typedValue(f: CustomFieldRec, value: string | null): string | number | boolean | null {
	if (value === null || value === '') return null;
	if (f.type === 4) return value === 'true';
	return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
}

/** Custom-field value (TicketCustomFields, Asset.Fields, user/company fields). */
export function fieldValueShape(v: View, f: CustomFieldRec, raw: string | undefined) {
	const value = raw ?? null;
	const option = f.type === 3 && value ? f.options.find((o) => String(o.optionId) === value) : undefined;
	const shown = option ? option.name : value;
	return {
		FieldID: f.fieldId,
		FieldName: f.name,
		// Dropdowns store the option id; Value shows the option text, OptionID the id (docs/jitbit-api.md §17).
		Value: v.variations.typedFieldValues ? typedValue(f, shown) : shown,
		ValueWithOption: shown,
		OptionID: option ? option.optionId : null,
		Type: f.type,
		UsageType: USAGE[f.usage],
		AccessType: f.forTechsOnly ? 1 : 0,
		ForTechsOnly: f.forTechsOnly,
		Mandatory: f.mandatory,
		OrderByNumber: f.orderByNumber,
		ShowInGrid: f.showInGrid,
		// Sub-shape unknown (docs/jitbit-api.md §17); {OptionID, Name} is the best guess.
		SelectionComboOptions: f.type === 3 ? f.options.map((o) => ({ OptionID: o.optionId, Name: o.name })) : null,
	};
}

/** Field definition (CustomFieldsForCategory): the value shape without a value. */
export function fieldDefShape(v: View, f: CustomFieldRec) {
	const def: Partial<ReturnType<typeof fieldValueShape>> = fieldValueShape(v, f, undefined);
	delete def.Value;
	delete def.ValueWithOption;
	delete def.OptionID;
	return def;
}

export function ticketFieldValues(v: View, t: TicketRec, returnUnset: boolean) {
	return v.db
		.fieldsForCategory(t.categoryId)
		.filter((f) => !f.forTechsOnly || v.db.isTech(v.viewer))
		.filter((f) => returnUnset || (t.customFields[f.fieldId] ?? '') !== '')
		.map((f) => fieldValueShape(v, f, t.customFields[f.fieldId]));
}

export function categoryShape(db: SandboxDb, c: CategoryRec) {
	const section = c.sectionId !== null ? db.sections.get(c.sectionId) : undefined;
	return {
		CategoryID: c.categoryId,
		Name: c.name,
		SectionID: section?.sectionId ?? null,
		Section: section?.name ?? null,
		NameWithSection: section ? `${section.name} \\ ${c.name}` : c.name,
		ForTechsOnly: c.forTechsOnly,
		FromAddress: c.fromAddress,
	};
}

/** Ticket list item (Tickets, Search, LinkedTickets, SubTickets): `IssueID`, and no `TicketID` (docs/jitbit-api.md §17). */
export function ticketListItem(v: View, t: TicketRec, includeCustomFields = false) {
	const { db } = v;
	const sub = db.users.get(t.userId);
	const tech = t.assignedToUserId !== null ? db.users.get(t.assignedToUserId) : undefined;
	const cat = db.categories.get(t.categoryId);
	const company = sub?.companyId != null ? db.companies.get(sub.companyId) : undefined;
	const lastBy = t.lastUpdatedByUserId !== null ? db.users.get(t.lastUpdatedByUserId) : undefined;
	const item: Record<string, unknown> = {
		IssueID: t.ticketId,
		Priority: t.priority,
		StatusID: t.statusId,
		Status: statusName(db, t.statusId),
		StatusColor: db.statuses.get(t.statusId)?.color ?? null,
		IssueDate: t.issueDate,
		LastUpdated: t.lastUpdated,
		DueDate: t.dueDate,
		ResolvedDate: t.resolvedDate,
		StartDate: t.startDate,
		Subject: t.subject,
		CategoryID: t.categoryId,
		Category: cat?.name ?? null,
		SectionID: cat?.sectionId ?? null,
		UserID: t.userId,
		UserName: sub?.username ?? null,
		FirstName: sub?.firstName ?? null,
		LastName: sub?.lastName ?? null,
		Email: sub?.email ?? null,
		CompanyID: company?.companyId ?? null,
		CompanyName: company?.name ?? null,
		AssignedToUserID: t.assignedToUserId,
		Technician: tech ? fullName(tech) : null,
		TechFirstName: tech?.firstName ?? null,
		TechLastName: tech?.lastName ?? null,
		UpdatedByUser: t.updatedByUser,
		UpdatedByPerformer: t.updatedByPerformer,
		UpdatedForTechView: t.updatedForTechView,
		LastUpdatedByUserID: t.lastUpdatedByUserId,
		LastUpdatedUsername: lastBy?.username ?? null,
		Origin: ORIGINS[t.origin] ?? 'API',
		HasChildren: hasChildren(v, t.ticketId),
		TimeSpentInSeconds: t.timeSpentInSeconds,
		ViewingTechs: '',
		AISentiment: null,
	};
	// The real key is unknown (docs/jitbit-api.md §17); the sandbox uses `CustomFields` with the custom field value objects.
	if (includeCustomFields) item.CustomFields = ticketFieldValues(v, t, false);
	return item;
}

/** Ticket detail (`Ticket?id=`): `TicketID`, and no `IssueID` (docs/jitbit-api.md §7). No custom fields, no comments. */
export function ticketDetail(v: View, t: TicketRec) {
	const { db, viewer } = v;
	const sub = db.users.get(t.userId);
	const tech = t.assignedToUserId !== null ? db.users.get(t.assignedToUserId) : undefined;
	const cat = db.categories.get(t.categoryId);
	const isTech = db.isTech(viewer);
	const files = db.filesOfTicket(t.ticketId).filter((f) => isTech || !f.forTechsOnly);
	const comments = db.commentsOf(t.ticketId);
	return {
		TicketID: t.ticketId,
		UserID: t.userId,
		AssignedToUserID: t.assignedToUserId,
		CategoryID: t.categoryId,
		CategoryName: cat?.name ?? null,
		StatusID: t.statusId,
		Status: statusName(db, t.statusId),
		StatusStopTimeSpent: db.statuses.get(t.statusId)?.stopTimeSpent ?? false,
		Priority: t.priority,
		Subject: t.subject,
		Body: storedBody(v.variations, t.body),
		IssueDate: t.issueDate,
		DueDate: t.dueDate,
		ResolvedDate: t.resolvedDate,
		StartDate: t.startDate,
		LastUpdated: t.lastUpdated,
		TimeSpentInSeconds: t.timeSpentInSeconds,
		UpdatedByUser: t.updatedByUser,
		UpdatedByPerformer: t.updatedByPerformer,
		UpdatedForTechView: t.updatedForTechView,
		IsCurrentUserTechInThisCategory: viewer.isAdmin || (!!cat && viewer.isTech && cat.techIds.includes(viewer.userId)),
		IsCurrentCategoryForTechsOnly: cat?.forTechsOnly ?? false,
		SubmittedByCurrentUser: t.userId === viewer.userId,
		IsInKb: false,
		SubmitterUserInfo: sub ? userShape(db, sub) : null,
		AssigneeUserInfo: tech ? userShape(db, tech) : null,
		OnBehalfUserName: t.onBehalfUserName,
		Attachments: files.map((f) => attachmentShape(v, f)),
		Tags: t.tags.map((name) => ({ TagID: db.tagId(name), Name: name, TagCount: countTag(db, name) })),
		Url: `${v.baseUrl}/helpdesk/Ticket/${t.ticketId}`,
		ViewingTechNames: [],
		Origin: ORIGINS[t.origin] ?? 'API',
		Integrations: { ...t.integrations },
		Stats: {
			TotalComments: comments.length,
			LastCommentDate: comments.length ? comments[comments.length - 1].commentDate : null,
		},
	};
}

export function countTag(db: SandboxDb, name: string): number {
	const l = name.toLowerCase();
	let n = 0;
	for (const t of db.tickets.values()) if (t.tags.some((x) => x.toLowerCase() === l)) n++;
	return n;
}

export function commentShape(v: View, c: CommentRec) {
	const u = v.db.users.get(c.userId);
	const t = v.db.tickets.get(c.ticketId);
	return {
		CommentID: c.commentId,
		IssueID: c.ticketId,
		UserID: c.userId,
		UserName: u?.username ?? null,
		Email: u?.email ?? null,
		FirstName: u?.firstName ?? null,
		LastName: u?.lastName ?? null,
		IsSystem: c.isSystem,
		CommentDate: c.commentDate,
		ForTechsOnly: c.forTechsOnly,
		Body: storedBody(v.variations, c.body),
		TicketSubject: t?.subject ?? null,
		Recipients: c.recipients,
	};
}

export function attachmentShape(v: View, f: FileRec) {
	const comment = f.commentId !== null ? v.db.comments.get(f.commentId) : undefined;
	return {
		FileID: f.fileId,
		FileName: f.fileName,
		FileSize: f.data.length,
		FileHash: null,
		FileData: null,
		CommentID: f.commentId,
		CommentDate: comment?.commentDate ?? f.date,
		IssueID: f.ticketId,
		UserID: f.userId,
		AssetID: f.assetId,
		InstanceID: 1,
		GoogleDriveUrl: null,
		DropboxUrl: null,
		ForTechsOnly: f.forTechsOnly || (comment?.forTechsOnly ?? false),
		CommentIsSystem: comment?.isSystem ?? false,
		HiddenFromKB: false,
		HiddenFromTickets: false,
		IsDuplicate: false,
		// A UI link that needs a browser session; the API download is Attachment?id= (docs/jitbit-api.md §9).
		Url: `${v.baseUrl}/helpdesk/File/Get?id=${f.fileId}`,
		UrlRelative: `/helpdesk/File/Get?id=${f.fileId}`,
	};
}

export function companyShape(c: CompanyRec) {
	return { CompanyID: c.companyId, Name: c.name, EmailDomain: c.emailDomain, Notes: c.notes };
}

export function assetShape(v: View, a: AssetRec) {
	const { db } = v;
	const company = a.companyId !== null ? db.companies.get(a.companyId) : undefined;
	return {
		ItemID: a.itemId,
		ModelName: a.modelName,
		Manufacturer: db.manufacturers.get(a.manufacturerId)?.name ?? null,
		ManufacturerID: a.manufacturerId,
		Type: db.assetTypes.get(a.typeId)?.name ?? null,
		TypeID: a.typeId,
		Supplier: db.suppliers.get(a.supplierId)?.name ?? null,
		SupplierID: a.supplierId,
		SerialNumber: a.serialNumber,
		Location: a.location,
		Comments: a.comments,
		Quantity: a.quantity,
		TicketCount: a.ticketIds.length,
		Company: company?.name ?? null,
		CompanyID: company?.companyId ?? null,
		DepartmentID: a.departmentId,
		Disabled: a.disabled,
		Fields: db.fieldsFor('asset').map((f) => fieldValueShape(v, f, a.customFields[f.fieldId])),
		AssignedUsers: a.assignedUserIds.map((id) => db.users.get(id)).filter((u): u is UserRec => !!u).map((u) => subscriberShape(u)),
		Tickets: a.ticketIds.filter((id) => db.tickets.has(id)).map((id) => ({ IssueID: id, Subject: db.ticket(id).subject })),
		Attachments: [...db.files.values()].filter((f) => f.assetId === a.itemId).map((f) => attachmentShape(v, f)),
		LogEntries: a.log.map((e) => ({ Date: e.date, UserID: e.userId, Text: e.text })),
	};
}

export function articleListItem(v: View, a: ArticleRec) {
	return {
		ArticleId: a.articleId, // note the casing (docs/jitbit-api.md §17)
		Subject: a.subject,
		CategoryID: a.categoryId,
		CategoryName: v.db.categories.get(a.categoryId)?.name ?? null,
		ForTechsOnly: a.forTechsOnly,
		TagString: a.tags.join(', '),
		Tags: a.tags.map((name) => ({ TagID: v.db.tagId(name), Name: name })),
		UrlId: a.urlId,
		DateCreated: a.dateCreated,
		LastUpdated: a.lastUpdated,
		Url: `${v.baseUrl}/helpdesk/KB/View/${a.urlId}`,
		Attachments: [...v.db.files.values()]
			.filter((f) => f.articleId === a.articleId)
			.map((f) => ({ FileID: f.fileId, FileName: f.fileName, FileSize: f.data.length, Url: `${v.baseUrl}/helpdesk/File/Get?id=${f.fileId}` })),
	};
}

export function articleDetail(v: View, a: ArticleRec) {
	return { ...articleListItem(v, a), Body: a.body };
}
