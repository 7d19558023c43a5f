/**
 * Build step (`npm run build`): compiles the project's OpenAPI documents to JSON so that a start
 * does not parse YAML nor check the `x-emulator` declarations again (see compiled.ts). A document
 * that fails its checks fails the build.
 */
import { writeCompiled } from './compiled.js';
import { defaultDocumentsDir, parseCheckedDocumentFile } from './load.js';

const path = writeCompiled(defaultDocumentsDir(), parseCheckedDocumentFile);
process.stdout.write(`compiled the OpenAPI documents to ${path}\n`);
