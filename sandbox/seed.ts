/**
 * Deterministic demo data (no unseeded randomness: a fixed-seed PRNG) and the bulk data-set builder.
 * Seed dates are fixed in the past (Sep-Nov 2025) so runs are reproducible whatever the real clock says.
 */
import { ORIGINS, STATUS_CLOSED, STATUS_IN_PROCESS, STATUS_NEW, SandboxDb, TicketRec, UserRec, isoSeconds } from './db';

/** mulberry32: tiny, fast, deterministic PRNG. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The three logins tests and the CLI use. Passwords are fixed; tokens derive from the username. */
export const DEMO_LOGINS = {
	admin: { username: 'admin', password: 'admin-pass' },
	tech: { username: 'tech', password: 'tech-pass' },
	customer: { username: 'customer', password: 'customer-pass' },
} as const;

/** The one custom status of the demo data (non-sequential on purpose: custom ids are arbitrary). */
export const CUSTOM_STATUS_ID = 7;

// A 1x1 transparent PNG, so attachment downloads carry real binary bytes.
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function seedBase(db: SandboxDb): void {
	const statuses: Array<[number, string, string, boolean]> = [
		[STATUS_NEW, 'New', '#ff8a00', false],
		[STATUS_IN_PROCESS, 'In process', '#3d8fd1', false],
		[STATUS_CLOSED, 'Closed', '#8a8a8a', true],
	];
	for (const [statusId, name, color, stopTimeSpent] of statuses) db.statuses.set(statusId, { statusId, name, color, stopTimeSpent });
	db.createUser({ ...DEMO_LOGINS.admin, email: 'admin@helpdesk.example', firstName: 'Alice', lastName: 'Admin', isAdmin: true, isTech: true });
	db.createUser({ ...DEMO_LOGINS.tech, email: 'tech@helpdesk.example', firstName: 'Tom', lastName: 'Tech', isTech: true });
	db.createUser({ ...DEMO_LOGINS.customer, email: 'customer@acme.example', firstName: 'Carl', lastName: 'Customer' });
}

/** 'empty': just the three demo logins, the built-in statuses and one "General" category (Jitbit always has one). */
export function seedEmpty(db: SandboxDb): void {
	db.clear();
	seedBase(db);
	const categoryId = db.nextId('category');
	db.categories.set(categoryId, { categoryId, name: 'General', sectionId: null, forTechsOnly: false, fromAddress: '', techIds: [2] });
}

const SUBJECTS = [
	'Printer on 3rd floor is jammed', 'Cannot log in to VPN', 'Laptop battery drains fast', 'Request: new monitor',
	'Outlook keeps asking for password', 'Invoice #4411 has wrong VAT', 'Wi-Fi drops in meeting room B', 'Install Adobe Reader',
	'Password reset for SAP', 'Air conditioning too cold', 'Broken chair in office 12', 'Refund request for order 5521',
	'Blue screen after update', 'Shared drive is full', 'Phone extension not working', 'New employee onboarding: J. Smith',
	'Excel crashes on large files', 'Badge reader at main door', 'Projector flickers', 'Duplicate charge on card',
	'Slack notifications missing', 'Request admin rights', 'Website contact form broken', 'Keyboard keys sticking',
	'Café machine leaking',
];

const COMMENT_TEXTS = [
	'<p>Thanks, we are looking into it.</p>', '<p>Could you send a screenshot?</p>', '<p>Here is the screenshot.</p>',
	'<p>Restarted the service, please try again.</p>', '<p>Still not working for me.</p>', '<p>Works now, thank you!</p>',
	'<p>Ordered a replacement part.</p>', '<p>Escalated to the vendor.</p>',
];

