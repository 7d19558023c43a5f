/**
 * Writes src/generated/operations.ts from the documents (`npm run build` first, then
 * `node dist/src/openapi/generate-operation-types.js`). test/core/operation-types.test.ts fails
 * while the committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { defaultDocumentsDir, loadDocuments } from './load.js';
import { generateOperationTypes } from './operation-types.js';

let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const target = join(root, 'src', 'generated', 'operations.ts');
writeFileSync(target, await generateOperationTypes(loadDocuments([defaultDocumentsDir()])));
console.log(`wrote ${target}`);
