/* eslint-disable @typescript-eslint/no-explicit-any -- does not ship (README, Development: Lint) */
/** Tickets, relations, subscribers, attachments, comments and custom fields against docs/jitbit-api.md §7-§11 and §17. */
import { addTickets } from '../../sandbox';
import { call, useSandbox } from './helpers';

const s = useSandbox();

describe('GET Tickets', () => {
	it('returns list items with IssueID (no TicketID) and the list item fields, newest-updated first', async () => {
		const r = await call(s.sb, '/api/Tickets', { query: { count: 300 } });
		expect(r.data).toHaveLength(50);
		const item = r.data[0];
		expect(item).not.toHaveProperty('TicketID');
		for (const k of ['IssueID', 'Priority', 'StatusID', 'Status', 'IssueDate', 'LastUpdated', 'DueDate', 'Subject', 'CategoryID', 'Category', 'UserID', 'UserName', 'AssignedToUserID', 'Technician', 'UpdatedByUser', 'Origin', 'HasChildren', 'TimeSpentInSeconds']) {
			expect(item).toHaveProperty(k);
		}
		expect(item.LastUpdated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(typeof item.Origin).toBe('string');
		const keys = r.data.map((t: any) => `${t.LastUpdated}|${String(t.IssueID).padStart(8, '0')}`);
		expect(keys).toEqual([...keys].sort().reverse());
	});

	it('defaults to 10 items, caps count at 300 and pages with a 0-based offset', async () => {
		addTickets(s.sb.db, 700);
		expect((await call(s.sb, '/api/Tickets')).data).toHaveLength(10);
		expect((await call(s.sb, '/api/Tickets', { query: { count: 1000 } })).data).toHaveLength(300);
		const all: number[] = [];
		for (let offset = 0; ; offset += 300) {
			const page = (await call(s.sb, '/api/Tickets', { query: { count: 300, offset } })).data;
			all.push(...page.map((t: any) => t.IssueID));
			if (page.length < 300) break;
		}
		expect(all).toHaveLength(750);
		expect(new Set(all).size).toBe(750);
		const second = (await call(s.sb, '/api/Tickets', { query: { count: 5, offset: 5 } })).data;
		const first10 = (await call(s.sb, '/api/Tickets', { query: { count: 10 } })).data;
		expect(second).toEqual(first10.slice(5));
	});

	it('filters by status, category (repeated), section, submitter, company, assignee and tag', async () => {
		const q = async (query: Record<string, any>) => (await call(s.sb, '/api/Tickets', { query: { count: 300, ...query } })).data as any[];
		expect((await q({ statusId: 7 })).every((t) => t.StatusID === 7)).toBe(true);
		expect((await q({ statusId: 7 })).length).toBeGreaterThan(0);
		const cats = await q({ categoryId: [2, 3] });
		expect(new Set(cats.map((t) => t.CategoryID))).toEqual(new Set([2, 3]));
		expect((await q({ sectionId: 1 })).every((t) => [2, 3, 4, 7].includes(t.CategoryID))).toBe(true);
		expect((await q({ fromUserId: 5 })).every((t) => t.UserID === 5)).toBe(true);
		expect((await q({ fromCompanyId: 1 })).every((t) => t.CompanyID === 1)).toBe(true);
		expect((await q({ handledByUserID: 2 })).every((t) => t.AssignedToUserID === 2)).toBe(true);
		const tagged = await q({ tagName: 'VPN' });
		expect(tagged.length).toBeGreaterThan(0);
		for (const t of tagged) expect(s.sb.db.ticket(t.IssueID).tags).toContain('vpn');
	});

	it('supports the modes all, unclosed, unanswered, handledbyme', async () => {
		const q = async (mode: string, as: 'admin' | 'tech' = 'admin') => (await call(s.sb, '/api/Tickets', { as, query: { count: 300, mode } })).data as any[];
		expect(await q('all')).toHaveLength(50);
		expect((await q('unclosed')).every((t) => t.StatusID !== 3)).toBe(true);
		expect((await q('unanswered')).every((t) => t.StatusID !== 3 && (t.StatusID === 1 || t.UpdatedByUser))).toBe(true);
		expect((await q('handledbyme', 'tech')).every((t) => t.AssignedToUserID === 2)).toBe(true);
		expect((await call(s.sb, '/api/Tickets', { query: { mode: 'bogus' } })).status).toBe(400);
	});

	it('compares dateFrom/dateTo and updatedFrom/updatedTo by day, inclusive', async () => {
		const db = s.sb.db;
		const a = db.createTicket({ subject: 'late', categoryId: 1, userId: 3, issueDate: '2026-02-10T23:59:59Z' });
		const b = db.createTicket({ subject: 'next day', categoryId: 1, userId: 3, issueDate: '2026-02-11T00:00:00Z' });
		const ids = async (query: Record<string, string>) => (await call(s.sb, '/api/Tickets', { query: { count: 300, ...query } })).data.map((t: any) => t.IssueID);
		expect(await ids({ dateFrom: '2026-02-10', dateTo: '2026-02-10' })).toEqual([a.ticketId]);
		expect(await ids({ dateFrom: '2026-02-11' })).toEqual([b.ticketId]);
		expect(await ids({ updatedFrom: '2026-02-10', updatedTo: '2026-02-11' })).toEqual([b.ticketId, a.ticketId]);
		expect(await ids({ updatedTo: '2025-08-31' })).toEqual([]);
		expect((await call(s.sb, '/api/Tickets', { query: { dateFrom: 'yesterday' } })).status).toBe(400);
	});

	it('filters dueInDays and subscribedOnly, and adds custom fields with includeCustomFields', async () => {
		const db = s.sb.db;
		db.setClock(() => new Date('2026-03-01T12:00:00Z'));
		const soon = db.createTicket({ subject: 'due soon', categoryId: 1, userId: 3, dueDate: '2026-03-03T09:00:00Z' });
		db.createTicket({ subject: 'due later', categoryId: 1, userId: 3, dueDate: '2026-04-01T09:00:00Z' });
		const due = (await call(s.sb, '/api/Tickets', { query: { count: 300, dueInDays: 3 } })).data.map((t: any) => t.IssueID);
		expect(due).toContain(soon.ticketId);
		expect(due.some((id: number) => db.ticket(id).subject === 'due later')).toBe(false);
		const subscribed = (await call(s.sb, '/api/Tickets', { as: 'tech', query: { count: 300, subscribedOnly: true } })).data;
		expect(subscribed.length).toBeGreaterThan(0);
		expect(subscribed.every((t: any) => db.ticket(t.IssueID).subscriberIds.includes(2))).toBe(true);
		const withCf = (await call(s.sb, '/api/Tickets', { query: { categoryId: 2, includeCustomFields: true } })).data[0];
		expect(withCf.CustomFields.map((f: any) => f.FieldName)).toContain('Asset tag');
		expect((await call(s.sb, '/api/Tickets', { query: { categoryId: 2 } })).data[0]).not.toHaveProperty('CustomFields');
	});
});

describe('GET Ticket', () => {
	it('returns the detail with TicketID (no IssueID), embedded users, attachments and tags', async () => {
		const r = await call(s.sb, '/api/Ticket', { query: { id: 1003 } });
		const t = r.data;
		expect(t.TicketID).toBe(1003);
		expect(t).not.toHaveProperty('IssueID');
		expect(t.SubmitterUserInfo.UserID).toBe(t.UserID);
		expect(t.Attachments[0]).toMatchObject({ FileName: 'error-log.txt', IssueID: 1003 });
		expect(t.Attachments[0].FileSize).toBeGreaterThan(0);
		for (const k of ['CategoryName', 'StatusStopTimeSpent', 'Body', 'Url', 'Tags', 'Integrations', 'IsCurrentUserTechInThisCategory', 'SubmittedByCurrentUser']) expect(t).toHaveProperty(k);
		expect(t).not.toHaveProperty('CustomFields');
		const tagged = (await call(s.sb, '/api/Ticket', { query: { id: 1001 } })).data;
		expect(tagged.Tags[0]).toEqual({ TagID: expect.any(Number), Name: 'vpn', TagCount: expect.any(Number) });
	});
});

describe('POST Ticket', () => {
	it('creates from a form and answers the id as a bare JSON number', async () => {
		const r = await call(s.sb, '/api/Ticket', { form: { categoryId: 2, subject: 'New laptop', body: '<p>Please</p>', priorityId: 1, tags: 'hardware, new', origin: 6, customFields: JSON.stringify({ 3: '103', 4: 'true' }) } });
		expect(r.status).toBe(200);
		expect(r.contentType).toBe('application/json; charset=utf-8');
		expect(r.text).toMatch(/^\d+$/);
		const t = s.sb.db.ticket(Number(r.text));
		expect(t).toMatchObject({ subject: 'New laptop', priority: 1, tags: ['hardware', 'new'], origin: 6, statusId: 1, userId: 1 });
		expect(t.customFields).toEqual({ 3: '103', 4: 'true' });
		const detail = (await call(s.sb, '/api/Ticket', { query: { id: t.ticketId } })).data;
		expect(detail.Origin).toBe('Phone');
	});

	it('creates on behalf of a user with an assignee, and ignores dueDate on create (set it with UpdateTicket)', async () => {
		const r = await call(s.sb, '/api/Ticket', { as: 'tech', form: { categoryId: 1, subject: 's', body: 'b', userId: 5, assignedToUserId: 4, dueDate: '2026-01-31', suppressConfirmation: true } });
		const t = s.sb.db.ticket(r.data);
		expect(t).toMatchObject({ userId: 5, assignedToUserId: 4, dueDate: null, onBehalfUserName: 'tech' });
	});

	it('takes attachments as multipart parts of any name', async () => {
		const fd = new FormData();
		fd.append('categoryId', '1');
		fd.append('subject', 'With files');
		fd.append('body', 'see attached');
		fd.append('uploadFile', new Blob([Buffer.from('hello')], { type: 'text/plain' }), 'a.txt');
		fd.append('whatever', new Blob([Buffer.from([0, 1, 2, 255])], { type: 'application/octet-stream' }), 'b.bin');
		const r = await call(s.sb, '/api/Ticket', { multipart: fd });
		expect(r.status).toBe(200);
		const files = s.sb.db.filesOfTicket(r.data);
		expect(files.map((f) => [f.fileName, f.data.length])).toEqual([['a.txt', 5], ['b.bin', 4]]);
		const rec = s.sb.requests.at(-1)!;
		expect(rec.files.map((f) => f.field)).toEqual(['uploadFile', 'whatever']);
		expect(rec.files[1].data).toEqual(Buffer.from([0, 1, 2, 255]));
		expect(rec.body).toMatchObject({ categoryId: '1', subject: 'With files' });
	});

	it('answers 400 naming a missing or malformed parameter, 404 for an unknown category', async () => {
		for (const missing of ['categoryId', 'subject', 'body']) {
			const form: Record<string, string> = { categoryId: '1', subject: 's', body: 'b' };
			delete form[missing];
			const r = await call(s.sb, '/api/Ticket', { form });
			expect(r.status).toBe(400);
			expect(r.text).toContain(missing);
		}
		expect((await call(s.sb, '/api/Ticket', { form: { categoryId: 1, subject: 's', body: 'b', priorityId: 5 } })).status).toBe(400);
		expect((await call(s.sb, '/api/Ticket', { form: { categoryId: 1, subject: 's', body: 'b', customFields: '{bad' } })).status).toBe(400);
		const r = await call(s.sb, '/api/Ticket', { form: { categoryId: 99, subject: 's', body: 'b' } });
		expect(r.status).toBe(404);
		expect(r.text).toContain('99');
	});
});

describe('UpdateTicket / Close / DeleteTicket / MergeTickets', () => {
	it('updates with `priority` (not priorityId), statusId, tags (replacing), categoryId or newCategoryId, dueDate', async () => {
		s.sb.db.setClock(() => new Date('2026-05-05T10:00:00Z'));
		const r = await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, priority: 2, priorityId: -1, statusId: 7, tags: 'x,y', newCategoryId: 3, dueDate: '2026-05-31', timeSpentInSeconds: 600 } });
		expect(r.status).toBe(200);
		expect(s.sb.db.ticket(1001)).toMatchObject({ priority: 2, statusId: 7, tags: ['x', 'y'], categoryId: 3, dueDate: '2026-05-31T00:00:00Z', timeSpentInSeconds: 600, lastUpdated: '2026-05-05T10:00:00Z' });
		await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, categoryId: 4, newCategoryId: 5, tags: 'z' } });
		expect(s.sb.db.ticket(1001)).toMatchObject({ categoryId: 4, tags: ['z'] });
		await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, dueDate: '' } });
		expect(s.sb.db.ticket(1001).dueDate).toBeNull();
		const log = (await call(s.sb, '/api/TimeSpentLog', { query: { ticketId: 1001 } })).data;
		expect(log).toEqual([{ Date: '2026-05-05T10:00:00Z', StatusID: 1, TimeSpentInSeconds: 600, UserID: 1, UserName: 'admin' }]);
	});

	it('assigns with assignedUserId and un-assigns with 0', async () => {
		await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, assignedUserId: 4 } });
		expect(s.sb.db.ticket(1001).assignedToUserId).toBe(4);
		await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, assignedUserId: 0 } });
		expect(s.sb.db.ticket(1001).assignedToUserId).toBeNull();
		expect((await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, assignedUserId: 3 } })).status).toBe(400); // not a tech
	});

	it('answers 400 without id and 404 for an unknown id', async () => {
		expect((await call(s.sb, '/api/UpdateTicket', { form: { subject: 'x' } })).status).toBe(400);
		const r = await call(s.sb, '/api/UpdateTicket', { form: { id: 424242, subject: 'x' } });
		expect(r.status).toBe(404);
		expect(r.text).toContain('424242');
		expect((await call(s.sb, '/api/UpdateTicket', { form: { id: 1001, statusId: 99 } })).status).toBe(400);
	});

	it('closes by GET or POST with optional suppressNotification, setting ResolvedDate', async () => {
		s.sb.db.setClock(() => new Date('2026-06-01T08:00:00Z'));
		const get = await call(s.sb, '/api/Close', { query: { id: 1001, suppressNotification: true } });
		expect([get.status, get.text]).toEqual([200, '']);
		expect(s.sb.db.ticket(1001)).toMatchObject({ statusId: 3, resolvedDate: '2026-06-01T08:00:00Z' });
		expect((await call(s.sb, '/api/Close', { form: { id: 1002 } })).status).toBe(200);
		expect(s.sb.db.ticket(1002).statusId).toBe(3);
	});

	it('deletes with POST DeleteTicket or DELETE Ticket (admin)', async () => {
		expect((await call(s.sb, '/api/DeleteTicket', { form: { id: 1001 } })).status).toBe(200);
		expect(s.sb.db.tickets.has(1001)).toBe(false);
		expect((await call(s.sb, '/api/Ticket', { method: 'DELETE', query: { id: 1002 } })).status).toBe(200);
		expect(s.sb.db.tickets.has(1002)).toBe(false);
		expect((await call(s.sb, '/api/DeleteTicket', { form: { id: 1001 } })).status).toBe(404);
	});

	it('merges id2 into id: comments move over and id2 disappears', async () => {
		const before = s.sb.db.commentsOf(1004).length + s.sb.db.commentsOf(1003).length;
		expect((await call(s.sb, '/api/MergeTickets', { form: { id: 1003, id2: 1004 } })).status).toBe(200);
		expect(s.sb.db.tickets.has(1004)).toBe(false);
		expect(s.sb.db.commentsOf(1003).length).toBe(before + 1);
		expect((await call(s.sb, '/api/MergeTickets', { form: { id: 1003, id2: 1004 } })).status).toBe(404);
	});
});

