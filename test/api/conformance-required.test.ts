import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { ConfluentDocuments } from '../support/confluent-documents.js';
import { REQUIRED_FIELD_ALLOWANCE } from './conformance-required-allowance.js';

/**
 * Our response schemas must require at least what Confluent's require: a field Confluent marks
 * required in a success response is one a generated SDK may rely on, so ours must promise it too
 * (and the self-check then proves the emulator always sends it). Every operation we serve and
 * every success status both documents declare is compared, field by field; the fields not yet
 * tightened are listed, one by one, in the allowance list. Runs when CONFLUENT_OPENAPI_DIR names
 * Confluent's documents.
 */
const confluent = ConfluentDocuments.fromEnvironment();

/** Only this deep: Confluent's schemas nest (and some recurse), the fields that matter are near the top. */
const MAX_DEPTH = 8;

/**
 * The JSON-pointer-like paths (`/a/b`, `[]` for an array's items) of every required property in a
 * schema, following `$ref` and merging `allOf`. Branches of `oneOf`/`anyOf` are left out: which
 * one a response takes is not the schema's to promise.
 */
function requiredPaths(schema: any, components: Record<string, any>, prefix = '', out = new Set<string>(), depth = 0): Set<string> {
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return out;
  const resolved = resolve(schema, components);
  const parts = [resolved, ...(resolved.allOf ?? []).map((s: any) => resolve(s, components))];
  for (const part of parts) {
    if (part !== resolved && part.allOf) requiredPaths({ allOf: part.allOf }, components, prefix, out, depth + 1);
    for (const name of part.required ?? []) out.add(`${prefix}/${name}`);
    for (const [name, sub] of Object.entries<any>(part.properties ?? {})) requiredPaths(sub, components, `${prefix}/${name}`, out, depth + 1);
    if (part.items) requiredPaths(part.items, components, `${prefix}[]`, out, depth + 1);
  }
  return out;
}

function resolve(schema: any, components: Record<string, any>): any {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) s = s.$ref.replace(/^#\//, '').split('/').reduce((node: any, key: string) => node?.[key], { components });
  return s ?? {};
}

describe.runIf(confluent)("our response schemas require what Confluent's require", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start({ selfCheck: false });
  });
  afterAll(() => t.close());

  it('finds no field Confluent requires that ours leaves optional, beyond the allowance list', () => {
    const missing: string[] = [];
    let compared = 0;
    for (const op of t.rt.docs.operations.filter((o) => t.emu.implemented(o.operationId))) {
      for (const theirs of confluent!.successSchemas(op.method, op.path)) {
        const ours = op.responses[String(theirs.status)] as any;
        const media = ours?.content?.['application/json'] ?? Object.entries<any>(ours?.content ?? {}).find(([type]) => /json/.test(type))?.[1];
        if (!media?.schema) continue;
        compared++;
        const required = requiredPaths(media.schema, {});
        for (const path of requiredPaths(theirs.schema, theirs.components)) {
          if (!required.has(path)) missing.push(`${op.method} ${op.path} ${theirs.status} ${path}`);
        }
      }
    }
    const unexcused = missing.filter((m) => !REQUIRED_FIELD_ALLOWANCE.has(m));
    const stale = [...REQUIRED_FIELD_ALLOWANCE].filter((a) => !missing.includes(a));
    console.log(`${compared} success responses compared; ${missing.length} fields Confluent requires are optional in ours (all in the allowance list: ${unexcused.length === 0})`);
    expect(compared).toBeGreaterThan(200);
    expect(unexcused, unexcused.join('\n')).toEqual([]);
    // A field tightened since comes off the list.
    expect(stale, stale.join('\n')).toEqual([]);
  });
});
