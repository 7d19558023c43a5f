import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { storeSource } from '../../src/authorization/store-source.js';
import { TestEmulator } from '../helpers.js';
import { CRN, grant, revoke, serviceAccount } from './support.js';

const insertRow = (db: ReturnType<typeof openDb>, type: string, id: string, body: object = {}) =>
  db
    .prepare("INSERT INTO resources (org_id, type, id, scope, crn, body, lifecycle, created_at, updated_at) VALUES ('o1', ?, ?, '', ?, ?, NULL, 0, 0)")
    .run(type, id, `crn://confluent.cloud/organization=o1/x=${id}`, JSON.stringify(body));

describe('the generation that invalidates cached authorization decisions', () => {
  it('moves on every write to role bindings, Kafka clusters and ACLs, and on no other write', () => {
    const db = openDb(':memory:');
    const source = storeSource(db);
    const start = source.version();
    insertRow(db, 'ServiceAccount', 'sa-1');
    db.prepare("UPDATE resources SET body = '{\"x\":1}' WHERE id = 'sa-1'").run();
    expect(source.version()).toBe(start);

    insertRow(db, 'RoleBinding', 'rb-1', { principal: 'User:sa-1', role_name: 'OrganizationAdmin', crn_pattern: 'crn://confluent.cloud/organization=o1' });
    const afterInsert = source.version();
    expect(afterInsert).toBeGreaterThan(start);
    db.prepare("UPDATE resources SET deleted_at = 1 WHERE id = 'rb-1'").run();
    const afterDelete = source.version();
    expect(afterDelete).toBeGreaterThan(afterInsert);
    // A reset removes every row at once: the triggers still see the bindings go.
    db.exec('DELETE FROM resources');
    const afterReset = source.version();
    expect(afterReset).toBeGreaterThan(afterDelete);

    insertRow(db, 'KafkaCluster', 'lkc-1');
    const afterCluster = source.version();
    expect(afterCluster).toBeGreaterThan(afterReset);
    db.prepare("INSERT INTO kafka_acls (cluster_id, resource_type, resource_name, pattern_type, principal, host, operation, permission) VALUES ('lkc-1', 'TOPIC', 't', 'LITERAL', 'User:sa-1', '*', 'READ', 'ALLOW')").run();
    const afterAcl = source.version();
    expect(afterAcl).toBeGreaterThan(afterCluster);
    db.prepare('DELETE FROM kafka_acls').run();
    expect(source.version()).toBeGreaterThan(afterAcl);
    db.close();
  });

  it('keeps decisions across unrelated writes and drops them when a binding changes', async () => {
    const t = await TestEmulator.start();
    const reader = await serviceAccount(t, t.auth, 'reader');
    const read = async () => (await t.get(`/iam/v2/service-accounts/${t.emu.bootstrap!.serviceAccountId}`, { authorization: reader.auth })).status;
    expect(await read()).toBe(403);
    // An unrelated write between two reads does not change the answer...
    expect((await t.post('/iam/v2/service-accounts', { display_name: 'other', description: '' })).status).toBe(201);
    expect(await read()).toBe(403);
    // ...a role binding does, on the very next request, and so does its removal.
    const binding = await grant(t, t.auth, reader.principal, 'OrganizationAdmin', `${CRN}/organization=${t.emu.bootstrap!.orgId}`);
    expect(await read()).toBe(200);
    await revoke(t, t.auth, binding);
    expect(await read()).toBe(403);
    await t.close();
  });
});
