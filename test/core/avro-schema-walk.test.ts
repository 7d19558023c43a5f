import { describe, expect, it } from 'vitest';
import avsc from 'avsc';
import { walkAvro, type AvroNames } from '../../src/services/schema-registry/avro-schema.js';
import { parseSchema } from '../../src/services/schema-registry/formats.js';

/** avsc's verdict: undefined when it accepts, else its message. */
function avscError(schema: unknown, references: unknown[] = []): string | undefined {
  const registry = {};
  try {
    for (const ref of references) avsc.Type.forSchema(ref as avsc.Schema, { registry });
    avsc.Type.forSchema(schema as avsc.Schema, { registry });
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const walk = (schema: unknown, references: unknown[] = []) => {
  const names: AvroNames = new Map();
  return references.every((r) => walkAvro(r, names)) && walkAvro(schema, names);
};

const record = (name: string, fields: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'record', name, fields, ...extra });

/** Schemas the walk must vouch for (and avsc accepts): the shapes registries hold every day. */
const VALID: unknown[] = [
  'string',
  { type: 'long' },
  { type: 'int', logicalType: 'date' },
  ['null', 'string'],
  record('User', [{ name: 'id', type: 'string' }, { name: 'age', type: ['null', 'int'], default: null }, { name: 'score', type: 'double', default: 1.5 }]),
  record('a.b.Node', [{ name: 'value', type: 'long' }, { name: 'next', type: ['null', 'Node'], default: null }]),
  record('Outer', [{ name: 'inner', type: record('Inner', [{ name: 'x', type: 'int', default: 3 }]), default: { x: 4 } }, { name: 'again', type: 'Inner', default: {} }], { namespace: 'ns' }),
  record('E', [{ name: 'color', type: { type: 'enum', name: 'Color', symbols: ['RED', 'GREEN'], default: 'RED' }, default: 'GREEN' }]),
  record('F', [{ name: 'hash', type: { type: 'fixed', name: 'MD5', size: 4 }, default: 'abcd' }, { name: 'raw', type: 'bytes', default: '\u00ff' }]),
  record('C', [{ name: 'tags', type: { type: 'array', items: 'string' }, default: ['a'] }, { name: 'attrs', type: { type: 'map', values: 'long' }, default: { k: 1 } }]),
  record('U', [{ name: 'u', type: ['int', 'string', { type: 'array', items: 'int' }, { type: 'map', values: 'int' }], default: 1 }]),
  record('Aliased', [{ name: 'f', type: 'int', aliases: ['g'], order: 'descending', doc: 'a field' }], { aliases: ['Old', 'x.Older'], doc: 'a record' }),
  record('.Dotted', [{ name: 'f', type: 'boolean', default: false }]),
];

/** Each rule avsc enforces, broken once: the walk must leave every one of them to avsc. */
const INVALID: unknown[] = [
  null,
  5,
  'Unknown',
  { type: 'Unknown' },
  { type: { type: 'string' } },
  [],
  ['null', ['int']],
  ['int', 'int'],
  [{ type: 'array', items: 'int' }, { type: 'array', items: 'string' }],
  record('1bad', []),
  record('ok', [], { namespace: 'bad-ns' }),
  record('string', []),
  record('R', 'not fields' as unknown as unknown[]),
  record('R', [{ name: 'a', type: 'int' }, { name: 'a', type: 'long' }]),
  record('R', [{ name: 'bad name', type: 'int' }]),
  record('R', [{ name: 'a' }]),
  record('R', [{ name: 'a', type: 'int', order: 'sideways' }]),
  record('R', [{ name: 'a', type: 'int', default: 'one' }]),
  record('R', [{ name: 'a', type: 'int', default: 2 ** 31 }]),
  record('R', [{ name: 'a', type: 'long', default: 1.5 }]),
  record('R', [{ name: 'a', type: ['null', 'int'], default: 1 }]),
  record('R', [{ name: 'a', type: record('S', [{ name: 'x', type: 'int' }]), default: {} }]),
  record('R', [{ name: 'a', type: { type: 'fixed', name: 'F', size: 2 }, default: 'abc' }]),
  record('R', [{ name: 'a', type: { type: 'fixed', name: 'F', size: -1 } }]),
  record('R', [{ name: 'a', type: { type: 'enum', name: 'E', symbols: [] } }]),
  record('R', [{ name: 'a', type: { type: 'enum', name: 'E', symbols: ['A', 'A'] } }]),
  record('R', [{ name: 'a', type: { type: 'enum', name: 'E', symbols: ['A'], default: 'B' } }]),
  record('R', [{ name: 'a', type: { type: 'array' } }]),
  record('R', [{ name: 'a', type: { type: 'map' } }]),
  record('R', [{ name: 'a', type: record('R', []) }]),
  record('R', [{ name: 'a', type: 'Later' }, { name: 'b', type: record('Later', []) }]),
  record('R', [{ name: 'a', type: record('T', []) }, { name: 'b', type: 'm.T' }], { namespace: 'n' }),
];

describe('Avro schema walk', () => {
  it.each(VALID.map((s) => [JSON.stringify(s), s]))('vouches for %s, which avsc accepts', (_, schema) => {
    expect(avscError(schema)).toBeUndefined();
    expect(walk(schema)).toBe(true);
  });

  it.each(INVALID.map((s) => [JSON.stringify(s), s]))('leaves %s to avsc, which refuses it', (_, schema) => {
    expect(avscError(schema)).toBeDefined();
    expect(walk(schema)).toBe(false);
  });

  it('resolves names defined by references, and refuses them when they are not given', () => {
    const ref = { type: 'record', name: 'Address', namespace: 'shop', fields: [{ name: 'city', type: 'string' }] };
    const schema = { type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'to', type: 'Address' }] };
    expect(walk(schema, [ref])).toBe(true);
    expect(walk(schema)).toBe(false);
    expect(avscError(schema)).toBeDefined();
  });

  it('never vouches for a schema avsc refuses, over thousands of random mutations', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const replacements: unknown[] = [null, 0, -1, 1.5, 2 ** 40, '', 'x', 'bad name', '1x', 'a.b', '.c', 'int', 'record', 'Node', true, [], ['null'], {}, { k: 1 }, 'ascending', 'sideways'];
    // Replaces one value somewhere in the schema (or deletes a member, or duplicates an array item).
    function mutate(node: unknown): unknown {
      if (Array.isArray(node)) {
        if (node.length && random() < 0.7) {
          const i = Math.floor(random() * node.length);
          const copy = [...node];
          if (random() < 0.15) copy.push(copy[i]);
          else copy[i] = mutate(copy[i]);
          return copy;
        }
        return pick(replacements);
      }
      if (node && typeof node === 'object') {
        const keys = Object.keys(node);
        if (keys.length && random() < 0.8) {
          const k = pick(keys);
          const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
          if (random() < 0.1) delete copy[k];
          else copy[k] = mutate(copy[k]);
          return copy;
        }
        return pick(replacements);
      }
      return pick(replacements);
    }
    let vouched = 0;
    let refused = 0;
    for (let i = 0; i < 4000; i++) {
      let schema = pick(VALID.filter((s) => typeof s === 'object'));
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) schema = mutate(schema);
      const error = avscError(schema);
      if (walk(schema)) {
        vouched++;
        expect(error, JSON.stringify(schema)).toBeUndefined();
      } else if (error) refused++;
    }
    // The mutations reach both sides of the line.
    expect(vouched).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(1000);
  });
});

describe('Avro parsing for the registry', () => {
  it("refuses an invalid schema with avsc's own message", () => {
    const schema = record('R', [{ name: 'a', type: 'int', default: 'one' }]);
    expect(() => parseSchema('AVRO', JSON.stringify(schema))).toThrow(avscError(schema)!);
  });

  it("builds avsc's type only when asked, once", () => {
    const parsed = parseSchema('AVRO', JSON.stringify(record('lazy.Thing', [{ name: 'n', type: 'long' }])));
    const type = parsed.avroType!();
    expect(type.name).toBe('lazy.Thing');
    expect(parsed.avroType!()).toBe(type);
  });
});
