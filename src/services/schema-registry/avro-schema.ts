/**
 * A validating walk of an Avro schema that builds no codecs: what registering and looking up a
 * schema need (is it valid, which named types does it define) at a fraction of the cost of
 * avsc's `Type.forSchema`, which compiles a reader, writer, skipper, checker and constructor for
 * every type as it parses. And Avro's schema resolution over the walked shapes (`surelyReads`), for
 * compatibility checks, where avsc's `createResolver` compiles a reader for every pair.
 *
 * The walk is conservative by design: it answers `true` only for schemas it is certain avsc
 * accepts (the same names, namespaces, unions and field defaults rules), and `false` for anything
 * else — invalid, or merely unusual (`error` types, a record default given as something other than
 * an object...). The caller then asks avsc, so a refusal always carries avsc's own verdict and
 * message, and the walk can never admit a schema avsc would refuse.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * avsc keeps names, symbols and fields as keys of plain objects, where `constructor` or
 * `__proto__` are already taken: such names are for avsc to judge.
 */
const OBJECT_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
const plainName = (name: unknown): name is string => typeof name === 'string' && NAME.test(name) && !OBJECT_KEYS.has(name);
const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
/** avsc's bound for a long held in a JavaScript number. */
const MAX_SAFE_LONG = 9007199254740990;

/** A type as far as validating defaults and union branches needs it. */
export type AvroShape =
  | { kind: 'primitive'; name: string }
  | { kind: 'record'; name: string; aliases: string[]; fields: AvroField[]; byName: Map<string, AvroField> }
  | { kind: 'enum'; name: string; aliases: string[]; symbols: Set<string>; hasDefault: boolean }
  | { kind: 'fixed'; name: string; aliases: string[]; size: number }
  | { kind: 'array'; items: AvroShape }
  | { kind: 'map'; values: AvroShape }
  | { kind: 'union'; types: AvroShape[] };

/** A record's field; `aliases` is undefined when they are anything but a list of names (resolution then leaves the pair to avsc). */
export interface AvroField {
  name: string;
  type: AvroShape;
  hasDefault: boolean;
  aliases: string[] | undefined;
}

/** Named types by full name, shared by a schema and the schemas it references. */
export type AvroNames = Map<string, AvroShape>;

/** Thrown inside the walk when it cannot vouch for the schema; never escapes `walkAvro`. */
class Unsure extends Error {}
const unsure = (): never => {
  throw new Unsure();
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const unqualify = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** avsc's qualification: primitives stay bare, dotted names are full (a leading dot is the null namespace), every part must be a valid name. */
function qualify(name: string, namespace: string | undefined): string {
  if (PRIMITIVES.has(unqualify(name))) return unqualify(name);
  let full = name;
  if (name.includes('.')) full = name.replace(/^\./, '');
  else if (namespace) full = `${namespace}.${name}`;
  for (const part of full.split('.')) if (!NAME.test(part)) unsure();
  if (OBJECT_KEYS.has(full)) unsure();
  return full;
}

const impliedNamespace = (name: string): string | undefined => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : name.slice(0, dot);
};

/** What distinguishes union branches: the full name of a named type, the type name otherwise. */
const branchName = (t: AvroShape): string => (t.kind === 'primitive' ? t.name : 'name' in t ? t.name : t.kind);

class Walker {
  constructor(private readonly names: AvroNames) {}

  type(schema: unknown, namespace: string | undefined): AvroShape {
    if (typeof schema === 'string') {
      const name = qualify(schema, namespace);
      if (PRIMITIVES.has(name)) return { kind: 'primitive', name };
      return this.names.get(name) ?? unsure();
    }
    if (Array.isArray(schema)) return this.union(schema, namespace);
    if (!isObject(schema) || typeof schema.type !== 'string') return unsure();
    const type = schema.type;
    if (PRIMITIVES.has(type)) return { kind: 'primitive', name: type };
    switch (type) {
      case 'record':
        return this.record(schema, namespace);
      case 'enum':
        return this.enum(schema, namespace);
      case 'fixed':
        return this.fixed(schema, namespace);
      case 'array':
        return { kind: 'array', items: schema.items ? this.type(schema.items, namespace) : unsure() };
      case 'map':
        return { kind: 'map', values: schema.values ? this.type(schema.values, namespace) : unsure() };
      default:
        return unsure(); // `error`, or an unknown type
    }
  }

