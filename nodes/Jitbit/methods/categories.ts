import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { jitbitApiRequest } from '../transport';

/** Categories the user may see, labelled "Section \ Category" as in Jitbit. */
async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = (await jitbitApiRequest(this, { method: 'GET', url: '/categories' })) as IDataObject[];
	return categories
		.map((category) => ({
			name: String(category.NameWithSection ?? category.Name ?? `Category ${category.CategoryID}`),
			value: Number(category.CategoryID),
			description: category.ForTechsOnly ? 'For technicians only' : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Sections, read from the categories (each carries its SectionID and Section name). */
async function getSections(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = (await jitbitApiRequest(this, { method: 'GET', url: '/categories' })) as IDataObject[];
	const sections = new Map<number, string>();
	for (const category of categories) {
		if (category.SectionID === null || category.SectionID === undefined) continue;
		sections.set(Number(category.SectionID), String(category.Section ?? `Section ${category.SectionID}`));
	}
	return [...sections].map(([value, name]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name));
}

export const loadOptions = { getCategories, getSections };
