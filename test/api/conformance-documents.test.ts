import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Operation } from '../../src/openapi/types.js';
import { TestEmulator } from '../helpers.js';
import { ConfluentDocuments, type DocumentExample } from '../support/confluent-documents.js';
import { DOCUMENT_EXAMPLE_ERRATA, exampleErratumFor } from './conformance-errata.js';

/**
 * Our documents against Confluent's, without a server: every example Confluent's document gives
 * for an operation we implement (its own example, or one built from its schema's property
 * examples) must be accepted by our document for that operation: a request body Confluent's
 * clients would send must pass our request validation, and a response Confluent shows must fit
 * the response schema we promise. Runs when CONFLUENT_OPENAPI_DIR names Confluent's documents.
 */
const confluent = ConfluentDocuments.fromEnvironment();

describe.runIf(confluent)("our documents accept Confluent's examples", () => {
  let t: TestEmulator;
  let operations: Operation[];
  const ajv = new Ajv({ strict: false, allErrors: false, logger: false });
  addFormats.default(ajv as any);

  beforeAll(async () => {
    t = await TestEmulator.start({ selfCheck: false });
    operations = t.rt.docs.operations.filter((o) => t.emu.implemented(o.operationId));
  });
  afterAll(() => t.close());

  /** What our document says about an example: the path and message of each thing it refuses. */
  function judge(op: Operation, example: DocumentExample): Array<{ path: string; message: string }> {
    if (example.of === 'request') {
      if (!op.requestSchema) return [];
      const validate = ajv.compile(op.requestSchema);
      return validate(example.body) ? [] : (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: `request${e.instancePath} ${e.message} ${JSON.stringify(e.params)}` }));
    }
    // Where Confluent's success status differs from ours (201 for 202), the example is judged by ours.
    const status = op.responses[String(example.of)] ? example.of : op.successStatus;
    return t.rt.validator.checkResponse(op, status, example.body).map((message) => ({ path: / body(\S*) /.exec(message)?.[1] ?? '', message }));
  }

  /**
   * Confluent's documents are generated, and many of their examples hold the generator's
   * placeholders where an object or a value of an enumeration belongs (`""`, `"{}"`), or the
   * property's name twice in a set (`labels: [labels, labels]`): those say nothing about the
   * service, so a refusal at such a value is not counted.
   */
  const PLACEHOLDERS = new Set(['', '{}']);
  function atPlaceholder(body: unknown, path: string): boolean {
    const keys = path.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const value = keys.reduce<any>((node, key) => (node == null ? undefined : node[key]), body);
    if (typeof value === 'string') return PLACEHOLDERS.has(value);
    return Array.isArray(value) && value.length > 1 && value.every((item) => item === keys[keys.length - 1]);
  }

  it('judges every example against our operation', () => {
    const problems: string[] = [];
    const used = new Set<unknown>();
    let judged = 0;
    for (const op of operations) {
      for (const example of confluent!.examples(op.method, op.path)) {
        judged++;
        for (const { path, message: problem } of judge(op, example)) {
          if (atPlaceholder(example.body, path)) continue;
          const erratum = exampleErratumFor(example, problem);
          if (erratum) used.add(erratum);
          else problems.push(`${op.operationId} (${example.operation}) ${example.of}: ${problem}`);
        }
      }
    }
    console.log(`${judged} examples from Confluent's documents judged by ours; ${problems.length} refused`);
    expect(judged).toBeGreaterThan(100);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(DOCUMENT_EXAMPLE_ERRATA.filter((e) => !used.has(e)).map((e) => `${e.method} ${e.paths} ${e.of}`)).toEqual([]);
  });
});
