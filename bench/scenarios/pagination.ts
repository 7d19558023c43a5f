import { performance } from 'node:perf_hooks';
import { expectStatus } from '../lib/http.js';
import { startEmulator } from '../lib/servers.js';
import type { Settings } from '../lib/settings.js';
import { median, quantile } from '../lib/stats.js';
import { fixturesOf, loadByFixtures, loadBySnapshot, type Loaded } from './load-items.js';

export interface PaginationResult {
  items: number;
  pageSize: number;
  page: number;
  load: Omit<Loaded, 'auth'>;
  /** ms to follow metadata.next from page 1 to the deep page. */
  walkMs: number;
  totalSize: number;
  page1: { medianMs: number; p90Ms: number };
  deep: { medianMs: number; p90Ms: number };
  /** deep median / page-1 median. */
  ratio: number;
  /** The informational fixtures-load probe: items -> ms. */
  fixturesProbe: Array<{ items: number; ms: number }>;
}

/**
 * Loads `paginationItems` service accounts into one organization of a fresh emulator, walks the
 * `metadata.next` links to page `paginationPage`, then times page 1 and that page alternately.
 */
export async function runPagination(st: Settings, log: (line: string) => void): Promise<PaginationResult> {
  const server = await startEmulator({
    args: ['--quotas', `service_accounts_per_org=${st.paginationItems + 1_000_000}`, '--body-limit', String(1024 * 1024 * 1024)],
  });
  try {
    const loaded = st.loadMethod === 'snapshot' ? await loadBySnapshot(server, st.paginationItems) : await loadByFixtures(server, st.paginationItems);
    log(
      `  loaded ${st.paginationItems.toLocaleString('en-US')} service accounts by ${loaded.method} in ${loaded.totalMs.toFixed(0)} ms ` +
        `(request ${loaded.requestMs.toFixed(0)} ms, ${(loaded.bytes / 1e6).toFixed(1)} MB)`,
    );

    const auth = loaded.auth;
    const first = `${server.url}/iam/v2/service-accounts?page_size=${st.paginationPageSize}`;
    const t0 = performance.now();
    let url = first;
    let body = (await expectStatus(200, 'GET', url, { auth })).body;
    const totalSize: number = body.metadata.total_size;
    for (let p = 2; p <= st.paginationPage; p++) {
      const next: string | undefined = body.metadata.next;
      if (!next) throw new Error(`page ${p - 1} has no next link (total_size ${totalSize}, page_size ${st.paginationPageSize})`);
      url = next;
      body = (await expectStatus(200, 'GET', url, { auth })).body;
    }
    const walkMs = performance.now() - t0;
    const deepUrl = url;
    if (body.data.length !== st.paginationPageSize) throw new Error(`page ${st.paginationPage} holds ${body.data.length} items, not ${st.paginationPageSize}`);
    log(`  walked to page ${st.paginationPage} in ${walkMs.toFixed(0)} ms (total_size ${totalSize}); its first item is ${body.data[0].display_name}`);

    const timeOf = async (u: string) => (await expectStatus(200, 'GET', u, { auth })).ms;
    for (let i = 0; i < 5; i++) {
      await timeOf(first);
      await timeOf(deepUrl);
    }
    const p1: number[] = [];
    const deep: number[] = [];
    for (let i = 0; i < st.paginationSamples; i++) {
      p1.push(await timeOf(first));
      deep.push(await timeOf(deepUrl));
    }
    const page1 = { medianMs: median(p1), p90Ms: quantile(p1, 0.9) };
    const deepStats = { medianMs: median(deep), p90Ms: quantile(deep, 0.9) };
    log(
      `  page 1: median ${page1.medianMs.toFixed(2)} ms (p90 ${page1.p90Ms.toFixed(2)}); page ${st.paginationPage}: median ${deepStats.medianMs.toFixed(2)} ms ` +
        `(p90 ${deepStats.p90Ms.toFixed(2)}) over ${st.paginationSamples} fetches each`,
    );

    // Informational: how the documented fixtures path scales (each item is checked for a unique name).
    const fixturesProbe: Array<{ items: number; ms: number }> = [];
    for (const n of st.fixturesProbe) {
      const { doc } = fixturesOf(n);
      const r = await expectStatus(201, 'POST', `${server.url}/_emulator/fixtures`, { body: doc });
      fixturesProbe.push({ items: n, ms: r.ms });
      log(`  fixtures probe: ${n.toLocaleString('en-US')} service accounts in one organization loaded in ${r.ms.toFixed(0)} ms (${((n / r.ms) * 1000).toFixed(0)} items/s)`);
    }

    const { auth: _auth, ...load } = loaded;
    return {
      items: st.paginationItems,
      pageSize: st.paginationPageSize,
      page: st.paginationPage,
      load,
      walkMs,
      totalSize,
      page1,
      deep: deepStats,
      ratio: deepStats.medianMs / page1.medianMs,
      fixturesProbe,
    };
  } finally {
    await server.stop();
  }
}
