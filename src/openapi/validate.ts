import type { OpenAPIValidator } from 'openapi-backend';
import type { ErrorObject } from 'ajv';
import { ApiError, badRequest } from '../core/errors.js';
import { lazyModule } from '../core/lazy-module.js';
import type { JsonSchema, Operation } from './types.js';

export interface IncomingRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * openapi-backend (with Ajv, its reference parser and its router) and ajv-formats take about as
 * long to load as the rest of a start: they load with the first request that has something to
 * check (see plainParameters), not before the emulator answers.
 */
const openapiBackend = lazyModule<typeof import('openapi-backend')>('openapi-backend');
const ajvFormats = lazyModule<{ default: (ajv: unknown) => unknown }>('ajv-formats');

/**
 * Request and response validation against the operation resolved at start-up. openapi-backend's
 * matcher is never used: we hand it the operation object, and its validators compile lazily the
 * first time an operation is called, so start-up does not pay for 360 operations. The validator
 * itself is built on first use.
 */
export class Validator {
  private built?: OpenAPIValidator;

  /** `eager` builds the validator and compiles every operation's validators now, so a schema Ajv cannot compile fails at once. */
  constructor(
    private readonly dereferenced: JsonSchema,
    private readonly options: { eager?: boolean } = {},
  ) {
    if (options.eager) this.validator;
  }

  private get validator(): OpenAPIValidator {
    return (this.built ??= new (openapiBackend().OpenAPIValidator)({
      definition: withJsonAliases(this.dereferenced) as any,
      lazyCompileValidators: !this.options.eager,
      ajvOpts: { strict: false, allErrors: true, logger: false },
      customizeAjv: (ajv) => {
        ajvFormats().default(ajv);
        return ajv;
      },
    }));
  }

  /** Throws an ApiError (400 for parameters, 422 for the body) when the request does not conform. */
  validateRequest(op: Operation, req: IncomingRequest): void {
    if (this.plainParameters(op) && this.plainQueryConforms(op, req.query)) {
      if (req.body === undefined && !op.raw.requestBody) return;
      // Only the body can fail: its validator alone, without openapi-backend parsing the request
      // again for parameters that cannot fail (a fifth of a create's validation time).
      const bodyValidator = typeof req.body === 'object' ? this.jsonBodyValidator(op) : undefined;
      if (bodyValidator) {
        if (bodyValidator({ requestBody: req.body })) return;
        throw toApiError((bodyValidator.errors ?? []) as ErrorObject[]);
      }
    }
    const result = this.validator.validateRequest(req as any, op.raw as any);
    if (result.valid || !result.errors) return;
    throw toApiError(result.errors as ErrorObject[]);
  }

  /**
   * Validates the values of a streamed body: the first with the whole request (parameters
   * included), the others with the operation's body validator alone, which openapi-backend
   * compiles first for an operation with a JSON body and which takes `{ requestBody }`.
   */
  validateStreamedRequest(op: Operation, req: IncomingRequest, bodies: unknown[]): void {
    if (!bodies.length) return;
    this.validateRequest(op, { ...req, body: bodies[0] });
    const bodyValidator = this.validator.getRequestValidatorsForOperation(op.operationId)?.[0];
    if (!op.raw.requestBody || !bodyValidator) return;
    for (const body of bodies.slice(1)) {
      if (!bodyValidator({ requestBody: body })) throw toApiError((bodyValidator.errors ?? []) as ErrorObject[]);
    }
  }

  private readonly unconstrained = new Map<string, boolean>();

  /**
   * Whether the path and header parameters of a request always conform: the operation requires
   * no header parameter, and its path parameters are plain strings (its query is checked by
   * plainQueryConforms). Reads by id are such requests; skipping the validator for them is a
   * measurable saving, and a create's parameters need no more than its body's validator.
   */
  private plainParameters(op: Operation): boolean {
    let known = this.unconstrained.get(op.operationId);
    if (known === undefined) {
      const plainString = (schema: Record<string, unknown> | undefined) => !!schema && Object.keys(schema).every((k) => k === 'type' || k === 'description' || k === 'example') && schema.type === 'string';
      known = op.parameters.every((p) => (p.in === 'path' ? plainString(p.schema as Record<string, unknown> | undefined) : p.in === 'header' ? !p.required : true));
      this.unconstrained.set(op.operationId, known);
    }
    return known;
  }

