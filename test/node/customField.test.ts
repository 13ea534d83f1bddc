/** Custom field operations through n8n's real engine against the sandbox. */
import { byId, eachProfile, jsonOf, summary, useEnv } from '../harness/env';

eachProfile((profile) => {
	const env = useEnv({ resource: 'customField', clearPerRun: true, profile });
	const { run } = env;
	/** The API calls the sandbox received since the run started (the node makes no others). */
	const calls = () => env.calls().map(summary);

	/** Demo ticket 1008 is in category Hardware (2): fields 1 text, 2 date, 3 dropdown, 4 checkbox, 6 tech-only text. */
	const T = 1008;

	describe('Custom Field → Set', () => {
		it('posts ticketId, fieldId and value as a form', async () => {
			const { items, error } = await run({ operation: 'set', ticketId: byId(T), fieldId: 1, value: 'AT-4242' });
			expect(error).toBeUndefined();
			expect(calls()).toEqual([
				{
					method: 'POST',
					endpoint: 'setcustomfield',
					query: {},
					body: { ticketId: String(T), fieldId: '1', value: 'AT-4242' },
					contentType: 'application/x-www-form-urlencoded',
				},
			]);
			expect(jsonOf(items)).toEqual([{ success: true, ticketId: T, fieldId: 1 }]);
			expect(env.sb.db.ticket(T).customFields[1]).toBe('AT-4242');
		});

		it('sends an empty value to clear a field', async () => {
			await run({ operation: 'set', ticketId: byId(T), fieldId: 1, value: '' });
			expect(calls()[0].body).toEqual({ ticketId: String(T), fieldId: '1', value: '' });
			expect(env.sb.db.ticket(T).customFields[1] ?? '').toBe('');
		});

		it('rejects a field ID that is not a number before any request', async () => {
			const { error } = await run(
				{ operation: 'set', ticketId: byId(T), fieldId: '={{ $json.field }}', value: 'x' },
				{ items: [{ json: { field: 'Asset tag' } }] },
			);
			expect(error?.message).toBe(`'Custom Field ID' must be a positive whole number, got "Asset tag" [item 0]`);
			expect(env.sb.requests).toHaveLength(0);
		});

		it('reports Jitbit’s refusal per item with continue on fail', async () => {
			const { items, error } = await run(
				{ operation: 'set', ticketId: byId(T), fieldId: '={{ $json.field }}', value: 'x' },
				{ continueOnFail: true, items: [{ json: { field: 1 } }, { json: { field: 7 } }] },
			);
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({ success: true, ticketId: T, fieldId: 1 });
			// Field 7 (Invoice number) belongs to another category.
			expect(String(items[1].json.error)).toContain('does not belong to category 2');
		});
	});

	describe('Custom Field → Set Many', () => {
		it('posts one cf<FieldID> form field per value', async () => {
			const windows = String(env.sb.db.field(3).options[0].optionId);
			const { items, error } = await run({
				operation: 'setMany',
				ticketId: byId(T),
				customFieldsUi: {
					field: [
						{ fieldId: 1, value: 'AT-1' },
						{ fieldId: 3, value: windows },
						{ fieldId: 4, value: 'true' },
					],
				},
			});
			expect(error).toBeUndefined();
			expect(calls()).toEqual([
				{
					method: 'POST',
					endpoint: 'setcustomfields',
					query: {},
					body: { ticketId: String(T), cf1: 'AT-1', cf3: windows, cf4: 'true' },
					contentType: 'application/x-www-form-urlencoded',
				},
			]);
			expect(jsonOf(items)).toEqual([{ success: true, ticketId: T }]);
			expect(env.sb.db.ticket(T).customFields).toMatchObject({ 1: 'AT-1', 3: windows, 4: 'true' });
		});

	it('names the entry whose field ID is not a number, before any call', async () => {
		const { error } = await run({
			operation: 'setMany',
			ticketId: byId(T),
			customFieldsUi: { field: [{ fieldId: 1, value: 'AT-1' }, { fieldId: 'Asset tag', value: 'x' }] },
		});
		expect(error?.message).toBe(`'Field ID' of custom field 2 must be a positive whole number, got "Asset tag" [item 0]`);
		expect(env.sb.requests).toHaveLength(0);
	});

		it('refuses to send without any field', async () => {
			const { error } = await run({ operation: 'setMany', ticketId: byId(T), customFieldsUi: {} });
			expect(error?.message).toBe('No custom fields to set [item 0]');
			expect(env.sb.requests).toHaveLength(0);
		});
	});

	describe('Custom Field → Get for Ticket / Get for Category', () => {
		it('lists the set values of a ticket, simplified', async () => {
			const { items, error } = await run({ operation: 'getForTicket', ticketId: byId(T) });
			expect(error).toBeUndefined();
			expect(calls()).toEqual([
				{ method: 'GET', endpoint: 'ticketcustomfields', query: { id: String(T), returnUnset: 'false' }, body: {}, contentType: '' },
			]);
			const values = env.sb.db.ticket(T).customFields;
			const os = env.sb.db.field(3).options.find((o) => String(o.optionId) === values[3])!;
			expect(jsonOf(items)).toEqual(
				expect.arrayContaining([
					{ id: 1, name: 'Asset tag', value: values[1], optionId: null },
					{ id: 3, name: 'Operating system', value: os.name, optionId: os.optionId },
				]),
			);
			expect(items).toHaveLength(Object.values(values).filter((v) => v !== '').length);
		});

		it('includes unset fields on request, raw', async () => {
			const { items } = await run({ operation: 'getForTicket', ticketId: byId(T), returnUnset: true, simplify: false });
			expect(calls()[0].query).toEqual({ id: String(T), returnUnset: 'true' });
			expect(jsonOf(items).map((f) => f.FieldID)).toEqual([1, 2, 3, 4, 6]);
			expect(Object.keys(items[0].json)).toEqual(expect.arrayContaining(['FieldID', 'FieldName', 'Value', 'Type', 'SelectionComboOptions']));
		});

		it('lists the field definitions of a category with dropdown options', async () => {
			const { items, error } = await run({ operation: 'getForCategory', categoryId: 2 });
			expect(error).toBeUndefined();
			expect(calls()).toEqual([
				{ method: 'GET', endpoint: 'customfieldsforcategory', query: { categoryId: '2' }, body: {}, contentType: '' },
			]);
			expect(jsonOf(items).map((f) => f.FieldName)).toEqual(['Asset tag', 'Purchase date', 'Operating system', 'Under warranty', 'Internal notes']);
			expect(jsonOf(items)[2].SelectionComboOptions).toEqual(
				env.sb.db.field(3).options.map((o) => ({ OptionID: o.optionId, Name: o.name })),
			);
		});
	});
});
