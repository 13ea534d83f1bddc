/* eslint-disable @typescript-eslint/no-explicit-any -- does not ship (README, Development: Lint) */
/** Users, companies, departments, knowledge base, assets, lookups and rules against docs/jitbit-api.md §12-§16 and §21. */
import { ASSETS_PAGE_SIZE, STATUSES_ENDPOINT_EXISTS } from '../../sandbox';
import { call, useSandbox } from './helpers';

const s = useSandbox();

describe('users', () => {
	const userKeys = ['UserID', 'Username', 'Password', 'Email', 'FirstName', 'LastName', 'FullName', 'FullNameAndLogin', 'Notes', 'Location', 'Phone', 'DepartmentName', 'DepartmentID', 'CompanyName', 'CompanyId', 'IsAdmin', 'IsTech', 'IsManager', 'Disabled', 'SendEmail', 'Signature', 'Greeting', 'LastSeen', 'AvatarURL'];

	it('User?userId= returns the user object (CompanyId with a lower-case d); userId, not id', async () => {
		const r = await call(s.sb, '/api/User', { query: { userId: 3 } });
		for (const k of userKeys) expect(r.data).toHaveProperty(k);
		expect(r.data).toMatchObject({ UserID: 3, Username: 'customer', CompanyId: 1, CompanyName: 'Acme Corp', Password: null });
		expect(r.data).not.toHaveProperty('CompanyID');
		expect((await call(s.sb, '/api/User', { query: { id: 3 } })).status).toBe(400);
		expect((await call(s.sb, '/api/User', { query: { userId: 999 } })).status).toBe(404);
	});

	it('UserByEmail and UserByUsername (incl. DOMAIN\\user), 404 when none', async () => {
		expect((await call(s.sb, '/api/UserByEmail', { query: { email: 'TECH@helpdesk.example' } })).data.UserID).toBe(2);
		expect((await call(s.sb, '/api/UserByEmail', { query: { email: 'nobody@x.example' } })).status).toBe(404);
		expect((await call(s.sb, '/api/UserByUsername', { query: { username: 'domain\\jdoe' } })).data.Email).toBe('jdoe@globex.example');
		expect((await call(s.sb, '/api/UserByUsername', { query: { username: 'ghost' } })).status).toBe(404);
	});

	it('Users pages with count (default 500) and 1-based page, filters by listMode, department, company', async () => {
		const all = (await call(s.sb, '/api/Users')).data;
		expect(all.length).toBe(11); // active users; the disabled one only under listMode=disabled
		const p1 = (await call(s.sb, '/api/Users', { query: { count: 4, page: 1 } })).data.map((u: any) => u.UserID);
		const p2 = (await call(s.sb, '/api/Users', { query: { count: 4, page: 2 } })).data.map((u: any) => u.UserID);
		expect(p1).toEqual(all.slice(0, 4).map((u: any) => u.UserID));
		expect(p2).toEqual(all.slice(4, 8).map((u: any) => u.UserID));
		const q = async (query: Record<string, string | number>) => (await call(s.sb, '/api/Users', { query })).data as any[];
		expect((await q({ listMode: 'techs' })).map((u) => u.Username)).toEqual(['admin', 'tech', 'sarah.tech']);
		expect((await q({ listMode: 'admins' })).map((u) => u.Username)).toEqual(['admin']);
		expect((await q({ listMode: 'regular' })).every((u) => !u.IsTech)).toBe(true);
		expect((await q({ listMode: 'disabled' })).map((u) => u.Username)).toEqual(['former.employee']);
		expect((await q({ companyId: 2 })).every((u) => u.CompanyId === 2)).toBe(true);
		expect((await q({ departmentId: 3 })).every((u) => u.DepartmentID === 3)).toBe(true);
	});

	it('CreateUser answers a bare id, creates company/department by name, 500 on duplicates, 400 without email', async () => {
		const r = await call(s.sb, '/api/CreateUser', { form: { username: 'newbie', password: 'pw', email: 'newbie@new.example', firstName: 'New', lastName: 'Bie', company: 'NewCo', department: 'Ops', sendWelcomeEmail: false } });
		expect(r.text).toMatch(/^\d+$/);
		const u = s.sb.db.user(r.data);
		expect(s.sb.db.company(u.companyId!).name).toBe('NewCo');
		expect(s.sb.db.departments.get(u.departmentId!)!.name).toBe('Ops');
		expect((await call(s.sb, '/api/Authorization', { method: 'POST', as: { basic: ['newbie', 'pw'] } })).status).toBe(200);
		const dupName = await call(s.sb, '/api/CreateUser', { form: { username: 'NEWBIE', password: 'pw', email: 'other@new.example' } });
		expect(dupName.status).toBe(500);
		expect(dupName.contentType).toMatch(/^text\/plain/);
		expect((await call(s.sb, '/api/CreateUser', { form: { username: 'x2', password: 'pw', email: 'newbie@new.example' } })).status).toBe(500);
		expect((await call(s.sb, '/api/CreateUser', { form: { username: 'x3', password: 'pw' } })).text).toContain('email');
		// A recent client creates users with only email + names: the username defaults to the email.
		const min = await call(s.sb, '/api/CreateUser', { json: { email: 'min@new.example', firstName: 'Min' } });
		expect(s.sb.db.user(min.data).username).toBe('min@new.example');
	});

	it('UpdateUser changes fields, DeleteUser removes, both 404 on unknown ids', async () => {
		expect((await call(s.sb, '/api/UpdateUser', { form: { userId: 5, phone: '555', disabled: true, company: 'Initech', outOfOffice: true } })).status).toBe(200);
		expect(s.sb.db.user(5)).toMatchObject({ phone: '555', disabled: true, companyId: 3, outOfOffice: true });
		expect((await call(s.sb, '/api/UpdateUser', { form: { userId: 5, email: 'tech@helpdesk.example' } })).status).toBe(500);
		expect((await call(s.sb, '/api/UpdateUser', { form: { userId: 999 } })).status).toBe(404);
		expect((await call(s.sb, '/api/DeleteUser', { form: { userId: 5 } })).status).toBe(200);
		expect(s.sb.db.users.has(5)).toBe(false);
		expect((await call(s.sb, '/api/DeleteUser', { form: { userId: 5 } })).status).toBe(404);
	});

	it('MergeUsers keeps userId and folds userId2 into it (fromUserId/toUserId accepted too)', async () => {
		const jdoeTickets = [...s.sb.db.tickets.values()].filter((t) => t.userId === 5).length;
		expect(jdoeTickets).toBeGreaterThan(0);
		expect((await call(s.sb, '/api/MergeUsers', { form: { userId: 3, userId2: 5 } })).status).toBe(200);
		expect(s.sb.db.users.has(5)).toBe(false);
		expect([...s.sb.db.tickets.values()].some((t) => t.userId === 5)).toBe(false);
		expect((await call(s.sb, '/api/MergeUsers', { form: { fromUserId: 7, toUserId: 3 } })).status).toBe(200);
		expect(s.sb.db.users.has(7)).toBe(false);
		expect((await call(s.sb, '/api/MergeUsers', { form: { userId: 3 } })).status).toBe(400);
	});
});