  /**
   * The validator of the operation's JSON body, or undefined when it has none. openapi-backend
   * compiles it first of the operation's validators, before the parameters' (which it always
   * compiles), so there is one exactly when there are two.
   */
  private jsonBodyValidator(op: Operation): ((value: unknown) => boolean) & { errors?: unknown[] | null } | undefined {
    if (!op.raw.requestBody) return undefined;
    const validators = this.validator.getRequestValidatorsForOperation(op.operationId);
    return validators?.length === 2 ? (validators[0] as never) : undefined;
  }

  private readonly queryCheckers = new Map<string, { byName: Map<string, QueryCheck>; required: string[] }>();

  /**
   * Whether every query parameter sent is one that a plain check is sure to accept (a page_size
   * in its bounds, a plain string): then Ajv would find nothing either. Anything else, or any
   * doubt, goes to the validator, which answers the error.
   */
  private plainQueryConforms(op: Operation, query: Record<string, unknown>): boolean {
    let checkers = this.queryCheckers.get(op.operationId);
    if (checkers === undefined) {
      checkers = { byName: new Map(), required: [] };
      for (const p of op.parameters) {
        if (p.in !== 'query') continue;
        if (p.required) checkers.required.push(p.name);
        const check = plainCheck(p.schema as Record<string, unknown> | undefined);
        if (check) checkers.byName.set(p.name, check);
      }
      this.queryCheckers.set(op.operationId, checkers);
    }
    for (const name of checkers.required) if (query[name] === undefined) return false;
    for (const name in query) {
      const check = checkers.byName.get(name);
      if (!check || !check(query[name])) return false;
    }
    return true;
  }

  /** Problems with a response (status, body), as messages; empty when it conforms. */
  checkResponse(op: Operation, status: number, body: unknown): string[] {
    const declared = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
    if (!declared) return [`status ${status} is not declared for ${op.operationId}`];
    const hasSchema = !!declared.content?.['application/json']?.schema || !!Object.values(declared.content ?? {})[0];
    if (!hasSchema) return body === undefined || body === '' ? [] : [`${op.operationId} ${status} declares no body but one was sent`];
    // Bytes (an image) conform to a declared binary media type, and only to one; a binary-only response takes only bytes.
    const types = Object.keys(declared.content ?? {});
    const binary = types.filter((type) => !JSON_MEDIA_TYPE.test(type));
    if (Buffer.isBuffer(body)) return binary.length ? [] : [`${op.operationId} ${status} declares a JSON body but bytes were sent`];
    if (binary.length === types.length) return [`${op.operationId} ${status} declares a binary body but no bytes were sent`];
    const result = this.validator.validateResponse(body, op.raw as any, status);
    return result.valid ? [] : (result.errors ?? []).map((e: any) => `${op.operationId} ${status} body${e.instancePath} ${e.message}`);
  }
}

type QueryCheck = (value: unknown) => boolean;

/** Keywords that describe a schema without constraining a value. */
const DESCRIPTIVE = new Set(['type', 'description', 'example', 'default', 'title', 'format']);

/**
 * A check of one query value sure to agree with Ajv when it says yes, for the plainest schemas:
 * a string with no constraint, an integer (int32 or none) with optional bounds. Undefined for
 * anything else.
 */
