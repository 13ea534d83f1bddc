import type { IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, webBaseUrl } from '../transport';

/**
 * Links into the helpdesk's web app, for outputs and picker entries. The ticket page is the one
 * Jitbit itself puts in a ticket's `Url`. The user page (`/User/<id>`) is not documented by Jitbit:
 * it is the profile address of Jitbit's web app, assumed, not verified against every version.
 */
export async function helpdeskWebUrl(ctx: IExecuteSingleFunctions | ILoadOptionsFunctions): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return webBaseUrl(credentials.helpdeskUrl);
}

export const ticketUrl = (web: string, ticketId: unknown) => `${web}/Ticket/${String(ticketId)}`;

export const userUrl = (web: string, userId: unknown) => `${web}/User/${String(userId)}`;
