import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** One operation file: its entry in the Operation dropdown (with routing) and its own fields. */
export interface Operation {
	option: INodePropertyOptions;
	description: INodeProperties[];
}

export interface Resource {
	name: string;
	value: string;
	description: string;
	operations: Operation[];
}

/** The Operation dropdown of a resource followed by every operation's fields. */
export function resourceProperties(resource: Resource): INodeProperties[] {
	const options = resource.operations.map((operation) => operation.option);
	const firstOperation = options[0].value;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
			default: firstOperation,
		},
		...resource.operations.flatMap((operation) => operation.description),
	];
}
