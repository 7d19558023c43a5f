import type { Dialect, Operation } from '../openapi/types.js';

/**
 * The error dialect of any URL, including those no route serves (an unknown sub-path, a URL
 * Fastify refuses before routing): the dialect of the documented path that shares the longest
 * leading run of segments with it, a `{param}` matching any segment. Unknown top-level paths
 * answer in the management dialect.
 */
export function pathDialects(operations: Operation[]): (url: string) => Dialect {
  const served = new Map<string, { segments: string[]; dialect: Dialect }>();
  for (const op of operations) {
    for (const path of [op.path, ...op.aliases.map((a) => a.to + op.path.slice(a.from.length))]) {
      served.set(path, { segments: path.split('/').filter(Boolean), dialect: op.dialect });
    }
  }
  const entries = [...served.values()];
  return (url: string) => {
    const segments = url.split('?')[0].split('/').filter(Boolean);
    let best: Dialect = 'management';
    let bestScore = 0;
    for (const e of entries) {
      // The first segment must match literally: `/topics/...` and `/subjects/...` name their group.
      if (e.segments[0] !== segments[0]) continue;
      let score = 0;
      for (let i = 0; i < e.segments.length && i < segments.length; i++) {
        const s = e.segments[i];
        if (s === segments[i]) score += 2;
        else if (s.startsWith('{')) score += 1;
        else break;
      }
      if (score > bestScore) {
        best = e.dialect;
        bestScore = score;
      }
    }
    return best;
  };
}
