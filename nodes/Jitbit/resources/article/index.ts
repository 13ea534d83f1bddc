import type { Resource } from '../operation';

export const article: Resource = {
	name: 'Knowledge Base Article',
	value: 'article',
	description: 'Articles of the knowledge base',
	operations: [],
};