/** 'demo': the realistic data set described in the sandbox README comment of index.ts. */
export function seedDemo(db: SandboxDb): void {
	db.clear();
	const rnd = prng(20251128);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

	seedBase(db);
	db.statuses.set(CUSTOM_STATUS_ID, { statusId: CUSTOM_STATUS_ID, name: 'Waiting for customer', color: '#b05fd1', stopTimeSpent: true });

	for (const name of ['Sales', 'Engineering', 'Support']) db.departmentByName(name);
	const acme = db.createCompany({ name: 'Acme Corp', emailDomain: 'acme.example', notes: 'Key account' });
	const globex = db.createCompany({ name: 'Globex', emailDomain: 'globex.example', notes: '' });
	db.createCompany({ name: 'Initech', emailDomain: 'initech.example;initech.test', notes: 'Two domains' });

	const admin = db.user(1);
	const tech = db.user(2);
	const customer = db.user(3);
	customer.companyId = acme.companyId;
	customer.departmentId = 1;
	admin.departmentId = 3;
	tech.departmentId = 3;
	tech.signature = 'Tom, IT support';
	const sarah = db.createUser({ username: 'sarah.tech', password: 'sarah-pass', email: 'sarah@helpdesk.example', firstName: 'Sarah', lastName: 'Stone', isTech: true, departmentId: 3 });
	const jdoe = db.createUser({ username: 'DOMAIN\\jdoe', password: 'jdoe-pass', email: 'jdoe@globex.example', firstName: 'John', lastName: 'Doe', companyId: globex.companyId, departmentId: 2 });
	const manager = db.createUser({ username: 'mia.manager', password: 'mia-pass', email: 'mia@acme.example', firstName: 'Mia', lastName: 'Manager', companyId: acme.companyId, isManager: true, departmentId: 1 });
	const customers: UserRec[] = [customer, jdoe, manager];
	const more: Array<[string, string, string, number | null]> = [
		['bob', 'Bob', 'Builder', 1], ['eve', 'Eve', 'Evans', 2], ['li.wei', 'Li', 'Wei', 3], ['olga', 'Olga', 'Orlova', null], ['pat', 'Pat', 'Patel', 1],
	];
	for (const [username, firstName, lastName, companyId] of more) {
		const domain = companyId ? db.company(companyId).emailDomain.split(';')[0] : 'mail.example';
		customers.push(db.createUser({ username, password: `${username}-pass`, email: `${username}@${domain}`, firstName, lastName, companyId, departmentId: 2 }));
	}
	db.createUser({ username: 'former.employee', password: 'x-pass', email: 'former@acme.example', firstName: 'Fred', lastName: 'Former', disabled: true, companyId: acme.companyId });
	const techs = [admin, tech, sarah];

	const sections = ['IT', 'Facilities', 'Billing'].map((name) => {
		const sectionId = db.nextId('section');
		db.sections.set(sectionId, { sectionId, name });
		return sectionId;
	});
	const cats: Array<[string, number | null, boolean, number[]]> = [
		['General', null, false, [2, 4]], ['Hardware', sections[0], false, [2]], ['Software', sections[0], false, [2, 4]],
		['Network', sections[0], false, [4]], ['Building', sections[1], false, [4]], ['Invoices', sections[2], false, [2]],
		['Internal tasks', sections[0], true, [2, 4]],
	];
	for (const [name, sectionId, forTechsOnly, techIds] of cats) {
		const categoryId = db.nextId('category');
		db.categories.set(categoryId, { categoryId, name, sectionId, forTechsOnly, fromAddress: forTechsOnly ? '' : 'support@helpdesk.example', techIds });
	}

	// Custom fields of every type (docs/jitbit-api.md §17): 1 text, 2 date, 3 dropdown, 4 checkbox, 5 multiline.
	const field = (name: string, type: 1 | 2 | 3 | 4 | 5, usage: 'ticket' | 'asset' | 'user' | 'company', categoryIds: number[] | 'all', extra: { forTechsOnly?: boolean; mandatory?: boolean; options?: string[] } = {}) => {
		const fieldId = db.nextId('field');
		db.customFields.set(fieldId, {
			fieldId, name, type, usage, categoryIds, forTechsOnly: extra.forTechsOnly ?? false, mandatory: extra.mandatory ?? false,
			orderByNumber: fieldId, showInGrid: type !== 5,
			options: (extra.options ?? []).map((n) => ({ optionId: db.nextId('option'), name: n })),
		});
		return fieldId;
	};
	const fAssetTag = field('Asset tag', 1, 'ticket', [2, 3]);
	const fPurchase = field('Purchase date', 2, 'ticket', [2]);
	const fOs = field('Operating system', 3, 'ticket', [2, 3], { options: ['Windows 11', 'macOS', 'Ubuntu'] });
	const fWarranty = field('Under warranty', 4, 'ticket', [2]);
	const fSteps = field('Steps to reproduce', 5, 'ticket', [3]);
	field('Internal notes', 1, 'ticket', 'all', { forTechsOnly: true });
	field('Invoice number', 1, 'ticket', [6], { mandatory: true });
	const fAssetWarranty = field('Warranty until', 2, 'asset', 'all');
	const fEmployee = field('Employee ID', 1, 'user', 'all');
	const fAccountMgr = field('Account manager', 1, 'company', 'all');
	customer.customFields[fEmployee] = 'E-1003';
	acme.customFields[fAccountMgr] = 'Sarah Stone';
	const osOptions = db.field(fOs).options;

	// ~50 tickets over Sep-Nov 2025, across statuses (incl. the custom one) and priorities -1..2.
	const start = Date.UTC(2025, 8, 1, 8, 0, 0);
	const end = Date.UTC(2025, 10, 28, 18, 0, 0);
	const statusCycle = [STATUS_NEW, STATUS_IN_PROCESS, STATUS_CLOSED, STATUS_IN_PROCESS, CUSTOM_STATUS_ID, STATUS_CLOSED, STATUS_NEW];
	const tagPool = ['vpn', 'hardware', 'urgent', 'billing', 'onboarding', 'printer'];
	for (let i = 0; i < 50; i++) {
		const issue = start + Math.floor(i * 1.7 * 86400000 + rnd() * 6 * 3600000);
		const submitter = customers[i % customers.length];
		const categoryId = i % 7 === 6 ? 7 : 1 + (i % 6);
		const statusId = statusCycle[i % statusCycle.length];
		const assigned = statusId === STATUS_NEW && i % 2 === 0 ? null : techs[i % 3].userId;
		const t = db.createTicket({
			subject: SUBJECTS[i % SUBJECTS.length] + (i >= SUBJECTS.length ? ' (again)' : ''),
			body: `<p>${SUBJECTS[i % SUBJECTS.length]}.</p><p>Reported by ${submitter.firstName}.</p>`,
			categoryId,
			userId: categoryId === 7 ? tech.userId : submitter.userId,
			priority: (i % 4) - 1,
			statusId,
			assignedToUserId: assigned,
			tags: i % 3 === 0 ? [tagPool[i % tagPool.length]] : i % 5 === 0 ? [pick(tagPool), 'urgent'] : [],
			origin: i % ORIGINS.length,
			issueDate: isoSeconds(new Date(issue)),
		});
		if (i % 4 === 1) t.dueDate = isoSeconds(new Date(issue + 7 * 86400000));
		if (statusId === STATUS_IN_PROCESS) t.startDate = isoSeconds(new Date(issue + 3600000));
		if (categoryId === 2) {
			t.customFields[fAssetTag] = `AT-${1000 + i}`;
			t.customFields[fOs] = String(osOptions[i % 3].optionId);
			t.customFields[fWarranty] = i % 2 === 0 ? 'true' : 'false';
			if (i % 4 === 0) t.customFields[fPurchase] = '2024-03-15T00:00:00Z';
		}
		if (categoryId === 3) t.customFields[fSteps] = '1. Open the app\n2. Click Save\n3. Crash';
		if (assigned && !t.subscriberIds.includes(assigned)) t.subscriberIds.push(assigned);
		// Comments: customer/tech exchange, some tech-only notes, the odd system comment.
		const nComments = i % 4;
		let at = issue;
		for (let c = 0; c < nComments; c++) {
			at += Math.floor(rnd() * 20 * 3600000) + 600000;
			if (at > end) at = end - (nComments - c) * 60000;
			const byTech = c % 2 === 0;
			const who = byTech ? (assigned ?? tech.userId) : t.userId;
			const forTechsOnly = byTech && i % 5 === 0;
			const cm = db.addComment(t.ticketId, { userId: who, body: pick(COMMENT_TEXTS), forTechsOnly, date: isoSeconds(new Date(at)) });
			if (i % 9 === 0 && c === 1) {
				db.addFile({ ticketId: t.ticketId, commentId: cm.commentId, userId: who, fileName: 'screenshot.png', contentType: 'image/png', data: PNG_1X1, date: cm.commentDate });
			}
		}
		if (i % 10 === 3) db.addComment(t.ticketId, { userId: tech.userId, body: 'Status changed to In process', isSystem: true, date: isoSeconds(new Date(at + 60000)) });
		if (i % 6 === 2) {
			db.addFile({ ticketId: t.ticketId, userId: t.userId, fileName: 'error-log.txt', contentType: 'text/plain', data: Buffer.from(`ERROR 0x80070005 on ticket ${t.ticketId}\nAccess is denied.\n`), date: t.issueDate });
		}
		if (i === 4) {
			db.addFile({ ticketId: t.ticketId, userId: t.userId, fileName: 'inventory.csv', contentType: 'text/csv', data: Buffer.from('item,qty\nmonitor,2\nkeyboard,5\n'), date: t.issueDate, forTechsOnly: false });
		}
		// Comment/file dates may overshoot; the seed's LastUpdated is the latest activity, but never after `end`.
		if (t.lastUpdated > isoSeconds(new Date(end))) t.lastUpdated = isoSeconds(new Date(end));
		if (t.lastUpdated < t.issueDate) t.lastUpdated = t.issueDate;
		if (statusId === STATUS_CLOSED) t.resolvedDate = t.lastUpdated;
		if (statusId !== STATUS_CLOSED && t.timeSpentInSeconds === 0 && i % 3 === 1) {
			t.timeSpentInSeconds = 900 * (1 + (i % 4));
			db.timeLog.push({ ticketId: t.ticketId, date: t.lastUpdated, statusId, timeSpentInSeconds: t.timeSpentInSeconds, userId: assigned ?? tech.userId });
		}
	}
	// Relations: a parent with two sub-tickets, a linked pair, a Jira integration link.
	const ids = [...db.tickets.keys()];
	db.ticket(ids[11]).parentId = ids[10];
	db.ticket(ids[12]).parentId = ids[10];
	db.ticket(ids[20]).linkedIds.push(ids[21]);
	db.ticket(ids[21]).linkedIds.push(ids[20]);
	db.ticket(ids[5]).integrations = { JiraURL: 'https://jira.example/browse/IT-42' };

	// 57 assets, so Assets pages (50 fixed) have a second page.
	const models: Array<[string, string, string, string]> = [
		['Latitude 7440', 'Dell', 'Laptop', 'CDW'], ['MacBook Pro 14', 'Apple', 'Laptop', 'Apple Store'], ['U2723QE', 'Dell', 'Monitor', 'CDW'],
		['LaserJet M404', 'HP', 'Printer', 'Insight'], ['iPhone 15', 'Apple', 'Phone', 'Apple Store'], ['ThinkPad X1', 'Lenovo', 'Laptop', 'Insight'],
	];
	for (let i = 0; i < 57; i++) {
		const [modelName, manufacturer, type, supplier] = models[i % models.length];
		const a = db.createAsset({
			modelName, manufacturer, type, supplier,
			serialNumber: `SN-${(100000 + i * 7919).toString(36).toUpperCase()}`,
			location: ['HQ floor 1', 'HQ floor 3', 'Remote', 'Warehouse'][i % 4],
			comments: i % 5 === 0 ? 'Refurbished' : '',
			quantity: type === 'Monitor' ? 2 : 1,
			companyId: i % 3 === 0 ? acme.companyId : i % 3 === 1 ? globex.companyId : null,
			departmentId: 1 + (i % 3),
			disabled: i === 56,
		});
		if (i < customers.length) a.assignedUserIds.push(customers[i].userId);
		if (i % 2 === 0) a.customFields[fAssetWarranty] = '2027-06-30T00:00:00Z';
		a.log.push({ date: '2025-08-01T09:00:00Z', userId: admin.userId, text: 'Asset created' });
	}
	db.asset(1).ticketIds.push(ids[1]);

	const articles: Array<[string, string, number, boolean, string[]]> = [
		['How to connect to the VPN', '<p>Install the client, then sign in with your network account.</p>', 4, false, ['vpn']],
		['Resetting your password', '<p>Use the self-service portal at <a href="https://id.example">id.example</a>.</p>', 1, false, ['password']],
		['Printer troubleshooting', '<p>Turn it off and on again.</p>', 2, false, ['printer', 'hardware']],
		['Expense and invoice policy', '<p>Invoices must carry the PO number.</p>', 6, false, ['billing']],
		['Server room access procedure', '<p>Technicians only: sign the log book.</p>', 7, true, []],
	];
	articles.forEach(([subject, body, categoryId, forTechsOnly, tags], i) => {
		const articleId = db.nextId('article');
		const date = isoSeconds(new Date(Date.UTC(2025, 5, 1 + i * 9, 10)));
		db.articles.set(articleId, { articleId, subject, body, categoryId, forTechsOnly, tags, dateCreated: date, lastUpdated: date, urlId: `${articleId}-${subject.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` });
	});
	db.addFile({ articleId: 1, userId: admin.userId, fileName: 'vpn-setup.txt', contentType: 'text/plain', data: Buffer.from('1. Download client\n2. Sign in\n'), date: '2025-06-01T10:00:00Z' });

	const templates: Array<[string, string]> = [
		['Greeting', '<p>Hello, thanks for contacting support.</p>'],
		['Need more info', '<p>Could you send us a screenshot and the exact error message?</p>'],
		['Closing', '<p>We are closing this ticket; reply to reopen it.</p>'],
	];
	for (const [name, body] of templates) {
		const templateId = db.nextId('template');
		db.commentTemplates.set(templateId, { templateId, name, body });
	}
	for (const [name, enabled] of [['Auto-assign printers to Tom', true], ['Escalate critical tickets', false]] as const) {
		const ruleId = db.nextId('rule');
		db.rules.set(ruleId, { ruleId, name, enabled });
	}
}

