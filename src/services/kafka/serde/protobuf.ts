import type protobuf from 'protobufjs';
import { lazyModule } from '../../../core/lazy-module.js';

const protobufjs = lazyModule<typeof protobuf>('protobufjs');
import type { Codec, SchemaSource } from './codec.js';

/**
 * Protobuf records in Confluent's framing: after the five-byte header, the message indexes that
 * locate the record's message type in the schema file (a zigzag varint count, then each index;
 * the first top-level message, `[0]`, is written as a single 0), then the message itself.
 * Values are given and answered in Protobuf's JSON mapping with the fields' own names; unknown
 * fields and values of the wrong JSON type are refused, as Confluent's JSON parser refuses them.
 */
export function protobufCodec(source: SchemaSource): Codec {
  const root = new (protobufjs().Root)();
  for (const ref of source.references) protobufjs().parse(ref.schema, root, { keepCase: true });
  const main = protobufjs().parse(source.schema, root, { keepCase: true });
  root.resolveAll();
  const messages = topLevelMessages(source.schema);
  if (!messages.length) throw new Error('the schema has no message type');
  const prefix = main.package ? `${main.package}.` : '';
  const typeAt = (path: number[]): protobuf.Type => {
    let type = root.lookupType(prefix + messages[path[0]]);
    for (const i of path.slice(1)) type = nestedMessages(type)[i];
    if (!type) throw new Error(`no message type at indexes [${path.join(', ')}]`);
    return type;
  };
  const first = typeAt([0]);
  return {
    encode(value) {
      const body = first.encode(first.fromObject(checked(first, value, ''))).finish();
      return Buffer.concat([Buffer.from([0]), Buffer.from(body)]);
    },
    decode(body) {
      const { indexes, offset } = readIndexes(body);
      const type = typeAt(indexes);
      return type.toObject(type.decode(body.subarray(offset)), { longs: String, enums: String, bytes: String, defaults: true, json: true });
    },
  };
}

/** The names of a file's top-level messages, in the order they are written. */
function topLevelMessages(text: string): string[] {
  const own = protobufjs().parse(text, new (protobufjs().Root)(), { keepCase: true });
  const ns = own.package ? own.root.lookup(own.package) : own.root;
  return (ns as protobuf.Namespace).nestedArray.filter((n): n is protobuf.Type => n instanceof (protobufjs().Type)).map((t) => t.name);
}

const nestedMessages = (type: protobuf.Type) => type.nestedArray.filter((n): n is protobuf.Type => n instanceof (protobufjs().Type));

/** Reads the message indexes: zigzag varints, a count then that many indexes; a count of 0 means `[0]`. */
function readIndexes(body: Buffer): { indexes: number[]; offset: number } {
  let offset = 0;
  const next = (): number => {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      if (offset >= body.length) throw new Error('the message indexes run past the record');
      const byte = body[offset++];
      result |= (byte & 0x7f) << shift;
      if (!(byte & 0x80)) break;
    }
    return (result >>> 1) ^ -(result & 1);
  };
  const count = next();
  if (count === 0) return { indexes: [0], offset };
  const indexes = Array.from({ length: count }, next);
  return { indexes, offset };
}

const INTEGER = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
const LONG = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

/**
 * Refuses what `fromObject` would silently coerce or drop (unknown fields, values of the wrong
 * JSON type) and answers the value with fields under their own names (JSON names are accepted).
 */
function checked(type: protobuf.Type, value: unknown, path: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${path || '/'} is not an object (message ${type.name})`);
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    const field = type.fields[name] ?? type.fieldsArray.find((f) => jsonName(f.name) === name);
    if (!field) throw new Error(`${path}/${name} is not a field of message ${type.name}`);
    const at = `${path}/${name}`;
    if (v === null) out[field.name] = v;
    else if (field.map) {
      if (typeof v !== 'object' || Array.isArray(v)) throw new Error(`${at} is not an object (map field)`);
      out[field.name] = Object.fromEntries(Object.entries(v).map(([k, item]) => [k, checkedItem(field, item, `${at}/${k}`)]));
    } else if (field.repeated) {
      if (!Array.isArray(v)) throw new Error(`${at} is not an array (repeated field)`);
      out[field.name] = v.map((item, i) => checkedItem(field, item, `${at}/${i}`));
    } else {
      out[field.name] = checkedItem(field, v, at);
    }
  }
  return out;
}

function checkedItem(field: protobuf.Field, v: unknown, at: string): unknown {
  const t = field.type;
  const fail = (what: string) => {
    throw new Error(`${at} is not ${what} (${t})`);
  };
  if (field.resolvedType instanceof (protobufjs().Type)) return checked(field.resolvedType, v, at);
  if (field.resolvedType instanceof (protobufjs().Enum)) {
    if (typeof v === 'string' ? !(v in field.resolvedType.values) : !Number.isInteger(v)) fail('a value of the enum');
  } else if (INTEGER.has(t) || LONG.has(t)) {
    if (!(Number.isInteger(v) || (typeof v === 'string' && /^-?\d+$/.test(v)))) fail('an integer');
  } else if (t === 'double' || t === 'float') {
    if (typeof v !== 'number' && !['NaN', 'Infinity', '-Infinity'].includes(v as string)) fail('a number');
  } else if (t === 'bool') {
    if (typeof v !== 'boolean') fail('a boolean');
  } else if (t === 'string') {
    if (typeof v !== 'string') fail('a string');
  } else if (t === 'bytes') {
    if (typeof v !== 'string' || !/^[A-Za-z0-9+/_-]*=*$/.test(v)) fail('base64 text');
  }
  return v;
}

/** Protobuf's JSON name of a field: lowerCamelCase. */
const jsonName = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
