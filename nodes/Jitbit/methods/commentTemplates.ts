import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { templateFields } from '../resources/comment/templates';
import { htmlToText } from '../shared/html';
import { jitbitApiRequest } from '../transport';

/** The canned replies, each with the start of its text (as one line) as the description. */
async function getCommentTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = (await jitbitApiRequest(this, { method: 'GET', url: '/CommentTemplates' })) as IDataObject[];
	return templates.map(templateFields).map(({ id, name, body }) => ({
		name,
		value: id,
		description: htmlToText(body).replace(/\s+/g, ' ').slice(0, 120),
	}));
}

export const loadOptions = { getCommentTemplates };
