import type { Resource } from '../operation';
import * as deleteFile from './delete';
import * as download from './download';
import * as getMany from './getMany';
import * as upload from './upload';

export const attachment: Resource = {
	name: 'Attachment',
	value: 'attachment',
	description: 'Files attached to tickets: list, upload, download, delete',
	operations: [getMany, upload, download, deleteFile],
};