export interface AddTicketsOptions {
	/** IssueDate of the first ticket; default: db.now() minus count*spacing, so the last one is "now". */
	start?: Date;
	/** Seconds between consecutive tickets' IssueDate (also their LastUpdated). Default 60. */
	spacingSeconds?: number;
	categoryId?: number;
	/** Submitter; default: the demo customer (3) or the first user. */
	userId?: number;
	/** Cycled across tickets; default [1, 2, 3]. */
	statusIds?: number[];
	assignedToUserId?: number | null;
	subjectPrefix?: string;
	tags?: string[];
}

/**
 * Bulk builder for pagination tests and benchmarks: inserts `count` tickets directly (no comments), each
 * one `spacingSeconds` newer than the previous. 10 000 tickets take a few tens of milliseconds.
 */
export function addTickets(db: SandboxDb, count: number, opts: AddTicketsOptions = {}): TicketRec[] {
	const spacing = (opts.spacingSeconds ?? 60) * 1000;
	const startMs = opts.start ? opts.start.getTime() : db.now().getTime() - count * spacing;
	const categoryId = opts.categoryId ?? db.categories.keys().next().value ?? 1;
	const userId = opts.userId ?? (db.users.has(3) ? 3 : (db.users.keys().next().value ?? 1));
	const statusIds = opts.statusIds ?? [STATUS_NEW, STATUS_IN_PROCESS, STATUS_CLOSED];
	const prefix = opts.subjectPrefix ?? 'Bulk ticket';
	const out: TicketRec[] = [];
	for (let i = 0; i < count; i++) {
		const date = isoSeconds(new Date(startMs + i * spacing));
		out.push(
			db.createTicket({
				subject: `${prefix} ${i + 1}`,
				body: `<p>${prefix} ${i + 1} body</p>`,
				categoryId,
				userId,
				statusId: statusIds[i % statusIds.length],
				priority: (i % 4) - 1,
				assignedToUserId: opts.assignedToUserId ?? null,
				tags: opts.tags ? [...opts.tags] : [],
				issueDate: date,
			}),
		);
	}
	return out;
}
