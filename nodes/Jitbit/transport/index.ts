/**
 * The transport: every call to Jitbit goes through it. One module per job:
 *   declarative.ts  how the declarative operations reach it (`jitbitRouting`), list paging
 *   apiRequest.ts   the call made from our own code (`jitbitApiRequest`)
 *   prepare.ts      what every call gets before it is sent: address, encoding, error summary
 *   policy.ts       rate-limit buckets, what may be repeated, the retry loop
 *   throttle.ts     pacing: the sliding-window reservations shared by the n8n process
 *   encoding.ts     form and multipart bodies, one rule for both
 *   response.ts     reading Jitbit's answers; errors.ts the errors a user sees
 *   urls.ts         the helpdesk's web and API addresses
 * docs/architecture.md describes the pipeline as a whole.
 */
export { jitbitApiRequest } from './apiRequest';
export type { JitbitRequest } from './apiRequest';
export { CREDENTIAL_TYPE } from './context';
export type { JitbitContext } from './context';
export { jitbitRouting } from './declarative';
export { atItem } from './errors';
export type { JitbitRouting, PagingStyle } from './declarative';
export { multipartBody } from './encoding';
export type { UploadFile } from './encoding';
export type { JitbitBody } from './response';
export { API_BASE_URL_EXPRESSION, apiBaseUrl, webBaseUrl } from './urls';