describe('Stats and Search', () => {
	it('Stats returns the counters', async () => {
		const r = await call(s.sb, '/api/Stats');
		expect(Object.keys(r.data).sort()).toEqual(['Closed', 'InProcess', 'NewTickets', 'TotalTickets', 'Unanswered', 'Unassigned', 'Unclosed']);
		expect(r.data.TotalTickets).toBe(50);
		expect(r.data.Closed + r.data.Unclosed).toBe(50);
	});

	it('Search requires query, matches subject/body/comments, returns list items, pages with count/offset', async () => {
		expect((await call(s.sb, '/api/Search')).status).toBe(400);
		const r = await call(s.sb, '/api/Search', { query: { query: 'printer' } });
		expect(r.data.length).toBeGreaterThan(0);
		expect(r.data[0]).toHaveProperty('IssueID');
		expect(r.data[0]).not.toHaveProperty('TicketID');
		s.sb.db.addComment(1010, { userId: 3, body: 'the flux capacitor broke' });
		expect((await call(s.sb, '/api/Search', { query: { query: 'FLUX' } })).data.map((t: any) => t.IssueID)).toEqual([1010]);
		addTickets(s.sb.db, 30, { subjectPrefix: 'Needle' });
		expect((await call(s.sb, '/api/Search', { query: { query: 'needle' } })).data).toHaveLength(10);
		const p2 = (await call(s.sb, '/api/Search', { query: { query: 'needle', count: 25, offset: 20 } })).data;
		expect(p2).toHaveLength(10);
		expect((await call(s.sb, '/api/Search', { query: { query: 'needle', statusId: 1, count: 100 } })).data.every((t: any) => t.StatusID === 1)).toBe(true);
	});
});

