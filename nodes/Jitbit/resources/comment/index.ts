import type { Resource } from '../operation';
import * as create from './create';
import * as getMany from './getMany';
import * as getTemplates from './getTemplates';
import * as update from './update';

export const comment: Resource = {
	name: 'Comment',
	value: 'comment',
	description: 'Replies and internal notes on tickets, and canned replies',
	operations: [create, getMany, getTemplates, update],
};
