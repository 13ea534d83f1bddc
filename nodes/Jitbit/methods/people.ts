import type {
	IDataObject,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { jitbitApiRequest } from '../transport';

const USERS_PAGE = 100;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The user with this email, or undefined: UserByEmail answers 404 when there is none. */
export async function findUserByEmail(
	ctx: IExecuteSingleFunctions | ILoadOptionsFunctions,
	email: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	try {
		return (await jitbitApiRequest(ctx, { method: 'GET', url: '/UserByEmail', qs: { email }, itemIndex })) as IDataObject;
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
		throw error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
}

function userOption(user: IDataObject): INodeListSearchItems {
	const name = String(user.FullName || `${String(user.FirstName ?? '')} ${String(user.LastName ?? '')}`.trim() || user.Username);
	const email = user.Email ? ` (${String(user.Email)})` : '';
	return { name: `${name}${email}`, value: String(user.UserID) };
}

function matches(filter: string, ...texts: unknown[]): boolean {
	const needle = filter.toLowerCase();
	return texts.some((text) => String(text ?? '').toLowerCase().includes(needle));
}

/**
 * Users for the user pickers. A full email address is looked up directly (one UserByEmail call,
 * which has the lower 60/min limit, so only then); anything else filters the Users pages by name,
 * username or email on our side, since Users has no text filter.
 */
async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = filter?.trim() ?? '';
	if (EMAIL.test(query)) {
		const user = await findUserByEmail(this, query);
		return { results: user ? [userOption(user)] : [] };
	}
	const page = Number(paginationToken ?? 1);
	const users = (await jitbitApiRequest(this, {
		method: 'GET',
		url: '/Users',
		qs: { listMode: 'all', count: USERS_PAGE, page },
	})) as IDataObject[];
	const found = query ? users.filter((u) => matches(query, u.FullName, u.FirstName, u.LastName, u.Username, u.Email)) : users;
	return {
		results: found.map(userOption),
		paginationToken: users.length === USERS_PAGE ? String(page + 1) : undefined,
	};
}

/** Companies for the company pickers; Companies is unpaged, so the filter is applied here. */
async function searchCompanies(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const companies = (await jitbitApiRequest(this, { method: 'GET', url: '/Companies' })) as IDataObject[];
	const query = filter?.trim() ?? '';
	return {
		results: companies
			.filter((c) => !query || matches(query, c.Name, c.EmailDomain))
			.map((c) => ({ name: String(c.Name), value: String(c.CompanyID) })),
	};
}

/**
 * CommentTemplates item fields are not known (an id, a name and some body field;
 * docs/jitbit-api.md §10), so every plausible spelling is read.
 */
export function templateFields(item: IDataObject): { id: string; name: string; body: string } {
	const pick = (...keys: string[]) => keys.map((key) => item[key]).find((value) => value !== undefined && value !== null);
	const id = String(pick('TemplateID', 'TemplateId', 'templateId', 'ID', 'Id', 'id') ?? '');
	return {
		id,
		name: String(pick('Name', 'name', 'Title', 'title') ?? `Template ${id}`),
		body: String(pick('Body', 'body', 'Text', 'text', 'Content', 'content') ?? ''),
	};
}

async function getCommentTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = (await jitbitApiRequest(this, { method: 'GET', url: '/CommentTemplates' })) as IDataObject[];
	return templates.map(templateFields).map(({ id, name, body }) => ({
		name,
		value: id,
		description: body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120),
	}));
}

async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const departments = (await jitbitApiRequest(this, { method: 'GET', url: '/Departments' })) as IDataObject[];
	return departments.map((d) => ({ name: String(d.Name), value: String(d.DepartmentID) }));
}

export const listSearch = { searchUsers, searchCompanies };

export const loadOptions = { getCommentTemplates, getDepartments };
