import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findUserByEmail } from '../resources/user/lookup';
import { helpdeskWebUrl, userUrl } from '../shared/links';
import { jitbitApiRequest } from '../transport';
import { categoryOfChoice, chosenOperation, matches } from './choices';

const USERS_PAGE = 100;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** How every user and technician list names a user: "Full Name (email)", else the login. */
function userLabel(user: IDataObject): string {
	const full = String(user.FullName ?? '').trim() || `${String(user.FirstName ?? '')} ${String(user.LastName ?? '')}`.trim();
	const login = String(user.Username ?? '').trim();
	const name = full || login || `User ${String(user.UserID)}`;
	const detail = String(user.Email ?? '').trim() || (login !== name ? login : '');
	return detail ? `${name} (${detail})` : name;
}

/** Whether the typed text is part of the user's name, login, email or ID. */
function userMatches(user: IDataObject, query: string): boolean {
	return matches(query, user.FullName, user.FirstName, user.LastName, user.Username, user.Email, user.UserID);
}

function userItem(user: IDataObject, web: string): INodeListSearchItems {
	return { name: userLabel(user), value: String(user.UserID), url: userUrl(web, user.UserID) };
}

/**
 * Users of a `Users` list mode. A full email address is looked up directly (one UserByEmail
 * call, which has the lower 60/min limit, so only then); anything else filters the Users pages
 * by name, username or email on our side, since Users has no text filter.
 */
async function listUsers(
	ctx: ILoadOptionsFunctions,
	listMode: 'all' | 'techs',
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const web = await helpdeskWebUrl(ctx);
	const query = filter?.trim() ?? '';
	if (EMAIL.test(query)) {
		const user = await findUserByEmail(ctx, query);
		const fits = user !== undefined && (listMode === 'all' || user.IsTech === true || user.IsAdmin === true);
		return { results: fits ? [userItem(user, web)] : [] };
	}
	const page = Number(paginationToken ?? 1);
	const users = (await jitbitApiRequest(ctx, {
		method: 'GET',
		url: '/Users',
		qs: { listMode, count: USERS_PAGE, page },
	})) as IDataObject[];
	const found = query ? users.filter((user) => userMatches(user, query)) : users;
	return {
		results: found.map((user) => userItem(user, web)),
		paginationToken: users.length === USERS_PAGE ? String(page + 1) : undefined,
	};
}

/** Every user of the helpdesk: customers, technicians and administrators. */
async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await listUsers(this, 'all', filter, paginationToken);
}

/** Every technician of the helpdesk (administrators included), for filters that have no category. */
async function searchTechnicians(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await listUsers(this, 'techs', filter, paginationToken);
}

/**
 * Technicians who may be assigned in the chosen category (`TechsForCategory`). On Update the list
 * starts with "Unassigned" (ID 0), which is how Jitbit removes the assignee.
 */
async function searchCategoryTechnicians(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const categoryId = await categoryOfChoice(this);
	if (categoryId === undefined) {
		throw new NodeOperationError(this.getNode(), 'Choose a category (or a ticket) first', {
			description: 'Technicians are listed per category. Pick the category or the ticket, or enter the technician ID instead.',
		});
	}
	const web = await helpdeskWebUrl(this);
	const users = (await jitbitApiRequest(this, {
		method: 'GET',
		url: '/TechsForCategory',
		qs: { id: categoryId },
	})) as IDataObject[];
	const needle = filter?.trim() ?? '';
	const results: INodeListSearchItems[] = users.filter((user) => !needle || userMatches(user, needle)).map((user) => userItem(user, web));
	if (chosenOperation(this) === 'update' && (!needle || matches(needle, 'unassigned'))) {
		results.unshift({ name: 'Unassigned (Remove the Assignee)', value: '0' });
	}
	return { results };
}

export const listSearch = { searchUsers, searchTechnicians, searchCategoryTechnicians };
