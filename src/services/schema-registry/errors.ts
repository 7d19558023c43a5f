import { ApiError } from '../../core/errors.js';

/** A Schema Registry error: `{"error_code": <code>, "message": ...}` with its HTTP status. */
export const srError = (status: number, errorCode: number, message: string) => new ApiError({ status, code: `sr_${errorCode}`, title: 'Schema Registry Error', detail: message, errorCode });

export const subjectNotFound = (subject: string) => srError(404, 40401, `Subject '${subject}' not found.`);
export const versionNotFound = (version: string | number) => srError(404, 40402, `Version ${version} not found.`);
export const schemaNotFound = (detail = 'Schema not found') => srError(404, 40403, detail);
export const invalidSchema = (detail: string) => srError(422, 42201, `Invalid schema: ${detail}`);
export const invalidVersion = (version: string) => srError(422, 42202, `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`);
export const invalidCompatibility = () => srError(422, 42203, 'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive');
export const invalidMode = (mode: string) => srError(422, 42204, `Invalid mode ${mode}. Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT`);
export const operationNotPermitted = (detail: string) => srError(422, 42205, detail);
export const referenceExists = (detail: string) => srError(422, 42206, detail);
