import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { storeSource } from '../../src/authorization/store-source.js';
import { TestEmulator } from '../helpers.js';
import { CRN, grant, serviceAccount } from './support.js';

describe('the decisions’ generation counter', () => {
  it('moves on writes to bindings, group mappings, clusters, ACLs and keys, and on nothing else', () => {
    const db = openDb(':memory:');
    const source = storeSource(db);
    const insert = db.prepare("INSERT INTO resources (org_id, type, id, scope, crn, body, created_at, updated_at) VALUES ('o', ?, ?, '', 'crn://confluent.cloud/organization=o', '{}', 0, 0)");
    const moved = (write: () => void) => {
      const before = source.version();
      write();
      return source.version() !== before;
    };
    expect(moved(() => insert.run('Environment', 'env-1'))).toBe(false);
    expect(moved(() => insert.run('ServiceAccount', 'sa-1'))).toBe(false);
    expect(moved(() => insert.run('RoleBinding', 'rb-1'))).toBe(true);
    expect(moved(() => insert.run('GroupMapping', 'group-1'))).toBe(true);
    expect(moved(() => insert.run('KafkaCluster', 'lkc-1'))).toBe(true);
    expect(moved(() => db.prepare("UPDATE resources SET deleted_at = 1 WHERE id = 'rb-1'").run())).toBe(true);
    expect(moved(() => db.prepare("UPDATE resources SET body = '{\"x\":1}' WHERE id = 'env-1'").run())).toBe(false);
    // Produced records, the bulk of a Kafka workload's writes, keep the cached Kafka decisions.
    expect(moved(() => db.prepare("INSERT INTO kafka_records (cluster_id, topic, partition, offset, timestamp, value) VALUES ('lkc-1', 't', 0, 0, 0, x'00')").run())).toBe(false);
    expect(
      moved(() =>
        db
          .prepare("INSERT INTO kafka_acls (cluster_id, resource_type, resource_name, pattern_type, principal, host, operation, permission) VALUES ('lkc-1', 'TOPIC', 't', 'LITERAL', 'User:sa-1', '*', 'READ', 'ALLOW')")
          .run(),
      ),
    ).toBe(true);
    expect(moved(() => db.prepare("INSERT INTO credentials (key_id, secret_hash, org_id, owner_id) VALUES ('K', 'h', 'o', 'sa-1')").run())).toBe(true);
    expect(moved(() => db.exec('DELETE FROM resources'))).toBe(true);
    db.close();
  });
});

describe('cached decisions end with a snapshot restore or a reset', () => {
  let t: TestEmulator;
  let o: Awaited<ReturnType<TestEmulator['newOrg']>>;
  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
    o = await t.newOrg();
  });
  afterAll(() => t.close());

  it('a binding restored away stops counting on the next request, though its decision was cached', async () => {
    const sa = await serviceAccount(t, o.auth, 'restored');
    const before = await t.get('/_emulator/snapshot');
    expect(before.status, before.raw).toBe(200);
    await grant(t, o.auth, sa.principal, 'EnvironmentAdmin', `${CRN}/organization=${o.org}/environment=${o.env}`);
    const read = () => t.get(`/org/v2/environments/${o.env}`, { authorization: sa.auth });
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
    // The snapshot was taken before the binding and holds the key.
    expect((await t.post('/_emulator/snapshot', before.body)).status).toBe(200);
    expect((await read()).status).toBe(403);
  });

  it('an OrganizationAdmin, decided without lookups, still cannot grant a role in another organization', async () => {
    const other = await t.newOrg();
    const r = await t.post('/iam/v2/role-bindings', { principal: `User:${o.user}`, role_name: 'OrganizationAdmin', crn_pattern: `${CRN}/organization=${other.org}` }, { authorization: o.auth });
    expect(r.status, r.raw).toBe(403);
  });
});