  private union(schema: unknown[], namespace: string | undefined): AvroShape {
    if (!schema.length) unsure();
    const types = schema.map((branch) => this.type(branch, namespace));
    const seen = new Set<string>();
    for (const t of types) {
      if (t.kind === 'union') unsure();
      const name = branchName(t);
      if (seen.has(name)) unsure();
      seen.add(name);
    }
    return { kind: 'union', types };
  }

  /** The full name a named type defines, registered before its body is walked (records may refer to themselves). */
  private define(schema: Json, namespace: string | undefined, shape: AvroShape & { name: string; aliases: string[] }): string | undefined {
    if (typeof schema.name !== 'string') unsure();
    if (schema.namespace !== undefined && typeof schema.namespace !== 'string') unsure();
    const ns = schema.namespace === undefined ? namespace : (schema.namespace as string);
    const name = qualify(schema.name as string, ns);
    if (PRIMITIVES.has(name) || this.names.has(name)) unsure();
    if (schema.aliases !== undefined) {
      if (!Array.isArray(schema.aliases)) unsure();
      for (const alias of schema.aliases as unknown[]) if (typeof alias !== 'string') unsure();
      shape.aliases = (schema.aliases as string[]).map((alias) => qualify(alias, ns));
    }
    shape.name = name;
    this.names.set(name, shape);
    return ns;
  }

  private record(schema: Json, namespace: string | undefined): AvroShape {
    const shape: AvroShape & { kind: 'record' } = { kind: 'record', name: '', aliases: [], fields: [], byName: new Map() };
    this.define(schema, namespace, shape);
    // Fields resolve names against the record's own namespace (explicit, else implied by a dotted name).
    const inner = typeof schema.namespace === 'string' ? schema.namespace : (impliedNamespace(schema.name as string) ?? namespace);
    if (!Array.isArray(schema.fields)) return unsure();
    const seen = new Set<string>();
    for (const field of schema.fields as unknown[]) {
      if (!isObject(field)) return unsure();
      if (!plainName(field.name) || seen.has(field.name)) unsure();
      seen.add(field.name as string);
      if (field.order !== undefined && field.order !== 'ascending' && field.order !== 'descending' && field.order !== 'ignore') unsure();
      if (field.type === undefined || field.type === null) unsure();
      const type = this.type(field.type, inner);
      if (field.default !== undefined && !validDefault(type, field.default)) unsure();
      const aliases = field.aliases === undefined ? [] : Array.isArray(field.aliases) && field.aliases.every(plainName) ? (field.aliases as string[]) : undefined;
      const walked: AvroField = { name: field.name as string, type, hasDefault: field.default !== undefined, aliases };
      shape.fields.push(walked);
      shape.byName.set(walked.name, walked);
    }
    return shape;
  }

  private enum(schema: Json, namespace: string | undefined): AvroShape {
    const shape: AvroShape & { kind: 'enum' } = { kind: 'enum', name: '', aliases: [], symbols: new Set(), hasDefault: schema.default !== undefined };
    this.define(schema, namespace, shape);
    if (!Array.isArray(schema.symbols) || !schema.symbols.length) return unsure();
    for (const symbol of schema.symbols as unknown[]) {
      if (!plainName(symbol) || shape.symbols.has(symbol)) unsure();
      shape.symbols.add(symbol as string);
    }
    if (schema.default !== undefined && !(typeof schema.default === 'string' && shape.symbols.has(schema.default))) unsure();
    return shape;
  }

  private fixed(schema: Json, namespace: string | undefined): AvroShape {
    const size = schema.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > 2 ** 31 - 1) return unsure();
    const shape: AvroShape & { kind: 'fixed' } = { kind: 'fixed', name: '', aliases: [], size };
    this.define(schema, namespace, shape);
    return shape;
  }
}

