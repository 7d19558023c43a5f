import type { ResourceRow } from '../../src/store/resources.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { basicAuth, expectStatus } from '../lib/http.js';
import type { Server } from '../lib/servers.js';

/** Where the loaded items live and how to reach them. */
export interface Loaded {
  method: 'snapshot' | 'fixtures';
  /** Authorization header of a key of the organization holding the items. */
  auth: string;
  /** ms of the whole load, client work included. */
  totalMs: number;
  /** ms of the one loading request (server side plus transfer). */
  requestMs: number;
  /** Bytes of the request body. */
  bytes: number;
}

/** A resource row as the snapshot carries it. */
type SnapshotRow = ResourceRow;

interface Snapshot {
  resources: SnapshotRow[];
  issued_ids: string[];
  [key: string]: unknown;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const randomChars = (n: number, upper = false) => {
  const a = upper ? ALPHABET.toUpperCase() : ALPHABET;
  return Array.from(randomBytes(n), (b) => a[b % a.length]).join('');
};
/** `sa-` and six lowercase alphanumerics, the documented shape, distinct per i (i < 36^5). */
const itemId = (i: number) => 'sa-b' + i.toString(36).padStart(5, '0');
const itemName = (i: number) => `page-item-${String(i).padStart(6, '0')}`;

/**
 * Fast path: GET /_emulator/snapshot, append `count` service accounts of the bootstrap
 * organization (copies of its first service account's row), POST /_emulator/snapshot. The import
 * writes rows directly, without the per-item uniqueness and quota checks of the engine.
 */
export async function loadBySnapshot(server: Server, count: number): Promise<Loaded> {
  const t0 = performance.now();
  const snap = (await expectStatus<Snapshot>(200, 'GET', `${server.url}/_emulator/snapshot`)).body;
  const template = snap.resources.find((r) => r.type === 'ServiceAccount' && r.org_id === server.orgId);
  if (!template) throw new Error('the snapshot holds no service account of the bootstrap organization to copy');
  let seq = Math.max(...snap.resources.map((r) => r.seq));
  const issued = new Set(snap.issued_ids);
  for (let i = 0; i < count; i++) {
    const id = itemId(i);
    if (issued.has(id)) throw new Error(`generated id ${id} is already issued`);
    snap.resources.push({
      ...template,
      seq: ++seq,
      id,
      crn: template.crn.replace(template.id, id),
      body: { ...template.body, display_name: itemName(i), description: 'loaded by the benchmark' },
    });
    snap.issued_ids.push(id);
  }
  const body = JSON.stringify(snap);
  const r = await expectStatus(200, 'POST', `${server.url}/_emulator/snapshot`, { body });
  return { method: 'snapshot', auth: server.auth, totalMs: performance.now() - t0, requestMs: r.ms, bytes: Buffer.byteLength(body) };
}

/** A fixtures document of one new organization holding `count` service accounts and a key to read them. */
export function fixturesOf(count: number, orgId = randomUUID()): { doc: unknown; auth: string } {
  const keyId = randomChars(16, true);
  const ownerId = `sa-${randomChars(6)}`;
  const secret = `bench-secret-${randomUUID()}`;
  const accounts: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) accounts.push({ display_name: itemName(i), description: 'loaded by the benchmark' });
  accounts[0].id = ownerId;
  const doc = {
    organizations: [
      {
        id: orgId,
        display_name: `bench ${count}`,
        resources: {
          ServiceAccount: accounts,
          ApiKey: [{ id: keyId, secret, spec: { display_name: 'bench', description: 'reads the loaded items', owner: { id: ownerId } } }],
        },
      },
    ],
  };
  return { doc, auth: basicAuth(keyId, secret) };
}

/** The documented path: POST /_emulator/fixtures, every item created through the engine. */
export async function loadByFixtures(server: Server, count: number): Promise<Loaded> {
  const t0 = performance.now();
  const { doc, auth } = fixturesOf(count);
  const body = JSON.stringify(doc);
  const r = await expectStatus(201, 'POST', `${server.url}/_emulator/fixtures`, { body });
  return { method: 'fixtures', auth, totalMs: performance.now() - t0, requestMs: r.ms, bytes: Buffer.byteLength(body) };
}
