/**
 * Sums a V8 CPU profile (`node --cpu-prof`) by where the time is spent, to find what to fix first:
 *
 *   node --cpu-prof --cpu-prof-dir=prof dist/src/cli.js --db :memory: --port 0   (stop it with Ctrl-C)
 *   node dist/bench/profile-summary.js prof/<file>.cpuprofile [package|module|function|inclusive] [rows] [from]
 *
 * `package` (the default) sums self time by npm package, or by the folder of a project file;
 * `module` by file; `function` by function; `inclusive` gives each function's time with its
 * callees (module top levels show what loading a module costs). `from`, a fraction of the run
 * (0.4), counts only the samples after that point: the steady state of a load after its warm-up.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

type Mode = 'package' | 'module' | 'function' | 'inclusive';

/** A file's place: `npm:<package>` for a dependency, else its path from the project (or Node's module name). */
function placeOf(url: string, mode: Mode): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return mode === 'package' ? `npm:${parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}` : `npm:${parts.join('/')}`;
  }
  const dist = url.indexOf('/dist/');
  const path = dist >= 0 ? url.slice(dist + 1) : url.replace(/^file:\/\//, '');
  return mode === 'package' ? path.split('/').slice(0, -1).join('/') || path : path;
}

export function summarize(profile: Profile, mode: Mode, from = 0): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    if (!url) return `(${functionName || 'anonymous'})`;
    if (mode === 'package' || mode === 'module') return placeOf(url, mode);
    return `${functionName || '(anonymous)'} ${placeOf(url, 'module')}:${lineNumber + 1}`;
  };
  // Self time per profile node, from the sample after `from` of the run.
  const self = new Map<number, number>();
  const start = from * (profile.endTime - profile.startTime);
  let t = 0;
  // A sample's delta is the time up to it: it covers [t - delta, t].
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    if (t >= start) self.set(id, (self.get(id) ?? 0) + delta);
    t += delta;
  });
  const totals = new Map<string, number>();
  for (const [id, us] of self) {
    if (mode !== 'inclusive') {
      const key = label(byId.get(id)!);
      totals.set(key, (totals.get(key) ?? 0) + us);
      continue;
    }
    // Each caller on the stack once, however often it recurses.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = label(byId.get(cur)!);
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + us);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, mode = 'package', rows = '30', from = '0'] = process.argv.slice(2);
  if (!file || !['package', 'module', 'function', 'inclusive'].includes(mode)) {
    process.stderr.write('usage: profile-summary <file.cpuprofile> [package|module|function|inclusive] [rows] [from]\n');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  process.stdout.write(`${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms profiled\n`);
  for (const [key, us] of summarize(profile, mode as Mode, Number(from)).slice(0, Number(rows))) {
    process.stdout.write(`${(us / 1000).toFixed(1).padStart(9)} ms  ${key}\n`);
  }
}
