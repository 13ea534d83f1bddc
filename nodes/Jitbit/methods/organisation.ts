import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { jitbitApiRequest } from '../transport';
import { matches } from './choices';

/** Companies for the company pickers; Companies is unpaged, so the filter is applied here. */
async function searchCompanies(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const companies = (await jitbitApiRequest(this, { method: 'GET', url: '/Companies' })) as IDataObject[];
	const query = filter?.trim() ?? '';
	return {
		results: companies
			.filter((c) => !query || matches(query, c.Name, c.EmailDomain))
			.map((c) => ({ name: String(c.Name), value: String(c.CompanyID) })),
	};
}

async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const departments = (await jitbitApiRequest(this, { method: 'GET', url: '/Departments' })) as IDataObject[];
	return departments.map((d) => ({ name: String(d.Name), value: String(d.DepartmentID) }));
}

export const listSearch = { searchCompanies };

export const loadOptions = { getDepartments };
