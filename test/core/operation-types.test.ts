import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultDocumentsDir, loadDocuments } from '../../src/openapi/load.js';
import { generateOperationTypes } from '../../src/openapi/operation-types.js';

const committed = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'generated', 'operations.ts');

describe('the operation types generated from the documents', () => {
  it('are up to date: regenerate with `npm run build && node dist/src/openapi/generate-operation-types.js`', async () => {
    const fresh = await generateOperationTypes(loadDocuments([defaultDocumentsDir()]));
    expect(readFileSync(committed, 'utf8') === fresh, 'src/generated/operations.ts is stale').toBe(true);
    // Every operation of the documents is there, with the parameters and body it declares.
    expect(fresh).toContain('    createIamV2ServiceAccount: {');
    expect(fresh).toMatch(/getSdV1Pipeline: \{\s+parameters: \{\s+query: \{\s+environment: string;\s+"spec.kafka_cluster": string;/);
  }, 60_000);
});
