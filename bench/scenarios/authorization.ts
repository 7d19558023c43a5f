import { expectStatus } from '../lib/http.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import { BOOTSTRAP, startEmulator, type Server } from '../lib/servers.js';
import type { Settings } from '../lib/settings.js';

export interface AuthorizationResult {
  /** The median round of each emulator. */
  enforce: LoadResult;
  off: LoadResult;
  /** enforce rps / off rps (median rounds). */
  ratio: number;
  rounds: { enforce: number[]; off: number[] };
}

const medianRound = (rs: LoadResult[]) => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor((rs.length - 1) / 2)];

/**
 * The cost of enforcement: GET-by-id of a service account on two emulators started the same way,
 * one with `--authorization enforce` (the bootstrap key's OrganizationAdmin binding decides every
 * request) and one with `--authorization off`, alternating which goes first.
 */
export async function runAuthorization(st: Settings, log: (line: string) => void): Promise<AuthorizationResult> {
  const servers: Record<'enforce' | 'off', Server | undefined> = { enforce: undefined, off: undefined };
  try {
    servers.enforce = await startEmulator({ args: ['--authorization', 'enforce'] });
    servers.off = await startEmulator({ args: ['--authorization', 'off'] });
    const path = `/iam/v2/service-accounts/${BOOTSTRAP.serviceAccountId}`;
    for (const s of [servers.enforce, servers.off]) await expectStatus(200, 'GET', `${s.url}${path}`, { auth: s.auth });
    const runs: Record<'enforce' | 'off', LoadResult[]> = { enforce: [], off: [] };
    for (let round = 0; round < st.rounds; round++) {
      for (const mode of round % 2 === 0 ? (['enforce', 'off'] as const) : (['off', 'enforce'] as const)) {
        const s = servers[mode]!;
        const spec = { method: 'GET' as const, path, auth: s.auth };
        if (st.warmupSeconds > 0) await runLoad(s.url, spec, st.warmupSeconds, st.connections);
        const r = await runLoad(s.url, spec, st.seconds, st.connections);
        runs[mode].push(r);
        const bad = r.non2xx + r.errors + r.timeouts;
        log(`  get-by-id  ${mode.padEnd(8)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms` + (bad ? `  !! non-2xx ${r.non2xx} errors ${r.errors}` : ''));
      }
    }
    const enforce = medianRound(runs.enforce);
    const off = medianRound(runs.off);
    return { enforce, off, ratio: enforce.rps / off.rps, rounds: { enforce: runs.enforce.map((r) => r.rps), off: runs.off.map((r) => r.rps) } };
  } finally {
    await Promise.all(Object.values(servers).map((s) => s?.stop()));
  }
}