describe('relations and subscribers', () => {
	it('links, lists and unlinks tickets', async () => {
		expect((await call(s.sb, '/api/LinkTickets', { form: { id: 1001, id2: 1002 } })).status).toBe(200);
		expect((await call(s.sb, '/api/LinkedTickets', { query: { id: 1002 } })).data.map((t: any) => t.IssueID)).toEqual([1001]);
		await call(s.sb, '/api/UnlinkTickets', { form: { id: 1002, id2: 1001 } });
		expect((await call(s.sb, '/api/LinkedTickets', { query: { id: 1001 } })).data).toEqual([]);
	});

	it('adds and removes sub-tickets; SubTickets, ParentTicket and HasChildren follow', async () => {
		expect((await call(s.sb, '/api/AddSubTicket', { form: { parentId: 1001, childId: 1002 } })).status).toBe(200);
		expect((await call(s.sb, '/api/SubTickets', { query: { id: 1001 } })).data.map((t: any) => t.IssueID)).toEqual([1002]);
		expect((await call(s.sb, '/api/ParentTicket', { query: { id: 1002 } })).text).toBe('1001');
		expect((await call(s.sb, '/api/ParentTicket', { query: { id: 1002, returnFullTicket: true } })).data.TicketID).toBe(1001);
		expect((await call(s.sb, '/api/Tickets', { query: { count: 300 } })).data.find((t: any) => t.IssueID === 1001).HasChildren).toBe(true);
		expect((await call(s.sb, '/api/AddSubTicket', { form: { parentId: 1002, childId: 1001 } })).status).toBe(400); // cycle
		await call(s.sb, '/api/RemoveSubTicket', { form: { childId: 1002 } });
		expect((await call(s.sb, '/api/ParentTicket', { query: { id: 1002 } })).text).toBe('null');
	});

	it('lists, adds and removes subscribers', async () => {
		const subs = await call(s.sb, '/api/Subscribers/1001');
		expect(subs.data.map((u: any) => u.UserID)).toEqual([3]);
		expect(subs.data[0]).toHaveProperty('FullNameAndLogin');
		await call(s.sb, '/api/AddSubscriber', { form: { id: 1001, userId: 5 } });
		expect((await call(s.sb, '/api/Subscribers', { query: { id: 1001 } })).data.map((u: any) => u.UserID)).toEqual([3, 5]);
		await call(s.sb, '/api/RemoveSubscriber', { form: { id: 1001, userId: 3 } });
		expect(s.sb.db.ticket(1001).subscriberIds).toEqual([5]);
	});

	it('returns integration data', async () => {
		expect((await call(s.sb, '/api/TicketIntegrationData', { query: { id: 1006 } })).data).toEqual({ JiraURL: 'https://jira.example/browse/IT-42' });
	});
});

