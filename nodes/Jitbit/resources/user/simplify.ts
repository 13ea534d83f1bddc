import type { IDataObject } from 'n8n-workflow';

import { isoDate } from '../../shared/simplify';

/** The user fields people map, from any user object (User, UserByEmail, Users items). */
export function simplifyUser(user: IDataObject): IDataObject {
	return {
		id: user.UserID,
		username: user.Username,
		email: user.Email,
		firstName: user.FirstName,
		lastName: user.LastName,
		fullName: user.FullName,
		company: user.CompanyName ?? null,
		department: user.DepartmentName ?? user.Department ?? null,
		isAdmin: user.IsAdmin,
		isTech: user.IsTech,
		disabled: user.Disabled,
		lastSeen: isoDate(user.LastSeen),
	};
}
