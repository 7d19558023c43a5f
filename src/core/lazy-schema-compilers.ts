import { lazyModule } from './lazy-module.js';

type Builder = (externalSchemas: unknown, options: unknown) => unknown;

const ajvCompiler = lazyModule<() => Builder>('@fastify/ajv-compiler');
const jsonStringifyCompiler = lazyModule<() => Builder>('@fastify/fast-json-stringify-compiler');

/**
 * Fastify's own schema compilers, loaded when a route first declares a schema. Fastify requires
 * them (Ajv, fast-json-stringify) when an instance is created, at the cost of a tenth of a start,
 * while the emulator's routes carry no Fastify schemas: requests are validated against the
 * OpenAPI documents (src/openapi/validate.ts). The builders are Fastify's defaults, unchanged.
 */
export const lazySchemaCompilers = {
  buildValidator: (externalSchemas: unknown, options: unknown) => ajvCompiler()()(externalSchemas, options),
  buildSerializer: (externalSchemas: unknown, options: unknown) => jsonStringifyCompiler()()(externalSchemas, options),
};