function plainCheck(schema: Record<string, unknown> | undefined): QueryCheck | undefined {
  if (!schema) return undefined;
  const keys = Object.keys(schema);
  if (schema.type === 'string' && keys.every((k) => DESCRIPTIVE.has(k) && k !== 'format')) return (v) => typeof v === 'string';
  if (schema.type !== 'integer' || !keys.every((k) => DESCRIPTIVE.has(k) || k === 'minimum' || k === 'maximum')) return undefined;
  if (schema.format !== undefined && schema.format !== 'int32') return undefined;
  const min = typeof schema.minimum === 'number' ? schema.minimum : -(2 ** 31);
  const max = typeof schema.maximum === 'number' ? schema.maximum : 2 ** 31 - 1;
  return (v) => typeof v === 'string' && /^(0|[1-9][0-9]{0,8})$/.test(v) && Number(v) >= min && Number(v) <= max;
}

const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]+\+)?json$/i;
/** Form bodies arrive parsed into an object of strings (src/app.ts), so they validate as JSON objects do. */
const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/**
 * openapi-backend validates only `application/json` bodies. The data planes declare vendor JSON
 * media types (`application/vnd.schemaregistry.v1+json`, `application/vnd.kafka.v2+json`), and the
 * STS token exchange a form, so the validator gets a copy of the document in which each such body
 * is also filed under `application/json`. The served document is left as written.
 */
function withJsonAliases(doc: JsonSchema): JsonSchema {
  // Copies only the objects on the way to an aliased content map (the document is large and
  // shares its schemas): the paths, each path item and operation, and the bodies that change.
  const aliased = (content: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
    if (!content || content['application/json']) return undefined;
    const vendor = Object.keys(content).find((type) => JSON_MEDIA_TYPE.test(type) || type === FORM_MEDIA_TYPE);
    return vendor ? { ...content, 'application/json': content[vendor] } : undefined;
  };
  const withContent = (body: any) => {
    const content = aliased(body?.content);
    return content ? { ...body, content } : body;
  };
  const paths: Record<string, Record<string, any>> = {};
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
    const copy: Record<string, any> = { ...item };
    for (const [key, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || Array.isArray(op)) continue;
      const responses = op.responses && Object.fromEntries(Object.entries<any>(op.responses).map(([status, r]) => [status, withContent(r)]));
      copy[key] = { ...op, ...(op.requestBody ? { requestBody: withContent(op.requestBody) } : {}), ...(responses ? { responses } : {}) };
    }
    paths[path] = copy;
  }
  return { ...doc, paths } as JsonSchema;
}

function toApiError(errors: ErrorObject[]): ApiError {
  if (errors.some((e) => e.keyword === 'required' && (e.params as any).missingProperty === 'requestBody')) {
    return badRequest('The request body is required');
  }
  const bodyErrors = errors.filter((e) => e.instancePath.startsWith('/requestBody') || e.schemaPath.startsWith('#/requestBody'));
  if (bodyErrors.length) {
    const entries = bodyErrors.map((e) => {
      const base = e.instancePath.replace(/^\/requestBody/, '');
      const pointer = e.keyword === 'required' ? `${base}/${(e.params as any).missingProperty}` : base || '/';
      const detail =
        e.keyword === 'required'
          ? `The property '${pointer}' is required`
          : e.keyword === 'parse'
            ? `The request body is not valid JSON: ${e.message}`
            : `The property '${pointer}' ${e.message}`;
      return { detail, source: { pointer } };
    });
    const [first, ...more] = dedupe(entries);
    return new ApiError({ status: 422, code: 'invalid_configuration', title: 'Validation Failed', detail: first.detail, source: first.source, more });
  }
  const e = errors[0];
  const [, where, name] = e.instancePath.split('/');
  const parameter = e.keyword === 'required' ? (e.params as any).missingProperty : decodeURIComponent(name ?? where ?? '');
  const detail =
    e.keyword === 'required'
      ? `Missing required ${where === 'path' ? 'path' : 'query'} parameter '${parameter}'`
      : `Invalid value for parameter '${parameter}': ${e.message}`;
  return badRequest(detail, { parameter });
}

function dedupe<T extends { detail: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.detail) && seen.add(i.detail));
}
