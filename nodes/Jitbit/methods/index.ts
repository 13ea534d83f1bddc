import * as categories from './categories';
import * as commentTemplates from './commentTemplates';
import * as customFields from './customFields';
import * as organisation from './organisation';
import * as tickets from './tickets';
import * as users from './users';

// One file per kind of picker (named by what it lists); n8n looks methods up by name.
export const methods = {
	listSearch: { ...tickets.listSearch, ...users.listSearch, ...organisation.listSearch },
	loadOptions: {
		...tickets.loadOptions,
		...categories.loadOptions,
		...customFields.loadOptions,
		...organisation.loadOptions,
		...commentTemplates.loadOptions,
	},
};
