import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

import { helpdeskWebUrl, ticketUrl } from '../../shared/links';
import { withoutHtmlMarker } from '../../shared/html';
import { isoDate, simplifies, simplifyOutput } from '../../shared/simplify';
import { priorityName } from './values';

function text(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	const s = String(value).trim();
	return s === '' ? null : s;
}

function num(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const n = Number(value);
	return Number.isNaN(n) ? null : n;
}

function personName(first: unknown, last: unknown, ...fallbacks: unknown[]): string | null {
	const full = `${text(first) ?? ''} ${text(last) ?? ''}`.trim();
	return full || fallbacks.map(text).find((value) => value !== null) || null;
}

/** A comment as people map it: who wrote what, when, and whether the customer could see it. */
export function simplifyComment(raw: IDataObject): IDataObject {
	return {
		id: num(raw.CommentID),
		createdAt: isoDate(raw.CommentDate),
		author: {
			id: num(raw.UserID),
			name: personName(raw.FirstName, raw.LastName, raw.UserName),
			email: text(raw.Email),
		},
		body: withoutHtmlMarker(raw.Body ?? null),
		forTechsOnly: raw.ForTechsOnly === true,
		isSystem: raw.IsSystem === true,
	};
}

/** A custom field value as people map it. */
export function simplifyCustomField(raw: IDataObject): IDataObject {
	return {
		id: num(raw.FieldID),
		name: text(raw.FieldName),
		value: raw.Value ?? null,
		optionId: num(raw.OptionID),
	};
}

/**
 * The ticket fields people map, under the same names whether Jitbit sent a list item (`IssueID`,
 * `Category`, flat submitter fields) or a detail (`TicketID`, `CategoryName`, `SubmitterUserInfo`).
 * `webUrl` (the helpdesk's web address) builds the link for list items, which carry none.
 */
export function simplifyTicket(raw: IDataObject, webUrl?: string): IDataObject {
	const id = num(raw.TicketID ?? raw.IssueID);
	const submitterInfo = (raw.SubmitterUserInfo ?? {}) as IDataObject;
	const assigneeInfo = (raw.AssigneeUserInfo ?? {}) as IDataObject;
	const assigneeId = num(raw.AssignedToUserID);
	const priority = num(raw.Priority);
	const url = text(raw.Url) ?? (webUrl && id !== null ? ticketUrl(webUrl, id) : null);
	const simplified: IDataObject = {
		id,
		subject: raw.Subject ?? null,
		status: text(raw.Status),
		statusId: num(raw.StatusID),
		priority,
		priorityName: priorityName(priority),
		category: text(raw.CategoryName ?? raw.Category),
		categoryId: num(raw.CategoryID),
		submitter: {
			id: num(raw.UserID ?? submitterInfo.UserID),
			name: text(submitterInfo.FullName) ?? personName(raw.FirstName, raw.LastName, raw.UserName, submitterInfo.Username),
			email: text(raw.Email ?? submitterInfo.Email),
		},
		assignee:
			assigneeId === null || assigneeId === 0
				? null
				: {
						id: assigneeId,
						name:
							text(assigneeInfo.FullName) ??
							personName(raw.TechFirstName, raw.TechLastName, raw.Technician, assigneeInfo.Username),
					},
		createdAt: isoDate(raw.IssueDate),
		updatedAt: isoDate(raw.LastUpdated),
		dueDate: isoDate(raw.DueDate),
		resolvedAt: isoDate(raw.ResolvedDate),
		url,
	};
	// Present only on a detail, or when the operation added them.
	if (raw.Body !== undefined) simplified.body = withoutHtmlMarker(raw.Body);
	if (Array.isArray(raw.Tags)) {
		simplified.tags = (raw.Tags as IDataObject[]).map((tag) => (typeof tag === 'object' ? tag.Name : tag));
	}
	if (Array.isArray(raw.CustomFields)) {
		simplified.customFields = (raw.CustomFields as IDataObject[]).map(simplifyCustomField);
	}
	if (Array.isArray(raw.Comments)) {
		simplified.comments = (raw.Comments as IDataObject[]).map(simplifyComment);
	}
	return simplified;
}

/** postReceive: simplify ticket items (list or detail) when the Simplify switch is on. */
export const simplifyTickets: PostReceiveAction = async function (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!simplifies(this)) return items;
	const base = await helpdeskWebUrl(this);
	const simplify = simplifyOutput((raw) => simplifyTicket(raw, base)) as (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) => Promise<INodeExecutionData[]>;
	return await simplify.call(this, items, response);
};
