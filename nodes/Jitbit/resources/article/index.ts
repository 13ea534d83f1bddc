import type { Resource } from '../operation';
import * as create from './create';
import * as get from './get';
import * as getMany from './getMany';

export const article: Resource = {
	name: 'Knowledge Base Article',
	value: 'article',
	description: 'Articles of the knowledge base',
	operations: [get, getMany, create],
};
