import type { IExecuteSingleFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

/**
 * The n8n contexts that call Jitbit: a declarative operation's item (its pagination hook, preSend
 * and postReceive), the pickers, and the trigger's poll. All of them resolve a node parameter as
 * `getNodeParameter(name, fallback)`; an operation's context does so for its own item.
 */
export type JitbitContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_TYPE = 'jitbitApi';
