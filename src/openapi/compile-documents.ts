/**
 * Build step (`npm run build`): compiles the project's OpenAPI documents to JSON so that a start
 * does not parse YAML (see compiled.ts).
 */
import { writeCompiled } from './compiled.js';
import { defaultDocumentsDir, parseDocumentFile } from './load.js';

const path = writeCompiled(defaultDocumentsDir(), parseDocumentFile);
process.stdout.write(`compiled the OpenAPI documents to ${path}\n`);
