import { itemFailure } from './errors.js';

/** The attribute types a tag or business metadata definition may declare, and `array<...>` of them. */
const PRIMITIVES = new Set(['string', 'boolean', 'byte', 'short', 'int', 'long', 'float', 'double', 'biginteger', 'bigdecimal', 'date']);
const INTEGERS = new Set(['byte', 'short', 'int', 'long', 'biginteger']);
const NUMBERS = new Set(['float', 'double', 'bigdecimal']);

const ARRAY = /^array<(.+)>$/;

export const isAttributeType = (t: unknown): boolean => typeof t === 'string' && (PRIMITIVES.has(t) || (ARRAY.test(t) && PRIMITIVES.has(ARRAY.exec(t)![1])));

type Json = Record<string, unknown>;

/**
 * Checks a definition's `attributeDefs` and fills in the defaults the catalog answers with: each
 * needs a unique `name` and a known `typeName`; `isOptional` defaults to true.
 */
export function normalizeAttributeDefs(defs: unknown, owner: string): Json[] {
  if (defs === undefined || defs === null) return [];
  if (!Array.isArray(defs)) throw itemFailure(400, `attributeDefs of '${owner}' must be a list`);
  const seen = new Set<string>();
  return defs.map((raw, i) => {
    const d = (raw && typeof raw === 'object' ? raw : {}) as Json;
    if (typeof d.name !== 'string' || !d.name.trim()) throw itemFailure(400, `Attribute definition ${i} of '${owner}' has no name`);
    if (seen.has(d.name)) throw itemFailure(400, `Attribute '${d.name}' is defined twice in '${owner}'`);
    seen.add(d.name);
    if (!isAttributeType(d.typeName)) throw itemFailure(400, `Attribute '${d.name}' of '${owner}' has an unknown type '${String(d.typeName ?? '')}'`);
    const optional = d.isOptional !== false;
    return {
      cardinality: 'SINGLE',
      valuesMinCount: optional ? 0 : 1,
      valuesMaxCount: 1,
      isUnique: false,
      isIndexable: true,
      includeInNotification: false,
      ...d,
      isOptional: optional,
    };
  });
}

function fits(typeName: string, v: unknown): boolean {
  const array = ARRAY.exec(typeName);
  if (array) return Array.isArray(v) && v.every((x) => fits(array[1], x));
  if (typeName === 'string') return typeof v === 'string';
  if (typeName === 'boolean') return typeof v === 'boolean' || v === 'true' || v === 'false';
  if (INTEGERS.has(typeName)) return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));
  if (NUMBERS.has(typeName)) return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
  // date: epoch milliseconds, or a text Date.parse reads
  if (typeName === 'date') return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && (/^-?\d+$/.test(v) || !Number.isNaN(Date.parse(v))));
  return false;
}

/**
 * Checks attribute values against a definition's attributeDefs: every name must be defined, every
 * value of its type (and within `options.maxStrLength`), and, when `complete`, every mandatory
 * attribute present. Null removes a value and is always accepted.
 */
export function checkAttributeValues(values: unknown, def: Json, complete: boolean): Json {
  const name = String(def.name);
  if (values !== undefined && values !== null && (typeof values !== 'object' || Array.isArray(values))) throw itemFailure(400, `The attributes of '${name}' must be an object`);
  const given = (values ?? {}) as Json;
  const defs = new Map(((def.attributeDefs as Json[] | undefined) ?? []).map((d) => [String(d.name), d]));
  for (const [attr, v] of Object.entries(given)) {
    const d = defs.get(attr);
    if (!d) throw itemFailure(400, `Attribute '${attr}' is not defined in '${name}'`);
    if (v === null) continue;
    if (!fits(String(d.typeName), v)) throw itemFailure(400, `Attribute '${attr}' of '${name}' must be of type ${String(d.typeName)}`);
    const max = Number((d.options as Json | undefined)?.maxStrLength);
    if (typeof v === 'string' && Number.isFinite(max) && max > 0 && v.length > max) throw itemFailure(400, `Attribute '${attr}' of '${name}' is longer than ${max} characters`);
  }
  if (complete) {
    for (const [attr, d] of defs) {
      if (d.isOptional === false && (given[attr] === undefined || given[attr] === null)) throw itemFailure(400, `Attribute '${attr}' of '${name}' is mandatory`);
    }
  }
  return given;
}
