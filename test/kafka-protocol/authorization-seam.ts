import type * as Authorize from '../../src/kafka-protocol/authorize.js';

/** What a test refuses (`Topic:secret`, `Group:g`, `Cluster:*`) and every question the listener asked. */
export interface Seam {
  refused: Set<string>;
  asked: string[];
}

/**
 * The authorization module with its decision replaced by the seam's, for `vi.mock` (which must be
 * declared in each test file, so the factory lives here):
 * `vi.mock(path, async (original) => (await import('./authorization-seam.js')).withSeam(await original(), seam))`.
 */
export function withSeam(original: typeof Authorize, seam: Seam): typeof Authorize {
  return {
    ...original,
    authorize: (_session, op, type, name) => {
      seam.asked.push(`${op} ${type}:${name}`);
      return !seam.refused.has(`${type}:${name}`) && !seam.refused.has(`${type}:*`);
    },
  };
}
