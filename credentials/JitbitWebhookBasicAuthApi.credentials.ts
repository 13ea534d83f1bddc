import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What a Jitbit automation rule sends in its "username / password for Basic Authentication"
 * fields. The Jitbit Webhook Trigger compares every delivery against it; nothing is sent anywhere.
 */
export class JitbitWebhookBasicAuthApi implements ICredentialType {
	name = 'jitbitWebhookBasicAuthApi';

	displayName = 'Jitbit Webhook Basic Auth API';

	icon: Icon = { light: 'file:../icons/jitbit.svg', dark: 'file:../icons/jitbit.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-jitbit/n8n-nodes-jitbit#guided-setup';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			description: 'Enter the same in the rule’s Basic Authentication username. It cannot contain a colon.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Enter the same in the rule’s Basic Authentication password. Use a long random string.',
		},
	];
}
