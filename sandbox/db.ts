/**
 * The sandbox's live data store. Records are internal (camelCase); `shapes.ts` turns them into the
 * PascalCase JSON of docs/jitbit-api.md §17. Tests may read and mutate it directly; the mutation helpers
 * (createTicket, updateTicket, addComment...) are the same ones the HTTP handlers use, so they bump
 * `LastUpdated` and the update flags exactly as an API call would.
 */
import { createHash } from 'node:crypto';
import { ApiError, notFound } from './errors';
import type { TicketChange } from './rules';

/** Jitbit's response date format: ISO 8601, UTC, seconds precision ("2026-11-28T14:03:05Z"). */
export function isoSeconds(d: Date): string {
	return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Jitbit's Origin ("via") enumeration (docs/jitbit-api.md §7); responses carry the name, requests send the number. */
export const ORIGINS = ['WebApp', 'Email', 'Widget', 'API', 'Scheduler', 'MobileApp', 'Phone', 'LiveChat', 'InPerson'];

/** Fixed priorities (docs/jitbit-api.md §12). */
export const PRIORITIES: ReadonlyArray<{ id: number; name: string }> = [
	{ id: -1, name: 'Low' },
	{ id: 0, name: 'Normal' },
	{ id: 1, name: 'High' },
	{ id: 2, name: 'Critical' },
];

export const STATUS_NEW = 1;
export const STATUS_IN_PROCESS = 2;
export const STATUS_CLOSED = 3;

export interface UserRec {
	userId: number;
	username: string;
	password: string;
	email: string;
	firstName: string;
	lastName: string;
	notes: string;
	location: string;
	phone: string;
	companyId: number | null;
	departmentId: number | null;
	isAdmin: boolean;
	isTech: boolean;
	isManager: boolean;
	disabled: boolean;
	sendEmail: boolean;
	outOfOffice: boolean;
	greeting: string;
	signature: string;
	lastSeen: string | null;
	/** Current API token; replaced when the password changes (docs/jitbit-api.md §1: the token expires then). */
	token: string;
	tokenGeneration: number;
	customFields: Record<number, string>;
}

export interface CompanyRec {
	companyId: number;
	name: string;
	emailDomain: string;
	notes: string;
	customFields: Record<number, string>;
}

export interface DepartmentRec {
	departmentId: number;
	name: string;
}

export interface SectionRec {
	sectionId: number;
	name: string;
}

export interface CategoryRec {
	categoryId: number;
	name: string;
	sectionId: number | null;
	forTechsOnly: boolean;
	fromAddress: string;
	/** Technicians allowed in this category (admins always are). */
	techIds: number[];
}

export interface StatusRec {
	statusId: number;
	name: string;
	color: string;
	stopTimeSpent: boolean;
}

export interface TicketRec {
	ticketId: number;
	subject: string;
	body: string;
	categoryId: number;
	priority: number;
	statusId: number;
	userId: number;
	assignedToUserId: number | null;
	issueDate: string;
	lastUpdated: string;
	dueDate: string | null;
	resolvedDate: string | null;
	startDate: string | null;
	timeSpentInSeconds: number;
	origin: number;
	tags: string[];
	customFields: Record<number, string>;
	subscriberIds: number[];
	linkedIds: number[];
	parentId: number | null;
	updatedByUser: boolean;
	updatedByPerformer: boolean;
	updatedForTechView: boolean;
	lastUpdatedByUserId: number | null;
	onBehalfUserName: string | null;
	integrations: Record<string, string>;
}

export interface CommentRec {
	commentId: number;
	ticketId: number;
	userId: number;
	body: string;
	forTechsOnly: boolean;
	isSystem: boolean;
	commentDate: string;
	recipients: string;
}

export interface FileRec {
	fileId: number;
	ticketId: number | null;
	commentId: number | null;
	assetId: number | null;
	articleId: number | null;
	userId: number;
	fileName: string;
	contentType: string;
	data: Buffer;
	forTechsOnly: boolean;
	date: string;
}

/** 1 Text, 2 Date, 3 SelectionCombo (dropdown), 4 Checkbox, 5 MultilineText (docs/jitbit-api.md §17). */
export type FieldType = 1 | 2 | 3 | 4 | 5;
/** What a custom field belongs to. Jitbit's numeric UsageType values are unknown; these are the sandbox's. */
export const USAGE = { ticket: 0, asset: 1, user: 2, company: 3 } as const;
export type Usage = keyof typeof USAGE;

export interface CustomFieldRec {
	fieldId: number;
	name: string;
	type: FieldType;
	usage: Usage;
	forTechsOnly: boolean;
	mandatory: boolean;
	orderByNumber: number;
	showInGrid: boolean;
	/** Ticket fields: the categories they appear in; 'all' = every category. */
	categoryIds: number[] | 'all';
	options: Array<{ optionId: number; name: string }>;
}

export interface NamedRec {
	id: number;
	name: string;
}

export interface AssetRec {
	itemId: number;
	modelName: string;
	manufacturerId: number;
	typeId: number;
	supplierId: number;
	serialNumber: string;
	location: string;
	comments: string;
	quantity: number;
	companyId: number | null;
	departmentId: number | null;
	disabled: boolean;
	assignedUserIds: number[];
	ticketIds: number[];
	customFields: Record<number, string>;
	log: Array<{ date: string; userId: number; text: string }>;
}

export interface ArticleRec {
	articleId: number;
	subject: string;
	body: string;
	categoryId: number;
	forTechsOnly: boolean;
	tags: string[];
	dateCreated: string;
	lastUpdated: string;
	urlId: string;
}

export interface CommentTemplateRec {
	templateId: number;
	name: string;
	body: string;
}

export interface RuleRec {
	ruleId: number;
	name: string;
	enabled: boolean;
}

export interface TimeSpentRec {
	ticketId: number;
	date: string;
	statusId: number;
	timeSpentInSeconds: number;
	userId: number;
}

export interface TagRec {
	tagId: number;
	name: string;
}

export interface NewTicket {
	subject: string;
	body?: string;
	categoryId: number;
	userId: number;
	priority?: number;
	statusId?: number;
	assignedToUserId?: number | null;
	tags?: string[];
	origin?: number;
	/** Defaults to db.now(). */
	issueDate?: string;
	/** Defaults to issueDate. */
	lastUpdated?: string;
	dueDate?: string | null;
	customFields?: Record<number, string>;
	onBehalfUserName?: string | null;
}

export interface NewComment {
	userId: number;
	body: string;
	forTechsOnly?: boolean;
	isSystem?: boolean;
	recipients?: string;
	/** Defaults to db.now(). */
	date?: string;
	/** Defaults to true: a new comment makes the ticket "updated" as in Jitbit. */
	bumpTicket?: boolean;
}

/** Deterministic API token for a user: Jitbit's are opaque strings; these are stable across resets. */
export function makeToken(username: string, generation: number): string {
	return createHash('sha256').update(`jitbit-sandbox:${username.toLowerCase()}:${generation}`).digest('hex').slice(0, 40);
}

type SeqKind = 'user' | 'company' | 'department' | 'section' | 'category' | 'status' | 'ticket' | 'comment' | 'file' | 'field' | 'option' | 'asset' | 'named' | 'article' | 'template' | 'rule' | 'tag';

export class SandboxDb {
	users = new Map<number, UserRec>();
	companies = new Map<number, CompanyRec>();
	departments = new Map<number, DepartmentRec>();
	sections = new Map<number, SectionRec>();
	categories = new Map<number, CategoryRec>();
	statuses = new Map<number, StatusRec>();
	tickets = new Map<number, TicketRec>();
	comments = new Map<number, CommentRec>();
	files = new Map<number, FileRec>();
	customFields = new Map<number, CustomFieldRec>();
	assets = new Map<number, AssetRec>();
	manufacturers = new Map<number, NamedRec>();
	assetTypes = new Map<number, NamedRec>();
	suppliers = new Map<number, NamedRec>();
	articles = new Map<number, ArticleRec>();
	commentTemplates = new Map<number, CommentTemplateRec>();
	rules = new Map<number, RuleRec>();
	tags = new Map<number, TagRec>();
	timeLog: TimeSpentRec[] = [];

	/** Next id per kind; seeds set the starting points (e.g. tickets from 1001 so ids never look like indexes). */
	seq: Record<SeqKind, number> = {
		user: 1, company: 1, department: 1, section: 1, category: 1, status: 1, ticket: 1001, comment: 5001, file: 9001,
		field: 1, option: 101, asset: 1, named: 1, article: 1, template: 1, rule: 1, tag: 1,
	};

	/** Hears every ticket change: the server wires the automation rules (rules.ts) here. */
	onTicketChange?: (change: TicketChange) => void;

	/** The clock. Tests override it (or call setClock) to control LastUpdated/IssueDate. */
	now: () => Date = () => new Date();

	setClock(fn?: (() => Date) | null): void {
		this.now = fn ?? (() => new Date());
	}

	nowIso(): string {
		return isoSeconds(this.now());
	}

	nextId(kind: SeqKind): number {
		return this.seq[kind]++;
	}

	/** Empties every table and restarts the id sequences (used by reset before re-seeding). */
	clear(): void {
		const fresh = new SandboxDb();
		for (const key of Object.keys(fresh) as Array<keyof SandboxDb>) {
			if (key === 'now' || key === 'onTicketChange') continue;
			(this as unknown as Record<string, unknown>)[key] = (fresh as unknown as Record<string, unknown>)[key];
		}
	}

	// ---- lookups (404 naming the id when missing) ----

	ticket(id: number): TicketRec {
		const t = this.tickets.get(id);
		if (!t) throw notFound(`Ticket ${id} not found`);
		return t;
	}

	user(id: number): UserRec {
		const u = this.users.get(id);
		if (!u) throw notFound(`User ${id} not found`);
		return u;
	}

	userByName(username: string): UserRec | undefined {
		const l = username.toLowerCase();
		for (const u of this.users.values()) if (u.username.toLowerCase() === l) return u;
		return undefined;
	}

	userByEmail(email: string): UserRec | undefined {
		const l = email.trim().toLowerCase();
		for (const u of this.users.values()) if (u.email.toLowerCase() === l) return u;
		return undefined;
	}

	userByToken(token: string): UserRec | undefined {
		for (const u of this.users.values()) if (u.token === token) return u;
		return undefined;
	}

	category(id: number): CategoryRec {
		const c = this.categories.get(id);
		if (!c) throw notFound(`Category ${id} not found`);
		return c;
	}

	company(id: number): CompanyRec {
		const c = this.companies.get(id);
		if (!c) throw notFound(`Company ${id} not found`);
		return c;
	}

	asset(id: number): AssetRec {
		const a = this.assets.get(id);
		if (!a) throw notFound(`Asset ${id} not found`);
		return a;
	}

	field(id: number): CustomFieldRec {
		const f = this.customFields.get(id);
		if (!f) throw notFound(`Custom field ${id} not found`);
		return f;
	}

	isTech(u: UserRec): boolean {
		return u.isTech || u.isAdmin;
	}

	/** Ticket custom fields that apply to a category. */
	fieldsForCategory(categoryId: number): CustomFieldRec[] {
		return [...this.customFields.values()]
			.filter((f) => f.usage === 'ticket' && (f.categoryIds === 'all' || f.categoryIds.includes(categoryId)))
			.sort((a, b) => a.orderByNumber - b.orderByNumber || a.fieldId - b.fieldId);
	}

	fieldsFor(usage: Usage): CustomFieldRec[] {
		return [...this.customFields.values()].filter((f) => f.usage === usage).sort((a, b) => a.orderByNumber - b.orderByNumber || a.fieldId - b.fieldId);
	}

	tagId(name: string): number {
		const l = name.toLowerCase();
		for (const t of this.tags.values()) if (t.name.toLowerCase() === l) return t.tagId;
		const tagId = this.nextId('tag');
		this.tags.set(tagId, { tagId, name });
		return tagId;
	}

	/** Finds or creates a named lookup row (asset manufacturer/type/supplier are sent as names, docs/jitbit-api.md §16). */
	named(table: Map<number, NamedRec>, name: string): number {
		const l = name.trim().toLowerCase();
		for (const r of table.values()) if (r.name.toLowerCase() === l) return r.id;
		const id = this.nextId('named');
		table.set(id, { id, name: name.trim() });
		return id;
	}

	/** Company by name, created if missing, as CreateUser does with a company name (docs/jitbit-api.md §13). */
	companyByName(name: string, create = true): CompanyRec | undefined {
		const l = name.trim().toLowerCase();
		for (const c of this.companies.values()) if (c.name.toLowerCase() === l) return c;
		if (!create) return undefined;
		return this.createCompany({ name: name.trim() });
	}

	departmentByName(name: string): DepartmentRec {
		const l = name.trim().toLowerCase();
		for (const d of this.departments.values()) if (d.name.toLowerCase() === l) return d;
		const departmentId = this.nextId('department');
		const d = { departmentId, name: name.trim() };
		this.departments.set(departmentId, d);
		return d;
	}

	// ---- mutations shared by handlers, seed and tests ----

	createUser(input: Partial<UserRec> & { username: string; email: string }): UserRec {
		const userId = input.userId ?? this.nextId('user');
		if (input.userId !== undefined && input.userId >= this.seq.user) this.seq.user = input.userId + 1;
		const u: UserRec = {
			password: '', firstName: '', lastName: '', notes: '', location: '', phone: '', companyId: null, departmentId: null,
			isAdmin: false, isTech: false, isManager: false, disabled: false, sendEmail: true, outOfOffice: false,
			greeting: '', signature: '', lastSeen: null, customFields: {}, tokenGeneration: 0,
			...input,
			userId,
			token: '',
		};
		u.token = makeToken(u.username, u.tokenGeneration);
		this.users.set(userId, u);
		return u;
	}

	/** Changes a password and issues a new token, so the old one stops working (docs/jitbit-api.md §1). */
	setPassword(userId: number, password: string): void {
		const u = this.user(userId);
		u.password = password;
		u.tokenGeneration++;
		u.token = makeToken(u.username, u.tokenGeneration);
	}

	createCompany(input: Partial<CompanyRec> & { name: string }): CompanyRec {
		const companyId = this.nextId('company');
		const c: CompanyRec = { emailDomain: '', notes: '', customFields: {}, ...input, companyId };
		this.companies.set(companyId, c);
		return c;
	}

	createTicket(input: NewTicket): TicketRec {
		const ticketId = this.nextId('ticket');
		const issueDate = input.issueDate ?? this.nowIso();
		const submitter = this.users.get(input.userId);
		const t: TicketRec = {
			ticketId,
			subject: input.subject,
			body: input.body ?? '',
			categoryId: input.categoryId,
			priority: input.priority ?? 0,
			statusId: input.statusId ?? STATUS_NEW,
			userId: input.userId,
			assignedToUserId: input.assignedToUserId ?? null,
			issueDate,
			lastUpdated: input.lastUpdated ?? issueDate,
			dueDate: input.dueDate ?? null,
			resolvedDate: (input.statusId ?? STATUS_NEW) === STATUS_CLOSED ? (input.lastUpdated ?? issueDate) : null,
			startDate: null,
			timeSpentInSeconds: 0,
			origin: input.origin ?? 3,
			tags: input.tags ?? [],
			customFields: input.customFields ?? {},
			subscriberIds: [input.userId],
			linkedIds: [],
			parentId: null,
			updatedByUser: !submitter || !this.isTech(submitter),
			updatedByPerformer: false,
			updatedForTechView: true,
			lastUpdatedByUserId: input.userId,
			onBehalfUserName: input.onBehalfUserName ?? null,
			integrations: {},
		};
		for (const tag of t.tags) this.tagId(tag);
		this.tickets.set(ticketId, t);
		this.onTicketChange?.({ kind: 'created', ticket: t });
		return t;
	}

	/**
	 * Applies changes to a ticket as an edit by `byUserId` would: LastUpdated moves to now (unless the
	 * change sets it), the update flags follow who edited, closing sets ResolvedDate.
	 */
	updateTicket(id: number, changes: Partial<TicketRec>, byUserId?: number): TicketRec {
		const t = this.ticket(id);
		const before = structuredClone(t);
		const wasClosed = t.statusId === STATUS_CLOSED;
		Object.assign(t, changes);
		if (changes.tags) for (const tag of changes.tags) this.tagId(tag);
		if (!wasClosed && t.statusId === STATUS_CLOSED && changes.resolvedDate === undefined) t.resolvedDate = this.nowIso();
		if (changes.lastUpdated === undefined) this.touchTicket(t, byUserId);
		this.onTicketChange?.({ kind: 'updated', before, ticket: t });
		return t;
	}

	/** Marks a ticket updated now by a user: the flags say whether a customer or a technician acted. */
	touchTicket(t: TicketRec, byUserId?: number, at?: string): void {
		t.lastUpdated = at === undefined ? this.nowIso() : at > t.lastUpdated ? at : t.lastUpdated;
		if (byUserId === undefined) return;
		const by = this.users.get(byUserId);
		const tech = by ? this.isTech(by) : false;
		t.lastUpdatedByUserId = byUserId;
		t.updatedByUser = !tech;
		t.updatedByPerformer = tech;
		t.updatedForTechView = !tech;
	}

	addComment(ticketId: number, input: NewComment): CommentRec {
		const t = this.ticket(ticketId);
		const commentId = this.nextId('comment');
		const c: CommentRec = {
			commentId,
			ticketId,
			userId: input.userId,
			body: input.body,
			forTechsOnly: input.forTechsOnly ?? false,
			isSystem: input.isSystem ?? false,
			commentDate: input.date ?? this.nowIso(),
			recipients: input.recipients ?? '',
		};
		this.comments.set(commentId, c);
		if (input.bumpTicket !== false) this.touchTicket(t, input.userId, input.date);
		this.onTicketChange?.({ kind: 'comment', ticket: t, comment: c });
		return c;
	}

	addFile(input: Omit<FileRec, 'fileId' | 'date' | 'forTechsOnly' | 'ticketId' | 'commentId' | 'assetId' | 'articleId'> & Partial<FileRec>): FileRec {
		const fileId = this.nextId('file');
		const f: FileRec = {
			ticketId: null, commentId: null, assetId: null, articleId: null, forTechsOnly: false, date: this.nowIso(),
			...input,
			fileId,
		};
		this.files.set(fileId, f);
		return f;
	}

	commentsOf(ticketId: number): CommentRec[] {
		return [...this.comments.values()].filter((c) => c.ticketId === ticketId).sort((a, b) => a.commentDate.localeCompare(b.commentDate) || a.commentId - b.commentId);
	}

	filesOfTicket(ticketId: number): FileRec[] {
		return [...this.files.values()].filter((f) => f.ticketId === ticketId);
	}

	deleteTicket(id: number): void {
		this.ticket(id);
		this.tickets.delete(id);
		for (const c of [...this.comments.values()]) if (c.ticketId === id) this.comments.delete(c.commentId);
		for (const f of [...this.files.values()]) if (f.ticketId === id) this.files.delete(f.fileId);
		for (const t of this.tickets.values()) {
			t.linkedIds = t.linkedIds.filter((x) => x !== id);
			if (t.parentId === id) t.parentId = null;
		}
		for (const a of this.assets.values()) a.ticketIds = a.ticketIds.filter((x) => x !== id);
		this.timeLog = this.timeLog.filter((e) => e.ticketId !== id);
	}

	createAsset(input: { modelName: string; manufacturer: string; type: string; supplier: string } & Partial<AssetRec>): AssetRec {
		const { manufacturer, type, supplier, ...rest } = input;
		const itemId = this.nextId('asset');
		const a: AssetRec = {
			serialNumber: '', location: '', comments: '', quantity: 1, companyId: null, departmentId: null, disabled: false,
			assignedUserIds: [], ticketIds: [], customFields: {}, log: [],
			...rest,
			manufacturerId: this.named(this.manufacturers, manufacturer),
			typeId: this.named(this.assetTypes, type),
			supplierId: this.named(this.suppliers, supplier),
			itemId,
		};
		this.assets.set(itemId, a);
		return a;
	}

	/** Validates and normalises a custom-field value by Jitbit's rules (docs/jitbit-api.md §6, §11). */
	normaliseFieldValue(f: CustomFieldRec, value: string): string {
		const v = value.trim();
		if (v === '') return '';
		switch (f.type) {
			case 3: {
				// "For dropdowns pass the option ID."
				const opt = f.options.find((o) => String(o.optionId) === v);
				if (!opt) throw new ApiError(400, `Invalid option id '${value}' for custom field ${f.fieldId}`);
				return String(opt.optionId);
			}
			case 4: {
				const l = v.toLowerCase();
				if (l !== 'true' && l !== 'false') throw new ApiError(400, `Custom field ${f.fieldId} is a checkbox: pass true or false`);
				return l;
			}
			case 2: {
				// "For dates pass date as a string in any format."
				const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : new Date(v);
				if (Number.isNaN(d.getTime())) throw new ApiError(400, `Invalid date '${value}' for custom field ${f.fieldId}`);
				return isoSeconds(d);
			}
			default:
				return value;
		}
	}
}