describe('companies and departments', () => {
	it('Companies lists all (unpaged) with the company shape; Companies/{id} returns one', async () => {
		const r = await call(s.sb, '/api/Companies');
		expect(r.data.map((c: any) => c.Name)).toEqual(['Acme Corp', 'Globex', 'Initech']);
		expect(r.data[0]).toEqual({ CompanyID: 1, Name: 'Acme Corp', EmailDomain: 'acme.example', Notes: 'Key account' });
		expect((await call(s.sb, '/api/Companies/2')).data.Name).toBe('Globex');
	});

	it('POST Company answers a bare id and is idempotent by name; UpdateCompany edits', async () => {
		const r = await call(s.sb, '/api/Company', { form: { name: 'Umbrella', EmailDomains: 'umbrella.example;umbrella.test' } });
		expect(r.text).toMatch(/^\d+$/);
		expect(s.sb.db.company(r.data).emailDomain).toBe('umbrella.example;umbrella.test');
		expect((await call(s.sb, '/api/Company', { form: { name: 'umbrella' } })).data).toBe(r.data);
		expect((await call(s.sb, '/api/Company', { form: { name: 'Acme Corp' } })).data).toBe(1);
		expect((await call(s.sb, '/api/Company', { form: {} })).status).toBe(400);
		expect((await call(s.sb, '/api/UpdateCompany', { form: { id: r.data, name: 'Umbrella Corp', notes: 'n' } })).status).toBe(200);
		expect(s.sb.db.company(r.data)).toMatchObject({ name: 'Umbrella Corp', notes: 'n' });
		expect((await call(s.sb, '/api/UpdateCompany', { form: { id: 99, name: 'x' } })).status).toBe(404);
	});

	it('Departments lists {DepartmentID, Name}', async () => {
		expect((await call(s.sb, '/api/Departments', { as: 'customer' })).data).toEqual([
			{ DepartmentID: 1, Name: 'Sales' }, { DepartmentID: 2, Name: 'Engineering' }, { DepartmentID: 3, Name: 'Support' },
		]);
	});
});

