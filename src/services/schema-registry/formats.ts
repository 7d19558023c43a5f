import type avro from 'avsc';
import { lazyModule } from '../../core/lazy-module.js';

const avsc = lazyModule<typeof avro>('avsc');
import { createHash } from 'node:crypto';
import { parseJsonSchema } from './compat/json-schema.js';
import { parseProtobuf } from './compat/protobuf.js';
import { invalidSchema } from './errors.js';
import { LruCache } from '../../core/lru.js';

export type SchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';
export const SCHEMA_TYPES: SchemaType[] = ['JSON', 'PROTOBUF', 'AVRO'];

/** A schema as the registry reads it: its canonical text and what its format needs to compare it. */
export interface ParsedSchema {
  type: SchemaType;
  /** The text stored and answered; JSON formats lose insignificant whitespace. */
  canonical: string;
  avro?: avro.Type;
  json?: unknown;
}

/** The text of a referenced schema, already registered. */
export interface ResolvedReference {
  name: string;
  type: SchemaType;
  schema: string;
}

/**
 * A format's compatibility rule: the problems that keep a reader of `reader` from reading data
 * written with `writer` (empty when it can).
 */
export type BackwardCheck = (reader: ParsedSchema, writer: ParsedSchema) => string[];

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalidSchema((err as Error).message);
  }
}

/**
 * Avro: parsed by avsc, with the named types of referenced schemas in its registry so that the
 * schema may use them by name.
 */
function parseAvro(text: string, references: ResolvedReference[]): ParsedSchema {
  const json = parseJsonText(text);
  const registry: Record<string, avro.Type> = {};
  try {
    for (const ref of references) avsc().Type.forSchema(JSON.parse(ref.schema), { registry });
    const type = avsc().Type.forSchema(json as avro.Schema, { registry });
    return { type: 'AVRO', canonical: JSON.stringify(json), avro: type, json };
  } catch (err) {
    throw invalidSchema((err as Error).message);
  }
}

/**
 * Parsed schemas by their format, text and resolved references. A compatibility check parses
 * every version it compares against (all of them under a TRANSITIVE level), and a schema's text
 * never changes, so each is parsed once. The parsed objects are shared: never mutate one.
 */
const parsedSchemas = new LruCache<string, ParsedSchema>(4096);

export function parseSchema(type: SchemaType, text: string, references: ResolvedReference[] = []): ParsedSchema {
  const key = JSON.stringify([type, text, references.map((r) => [r.name, r.type, r.schema])]);
  return parsedSchemas.getOrCompute(key, () => parseUncached(type, text, references));
}

function parseUncached(type: SchemaType, text: string, references: ResolvedReference[]): ParsedSchema {
  switch (type) {
    case 'AVRO':
      return parseAvro(text, references);
    case 'JSON': {
      const parsed = parseJsonSchema(text);
      if (!parsed.ok) throw invalidSchema(parsed.error);
      return { type, canonical: JSON.stringify(parsed.schema), json: parsed.schema };
    }
    case 'PROTOBUF': {
      const parsed = parseProtobuf(text);
      if (!parsed.ok) throw invalidSchema(parsed.error);
      return { type, canonical: text.trim() };
    }
  }
}

/** Avro schema resolution (avsc's resolver): the reader resolves the writer's data or it throws. */
export const avroBackwardProblems: BackwardCheck = (reader, writer) => {
  try {
    reader.avro!.createResolver(writer.avro!);
    return [];
  } catch (err) {
    return [`READER_INCOMPATIBLE: ${(err as Error).message}`];
  }
};

/**
 * Identical schemas (same format, text and references, and same metadata and rule set when they
 * have some, given as stable JSON) share one id. A schema without either keeps the fingerprint
 * it had before metadata existed.
 */
export function fingerprintOf(type: SchemaType, canonical: string, references: unknown[], contract?: { metadata?: string; ruleSet?: string }): string {
  const extra = contract && (contract.metadata || contract.ruleSet) ? [contract.metadata ?? null, contract.ruleSet ?? null] : [];
  return createHash('sha256').update(JSON.stringify([type, canonical, references, ...extra])).digest('hex');
}
