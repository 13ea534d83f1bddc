/**
 * An error the sandbox answers as Jitbit does: a status code and a plain-text body
 * (docs/jitbit-api.md §3: bodies are plain text, never a structured object).
 */
export class ApiError extends Error {
	constructor(
		public readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export const badRequest = (msg: string) => new ApiError(400, msg);
export const notFound = (msg: string) => new ApiError(404, msg);
export const forbidden = (msg = 'Permission denied') => new ApiError(403, msg);
