// A reader of Avro binary data for the console: records whose key is not Avro (a string key with
// an Avro value is common) cannot go through a REST Proxy v2 avro consumer, which reads key and value
// in one format. Values are shown plainly: unions unwrapped, longs beyond 2^53 as strings, bytes
// and fixed as hex. Named types from schema references are not resolved (the caller falls back).

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.pos = 0;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  byte() {
    if (this.pos >= this.bytes.length) throw new Error('Avro data ends early');
    return this.bytes[this.pos++];
  }

  /** A zigzag varint, as a Number when it is safe, else a string. */
  long() {
    let n = 0n;
    let shift = 0n;
    let b;
    do {
      b = this.byte();
      n |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b & 0x80);
    const v = (n >> 1n) ^ -(n & 1n);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  }

  take(n) {
    if (this.pos + n > this.bytes.length) throw new Error('Avro data ends early');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const utf8 = new TextDecoder();

/** Collects the named types of a schema, by full name and by short name. */
function namedTypes(schema, namespace, names) {
  if (Array.isArray(schema)) {
    for (const s of schema) namedTypes(s, namespace, names);
  } else if (schema && typeof schema === 'object') {
    if (['record', 'error', 'enum', 'fixed'].includes(schema.type) && schema.name) {
      const ns = schema.name.includes('.') ? schema.name.slice(0, schema.name.lastIndexOf('.')) : schema.namespace ?? namespace;
      const short = schema.name.split('.').pop();
      names.set(ns ? `${ns}.${short}` : short, schema);
      names.set(short, schema);
      for (const f of schema.fields ?? []) namedTypes(f.type, ns, names);
    } else if (schema.type === 'array') namedTypes(schema.items, namespace, names);
    else if (schema.type === 'map') namedTypes(schema.values, namespace, names);
  }
  return names;
}

function read(schema, r, names) {
  if (Array.isArray(schema)) {
    const branch = r.long();
    if (typeof branch !== 'number' || branch < 0 || branch >= schema.length) throw new Error('bad union branch');
    return read(schema[branch], r, names);
  }
  if (typeof schema === 'string') {
    switch (schema) {
      case 'null': return null;
      case 'boolean': return r.byte() !== 0;
      case 'int':
      case 'long': return r.long();
      case 'float': { const v = r.view.getFloat32(r.pos, true); r.pos += 4; return v; }
      case 'double': { const v = r.view.getFloat64(r.pos, true); r.pos += 8; return v; }
      case 'bytes': return hex(r.take(r.long()));
      case 'string': return utf8.decode(r.take(r.long()));
      default: {
        const named = names.get(schema);
        if (!named) throw new Error(`unknown Avro type ${schema}`);
        return read(named, r, names);
      }
    }
  }
  switch (schema.type) {
    case 'record':
    case 'error':
      return Object.fromEntries(schema.fields.map((f) => [f.name, read(f.type, r, names)]));
    case 'enum': return schema.symbols[r.long()];
    case 'fixed': return hex(r.take(schema.size));
    case 'array':
    case 'map': {
      const out = schema.type === 'array' ? [] : {};
      for (let count = r.long(); count !== 0; count = r.long()) {
        // A negative count is followed by the block's size in bytes.
        if (count < 0) {
          count = -count;
          r.long();
        }
        for (let i = 0; i < count; i++) {
          if (schema.type === 'array') out.push(read(schema.items, r, names));
          else out[utf8.decode(r.take(r.long()))] = read(schema.values, r, names);
        }
      }
      return out;
    }
    default:
      return read(schema.type, r, names);
  }
}

/** The value of Avro binary `bytes` written with `schemaText`; throws when it cannot be read whole. */
export function decodeAvro(schemaText, bytes) {
  const schema = JSON.parse(schemaText);
  const r = new Reader(bytes);
  const value = read(schema, r, namedTypes(schema, undefined, new Map()));
  if (r.pos !== bytes.length) throw new Error('Avro data is longer than its schema');
  return value;
}
