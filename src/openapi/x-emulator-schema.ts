import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';

const Ajv = AjvModule.default;

/**
 * The vocabulary of the `x-emulator` declarations (openapi/README.md describes each key). The
 * documents are checked against it when they are loaded, so a misspelt key or a wrong value fails
 * the start with the document and the place named, instead of being silently ignored.
 */
const pointer = { type: 'string', pattern: '^/' };
const pointers = { type: 'array', items: pointer };
const resourceName = { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' };

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
    scope: { type: 'object', additionalProperties: false, required: ['query', 'body'], properties: { query: { type: 'string' }, body: pointer } },
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
        properties: { resources: { type: 'array', minItems: 1, items: resourceName } },
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
    lifecycle: {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'initial', 'ready', 'failed', 'duration_ms'],
      properties: {
        field: pointer,
        initial: { type: 'string' },
        ready: { type: 'string' },
        failed: { type: 'string' },
        deleting: { type: 'string' },
        duration_ms: { type: 'integer', minimum: 0 },
      },
    },
    cascade: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['resource', 'ref'], properties: { resource: resourceName, ref: pointer } },
    },
    quota: { type: 'object', additionalProperties: false, required: ['name', 'limit'], properties: { name: { type: 'string' }, limit: { type: 'integer', minimum: 0 } } },
    hooks: { type: 'string' },
  },
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
  },
};

/** Compiled on first use: a start from the documents compiled at build (checked then) never needs them. */
let compiled: { checkDocument: ValidateFunction; checkOperation: ValidateFunction } | undefined;
const validators = () => {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    compiled = { checkDocument: ajv.compile(documentSchema), checkOperation: ajv.compile(operationSchema) };
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

/** Throws, naming the operation, when its `x-emulator` binding is not in the vocabulary. */
export function checkOperationDeclaration(file: string, operationId: string, ext: unknown): void {
  const { checkOperation } = validators();
  if (ext !== undefined && !checkOperation(ext)) throw new Error(`${file}: ${operationId}: x-emulator: ${describe(checkOperation.errors)}`);
}