describe('attachments', () => {
	it('lists a ticket\'s files and downloads one as binary with Content-Disposition', async () => {
		const list = (await call(s.sb, '/api/Attachments', { query: { id: 1003 } })).data;
		expect(list[0]).toMatchObject({ FileName: 'error-log.txt', IssueID: 1003 });
		for (const k of ['FileID', 'FileSize', 'FileHash', 'FileData', 'CommentID', 'UserID', 'ForTechsOnly', 'Url', 'UrlRelative']) expect(list[0]).toHaveProperty(k);
		const png = [...s.sb.db.files.values()].find((f) => f.fileName === 'screenshot.png')!;
		const dl = await call(s.sb, '/api/attachment', { query: { id: png.fileId } });
		expect(dl.status).toBe(200);
		expect(dl.contentType).toBe('image/png');
		expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="screenshot.png"/);
		expect(dl.bytes.subarray(1, 4).toString()).toBe('PNG');
		expect((await call(s.sb, '/api/Attachment', { query: { id: 1 } })).status).toBe(404);
	});

	it('AttachFile takes the ticket id from the form or query and files under any part name; DeleteFile by GET', async () => {
		const fd = new FormData();
		fd.append('id', '1001');
		fd.append('file', new Blob(['one']), 'one.txt');
		expect((await call(s.sb, '/api/AttachFile', { multipart: fd })).status).toBe(200);
		const fd2 = new FormData();
		fd2.append('report.pdf', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'report.pdf');
		expect((await call(s.sb, '/api/AttachFile?id=1001', { multipart: fd2 })).status).toBe(200);
		const files = s.sb.db.filesOfTicket(1001);
		expect(files.map((f) => f.fileName)).toEqual(['one.txt', 'report.pdf']);
		const noFile = await call(s.sb, '/api/AttachFile', { form: { id: 1001 } });
		expect(noFile.status).toBe(400);
		expect((await call(s.sb, '/api/DeleteFile', { query: { id: files[0].fileId } })).status).toBe(200);
		expect(s.sb.db.filesOfTicket(1001)).toHaveLength(1);
	});
});