/** Whether avsc surely takes `value` as a default of `type` (a union's default is its first branch's). */
function validDefault(type: AvroShape, value: unknown): boolean {
  switch (type.kind) {
    case 'primitive':
      switch (type.name) {
        case 'null':
          return value === null;
        case 'boolean':
          return typeof value === 'boolean';
        case 'int':
          return typeof value === 'number' && value === (value | 0);
        case 'long':
          return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_SAFE_LONG;
        case 'float':
        case 'double':
          return typeof value === 'number';
        case 'bytes':
        case 'string':
          return typeof value === 'string';
      }
      return false;
    case 'enum':
      return typeof value === 'string' && type.symbols.has(value);
    case 'fixed':
      // A default's bytes are its characters' codes (ISO-8859-1), one byte each.
      return typeof value === 'string' && value.length === type.size && !/[^\u0000-\u00ff]/.test(value);
    case 'array':
      return Array.isArray(value) && value.every((item) => validDefault(type.items, item));
    case 'map':
      return isObject(value) && Object.values(value).every((v) => validDefault(type.values, v));
    case 'union':
      return validDefault(type.types[0], value);
    case 'record':
      return isObject(value) && type.fields.every((f) => (value[f.name] === undefined ? f.hasDefault : validDefault(f.type, value[f.name])));
  }
}

/**
 * Walks `schema` (parsed JSON) with the named types already in `names` (those of its references),
 * adding the ones it defines. Its shape when avsc surely accepts it; undefined when avsc must
 * decide (`names` may then hold part of the schema's types: discard it).
 */
export function walkAvro(schema: unknown, names: AvroNames): AvroShape | undefined {
  try {
    return new Walker(names).type(schema, undefined);
  } catch (err) {
    if (err instanceof Unsure) return undefined;
    // A schema deep enough to exhaust the stack is for avsc to judge.
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Schema resolution

/** Writer primitives each reader primitive reads (Avro's promotions, as avsc applies them). */
const PROMOTIONS: Record<string, string[]> = {
  null: ['null'],
  boolean: ['boolean'],
  int: ['int'],
  long: ['int', 'long'],
  float: ['int', 'long', 'float'],
  double: ['int', 'long', 'float', 'double'],
  string: ['string', 'bytes'],
  bytes: ['string', 'bytes'],
};

/**
 * The writer's field a reader's field reads: by its name or one of its aliases; undefined when
 * none matches, null when it is not sure (several match, or the aliases are not plain names).
 */
function writtenField(field: AvroField, written: Map<string, AvroField>): AvroField | undefined | null {
  if (!field.aliases) return null;
  let match = written.get(field.name);
  for (const alias of field.aliases) {
    const other = alias === field.name ? undefined : written.get(alias);
    if (other && match && other !== match) return null;
    match ??= other;
  }
  return match;
}

/** avsc's name check for named types: the writer's full name is the reader's or one of its aliases. */
const namesMatch = (reader: { name: string; aliases: string[] }, writer: { name: string }) => reader.name === writer.name || reader.aliases.includes(writer.name);

/**
 * Whether data written with `writer` surely resolves to `reader` (avsc's `createResolver` would
 * succeed). `false` means "not sure": the caller asks avsc, whose message then explains. `pending`
 * holds the record pairs being resolved, so that recursive records end.
 */
export function surelyReads(reader: AvroShape, writer: AvroShape, pending = new Set<string>()): boolean {
  if (writer.kind === 'union') return writer.types.every((branch) => surelyReads(reader, branch, pending));
  switch (reader.kind) {
    case 'union':
      return reader.types.some((branch) => surelyReads(branch, writer, pending));
    case 'primitive':
      return writer.kind === 'primitive' && PROMOTIONS[reader.name].includes(writer.name);
    case 'array':
      return writer.kind === 'array' && surelyReads(reader.items, writer.items, pending);
    case 'map':
      return writer.kind === 'map' && surelyReads(reader.values, writer.values, pending);
    case 'fixed':
      return writer.kind === 'fixed' && writer.size === reader.size && namesMatch(reader, writer);
    case 'enum':
      return writer.kind === 'enum' && namesMatch(reader, writer) && (reader.hasDefault || [...writer.symbols].every((s) => reader.symbols.has(s)));
    case 'record': {
      if (writer.kind !== 'record' || !namesMatch(reader, writer)) return false;
      const pair = `${reader.name}:${writer.name}`;
      if (pending.has(pair)) return true;
      pending.add(pair);
      const ok = reader.fields.every((field) => {
        const match = writtenField(field, writer.byName);
        return match === undefined ? field.hasDefault : match !== null && surelyReads(field.type, match.type, pending);
      });
      pending.delete(pair);
      return ok;
    }
  }
}