describe('knowledge base', () => {
	it('Articles answers {Articles, Categories}, filters by categoryId, hides tech-only articles from customers', async () => {
		const r = await call(s.sb, '/api/Articles');
		expect(Object.keys(r.data)).toEqual(['Articles', 'Categories']);
		const a = r.data.Articles[0];
		for (const k of ['ArticleId', 'Subject', 'CategoryID', 'CategoryName', 'ForTechsOnly', 'TagString', 'Tags', 'UrlId', 'DateCreated', 'LastUpdated', 'Url', 'Attachments']) expect(a).toHaveProperty(k);
		expect(a).not.toHaveProperty('Body');
		expect(r.data.Articles).toHaveLength(5);
		expect((await call(s.sb, '/api/Articles', { as: 'customer' })).data.Articles).toHaveLength(4);
		expect((await call(s.sb, '/api/Articles', { query: { categoryId: 2 } })).data.Articles.map((x: any) => x.ArticleId)).toEqual([3]);
	});

	it('Article/{id} and Article?id= return the full article with Body and Attachments; 404 unknown', async () => {
		const r = await call(s.sb, '/api/Article/1');
		expect(r.data.Body).toContain('client');
		expect(r.data.Attachments[0]).toMatchObject({ FileName: 'vpn-setup.txt', FileSize: expect.any(Number), Url: expect.any(String) });
		expect((await call(s.sb, '/api/Article', { query: { id: 2 } })).data.ArticleId).toBe(2);
		expect((await call(s.sb, '/api/Article/77')).status).toBe(404);
		expect((await call(s.sb, '/api/Article/5', { as: 'customer' })).status).toBe(404);
	});

	it('POST Article creates (bare id) from categoryId, subject, body, tags, forTechsOnly', async () => {
		const r = await call(s.sb, '/api/Article', { as: 'tech', form: { categoryId: 3, subject: 'Excel tips', body: '<p>Use tables</p>', tags: 'excel,office', forTechsOnly: false } });
		expect(r.text).toMatch(/^\d+$/);
		expect((await call(s.sb, '/api/Article', { query: { id: r.data } })).data).toMatchObject({ Subject: 'Excel tips', TagString: 'excel, office', CategoryID: 3 });
		expect((await call(s.sb, '/api/Article', { as: 'customer', form: { categoryId: 3, subject: 'x', body: 'y' } })).status).toBe(403);
		expect((await call(s.sb, '/api/Article', { form: { categoryId: 3, body: 'y' } })).text).toContain('subject');
	});
});

describe('assets', () => {
	it('Assets pages 50 at a time, 1-based, and filters', async () => {
		const p1 = (await call(s.sb, '/api/Assets')).data;
		const p2 = (await call(s.sb, '/api/Assets', { query: { page: 2 } })).data;
		expect(ASSETS_PAGE_SIZE).toBe(50);
		expect(p1).toHaveLength(50);
		expect(p2).toHaveLength(6); // 57 seeded, one disabled
		expect(p1[0].ItemID).toBe(1);
		expect(p2[0].ItemID).toBe(51);
		expect((await call(s.sb, '/api/Assets', { query: { page: 2, includeDisabled: true } })).data).toHaveLength(7);
		expect((await call(s.sb, '/api/Assets', { query: { assignedToUserId: 3 } })).data.map((a: any) => a.ItemID)).toEqual([1]);
		expect((await call(s.sb, '/api/Assets', { query: { assignedToCompanyId: 2 } })).data.every((a: any) => a.CompanyID === 2)).toBe(true);
		expect((await call(s.sb, '/api/Assets', { query: { assignedToDepartmentId: 1 } })).data.every((a: any) => a.DepartmentID === 1)).toBe(true);
	});

	it('Asset?id= returns the full asset object', async () => {
		const a = (await call(s.sb, '/api/Asset', { query: { id: 1 } })).data;
		for (const k of ['ItemID', 'ModelName', 'Manufacturer', 'ManufacturerID', 'Type', 'TypeID', 'Supplier', 'SupplierID', 'SerialNumber', 'Location', 'Comments', 'Quantity', 'TicketCount', 'Company', 'CompanyID', 'Disabled', 'Fields', 'AssignedUsers', 'Tickets', 'Attachments', 'LogEntries']) expect(a).toHaveProperty(k);
		expect(a.TicketCount).toBe(1);
		expect(a.Fields[0].FieldName).toBe('Warranty until');
		expect((await call(s.sb, '/api/Asset', { query: { id: 999 } })).status).toBe(404);
	});

	it('POST Asset answers {"id": N}; requires modelName, manufacturer, type, supplier', async () => {
		const r = await call(s.sb, '/api/Asset', { json: { modelName: 'XPS 13', manufacturer: 'Dell', type: 'Laptop', supplier: 'NewSupplier', serialNumber: 'S1', quantity: 3 } });
		expect(r.data).toEqual({ id: 58 });
		const a = (await call(s.sb, '/api/Asset', { query: { id: 58 } })).data;
		expect(a).toMatchObject({ ModelName: 'XPS 13', Manufacturer: 'Dell', Supplier: 'NewSupplier', Quantity: 3 });
		for (const missing of ['modelName', 'manufacturer', 'type', 'supplier']) {
			const form: Record<string, string> = { modelName: 'm', manufacturer: 'x', type: 't', supplier: 's' };
			delete form[missing];
			const bad = await call(s.sb, '/api/Asset', { form });
			expect(bad.status).toBe(400);
			expect(bad.text).toContain(missing);
		}
	});

	it('UpdateAsset resets quantity to 1 when omitted', async () => {
		expect(s.sb.db.asset(3).quantity).toBe(2);
		expect((await call(s.sb, '/api/UpdateAsset', { form: { id: 3, location: 'Basement' } })).status).toBe(200);
		expect(s.sb.db.asset(3)).toMatchObject({ location: 'Basement', quantity: 1 });
		await call(s.sb, '/api/UpdateAsset', { form: { id: 3, quantity: 4 } });
		expect(s.sb.db.asset(3).quantity).toBe(4);
	});

	it('assigns/unassigns users and adds assets to tickets', async () => {
		await call(s.sb, '/api/AssignAssetToUser', { form: { assetId: 10, userId: 5 } });
		expect(s.sb.db.asset(10).assignedUserIds).toEqual([5]);
		await call(s.sb, '/api/UnAssignAssetToUser', { form: { assetId: 10, userId: 5 } });
		expect(s.sb.db.asset(10).assignedUserIds).toEqual([]);
		await call(s.sb, '/api/AddAssetToTicket', { form: { assetId: 10, ticketId: 1001 } });
		expect((await call(s.sb, '/api/Assets', { query: { assignedToTicketId: 1001 } })).data.map((a: any) => a.ItemID)).toEqual([10]);
		expect((await call(s.sb, '/api/AssignAssetToUser', { form: { assetId: 10, userId: 999 } })).status).toBe(404);
	});
});

