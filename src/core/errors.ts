/**
 * One error type for every API group. Handlers throw ApiError; the HTTP layer renders it in the
 * dialect of the operation's group (management `errors[]`, flat `error_code`, Connect `error{}`).
 */
export interface ErrorSource {
  pointer?: string;
  parameter?: string;
}

export interface ApiErrorOptions {
  status: number;
  code: string;
  title: string;
  detail: string;
  source?: ErrorSource;
  /** Numeric code for the flat dialect (Kafka REST, Schema Registry): 40401, 42201, ... */
  errorCode?: number;
  headers?: Record<string, string | number>;
  /** Extra entries for a 422 with one entry per failing field. */
  more?: Array<{ detail: string; source?: ErrorSource }>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly source?: ErrorSource;
  readonly errorCode?: number;
  readonly headers: Record<string, string | number>;
  readonly more: Array<{ detail: string; source?: ErrorSource }>;

  constructor(o: ApiErrorOptions) {
    super(o.detail);
    this.status = o.status;
    this.code = o.code;
    this.title = o.title;
    this.detail = o.detail;
    this.source = o.source;
    this.errorCode = o.errorCode;
    this.headers = o.headers ?? {};
    this.more = o.more ?? [];
  }
}

export const badRequest = (detail: string, source?: ErrorSource, code = 'invalid_input') =>
  new ApiError({ status: 400, code, title: 'Bad Request', detail, source });

export const invalidFilter = (parameter: string, detail: string) =>
  new ApiError({ status: 400, code: 'invalid_filter', title: 'Invalid Filter', detail, source: { parameter } });

export const unauthenticated = (detail = 'Valid authentication credentials must be provided') =>
  new ApiError({
    status: 401,
    code: 'user_unauthenticated',
    title: 'Authentication Required',
    detail,
    headers: { 'www-authenticate': 'Basic error="invalid_key", error_description="The API Key is invalid"' },
  });

export const forbidden = (detail: string) =>
  new ApiError({ status: 403, code: 'user_unauthorized', title: 'User Access Unauthorized', detail });

export const quotaExceeded = (quota: string) =>
  new ApiError({
    status: 402,
    code: 'quota_exceeded',
    title: 'Quota Exceeded',
    detail: `The request would exceed the quota: ${quota}`,
  });

export const notFound = (detail = 'Not Found') =>
  new ApiError({ status: 404, code: 'not_found', title: 'Not Found', detail });

export const conflict = (detail: string, location?: string) =>
  new ApiError({
    status: 409,
    code: 'resource_already_exists',
    title: 'Resource Already Exists',
    detail,
    headers: location ? { location } : {},
  });

export const unprocessable = (detail: string, pointer?: string) =>
  new ApiError({
    status: 422,
    code: 'invalid_configuration',
    title: 'Validation Failed',
    detail,
    source: pointer ? { pointer } : undefined,
  });

export const notImplemented = (operationId: string) =>
  new ApiError({
    status: 501,
    code: 'not_implemented',
    title: 'Not Implemented',
    detail: `The emulator does not implement the operation ${operationId} yet`,
  });
