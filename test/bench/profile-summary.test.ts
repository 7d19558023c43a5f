import { describe, expect, it } from 'vitest';
import { summarize } from '../../bench/profile-summary.js';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });
// root -> main (app) -> route (fastify) -> compile (find-my-way); samples of 1 ms each.
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2] },
    { id: 2, callFrame: frame('main', 'file:///p/dist/src/app.js', 9), children: [3] },
    { id: 3, callFrame: frame('route', 'file:///p/node_modules/fastify/lib/route.js', 206), children: [4] },
    { id: 4, callFrame: frame('compile', 'file:///p/node_modules/find-my-way/lib/node.js', 18) },
  ],
  samples: [2, 3, 4, 4, 4, 3],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000],
  startTime: 0,
  endTime: 6000,
};

describe('CPU profile summary', () => {
  it('sums self time by package, by function, and with callees', () => {
    expect(summarize(profile, 'package')).toEqual([
      ['npm:find-my-way', 3000],
      ['npm:fastify', 2000],
      ['dist/src', 1000],
    ]);
    expect(summarize(profile, 'function')[0]).toEqual(['compile npm:find-my-way/lib/node.js:19', 3000]);
    expect(Object.fromEntries(summarize(profile, 'inclusive'))).toMatchObject({ 'main dist/src/app.js:10': 6000, 'route npm:fastify/lib/route.js:207': 5000 });
  });

  it('counts only the samples after a fraction of the run', () => {
    expect(summarize(profile, 'package', 0.5)).toEqual([
      ['npm:find-my-way', 2000],
      ['npm:fastify', 1000],
    ]);
  });
});
