import type avro from 'avsc';
import { lazyModule } from '../../core/lazy-module.js';

const avsc = lazyModule<typeof avro>('avsc');
import { createHash } from 'node:crypto';
import { parseJsonSchema } from './compat/json-schema.js';
import { parseProtobuf } from './compat/protobuf.js';
import { invalidSchema } from './errors.js';
import { surelyReads, walkAvro, type AvroNames, type AvroShape } from './avro-schema.js';
import { LruCache } from '../../core/lru.js';

export type SchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';
export const SCHEMA_TYPES: SchemaType[] = ['JSON', 'PROTOBUF', 'AVRO'];

/** A schema as the registry reads it: its canonical text and what its format needs to compare it. */
export interface ParsedSchema {
  type: SchemaType;
  /** The text stored and answered; JSON formats lose insignificant whitespace. */
  canonical: string;
  /**
   * Avro: avsc's type, built on first use (compatibility checks need it; registering and looking
   * up do not) and kept.
   */
  avroType?: () => avro.Type;
  /** Avro: the shape our own walk vouched for, when it did (compatibility checks try it before avsc). */
  avroShape?: AvroShape;
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

/** avsc's type of an Avro schema, with the named types of its references in its registry so that it may use them by name. */
function avscType(json: unknown, references: ResolvedReference[]): avro.Type {
  const registry: Record<string, avro.Type> = {};
  try {
    for (const ref of references) avsc().Type.forSchema(JSON.parse(ref.schema), { registry });
    return avsc().Type.forSchema(json as avro.Schema, { registry });
  } catch (err) {
    throw invalidSchema((err as Error).message);
  }
}

/** A function that computes once, on its first call. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/**
 * Avro: validated by our own walk (avro-schema.ts), which builds no codecs; what it cannot vouch
 * for goes to avsc, whose verdict and message stand. avsc's type itself is built only when a
 * compatibility check asks for it.
 */
function parseAvro(text: string, references: ResolvedReference[]): ParsedSchema {
  const json = parseJsonText(text);
  const names: AvroNames = new Map();
  const avroShape = references.every((ref) => walkAvro(JSON.parse(ref.schema), names)) ? walkAvro(json, names) : undefined;
  if (avroShape) return { type: 'AVRO', canonical: JSON.stringify(json), avroType: once(() => avscType(json, references)), avroShape, json };
  const type = avscType(json, references);
  return { type: 'AVRO', canonical: JSON.stringify(json), avroType: () => type, json };
}

/**
 * Parsed schemas by their format, text and resolved references. A compatibility check parses
 * every version it compares against (all of them under a TRANSITIVE level), and a schema's text
 * never changes, so each is parsed once. The parsed objects are shared: never mutate one.
 */
const parsedSchemas = new LruCache<string, ParsedSchema>(4096);

export function parseSchema(type: SchemaType, text: string, references: ResolvedReference[] = []): ParsedSchema {
  // Most schemas have no references: their key is cheaper to build than a JSON array's.
  const key = references.length ? JSON.stringify([type, text, references.map((r) => [r.name, r.type, r.schema])]) : `${type}\u0000${text}`;
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

/**
 * Avro schema resolution: our own over the walked shapes when it is sure the reader resolves the
 * writer's data, else avsc's resolver, which resolves it or throws the reason.
 */
export const avroBackwardProblems: BackwardCheck = (reader, writer) => {
  if (reader.avroShape && writer.avroShape && surelyReads(reader.avroShape, writer.avroShape)) return [];
  try {
    reader.avroType!().createResolver(writer.avroType!());
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
