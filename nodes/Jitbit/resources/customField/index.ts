import type { Resource } from '../operation';
import * as getForCategory from './getForCategory';
import * as getForTicket from './getForTicket';
import * as set from './set';
import * as setMany from './setMany';

export const customField: Resource = {
	name: 'Custom Field',
	value: 'customField',
	description: 'Values of custom fields on tickets',
	operations: [set, setMany, getForTicket, getForCategory],
};
