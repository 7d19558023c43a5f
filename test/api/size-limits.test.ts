import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { kafkaCluster, schemaRegistry } from '../support/clusters.js';

/** Confluent Cloud's limits on what a cluster or registry holds, so that no list grows without bound. */
describe('size limits: partitions per Kafka cluster, schemas per Schema Registry', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start({ quotas: { partitions_per_kafka_cluster: 10, schemas_per_schema_registry: 3 } });
  });
  afterAll(() => t.close());

  it('refuses topics and partition increases past the cluster limit (Kafka REST v3)', async () => {
    const c = await kafkaCluster(t);
    const base = `/kafka/v3/clusters/${c.id}`;
    expect((await t.post(`${base}/topics`, { topic_name: 'a', partitions_count: 6 }, c.auth)).status).toBe(201);
    const over = await t.post(`${base}/topics`, { topic_name: 'b', partitions_count: 5 }, c.auth);
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ error_code: 40002, message: "Adding 5 partitions would exceed the cluster's partition limit of 10 (it has 6)." });
    expect((await t.post(`${base}/topics`, { topic_name: 'b', partitions_count: 5, validate_only: true }, c.auth)).status).toBe(400);
    expect((await t.get(`${base}/topics/b`, c.auth)).status).toBe(404);
    expect((await t.post(`${base}/topics`, { topic_name: 'b', partitions_count: 4 }, c.auth)).status).toBe(201);
    const grow = await t.patch(`${base}/topics/a`, { partitions_count: 7 }, c.auth);
    expect(grow.status).toBe(400);
    expect(grow.body.message).toContain('partition limit of 10');
    // Deleting a topic frees its partitions.
    expect((await t.delete(`${base}/topics/b`, c.auth)).status).toBe(204);
    expect((await t.patch(`${base}/topics/a`, { partitions_count: 10 }, c.auth)).status).toBe(200);
  });

  it('counts each cluster on its own', async () => {
    const one = await kafkaCluster(t);
    const two = await kafkaCluster(t);
    expect((await t.post(`/kafka/v3/clusters/${one.id}/topics`, { topic_name: 'full', partitions_count: 10 }, one.auth)).status).toBe(201);
    expect((await t.post(`/kafka/v3/clusters/${two.id}/topics`, { topic_name: 'full', partitions_count: 10 }, two.auth)).status).toBe(201);
  });

  it('refuses a schema version past the registry limit with 42205, and reports the limit', async () => {
    const sr = await schemaRegistry(t);
    const register = (subject: string, schema: unknown) => t.post(`/subjects/${subject}/versions`, { schema: JSON.stringify(schema) }, sr.auth);
    expect((await t.get('/clusterconfig', sr.auth)).body).toMatchObject({ maxSchemas: 3 });
    for (const s of ['a', 'b', 'c']) expect((await register(s, 'string')).status).toBe(200);
    // Registering what a subject already has adds nothing, so it is still answered.
    expect((await register('a', 'string')).status).toBe(200);
    const over = await register('d', 'string');
    expect(over.status).toBe(422);
    expect(over.body).toEqual({ error_code: 42205, message: 'Register operation not permitted: the schema limit of 3 for this Schema Registry has been reached' });
    expect((await t.get('/subjects/d/versions', sr.auth)).status).toBe(404);
  });

  it('counts soft-deleted versions until they are deleted for good, and keeps the count through a snapshot round trip', async () => {
    const sr = await schemaRegistry(t);
    const register = (subject: string) => t.post(`/subjects/${subject}/versions`, { schema: JSON.stringify(`string`) }, sr.auth);
    for (const s of ['a', 'b', 'c']) expect((await register(s)).status).toBe(200);
    expect((await t.delete('/subjects/c', sr.auth)).status).toBe(200);
    expect((await register('d')).body.error_code).toBe(42205);
    expect((await t.delete('/subjects/c?permanent=true', sr.auth)).status).toBe(200);
    expect((await register('d')).status).toBe(200);
    // The import rewrites every row: the count follows the rows, not the requests.
    const snap = await t.get('/_emulator/snapshot');
    expect((await t.post('/_emulator/snapshot', snap.body)).status).toBe(200);
    expect((await register('e')).body.error_code).toBe(42205);
    expect((await t.delete('/subjects/a', sr.auth)).status).toBe(200);
    expect((await t.delete('/subjects/a?permanent=true', sr.auth)).status).toBe(200);
    expect((await register('e')).status).toBe(200);
  });
});

describe('size limits: Confluent Cloud defaults by cluster type', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('holds 4,096 partitions on a Basic cluster', async () => {
    const c = await kafkaCluster(t);
    const base = `/kafka/v3/clusters/${c.id}`;
    expect((await t.post(`${base}/topics`, { topic_name: 'big', partitions_count: 4096 }, c.auth)).status).toBe(201);
    const over = await t.post(`${base}/topics`, { topic_name: 'one', partitions_count: 1 }, c.auth);
    expect(over.status).toBe(400);
    expect(over.body.message).toContain('partition limit of 4096');
  });

  it('reports 20,000 schemas', async () => {
    const sr = await schemaRegistry(t);
    expect((await t.get('/clusterconfig', sr.auth)).body).toMatchObject({ maxSchemas: 20000 });
  });
});
