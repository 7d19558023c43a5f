import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded the first time it is used rather than at start: for the heavy ones
 * (protobufjs, avsc) that only Schema Registry and the serialisers need, so a start and an idle
 * emulator do not pay for them.
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
