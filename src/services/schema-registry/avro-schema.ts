/**
 * A validating walk of an Avro schema that builds no codecs: what registering and looking up a
 * schema need (is it valid, which named types does it define) at a fraction of the cost of
 * avsc's `Type.forSchema`, which compiles a reader, writer, skipper, checker and constructor for
 * every type as it parses.
 *
 * The walk is conservative by design: it answers `true` only for schemas it is certain avsc
 * accepts (the same names, namespaces, unions and field defaults rules), and `false` for anything
 * else — invalid, or merely unusual (`error` types, a record default given as something other than
 * an object...). The caller then asks avsc, so a refusal always carries avsc's own verdict and
 * message, and the walk can never admit a schema avsc would refuse.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
/** avsc's bound for a long held in a JavaScript number. */
const MAX_SAFE_LONG = 9007199254740990;

/** A type as far as validating defaults and union branches needs it. */
export type AvroShape =
  | { kind: 'primitive'; name: string }
  | { kind: 'record'; name: string; fields: Array<{ name: string; type: AvroShape; hasDefault: boolean }> }
  | { kind: 'enum'; name: string; symbols: Set<string> }
  | { kind: 'fixed'; name: string; size: number }
  | { kind: 'array'; items: AvroShape }
  | { kind: 'map'; values: AvroShape }
  | { kind: 'union'; types: AvroShape[] };

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
  private define(schema: Json, namespace: string | undefined, shape: AvroShape & { name: string }): string | undefined {
    if (typeof schema.name !== 'string') unsure();
    if (schema.namespace !== undefined && typeof schema.namespace !== 'string') unsure();
    const ns = schema.namespace === undefined ? namespace : (schema.namespace as string);
    const name = qualify(schema.name as string, ns);
    if (PRIMITIVES.has(name) || this.names.has(name)) unsure();
    if (schema.aliases !== undefined) {
      if (!Array.isArray(schema.aliases)) unsure();
      for (const alias of schema.aliases as unknown[]) if (typeof alias !== 'string') unsure();
      for (const alias of schema.aliases as string[]) qualify(alias, ns);
    }
    shape.name = name;
    this.names.set(name, shape);
    return ns;
  }

  private record(schema: Json, namespace: string | undefined): AvroShape {
    const shape: AvroShape & { kind: 'record' } = { kind: 'record', name: '', fields: [] };
    this.define(schema, namespace, shape);
    // Fields resolve names against the record's own namespace (explicit, else implied by a dotted name).
    const inner = typeof schema.namespace === 'string' ? schema.namespace : (impliedNamespace(schema.name as string) ?? namespace);
    if (!Array.isArray(schema.fields)) return unsure();
    const seen = new Set<string>();
    for (const field of schema.fields as unknown[]) {
      if (!isObject(field)) return unsure();
      if (typeof field.name !== 'string' || !NAME.test(field.name) || seen.has(field.name)) unsure();
      seen.add(field.name as string);
      if (field.order !== undefined && field.order !== 'ascending' && field.order !== 'descending' && field.order !== 'ignore') unsure();
      if (field.type === undefined || field.type === null) unsure();
      const type = this.type(field.type, inner);
      if (field.default !== undefined && !validDefault(type, field.default)) unsure();
      shape.fields.push({ name: field.name as string, type, hasDefault: field.default !== undefined });
    }
    return shape;
  }

  private enum(schema: Json, namespace: string | undefined): AvroShape {
    const shape: AvroShape & { kind: 'enum' } = { kind: 'enum', name: '', symbols: new Set() };
    this.define(schema, namespace, shape);
    if (!Array.isArray(schema.symbols) || !schema.symbols.length) return unsure();
    for (const symbol of schema.symbols as unknown[]) {
      if (typeof symbol !== 'string' || !NAME.test(symbol) || shape.symbols.has(symbol)) unsure();
      shape.symbols.add(symbol as string);
    }
    if (schema.default !== undefined && !(typeof schema.default === 'string' && shape.symbols.has(schema.default))) unsure();
    return shape;
  }

  private fixed(schema: Json, namespace: string | undefined): AvroShape {
    const size = schema.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > 2 ** 31 - 1) return unsure();
    const shape: AvroShape & { kind: 'fixed' } = { kind: 'fixed', name: '', size };
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
 * adding the ones it defines. `true` when avsc surely accepts it; `false` when avsc must decide
 * (`names` may then hold part of the schema's types: discard it).
 */
export function walkAvro(schema: unknown, names: AvroNames): boolean {
  try {
    new Walker(names).type(schema, undefined);
    return true;
  } catch (err) {
    if (err instanceof Unsure) return false;
    // A schema deep enough to exhaust the stack is for avsc to judge.
    if (err instanceof RangeError) return false;
    throw err;
  }
}
