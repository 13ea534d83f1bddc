import { byId, eachProfile, jsonOf, summary, useEnv } from '../harness/env';

eachProfile((profile) => {
	const env = useEnv({ profile });

	describe('Attachment', () => {
		it('Get Many reads Attachments?id= and emits one item per file', async () => {
			const { items, error } = await env.run({ resource: 'attachment', operation: 'getMany', ticketId: byId(1003) });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([{ method: 'GET', endpoint: 'attachments', query: { id: '1003' }, contentType: '', body: {} }]);
			expect(jsonOf(items).map((f) => [f.FileID, f.FileName])).toEqual(
				env.sb.db.filesOfTicket(1003).map((f) => [f.fileId, f.fileName]),
			);
		});

		it('Get Many from the ticket details reads Ticket?id= and emits its Attachments', async () => {
			const { items, error } = await env.run({ resource: 'attachment', operation: 'getMany', ticketId: byId(1003), source: 'ticket' });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([{ method: 'GET', endpoint: 'ticket', query: { id: '1003' }, contentType: '', body: {} }]);
			expect(jsonOf(items).map((f) => [f.FileID, f.FileName])).toEqual(
				env.sb.db.filesOfTicket(1003).map((f) => [f.fileId, f.fileName]),
			);
		});

		it('Upload sends AttachFile multipart: the id field plus one uploadFile part per binary property, byte for byte', async () => {
			const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
			const csv = Buffer.from('a;b\n1;2\n');
			const { items, error } = await env.run(
				{ resource: 'attachment', operation: 'upload', ticketId: byId(1001), binaryPropertyNames: 'data,sheet' },
				{
					items: [
						{
							json: {},
							binary: {
								data: { data: bytes.toString('base64'), mimeType: 'application/octet-stream', fileName: 'all-bytes.bin' },
								sheet: { data: csv.toString('base64'), mimeType: 'text/csv', fileName: 'täble.csv' },
							},
						},
					],
				},
			);
			expect(error).toBeUndefined();
			const calls = env.calls();
			expect(calls).toHaveLength(1);
			expect(calls[0]).toMatchObject({ method: 'POST', endpoint: 'attachfile', contentType: 'multipart/form-data', body: { id: '1001' } });
			expect(calls[0].files.map((f) => [f.field, f.filename, f.contentType])).toEqual([
				['uploadFile', 'all-bytes.bin', 'application/octet-stream'],
				['uploadFile', 'täble.csv', 'text/csv'],
			]);
			expect(calls[0].files[0].data.equals(bytes)).toBe(true);
			expect(calls[0].files[1].data.equals(csv)).toBe(true);
			expect(jsonOf(items)).toEqual([{ success: true, ticketId: 1001, fileNames: ['all-bytes.bin', 'täble.csv'] }]);
			expect(env.sb.db.filesOfTicket(1001).map((f) => f.fileName)).toEqual(['all-bytes.bin', 'täble.csv']);
		});

		it('Upload names the missing binary field before any request', async () => {
			const { error } = await env.run({ resource: 'attachment', operation: 'upload', ticketId: byId(1001), binaryPropertyNames: 'nope' });
			expect(error?.message).toContain("The input item has no binary field 'nope'");
			expect(env.calls()).toHaveLength(0);
		});

		it('Download reads Attachment?id= into binary data with the file name, MIME type and exact bytes', async () => {
			const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 0x0d, 0x0a]);
			const file = env.sb.db.addFile({ ticketId: 1001, userId: 1, fileName: 'Résumé 2025.pdf', contentType: 'application/pdf', data: bytes });
			const { items, error } = await env.run({
				resource: 'attachment',
				operation: 'download',
				fileId: String(file.fileId),
				binaryPropertyName: 'file',
			});
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([
				{ method: 'GET', endpoint: 'attachment', query: { id: String(file.fileId) }, contentType: '', body: {} },
			]);
			expect(items).toHaveLength(1);
			expect(items[0].json).toEqual({ fileId: file.fileId, fileName: 'Résumé 2025.pdf', mimeType: 'application/pdf', fileSize: 8 });
			const binary = items[0].binary!.file;
			expect(binary).toMatchObject({ fileName: 'Résumé 2025.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' });
			expect(Buffer.from(binary.data, 'base64').equals(bytes)).toBe(true);
		});

		it('Download of a missing file is a clear not-found error', async () => {
			const { error } = await env.run({ resource: 'attachment', operation: 'download', fileId: '123456', binaryPropertyName: 'data' });
			expect(error?.message).toContain('Not found in Jitbit');
			expect(error?.description).toContain('File 123456 not found');
		});

		it('Delete sends DeleteFile?id= (GET, as the spec says) and removes the file', async () => {
			const { items, error } = await env.run({ resource: 'attachment', operation: 'delete', fileId: '9001' });
			expect(error).toBeUndefined();
			expect(env.calls().map(summary)).toEqual([{ method: 'GET', endpoint: 'deletefile', query: { id: '9001' }, contentType: '', body: {} }]);
			expect(jsonOf(items)).toEqual([{ deleted: true, fileId: 9001 }]);
			expect(env.sb.db.files.has(9001)).toBe(false);
		});
	});
});
