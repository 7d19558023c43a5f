import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTopics, startKafkaEnv, type KafkaEnv } from './support.js';

/**
 * The protocol asks the same Kafka decision as the REST data planes: a service account's key with no
 * role binding and no ACL is refused, an ALLOW ACL made over Kafka REST v3 lets it produce, a DENY ACL
 * takes that back at once, and `--authorization off` allows everything.
 */
describe('Kafka protocol authorization: role bindings and ACLs decide', () => {
  let env: KafkaEnv;
  let sa: string;
  let key: { id: string; secret: string };
  const acl = (permission: 'ALLOW' | 'DENY', operation: string) => ({
    resource_type: 'TOPIC',
    resource_name: 'orders',
    pattern_type: 'LITERAL',
    principal: `User:${sa}`,
    host: '*',
    operation,
    permission,
  });
  const produce = async () => {
    const producer = env.kafka({ username: key.id, password: key.secret }).producer();
    await producer.connect();
    try {
      await producer.send({ topic: 'orders', acks: -1, messages: [{ key: 'k', value: 'v' }] });
      return 'ok';
    } catch (err) {
      // kafkajs reports the refusal as TOPIC_AUTHORIZATION_FAILED (29), from Metadata or Produce.
      const e = err as { type?: string; message?: string };
      return e.type === 'TOPIC_AUTHORIZATION_FAILED' || /Topic authorization failed/.test(e.message ?? '') ? 'TOPIC_AUTHORIZATION_FAILED' : String(err);
    } finally {
      await producer.disconnect();
    }
  };

  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, 'orders');
    const created = await env.http('POST', '/iam/v2/service-accounts', { display_name: 'least-privilege' });
    sa = created.body.id;
    const k = await env.http('POST', '/iam/v2/api-keys', { spec: { owner: { id: sa }, resource: { id: env.clusterId } } });
    key = { id: k.body.id, secret: k.body.spec.secret };
  });
  afterAll(() => env.close());

  it('refuses a key whose owner has neither a role binding nor an ACL', async () => {
    expect(await produce()).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('lets it produce once an ALLOW ACL for WRITE exists, and refuses again once a DENY ACL matches', async () => {
    const acls = `/kafka/v3/clusters/${env.clusterId}/acls`;
    expect((await env.http('POST', acls, acl('ALLOW', 'WRITE'), env.restAuth)).status).toBe(201);
    expect(await produce()).toBe('ok');
    expect((await env.http('POST', acls, acl('DENY', 'WRITE'), env.restAuth)).status).toBe(201);
    expect(await produce()).toBe('TOPIC_AUTHORIZATION_FAILED');
  });
});

describe('Kafka protocol authorization: off', () => {
  it('lets a key without any binding or ACL produce', async () => {
    const env = await startKafkaEnv({ authorization: 'off' });
    try {
      await createTopics(env, 'orders');
      const sa = (await env.http('POST', '/iam/v2/service-accounts', { display_name: 'anyone' })).body.id;
      const k = (await env.http('POST', '/iam/v2/api-keys', { spec: { owner: { id: sa }, resource: { id: env.clusterId } } })).body;
      const producer = env.kafka({ username: k.id, password: k.spec.secret }).producer();
      await producer.connect();
      const [report] = await producer.send({ topic: 'orders', acks: -1, messages: [{ value: 'v' }] });
      expect(report.errorCode).toBe(0);
      await producer.disconnect();
    } finally {
      await env.close();
    }
  });
});
