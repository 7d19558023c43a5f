import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { createTopics, RawConnection, rawAuthenticate, requestFrame, startKafkaEnv, type KafkaEnv } from './support.js';

/**
 * Transactional ids go through the same Kafka decision as topics and groups: a key whose owner may
 * write the topic but has no ACL on the transactional id is refused with
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED; an ALLOW WRITE ACL on the id (WRITE implies DESCRIBE, which
 * FindCoordinator asks) lets it run a transaction.
 */
describe('Kafka protocol authorization: transactional ids', () => {
  let env: KafkaEnv;
  let sa: string;
  let key: { id: string; secret: string };
  const acl = (resource_type: string, resource_name: string, operation: string) => ({
    resource_type,
    resource_name,
    pattern_type: 'LITERAL',
    principal: `User:${sa}`,
    host: '*',
    operation,
    permission: 'ALLOW',
  });
  const transact = async () => {
    const producer = env.kafka({ username: key.id, password: key.secret }).producer({ transactionalId: 'tx-acl', maxInFlightRequests: 1, idempotent: true, retry: { retries: 1, initialRetryTime: 50 } });
    try {
      await producer.connect();
      const txn = await producer.transaction();
      await txn.send({ topic: 'orders', messages: [{ value: 'v' }] });
      await txn.commit();
      return 'ok';
    } catch (err) {
      return (err as { type?: string; name?: string }).type ?? (err as Error).name;
    } finally {
      await producer.disconnect();
    }
  };

  /** The error codes of FindCoordinator (key type 1) and InitProducerId for the id, asked with the service account's key. */
  const rawCodes = async () => {
    const raw = await RawConnection.open(env.port);
    try {
      expect(await rawAuthenticate(raw, key.id, key.secret)).toBe(0);
      raw.send(requestFrame(10, 1, 1, (w) => w.string('tx-acl').int8(1)));
      const found = new Reader((await raw.frame())!);
      found.int32();
      found.int32();
      const findCoordinator = found.int16();
      raw.send(requestFrame(22, 1, 2, (w) => w.nullableString('tx-acl').int32(60_000)));
      const init = new Reader((await raw.frame())!);
      init.int32();
      init.int32();
      return { findCoordinator, initProducerId: init.int16() };
    } finally {
      raw.close();
    }
  };

  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, 'orders');
    sa = (await env.http('POST', '/iam/v2/service-accounts', { display_name: 'transactional' })).body.id;
    const k = await env.http('POST', '/iam/v2/api-keys', { spec: { owner: { id: sa }, resource: { id: env.clusterId } } });
    key = { id: k.body.id, secret: k.body.spec.secret };
    const acls = `/kafka/v3/clusters/${env.clusterId}/acls`;
    for (const op of ['WRITE', 'DESCRIBE']) expect((await env.http('POST', acls, acl('TOPIC', 'orders', op), env.restAuth)).status).toBe(201);
    // kafkajs's producer first initialises as an idempotent one (InitProducerId without the id).
    expect((await env.http('POST', acls, acl('CLUSTER', 'kafka-cluster', 'IDEMPOTENT_WRITE'), env.restAuth)).status).toBe(201);
  });
  afterAll(() => env.close());

  it('refuses a transactional id without an ACL, and allows it once WRITE on it is allowed', async () => {
    expect(await rawCodes()).toEqual({ findCoordinator: 53, initProducerId: 53 });
    // kafkajs reports the FindCoordinator refusal as a coordinator it could not find.
    expect(await transact()).toBe('KafkaJSGroupCoordinatorNotFound');
    expect((await env.http('POST', `/kafka/v3/clusters/${env.clusterId}/acls`, acl('TRANSACTIONAL_ID', 'tx-acl', 'WRITE'), env.restAuth)).status).toBe(201);
    expect(await rawCodes()).toEqual({ findCoordinator: 0, initProducerId: 0 });
    expect(await transact()).toBe('ok');
  });
});
