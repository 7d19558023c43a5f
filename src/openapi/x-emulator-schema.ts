import type AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { lazyModule } from '../core/lazy-module.js';
import { ACTIONS } from '../authorization/actions.js';

/** Ajv loads only when declarations are checked: at build, or when the documents are read from YAML. */
const ajvModule = lazyModule<typeof AjvModule>('ajv');

/**
 * The vocabulary of the `x-emulator` declarations (openapi/README.md describes each key). The
 * documents are checked against it when they are loaded, so a misspelt key or a wrong value fails
 * the start with the document and the place named, instead of being silently ignored.
 */
const pointer = { type: 'string', pattern: '^/' };
const pointers = { type: 'array', items: pointer };
const resourceName = { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' };

/**
 * A lifecycle: the short form (`initial` for `duration_ms`, then `ready` or `failed`; `deleting`
 * as long), or a phase graph (`phases`: each phase's `next`, `duration_ms`, `fail` and `on_enter`
 * hook; named `transitions` that requests start). core/lifecycle.ts compiles and checks both.
 */
const phaseName = { type: 'string', minLength: 1 };
const lifecycle = {
  type: 'object',
  additionalProperties: false,
  required: ['field', 'initial', 'failed'],
  properties: {
    field: pointer,
    initial: phaseName,
    ready: phaseName,
    failed: phaseName,
    deleting: phaseName,
    duration_ms: { type: 'integer', minimum: 0 },
    phases: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { next: phaseName, duration_ms: { type: 'integer', minimum: 0 }, fail: phaseName, on_enter: { type: 'string', minLength: 1 } },
      },
    },
    transitions: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['to'],
        properties: { from: { type: 'array', minItems: 1, items: phaseName }, to: phaseName },
      },
    },
  },
};

const quota = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'limit'],
  properties: {
    name: { type: 'string' },
    limit: { type: 'integer', minimum: 0 },
    per: { oneOf: [{ enum: ['organization', 'scope'] }, { type: 'object', additionalProperties: false, required: ['pointer'], properties: { pointer } }] },
  },
};

const resource = {
  type: 'object',
  additionalProperties: false,
  required: ['api_version', 'kind', 'collection', 'id', 'crn'],
  properties: {
    api_version: { type: 'string' },
    kind: { type: 'string' },
    collection: { type: 'string', pattern: '^/' },
    id: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['prefix', 'length'], properties: { prefix: { type: 'string' }, length: { type: 'integer', minimum: 1 } } },
        { type: 'object', additionalProperties: false, required: ['style'], properties: { style: { enum: ['uuid', 'key'] } } },
      ],
    },
    crn: { type: 'string' },
    scope: {
      type: 'object',
      additionalProperties: false,
      required: ['query', 'body'],
      properties: { query: { type: 'string' }, body: pointer, update: { enum: ['body', 'optional'] } },
    },
    second_scope: {
      type: 'object',
      additionalProperties: false,
      required: ['query', 'pointer'],
      properties: { query: { type: 'string' }, pointer, update_body: { type: 'boolean' } },
    },
    parent: { type: 'object', additionalProperties: false, required: ['param', 'resource'], properties: { param: { type: 'string' }, resource: resourceName } },
    create_only: pointers,
    read_only: pointers,
    secret: pointers,
    unique: pointers,
    defaults: { type: 'object', propertyNames: pointer },
    computed: { type: 'object', propertyNames: pointer, additionalProperties: { type: 'string' } },
    refs: {
      type: 'object',
      propertyNames: pointer,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['resources'],
        properties: {
          resources: { type: 'array', minItems: 1, items: resourceName },
          same_scope: { type: 'boolean' },
          match: { type: 'object', propertyNames: pointer, additionalProperties: pointer },
          updatable: { type: 'boolean' },
        },
      },
    },
    filters: {
      type: 'object',
      additionalProperties: {
        oneOf: [
          pointer,
          { type: 'object', additionalProperties: false, required: ['pointer'], properties: { pointer, match: { enum: ['exact', 'contains', 'element'] } } },
        ],
      },
    },
    lifecycle,
    cascade: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['resource', 'ref'], properties: { resource: resourceName, ref: pointer } },
    },
    referenced_by: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['resource', 'ref'],
        properties: {
          resource: resourceName,
          ref: pointer,
          on_delete: { enum: ['restrict', 'cascade'] },
          status: { enum: [400, 409] },
          code: { type: 'string' },
          mark: { type: 'object', additionalProperties: false, required: ['pointer', 'used', 'unused'], properties: { pointer, used: {}, unused: {} } },
        },
      },
    },
    mirror: {
      type: 'object',
      additionalProperties: false,
      required: ['resource', 'fields'],
      properties: { resource: resourceName, fields: { type: 'object', propertyNames: pointer, additionalProperties: pointer } },
    },
    seed: { type: 'object', additionalProperties: false, required: ['with'], properties: { with: resourceName } },
    quota: { oneOf: [quota, { type: 'array', minItems: 1, items: quota }] },
    hooks: { type: 'string' },
  },
};

