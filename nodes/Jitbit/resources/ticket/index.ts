import type { Resource } from '../operation';
import * as get from './get';

export const ticket: Resource = {
	name: 'Ticket',
	value: 'ticket',
	description: 'Helpdesk tickets: create, update, close, search and relate them',
	operations: [get],
};
