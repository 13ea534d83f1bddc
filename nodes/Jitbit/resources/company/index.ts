import type { Resource } from '../operation';
import * as create from './create';
import * as getMany from './getMany';
import * as update from './update';

export const company: Resource = {
	name: 'Company',
	value: 'company',
	description: 'Companies (organisations) that users belong to',
	operations: [getMany, create, update],
};
