import { expectStatus } from '../lib/http.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import { BOOTSTRAP, startEmulator, type Server } from '../lib/servers.js';
import type { Settings } from '../lib/settings.js';
import { buildApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { authorizeManagement } from '../../src/http/authorize.js';
import type { RequestContext } from '../../src/contract/handler.js';

export interface AuthorizationResult {
  /** The median round of each emulator. */
  enforce: LoadResult;
  off: LoadResult;
  /** enforce rps / off rps (median rounds). */
  ratio: number;
  rounds: { enforce: number[]; off: number[] };
  /**
   * In process, without HTTP: µs per GET-by-id authorization, for the bootstrap OrganizationAdmin
   * and for a service account whose decision comes from a narrower binding (the cached path).
   */
  decideMicros: { admin: number; bound: number };
}

/** The cost of authorizing a GET-by-id itself, in process (the steadier reading on a busy machine). */
async function decideCost(): Promise<{ admin: number; bound: number }> {
  const emu = await buildApp({ ...defaultConfig(), db: ':memory:', logLevel: 'silent', kafkaPort: null });
  try {
    const rt = emu.runtime;
    const op = [...rt.docs.operations.values()].find((o) => o.operationId === 'getIamV2ServiceAccount')!;
    const org = BOOTSTRAP.orgId;
    const ownerOf = rt.db.prepare('SELECT owner_id FROM credentials WHERE key_id = ?').pluck();
    const admin = String(ownerOf.get(BOOTSTRAP.apiKey));
    // A service account that may read service accounts through AccountAdmin: decided, then cached.
    rt.db
      .prepare("INSERT INTO resources (org_id, type, id, scope, crn, body, created_at, updated_at) VALUES (?, 'RoleBinding', 'rb-bench', '', ?, ?, 0, 0)")
      .run(org, `crn://confluent.cloud/organization=${org}/role-binding=rb-bench`, JSON.stringify({ principal: `User:${BOOTSTRAP.serviceAccountId}`, role_name: 'AccountAdmin', crn_pattern: `crn://confluent.cloud/organization=${org}` }));
    const time = (ownerId: string) => {
      const ctx = (): RequestContext => ({ op, params: { id: BOOTSTRAP.serviceAccountId }, query: {}, body: undefined, headers: {}, caller: { orgId: org, keyId: 'k', ownerId }, baseUrl: '', requestId: 'r' }) as RequestContext;
      for (let i = 0; i < 10_000; i++) authorizeManagement(rt, op, ctx());
      const n = 200_000;
      const started = process.hrtime.bigint();
      for (let i = 0; i < n; i++) authorizeManagement(rt, op, ctx());
      return Number(process.hrtime.bigint() - started) / n / 1000;
    };
    return { admin: time(admin), bound: time(BOOTSTRAP.serviceAccountId) };
  } finally {
    await emu.app.close();
  }
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
    const decideMicros = await decideCost();
    log(`  authorizing a GET-by-id in process: ${decideMicros.admin.toFixed(2)} µs for an OrganizationAdmin, ${decideMicros.bound.toFixed(2)} µs through a narrower binding`);
    return { enforce, off, ratio: enforce.rps / off.rps, rounds: { enforce: runs.enforce.map((r) => r.rps), off: runs.off.map((r) => r.rps) }, decideMicros };
  } finally {
    await Promise.all(Object.values(servers).map((s) => s?.stop()));
  }
}