describe('comments', () => {
	it('adds a comment (bare-number id), with forTechsOnly, isSystem, recipientIds, and lists oldest first', async () => {
		s.sb.db.setClock(() => new Date('2026-07-01T00:00:00Z'));
		const r = await call(s.sb, '/api/comment', { as: 'tech', form: { id: 1001, body: '<p>Note</p>', forTechsOnly: true, recipientIds: '2,4' } });
		expect(r.text).toMatch(/^\d+$/);
		const c = s.sb.db.comments.get(Number(r.text))!;
		expect(c).toMatchObject({ ticketId: 1001, userId: 2, forTechsOnly: true, recipients: 'tech@helpdesk.example, sarah@helpdesk.example' });
		expect(s.sb.db.ticket(1001).lastUpdated).toBe('2026-07-01T00:00:00Z');
		s.sb.db.setClock(() => new Date('2026-07-01T00:00:01Z'));
		await call(s.sb, '/api/Comment', { form: { id: 1001, body: 'sys', isSystem: true, recipientIds: [2, 4] } });
		const list = (await call(s.sb, '/api/comments', { query: { id: 1001 } })).data;
		expect(list.map((x: any) => x.Body)).toEqual(['<p>Note</p>', 'sys']);
		expect(Object.keys(list[0]).sort()).toEqual(['Body', 'CommentDate', 'CommentID', 'Email', 'FirstName', 'ForTechsOnly', 'IsSystem', 'IssueID', 'LastName', 'Recipients', 'TicketSubject', 'UserID', 'UserName'].sort());
	});

	it('fromUserId needs an administrator; comments need id and body', async () => {
		expect((await call(s.sb, '/api/comment', { as: 'tech', form: { id: 1001, body: 'x', fromUserId: 3 } })).status).toBe(403);
		const r = await call(s.sb, '/api/comment', { as: 'admin', form: { id: 1001, body: 'as customer', fromUserId: 3 } });
		expect(s.sb.db.comments.get(r.data)!.userId).toBe(3);
		expect((await call(s.sb, '/api/comment', { form: { id: 1001 } })).text).toContain('body');
		expect((await call(s.sb, '/api/comment', { form: { body: 'x' } })).status).toBe(400);
		expect((await call(s.sb, '/api/comment', { form: { id: 5, body: 'x' } })).status).toBe(404);
	});

	it('takes attachments on a comment', async () => {
		const fd = new FormData();
		fd.append('id', '1001');
		fd.append('body', 'file attached');
		fd.append('uploadFile', new Blob(['x']), 'x.txt');
		const r = await call(s.sb, '/api/comment', { multipart: fd });
		expect(s.sb.db.filesOfTicket(1001)[0]).toMatchObject({ commentId: r.data, fileName: 'x.txt' });
	});

	it('UpdateComment changes the body (id or commentId), 404 for an unknown comment', async () => {
		const id = (await call(s.sb, '/api/comment', { form: { id: 1001, body: 'old' } })).data;
		expect((await call(s.sb, '/api/UpdateComment', { form: { id, body: 'new' } })).status).toBe(200);
		expect(s.sb.db.comments.get(id)!.body).toBe('new');
		await call(s.sb, '/api/updatecomment', { form: { commentId: id, body: 'newer', forTechsOnly: true } });
		expect(s.sb.db.comments.get(id)).toMatchObject({ body: 'newer', forTechsOnly: true });
		expect((await call(s.sb, '/api/UpdateComment', { form: { id: 1, body: 'x' } })).status).toBe(404);
	});

	it('CommentTemplates lists canned replies', async () => {
		const r = await call(s.sb, '/api/CommentTemplates', { as: 'tech' });
		expect(r.data).toHaveLength(3);
		expect(r.data[0]).toEqual({ TemplateID: 1, Name: 'Greeting', Body: expect.stringContaining('Hello') });
	});
});

