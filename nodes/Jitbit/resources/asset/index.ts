import type { Resource } from '../operation';
import { addToTicket, assignToUser, unassignFromUser } from './assignment';
import * as create from './create';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';

export const asset: Resource = {
	name: 'Asset',
	value: 'asset',
	description: 'Inventory assets and who they are assigned to',
	operations: [get, getMany, create, update, assignToUser, unassignFromUser, addToTicket],
};
