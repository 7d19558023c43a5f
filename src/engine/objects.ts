import type { JsonSchema } from '../openapi/types.js';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A deep copy of JSON-shaped data (plain objects, arrays, scalars), as structuredClone makes it
 * but several times faster: a create copies its request body with it. Anything that is not plain
 * data (a Date, a Map) is handed to structuredClone.
 */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = cloneJson((value as Record<string, unknown>)[key]);
    // A parsed "__proto__" key is an own property, not the prototype: keep it one.
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out as T;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** PATCH semantics: objects merge key by key, anything else (scalars, arrays, null) replaces. */
export function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? mergePatch(out[k] as Record<string, unknown>, v) : v;
  }
  return out;
}

/** The properties a schema declares, following allOf. Undefined when the schema is free-form. */
function declaredProperties(schema: JsonSchema | undefined): Record<string, JsonSchema> | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  let props: Record<string, JsonSchema> | undefined = schema.properties ? { ...schema.properties } : undefined;
  for (const part of schema.allOf ?? []) {
    const p = declaredProperties(part);
    if (p) props = { ...(props ?? {}), ...p };
  }
  return props;
}

/**
 * Keeps only what the request schema declares (Confluent's MUST IGNORE rule: unknown properties
 * are ignored, so they must not be stored either). Free-form objects are kept whole.
 */
export function pickDeclared(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!isPlainObject(value)) return value;
  const props = declaredProperties(schema);
  if (!props) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (props[k]) out[k] = pickDeclared(v, props[k]);
  }
  return out;
}