describe('custom fields', () => {
	it('TicketCustomFields returns set values, all with returnUnset; dropdowns carry option text and id', async () => {
		const set = (await call(s.sb, '/api/TicketCustomFields', { query: { id: 1002 } })).data;
		const os = set.find((f: any) => f.FieldName === 'Operating system');
		expect(os).toMatchObject({ Type: 3, OptionID: expect.any(Number), Value: expect.any(String) });
		expect(os.SelectionComboOptions.map((o: any) => o.Name)).toEqual(['Windows 11', 'macOS', 'Ubuntu']);
		const all = (await call(s.sb, '/api/TicketCustomFields', { query: { id: 1002, returnUnset: true } })).data;
		expect(all.length).toBeGreaterThan(set.length);
		expect(new Set(all.map((f: any) => f.Type))).toEqual(new Set([1, 2, 3, 4]));
	});

	it('CustomFieldsForCategory returns definitions incl. dropdown options, tech-only fields hidden from customers', async () => {
		const defs = (await call(s.sb, '/api/CustomFieldsForCategory', { query: { categoryId: 3 } })).data;
		expect(defs.map((f: any) => f.FieldName)).toEqual(['Asset tag', 'Operating system', 'Steps to reproduce', 'Internal notes']);
		expect(defs.find((f: any) => f.Type === 5)).toBeTruthy();
		expect(defs[0]).not.toHaveProperty('Value');
		const cust = (await call(s.sb, '/api/CustomFieldsForCategory', { as: 'customer', query: { categoryId: 3 } })).data;
		expect(cust.map((f: any) => f.FieldName)).not.toContain('Internal notes');
		expect((await call(s.sb, '/api/CustomFieldsForCategory', { query: { categoryId: 77 } })).status).toBe(404);
	});

	it('SetCustomField validates per type; SetCustomFields takes cf<ID> pairs', async () => {
		const set = (form: Record<string, string | number>) => call(s.sb, '/api/SetCustomField', { form });
		expect((await set({ ticketId: 1002, fieldId: 3, value: 102 })).status).toBe(200);
		expect((await set({ ticketId: 1002, fieldId: 3, value: 'macOS' })).status).toBe(400); // dropdowns take the option id
		expect((await set({ ticketId: 1002, fieldId: 4, value: 'yes' })).status).toBe(400);
		expect((await set({ ticketId: 1002, fieldId: 2, value: 'March 5, 2026' })).status).toBe(200);
		expect((await set({ ticketId: 1002, fieldId: 5, value: 'x' })).status).toBe(400); // not in category 2
		expect((await set({ ticketId: 1002, fieldId: 999, value: 'x' })).status).toBe(404);
		expect(s.sb.db.ticket(1002).customFields[3]).toBe('102');
		expect((await call(s.sb, '/api/SetCustomFields?ticketId=1002&cf1=AT-9&cf4=false', { method: 'POST' })).status).toBe(200);
		expect(s.sb.db.ticket(1002).customFields).toMatchObject({ 1: 'AT-9', 4: 'false' });
	});

	it('user, company and asset custom fields', async () => {
		expect((await call(s.sb, '/api/UserCustomFields', { query: { userId: 3 } })).data[0]).toMatchObject({ FieldName: 'Employee ID', Value: 'E-1003' });
		await call(s.sb, '/api/SetCustomFieldForUser', { form: { userId: 3, fieldId: 9, value: 'E-7' } });
		expect(s.sb.db.user(3).customFields[9]).toBe('E-7');
		expect((await call(s.sb, '/api/CompanyCustomFields', { query: { id: 1 } })).data[0]).toMatchObject({ FieldName: 'Account manager' });
		await call(s.sb, '/api/SetCustomFieldForCompany', { form: { id: 1, fieldId: 10, value: 'Tom' } });
		expect(s.sb.db.company(1).customFields[10]).toBe('Tom');
		await call(s.sb, '/api/SetCustomFieldForAsset', { form: { id: 2, fieldId: 8, value: '2030-01-01' } });
		expect(s.sb.db.asset(2).customFields[8]).toBe('2030-01-01T00:00:00Z');
		expect((await call(s.sb, '/api/SetCustomFieldForAsset', { form: { id: 2, fieldId: 1, value: 'x' } })).status).toBe(400);
	});
});
