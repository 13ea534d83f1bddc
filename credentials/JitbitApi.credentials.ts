import type {
	IAuthenticateRuleResponseCode,
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { API_BASE_URL_EXPRESSION } from '../nodes/Jitbit/transport/urls';

export class JitbitApi implements ICredentialType {
	name = 'jitbitApi';

	displayName = 'Jitbit API';

	icon: Icon = { light: 'file:../icons/jitbit.svg', dark: 'file:../icons/jitbit.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-jitbit/n8n-nodes-jitbit#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Helpdesk URL',
			name: 'helpdeskUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://company.jitbit.com/helpdesk',
			description:
				'Address of your helpdesk. SaaS: https://company.jitbit.com/helpdesk, as Jitbit’s documentation writes it (without /helpdesk works too). On-premise: the address you open it at, with its sub-directory, e.g. https://intranet.example.com/helpdesk.',
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'API Token',
					value: 'token',
					description: 'Token from your Jitbit user profile (API Token button). Recommended.',
				},
				{
					name: 'Username & Password',
					value: 'basic',
					description: 'Basic authentication. For Windows/AD logins use DOMAIN\\username.',
				},
			],
			default: 'token',
		},
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['token'] } },
			description:
				'In Jitbit open your user profile and click "API Token". A token stops working when its user changes password.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basic'] } },
			description: 'Jitbit login name. For Windows/AD authentication use DOMAIN\\username.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Requests per Minute',
			name: 'rateLimit',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 90,
			description:
				"Calls per minute this helpdesk allows (Jitbit's default is 90): the most the nodes send. They share it with other n8n workers and other clients of this Jitbit user by themselves; change it only if your administrator changed Jitbit's limit. 0 turns pacing off.",
		},
		{
			displayName: 'Search Requests per Minute',
			name: 'searchRateLimit',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description:
				'Separate, lower limit Jitbit applies to ticket search and user-by-email lookups (default 60). 0 turns pacing off for them.',
		},
		{
			displayName: 'Rate Limit Window (Seconds)',
			name: 'rateLimitWindow',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'Length of the window the limits above apply to. Leave at 60 unless your administrator changed it.',
		},
	];

	// A function rather than a generic block: the header depends on the chosen auth type, and
	// Basic must encode `DOMAIN\\user:password` as UTF-8.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authorization =
			credentials.authType === 'basic'
				? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`
				: `Bearer ${String(credentials.token).trim()}`;
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: authorization } };
	}

	// n8n-core re-sends a request once after a 401 and Jitbit locks the caller's IP after three bad
	// logins, so a 401 must come back as a plain response: it is the one status not in `except`,
	// and the UserID rule reports it (Jitbit's 401 body has no UserID; the current user object
	// does). The other failures still throw and meet their responseCode rule.
	test: ICredentialTestRequest = {
		request: {
			// n8n runs the credential test without our code: the API address as an expression.
			baseURL: API_BASE_URL_EXPRESSION,
			url: '/Authorization',
			method: 'POST',
			ignoreHttpStatusErrors: { ignore: true, except: [400, 403, 404, 405, 429, 500, 502, 503, 504] },
		},
		// n8n's tester checks each rule by its own type; the declared type only allows one kind per list.
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'UserID',
					value: undefined,
					message:
						'Jitbit did not accept these credentials, or it has locked this IP address out: after three failed logins it refuses every login from this n8n host for 5 minutes, the correct one too. If you tested several times, wait 5 minutes, then test once. Otherwise check the username and password, or create a new API token (tokens expire when their user changes password), and check that the Helpdesk URL points at your helpdesk.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Jitbit refused access: this user may not use the API, or Jitbit has locked this IP address out after three failed logins. In that case wait 5 minutes, then test once.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Jitbit API at this address. Check the Helpdesk URL (on-premise installs usually need /helpdesk).',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 429, message: 'Jitbit rate limit reached: wait a minute and test again.' },
			},
			{
				type: 'responseCode',
				properties: { value: 500, message: 'The helpdesk could not handle the request (500): try again later, or check the Helpdesk URL.' },
			},
		] as unknown as IAuthenticateRuleResponseCode[],
	};
}
