/** Seeded generators of hostile input for the fuzz test: values, bodies, path and query parameters. */
import type { Dialect, JsonSchema } from '../../src/openapi/types.js';
import { seededRandom } from '../../src/core/random.js';

/** A seeded generator, so that a failure can be replayed. */
export const seeded = seededRandom;

export type Rng = () => number;
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Strings that have broken emulators before: empty, lone surrogates, astral characters, long, control characters. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  '\ud800',
  'a\udfffb',
  'é😀名前',
  '\u0000nul',
  'x'.repeat(300),
  'y'.repeat(20_000),
  '../../etc/passwd',
  "'; DROP TABLE resources; --",
  '%s%n%x',
  ' leading and trailing ',
  '*',
  '-',
];

const WRONG_TYPES: readonly unknown[] = [null, 0, -1, 1.5, 2 ** 53, 'text', true, [], {}, [null], { a: { b: [] } }];

/** A value for a schema: mostly the right shape, with hostile strings and, now and then, the wrong type. */
export function sample(schema: JsonSchema | undefined, rng: Rng, depth = 0): unknown {
  if (rng() < 0.08) return pick(rng, WRONG_TYPES);
  if (!schema || depth > 6) return pick(rng, WRONG_TYPES);
  if (schema.allOf) return sample(Object.assign({}, ...schema.allOf), rng, depth + 1);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return sample(pick(rng, alternatives), rng, depth + 1);
  if (schema.example !== undefined && rng() < 0.4) return structuredClone(schema.example);
  if (schema.enum) return rng() < 0.85 ? pick(rng, schema.enum) : pick(rng, HOSTILE_STRINGS);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set<string>(schema.required ?? []);
      for (const [name, prop] of Object.entries<JsonSchema>(schema.properties ?? {})) {
        if (required.has(name) ? rng() < 0.95 : rng() < 0.6) out[name] = sample(prop, rng, depth + 1);
      }
      if (rng() < 0.1) out[pick(rng, HOSTILE_STRINGS) || 'extra'] = pick(rng, WRONG_TYPES);
      return out;
    }
    case 'array': {
      // One long array (of simple copies) now and then; nested arrays stay short so that bodies stay small.
      if (rng() < 0.05) return Array.from({ length: 1000 }, () => pick(rng, ['v', 1, null]));
      const n = pick(rng, [0, 1, 2, 3]);
      return Array.from({ length: n }, () => sample(schema.items, rng, depth + 1));
    }
    case 'integer':
      return pick(rng, [0, 1, 3, -1, 2 ** 31, 2 ** 63, 1.5, Number.MAX_SAFE_INTEGER]);
    case 'number':
      return pick(rng, [0, 0.5, -1, 1e308]);
    case 'boolean':
      return rng() < 0.5;
    case 'string':
      return rng() < 0.5 && schema.example !== undefined ? schema.example : pick(rng, HOSTILE_STRINGS);
    default:
      return pick(rng, WRONG_TYPES);
  }
}

/** Request bodies that are not what any operation wants: broken JSON, other types, deep nesting, prototype pollution. */
export const MALFORMED_BODIES: readonly string[] = [
  '{"a":',
  '{"a" 1}',
  'null',
  '[]',
  '"text"',
  '12',
  '1e999',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":1}{"b":2}',
  '\u00ff\u00fe',
  '{"s":"\\ud800"}',
];

/** Path parameter values, already percent-encoded: long, unicode, broken encodings, lone surrogates. */
export const HOSTILE_PATH_VALUES: readonly string[] = [
  'fuzz',
  'a'.repeat(249),
  'b'.repeat(1000),
  'c'.repeat(7000),
  encodeURIComponent('é😀名前'),
  '%ED%A0%80', // a lone surrogate, encoded as CESU-8 would
  '%E0%A4%A', // a truncated escape
  '%FF',
  '%00',
  '...', // not a dot segment: clients resolve '..' before sending
  '%2F',
  '%20',
  encodeURIComponent("' OR 1=1 --"),
];

/** Query values: huge lists (a filter with 1,000 values), long strings, broken escapes, wrong types. */
export function hostileQueryValue(rng: Rng): string {
  return pick(rng, [
    Array.from({ length: 1000 }, (_, i) => `v-${i}`).join(','),
    Array.from({ length: 1000 }, (_, i) => `v-${i}`).join('&x='),
    'z'.repeat(6000),
    '%ED%A0%80',
    '%E0%A4%A',
    '-1',
    '99999999999999999999',
    'true',
    '',
    encodeURIComponent('é😀'),
  ]);
}

export const BAD_AUTHORIZATIONS: readonly (string | undefined)[] = [
  undefined,
  'Basic',
  'Basic !!!not-base64!!!',
  'Basic ' + Buffer.from('no-colon').toString('base64'),
  'Basic ' + Buffer.from('UNKNOWNKEY:secret').toString('base64'),
  'Basic ' + Buffer.from(`${'k'.repeat(2000)}:${'s'.repeat(2000)}`).toString('base64'),
  'Bearer not.a.token',
  'Bearer ' + 'e'.repeat(3000),
  'Digest realm="x"',
];

/** Whether an error body is in the dialect of its API group. */
export function inDialect(dialect: Dialect, body: any): boolean {
  if (!body || typeof body !== 'object') return false;
  switch (dialect) {
    case 'flat':
      return Number.isInteger(body.error_code) && typeof body.message === 'string';
    case 'connect':
      return !!body.error && Number.isInteger(body.error.code) && typeof body.error.message === 'string';
    default:
      return (
        Array.isArray(body.errors) &&
        body.errors.length > 0 &&
        body.errors.every((e: any) => typeof e.status === 'string' && typeof e.detail === 'string' && typeof e.code === 'string')
      );
  }
}