describe('lookups and rules', () => {
	it('categories returns the category objects', async () => {
		const cats = (await call(s.sb, '/api/categories')).data;
		expect(cats[1]).toEqual({ CategoryID: 2, Name: 'Hardware', SectionID: 1, Section: 'IT', NameWithSection: 'IT \\ Hardware', ForTechsOnly: false, FromAddress: 'support@helpdesk.example' });
		expect(cats).toHaveLength(7);
	});

	it('TechsForCategory lists possible assignees (admins always)', async () => {
		const techs = (await call(s.sb, '/api/TechsForCategory', { query: { id: 4 } })).data.map((u: any) => u.Username);
		expect(techs).toEqual(['admin', 'sarah.tech']);
		expect((await call(s.sb, '/api/TechsForCategory', { query: { id: 42 } })).status).toBe(404);
	});

	it('Priorities returns -1..2; Statuses answers 404 like a missing method', async () => {
		expect((await call(s.sb, '/api/Priorities')).data).toEqual([
			{ PriorityID: -1, Name: 'Low' }, { PriorityID: 0, Name: 'Normal' }, { PriorityID: 1, Name: 'High' }, { PriorityID: 2, Name: 'Critical' },
		]);
		expect(STATUSES_ENDPOINT_EXISTS).toBe(false);
		const st = await call(s.sb, '/api/Statuses');
		expect(st.status).toBe(404);
		expect(st.text).toBe((await call(s.sb, '/api/Statuses')).text);
		expect(st.contentType).toMatch(/^text\/plain/);
	});

	it('Tags, TagTicket, Sections, Rule/{id}, EnableRule/DisableRule', async () => {
		await call(s.sb, '/api/TagTicket', { form: { ticketId: 1002, name: 'newtag' } });
		expect(s.sb.db.ticket(1002).tags).toContain('newtag');
		expect((await call(s.sb, '/api/Tags')).data.find((t: any) => t.Name === 'newtag')).toMatchObject({ TagCount: 1 });
		expect((await call(s.sb, '/api/Sections')).data.map((x: any) => x.Name)).toEqual(['IT', 'Facilities', 'Billing']);
		expect((await call(s.sb, '/api/Rule/2')).data).toEqual({ RuleID: 2, Name: 'Escalate critical tickets', Enabled: false });
		await call(s.sb, '/api/EnableRule/2');
		expect(s.sb.db.rules.get(2)!.enabled).toBe(true);
		await call(s.sb, '/api/DisableRule/2', { method: 'POST' });
		expect(s.sb.db.rules.get(2)!.enabled).toBe(false);
		expect((await call(s.sb, '/api/Rule/9')).status).toBe(404);
	});
});
