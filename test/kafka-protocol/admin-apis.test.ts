import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import type { Writer } from '../../src/kafka-protocol/codec/writer.js';
import { authenticatedConnection, createTopics, requestFrame, startKafkaEnv, type KafkaEnv, type RawConnection } from './support.js';

/** AlterConfigs, IncrementalAlterConfigs and DescribeCluster against a listening emulator. */
describe('Kafka protocol admin APIs', () => {
  let env: KafkaEnv;
  let raw: RawConnection;
  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, { topic: 'configured', numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '3600000' }] });
    raw = await authenticatedConnection(env);
  });
  afterAll(async () => {
    raw?.close();
    await env.close();
  });

  let correlation = 100;
  const ask = async (apiKey: number, version: number, body: (w: Writer) => void) => {
    const id = ++correlation;
    raw.send(requestFrame(apiKey, version, id, body));
    const r = new Reader((await raw.frame())!);
    expect(r.int32()).toBe(id);
    return r;
  };
  const config = async (name: string) => (await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/topics/configured/configs/${name}`, undefined, env.restAuth)).body;

  type Op = [name: string, op: number, value: string | null];
  /** IncrementalAlterConfigs v0 on one topic; answers its result. */
  const incremental = async (topic: string, ops: Op[], validateOnly = false) => {
    const r = await ask(44, 0, (w) => w.array([topic], (w, t) => w.int8(2).string(t).array(ops, (w, [n, op, v]) => w.string(n).int8(op).nullableString(v))).boolean(validateOnly));
    r.int32();
    return r.array((r) => ({ errorCode: r.int16(), message: r.nullableString(), type: r.int8(), name: r.string() }))[0];
  };

  it('IncrementalAlterConfigs sets, appends, subtracts and deletes, keeping the other configs', async () => {
    expect(await incremental('configured', [['max.message.bytes', 0, '50000'], ['cleanup.policy', 2, 'compact']])).toMatchObject({ errorCode: 0, name: 'configured' });
    expect((await config('max.message.bytes')).value).toBe('50000');
    expect((await config('cleanup.policy')).value).toBe('delete,compact');
    expect((await config('retention.ms')).value).toBe('3600000');
    expect(await incremental('configured', [['cleanup.policy', 3, 'delete'], ['max.message.bytes', 1, null]])).toMatchObject({ errorCode: 0 });
    expect((await config('cleanup.policy')).value).toBe('compact');
    expect((await config('max.message.bytes')).is_default).toBe(true);
  });

  it('IncrementalAlterConfigs refuses unknown and read-only configs, changing nothing, and honours validate_only', async () => {
    expect(await incremental('configured', [['segment.ms', 0, '1000'], ['no.such.config', 0, '1']])).toMatchObject({ errorCode: 40, message: 'Unknown topic config name: no.such.config' });
    expect(await incremental('configured', [['min.insync.replicas', 0, '1']])).toMatchObject({ errorCode: 40 });
    expect((await config('segment.ms')).is_default).toBe(true);
    expect(await incremental('configured', [['segment.ms', 0, '1000']], true)).toMatchObject({ errorCode: 0 });
    expect((await config('segment.ms')).is_default).toBe(true);
    expect(await incremental('missing', [['segment.ms', 0, '1000']])).toMatchObject({ errorCode: 3 });
    expect(await incremental('configured', [['segment.ms', 9, '1000']])).toMatchObject({ errorCode: 42 });
  });

  it('IncrementalAlterConfigs v1 (flexible) answers in the compact layout', async () => {
    const r = await ask(44, 1, (w) => {
      w.taggedFields(); // request header v2
      w.compactArray(['configured'], (w, t) => w.int8(2).compactString(t).compactArray([['segment.ms', '2000']], (w, [n, v]) => w.compactString(n).int8(0).compactNullableString(v).taggedFields()).taggedFields());
      w.boolean(false).taggedFields();
    });
    r.taggedFields(); // response header v1
    r.int32();
    const results = r.compactArray((r) => {
      const res = { errorCode: r.int16(), message: r.compactNullableString(), type: r.int8(), name: r.compactString() };
      r.taggedFields();
      return res;
    });
    expect(results).toEqual([{ errorCode: 0, message: null, type: 2, name: 'configured' }]);
    expect((await config('segment.ms')).value).toBe('2000');
  });

  it('AlterConfigs (kafkajs admin) replaces the topic set configs as a whole', async () => {
    const admin = env.kafka().admin();
    await admin.connect();
    try {
      await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'configured', configEntries: [{ name: 'retention.ms', value: '7200000' }] }] });
      expect((await config('retention.ms')).value).toBe('7200000');
      expect((await config('segment.ms')).is_default).toBe(true);
      await expect(admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'configured', configEntries: [{ name: 'flush.ms', value: '1' }] }] })).rejects.toThrow();
      expect((await config('retention.ms')).value).toBe('7200000');
    } finally {
      await admin.disconnect();
    }
  });

  it('AlterConfigs refuses broker configs with POLICY_VIOLATION', async () => {
    const r = await ask(33, 0, (w) => w.array([''], (w, n) => w.int8(4).string(n).array([['log.retention.ms', '1']], (w, [k, v]) => w.string(k).nullableString(v))).boolean(false));
    r.int32();
    expect(r.array((r) => ({ errorCode: r.int16(), message: r.nullableString(), type: r.int8(), name: r.string() }))[0]).toMatchObject({ errorCode: 44, type: 4 });
  });

  it('DescribeCluster answers the lkc- id and the single broker as controller', async () => {
    const r = await ask(60, 0, (w) => {
      w.taggedFields();
      w.boolean(true).taggedFields();
    });
    r.taggedFields();
    expect(r.int32()).toBe(0); // throttle
    expect(r.int16()).toBe(0);
    expect(r.compactNullableString()).toBeNull();
    expect(r.compactString()).toBe(env.clusterId);
    expect(r.int32()).toBe(0); // controller
    const brokers = r.compactArray((r) => {
      const b = { id: r.int32(), host: r.compactString(), port: r.int32(), rack: r.compactNullableString() };
      r.taggedFields();
      return b;
    });
    expect(brokers).toEqual([{ id: 0, host: env.host, port: env.port, rack: null }]);
    expect(r.int32()).toBeGreaterThan(0);
  });
});
