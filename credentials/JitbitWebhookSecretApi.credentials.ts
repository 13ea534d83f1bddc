import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A shared secret a Jitbit automation rule sends in a custom header or in the URL's query. The
 * Jitbit Webhook Trigger compares every delivery against it; nothing is sent anywhere.
 */
export class JitbitWebhookSecretApi implements ICredentialType {
	name = 'jitbitWebhookSecretApi';

	displayName = 'Jitbit Webhook Secret API';

	icon: Icon = { light: 'file:../icons/jitbit.svg', dark: 'file:../icons/jitbit.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-jitbit/n8n-nodes-jitbit#guided-setup';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random string (letters and digits, so it fits a header and a URL). The rule sends it in the X-Jitbit-Secret header or the secret query parameter.',
		},
	];
}
