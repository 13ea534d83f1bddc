import type { IExecuteFunctions, IExecuteSingleFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

/**
 * The n8n contexts that call Jitbit: a declarative operation's item (its pagination hook, preSend
 * and postReceive), the pickers, the polling trigger's poll, and a programmatic node's execute()
 * (the webhook trigger's Fetch Full Ticket). All but the last resolve a node parameter as
 * `getNodeParameter(name, fallback)`; execute() takes the item index in between.
 */
export type JitbitContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions | IExecuteFunctions;

/** Whether the context runs every item at once (execute()), so parameters are read per item index. */
export function runsAllItems(ctx: JitbitContext): ctx is IExecuteFunctions {
	return 'getInputData' in ctx && !('getItemIndex' in ctx);
}

export const CREDENTIAL_TYPE = 'jitbitApi';
