import type { Resource } from '../operation';
import * as create from './create';
import * as deleteUser from './delete';
import * as get from './get';
import * as getByEmail from './getByEmail';
import * as getMany from './getMany';
import * as merge from './merge';
import * as update from './update';
import * as upsert from './upsert';

export const user: Resource = {
	name: 'User',
	value: 'user',
	description: 'Helpdesk users: customers, technicians and administrators',
	operations: [create, upsert, deleteUser, get, getByEmail, getMany, merge, update],
};
