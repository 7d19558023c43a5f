import type AjvModule from 'ajv';
import { lazyModule } from '../../../core/lazy-module.js';
import type { Codec, SchemaSource } from './codec.js';

/** Loaded with the first JSON Schema serialiser, not at start. */
const ajvModule = lazyModule<typeof AjvModule>('ajv');
const ajvFormats = lazyModule<{ default: (ajv: unknown) => unknown }>('ajv-formats');

/** The `$schema` keyword names a draft Ajv may not carry; the keywords themselves are what validate. */
function withoutDraft(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return schema;
  const { $schema: _draft, ...rest } = schema as Record<string, unknown>;
  return rest;
}

/**
 * JSON Schema records are the value's JSON text (UTF-8), validated against the schema first, as
 * Confluent's serializer does. References are added to Ajv under their names so `$ref`s resolve.
 */
export function jsonSchemaCodec(source: SchemaSource): Codec {
  const ajv = new (ajvModule().default)({ strict: false, allErrors: false, validateFormats: true });
  ajvFormats().default(ajv);
  for (const ref of source.references) ajv.addSchema(withoutDraft(JSON.parse(ref.schema)) as object, ref.name);
  const validate = ajv.compile(withoutDraft(JSON.parse(source.schema)) as object);
  return {
    encode(value) {
      if (!validate(value)) {
        const e = validate.errors![0];
        throw new Error(`${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
      }
      return Buffer.from(JSON.stringify(value), 'utf8');
    },
    decode: (body) => JSON.parse(body.toString('utf8')),
  };
}
