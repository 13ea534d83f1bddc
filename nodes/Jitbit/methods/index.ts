import * as people from './people';
import * as tickets from './tickets';

// Each file owns the pickers of its area; n8n looks methods up by name.
export const methods = {
	listSearch: { ...tickets.listSearch, ...people.listSearch },
	loadOptions: { ...tickets.loadOptions, ...people.loadOptions },
};
