import type { IDataObject } from 'n8n-workflow';

/** The asset fields people map, from Assets items and Asset details alike. */
export function simplifyAsset(asset: IDataObject): IDataObject {
	const assigned = (asset.AssignedUsers as IDataObject[] | undefined) ?? [];
	return {
		id: asset.ItemID,
		modelName: asset.ModelName,
		manufacturer: asset.Manufacturer,
		type: asset.Type,
		supplier: asset.Supplier,
		serialNumber: asset.SerialNumber,
		location: asset.Location,
		comments: asset.Comments,
		quantity: asset.Quantity,
		company: asset.Company ?? null,
		companyId: asset.CompanyID ?? null,
		assignedUserIds: assigned.map((user) => user.UserID),
		ticketCount: asset.TicketCount,
		disabled: asset.Disabled,
	};
}
