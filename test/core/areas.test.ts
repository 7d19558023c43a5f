import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, CLUSTER_TABLES, SHARED_DOCUMENTS } from '../../src/services/areas.js';
import { defaultDocumentsDir } from '../../src/openapi/load.js';
import { TestEmulator } from '../helpers.js';

describe('the API areas', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('claim every document exactly once', () => {
    const claimed = AREAS.flatMap((a) => a.documents);
    expect(new Set(claimed).size).toBe(claimed.length);
    const files = readdirSync(defaultDocumentsDir()).filter((f) => f.endsWith('.yaml'));
    expect([...claimed, ...SHARED_DOCUMENTS].sort()).toEqual(files.sort());
  });

  it('declare every table of per-cluster data, so that reset, export and snapshots walk them all', () => {
    const tables = t.rt.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    const perCluster = tables.map((r) => r.name).filter((name) => (t.rt.db.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>).some((c) => c.name === 'cluster_id'));
    expect([...CLUSTER_TABLES].sort()).toEqual(perCluster.sort());
  });

  it('name every hooks module a declared resource or view uses, once', () => {
    const names = AREAS.flatMap((a) => Object.keys(a.hooks ?? {}));
    expect(new Set(names).size).toBe(names.length);
    const used = [...[...t.rt.docs.resources.values()].map((d) => d.hooks), ...[...t.rt.docs.views.values()].map((v) => v.hooks)].filter((h): h is string => !!h);
    expect(names.sort()).toEqual([...new Set(used)].sort());
  });

  it('serve each operation from one area only', () => {
    const ids = AREAS.flatMap((a) => Object.keys(a.handlers?.(t.emu.engine) ?? {}));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('exports a snapshot holding every area table', async () => {
    const snap = await t.get('/_emulator/snapshot');
    expect(snap.status).toBe(200);
    expect(Object.keys(snap.body.cluster_data)).toEqual([...CLUSTER_TABLES]);
  });
});
