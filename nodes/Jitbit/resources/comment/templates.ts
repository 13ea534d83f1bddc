import type { IDataObject } from 'n8n-workflow';

/**
 * A comment template (canned reply) as id, name and body. The item's field names are not
 * documented (one client shows templateId/name; a body field is expected), so every plausible
 * spelling is read.
 */
export function templateFields(item: IDataObject): { id: string; name: string; body: string } {
	const pick = (...keys: string[]) => keys.map((key) => item[key]).find((value) => value !== undefined && value !== null);
	const id = String(pick('TemplateID', 'TemplateId', 'templateId', 'ID', 'Id', 'id') ?? '');
	return {
		id,
		name: String(pick('Name', 'name', 'Title', 'title') ?? `Template ${id}`),
		body: String(pick('Body', 'body', 'Text', 'text', 'Content', 'content') ?? ''),
	};
}