/**
 * What an operation needs to be authorized (`x-emulator-authorization`, or a document's
 * `x-emulator.authorization` default): openapi/README.md and src/http/authorize*.ts.
 */
const action = { enum: [...ACTIONS] };
const authorization = {
  oneOf: [
    { const: 'none' },
    { type: 'object', additionalProperties: false, required: ['rule'], properties: { rule: { enum: ['role-binding', 'api-key', 'schema-id', 'custom-connector-plugin'] } } },
    { type: 'object', additionalProperties: false, required: ['rule', 'operation'], properties: { rule: { const: 'catalog-entity' }, operation: { enum: ['READ', 'ALTER'] } } },
    { type: 'object', additionalProperties: false, required: ['rule'], properties: { rule: { const: 'catalog-search' } } },
    { type: 'object', additionalProperties: false, required: ['action', 'crn'], properties: { action, crn: { type: 'string' } } },
    { type: 'object', additionalProperties: false, required: ['read', 'write', 'crn'], properties: { read: action, write: action, crn: { type: 'string' } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kafka', 'operation'],
      properties: { kafka: { enum: ['CLUSTER', 'TOPIC', 'GROUP', 'TRANSACTIONAL_ID'] }, name: { type: 'string' }, operation: action, each: { type: 'boolean' } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['registry', 'operation'],
      properties: { registry: { enum: ['subject', 'cluster', 'catalog'] }, name: { type: 'string' }, operation: action, each: { type: 'boolean' } },
    },
  ],
};

/** The document-level `x-emulator`. */
const documentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    group: { type: 'string' },
    dialect: { enum: ['management', 'flat', 'connect'] },
    path_aliases: { type: 'object', propertyNames: { pattern: '^/' }, additionalProperties: { type: 'string', pattern: '^/' } },
    resources: { type: 'object', propertyNames: resourceName, additionalProperties: resource },
    views: {
      type: 'object',
      propertyNames: resourceName,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['resource', 'api_version', 'kind', 'collection', 'hooks'],
        properties: { resource: resourceName, api_version: { type: 'string' }, kind: { type: 'string' }, collection: { type: 'string', pattern: '^/' }, hooks: { type: 'string' } },
      },
    },
    authorization,
  },
};

/** An operation's `x-emulator`: its binding to a declared resource. */
const operationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['resource', 'action'],
  properties: {
    resource: resourceName,
    action: { enum: ['list', 'create', 'read', 'update', 'delete'] },
    handler: { const: 'code' },
    view: resourceName,
  },
};

/** Compiled on first use: a start from the documents compiled at build (checked then) never needs them. */
let compiled: { checkDocument: ValidateFunction; checkOperation: ValidateFunction; checkAuthorization: ValidateFunction } | undefined;
const validators = () => {
  if (!compiled) {
    const ajv = new (ajvModule().default)({ allErrors: true, strict: true });
    compiled = { checkDocument: ajv.compile(documentSchema), checkOperation: ajv.compile(operationSchema), checkAuthorization: ajv.compile(authorization) };
  }
  return compiled;
};

const describe = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : ''}`)
    .join('; ');

/** Throws, naming the file and the place, when a document's `x-emulator` is not in the vocabulary. */
export function checkDocumentDeclarations(file: string, ext: unknown): void {
  const { checkDocument } = validators();
  if (ext !== undefined && !checkDocument(ext)) throw new Error(`${file}: x-emulator: ${describe(checkDocument.errors)}`);
}

/** Throws, naming the operation, when its `x-emulator` binding or `x-emulator-authorization` is not in the vocabulary. */
export function checkOperationDeclarations(file: string, operation: { operationId?: string; 'x-emulator'?: unknown; 'x-emulator-authorization'?: unknown }): void {
  const { operationId, 'x-emulator': binding, 'x-emulator-authorization': needs } = operation;
  const { checkOperation, checkAuthorization } = validators();
  if (binding !== undefined && !checkOperation(binding)) throw new Error(`${file}: ${operationId}: x-emulator: ${describe(checkOperation.errors)}`);
  if (needs !== undefined && !checkAuthorization(needs)) throw new Error(`${file}: ${operationId}: x-emulator-authorization: ${describe(checkAuthorization.errors)}`);
}
