import { describe, expect, it } from 'vitest';
import avsc from 'avsc';
import { surelyReads, walkAvro, type AvroNames } from '../../src/services/schema-registry/avro-schema.js';
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
  return references.every((r) => walkAvro(r, names) !== undefined) && walkAvro(schema, names) !== undefined;
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
  // Names avsc keeps as keys of plain objects, where they collide with Object.prototype's.
  record('R', [{ name: 'a', type: { type: 'enum', name: 'E', symbols: ['constructor'] } }]),
  record('R', [{ name: 'a', type: record('constructor', []) }]),
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

describe('Avro schema resolution over walked shapes', () => {
  const shapeOf = (schema: unknown) => walkAvro(schema, new Map());
  /** avsc's verdict on a reader reading a writer's data: undefined when it resolves. */
  const avscResolveError = (reader: unknown, writer: unknown) => {
    try {
      avsc.Type.forSchema(reader as avsc.Schema).createResolver(avsc.Type.forSchema(writer as avsc.Schema));
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  };
  const sure = (reader: unknown, writer: unknown) => surelyReads(shapeOf(reader)!, shapeOf(writer)!);

  it('resolves what Avro resolves: promotions, added fields with defaults, aliases, unions, enums with a default', () => {
    const v1 = record('User', [{ name: 'id', type: 'int' }]);
    expect(sure(record('User', [{ name: 'id', type: 'long' }]), v1)).toBe(true);
    expect(sure(record('User', [{ name: 'id', type: 'int' }, { name: 'n', type: ['null', 'string'], default: null }]), v1)).toBe(true);
    expect(sure(record('User', [{ name: 'key', type: 'double', aliases: ['id'] }]), v1)).toBe(true);
    expect(sure(record('User', [{ name: 'id', type: ['null', 'long'] }]), record('User', [{ name: 'id', type: ['null', 'int'] }]))).toBe(true);
    const e = (symbols: string[], extra = {}) => record('R', [{ name: 'e', type: { type: 'enum', name: 'E', symbols, ...extra } }]);
    expect(sure(e(['A'], { default: 'A' }), e(['A', 'B']))).toBe(true);
    expect(sure(record('Node', [{ name: 'next', type: ['null', 'Node'] }]), record('Node', [{ name: 'next', type: ['null', 'Node'] }]))).toBe(true);
  });

  it('is not sure of what avsc refuses: a missing default, a narrowing, a renamed record, a lost symbol', () => {
    const v1 = record('User', [{ name: 'id', type: 'long' }]);
    for (const [reader, writer] of [
      [record('User', [{ name: 'id', type: 'long' }, { name: 'x', type: 'string' }]), v1],
      [record('User', [{ name: 'id', type: 'int' }]), v1],
      [record('Person', [{ name: 'id', type: 'long' }]), v1],
      [record('R', [{ name: 'e', type: { type: 'enum', name: 'E', symbols: ['A'] } }]), record('R', [{ name: 'e', type: { type: 'enum', name: 'E', symbols: ['A', 'B'] } }])],
      [record('R', [{ name: 'u', type: ['null', 'int'] }]), record('R', [{ name: 'u', type: ['null', 'int', 'string'] }])],
    ]) {
      expect(avscResolveError(reader, writer)).toBeDefined();
      expect(sure(reader, writer)).toBe(false);
    }
  });

  it('never says a reader resolves a writer that avsc refuses, over thousands of random pairs', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const primitives = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];
    const defaults: Record<string, unknown> = { null: null, boolean: true, int: 1, long: 2, float: 1.5, double: 2.5, bytes: 'b', string: 's' };
    // A small random type and, when it has one, a default that suits it.
    function randomType(depth: number): { type: unknown; default?: unknown } {
      const r = random();
      if (r < 0.35 || depth > 1) {
        const p = pick(primitives);
        return { type: p, default: defaults[p] };
      }
      if (r < 0.55) {
        const branches = [...new Set([pick(primitives), pick(primitives), pick(primitives)])];
        return { type: branches, default: defaults[branches[0]] };
      }
      if (r < 0.65) {
        const symbols = ['A', 'B', 'C'].filter(() => random() < 0.7);
        const withDefault = random() < 0.3 && symbols.length > 0;
        return { type: { type: 'enum', name: pick(['E', 'F']), symbols: symbols.length ? symbols : ['A'], ...(withDefault ? { default: symbols[0] } : {}) } };
      }
      if (r < 0.72) return { type: { type: 'fixed', name: pick(['X', 'Y']), size: pick([2, 3]) } };
      if (r < 0.8) return { type: { type: 'array', items: randomType(depth + 1).type } };
      if (r < 0.88) return { type: { type: 'map', values: randomType(depth + 1).type } };
      return { type: randomRecord(depth + 1, pick(['Inner', 'Other'])) };
    }
    function randomRecord(depth: number, name: string): unknown {
      const fields = ['a', 'b', 'c', 'd']
        .filter(() => random() < 0.6)
        .map((fieldName) => {
          const t = randomType(depth);
          return {
            name: fieldName,
            type: t.type,
            ...(t.default !== undefined && random() < 0.5 ? { default: t.default } : {}),
            ...(random() < 0.15 ? { aliases: [pick(['a', 'b', 'c', 'd', 'z'])] } : {}),
          };
        });
      return { type: 'record', name, ...(random() < 0.1 ? { aliases: ['Old'] } : {}), fields };
    }
    let sureCount = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const reader = randomRecord(0, pick(['T', 'T', 'Old']));
      const writer = random() < 0.5 ? reader : randomRecord(0, pick(['T', 'T', 'Old']));
      const r = shapeOf(reader);
      const w = shapeOf(writer);
      if (!r || !w) continue;
      const error = avscResolveError(reader, writer);
      if (surelyReads(r, w)) {
        sureCount++;
        expect(error, `${JSON.stringify(reader)} reading ${JSON.stringify(writer)}`).toBeUndefined();
      } else if (error) refused++;
    }
    expect(sureCount).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(300);
  });
});
