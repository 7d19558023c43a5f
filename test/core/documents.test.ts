import { describe, expect, it } from 'vitest';
import { defaultDocumentsDir, loadDocuments } from '../../src/openapi/load.js';
import { Validator } from '../../src/openapi/validate.js';

/**
 * The emulator compiles validators lazily, the first time an operation is called. This compiles
 * all of them, so that a schema Ajv refuses fails here rather than as a 500 on some request.
 */
describe('the OpenAPI documents', () => {
  const docs = loadDocuments([defaultDocumentsDir()]);

  // Compiling some 370 operations' validators takes 10 s on a quiet machine, several times that on a busy one.
  it('compile into request and response validators for every operation', { timeout: 180_000 }, () => {
    expect(() => new Validator(docs.dereferenced, { eager: true })).not.toThrow();
  });

  it('give every operation a unique operationId, a success response and an error response', () => {
    const ids = docs.operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of docs.operations) {
      const statuses = Object.keys(op.responses);
      expect(statuses.some((s) => s.startsWith('2')), op.operationId).toBe(true);
      if (op.security.length) expect(statuses, op.operationId).toContain('401');
    }
  });
});
