import type { JsonSchema } from './types.js';

/**
 * OpenAPI 3.0's rule for `readOnly`: a read-only property listed in `required` is required only
 * in responses; a request may leave it out (and what it sends there is not the server's to keep).
 * Ajv knows nothing of that rule, and our schemas are shared by requests and responses (an object
 * reference's `related` and `resource_name`), so the request bodies get their own copies of the
 * schemas they use, with the read-only names dropped from `required`. Responses keep the schemas
 * as written: there the names stay required.
 */

/** The schema keywords whose values are schemas, or maps or lists of them: the only ones followed. */
const SCHEMA_MAPS = ['properties', 'patternProperties'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMAS = ['items', 'additionalProperties', 'not'];

/**
 * The request side of a schema: a copy in which every `required` list (here and below) leaves out
 * the properties marked `readOnly`. Shared subschemas stay shared (one copy each, through `memo`),
 * and a recursive schema stays recursive. A schema with nothing to drop is returned as it is.
 */
export function requestSideSchema(schema: unknown, memo = new Map<object, unknown>()): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const known = memo.get(schema);
  if (known !== undefined) return known;
  const copy: JsonSchema = { ...(schema as JsonSchema) };
  memo.set(schema, copy);
  let changed = false;
  const follow = (value: unknown) => {
    const side = requestSideSchema(value, memo);
    if (side !== value) changed = true;
    return side;
  };
  for (const key of SCHEMA_MAPS) {
    const map = copy[key];
    if (map && typeof map === 'object') copy[key] = Object.fromEntries(Object.entries(map).map(([name, sub]) => [name, follow(sub)]));
  }
  for (const key of SCHEMA_LISTS) if (Array.isArray(copy[key])) copy[key] = copy[key].map(follow);
  for (const key of SCHEMAS) if (key in copy) copy[key] = Array.isArray(copy[key]) ? copy[key].map(follow) : follow(copy[key]);
  if (Array.isArray(copy.required)) {
    const readOnly = readOnlyNames(schema as JsonSchema);
    const required = copy.required.filter((name: unknown) => !readOnly.has(String(name)));
    if (required.length !== copy.required.length) {
      changed = true;
      if (required.length) copy.required = required;
      else delete copy.required;
    }
  }
  // Nothing here or below needed a change: the original serves. (Within a cycle the copy may have
  // been handed out already; it equals the original, so that is harmless.)
  if (!changed) {
    memo.set(schema, schema);
    return schema;
  }
  return copy;
}

/** The properties a schema marks `readOnly`, its own and those of the parts of its `allOf`. */
function readOnlyNames(schema: JsonSchema): Set<string> {
  const names = new Set<string>();
  for (const part of [schema, ...(Array.isArray(schema.allOf) ? schema.allOf : [])]) {
    for (const [name, sub] of Object.entries<JsonSchema>(part?.properties ?? {})) if (sub?.readOnly === true) names.add(name);
  }
  return names;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * Gives every operation of a dereferenced document a request body of request-side schemas, in
 * place (the operations' body objects are replaced, the schemas they shared with responses are
 * not touched). Validation, the operation types and the engine's reading of a body then all see
 * the request side.
 */
export function deriveRequestBodies(dereferenced: JsonSchema): JsonSchema {
  const memo = new Map<object, unknown>();
  for (const item of Object.values<JsonSchema>(dereferenced.paths ?? {})) {
    for (const method of METHODS) {
      const body = item?.[method]?.requestBody;
      if (!body?.content) continue;
      let changed = false;
      const content: JsonSchema = {};
      for (const [type, media] of Object.entries<JsonSchema>(body.content)) {
        const schema = requestSideSchema(media?.schema, memo);
        if (schema !== media?.schema) changed = true;
        content[type] = schema === media?.schema ? media : { ...media, schema };
      }
      if (changed) item[method].requestBody = { ...body, content };
    }
  }
  return dereferenced;
}
