import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';

/** The seam refuses what `refused` names ("Topic:secret", "Cluster:*"); the calls are recorded. */
const seam = vi.hoisted(() => ({ refused: new Set<string>(), asked: [] as string[] }));
vi.mock('../../src/kafka-protocol/authorize.js', async (importOriginal) => (await import('./authorization-seam.js')).withSeam(await importOriginal(), seam));

const { authenticatedConnection, createTopics, requestFrame, startKafkaEnv } = await import('./support.js');

describe('data and admin APIs ask the authorization seam', () => {
  let env: Awaited<ReturnType<typeof startKafkaEnv>>;
  let raw: Awaited<ReturnType<typeof authenticatedConnection>>;
  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, 'secret', 'open');
    raw = await authenticatedConnection(env);
    seam.refused.add('Topic:secret');
  });
  afterAll(async () => {
    raw.close();
    await env.close();
  });

  /** Sends a request and answers a reader after the correlation id. */
  const ask = async (apiKey: number, version: number, body: Parameters<typeof requestFrame>[3]) => {
    raw.send(requestFrame(apiKey, version, 9, body));
    const r = new Reader((await raw.frame())!);
    expect(r.int32()).toBe(9);
    return r;
  };

  it('Metadata hides a refused topic from the full list and answers TOPIC_AUTHORIZATION_FAILED when named', async () => {
    const all = await ask(3, 1, (w) => w.int32(-1));
    all.array((r) => [r.int32(), r.string(), r.int32(), r.nullableString()]);
    all.int32();
    const names = all.array((r) => {
      r.int16();
      const n = r.string();
      r.boolean();
      r.array((r) => [r.int16(), r.int32(), r.int32(), r.array((r) => r.int32()), r.array((r) => r.int32())]);
      return n;
    });
    expect(names).toEqual(['open']);
    const named = await ask(3, 1, (w) => w.array(['secret'], (w, t) => w.string(t)));
    named.array((r) => [r.int32(), r.string(), r.int32(), r.nullableString()]);
    named.int32();
    const [topic] = named.array((r) => ({ errorCode: r.int16(), name: r.string(), internal: r.boolean(), parts: r.array(() => 0) }));
    expect(topic).toMatchObject({ errorCode: 29, name: 'secret' });
    expect(seam.asked).toContain('Describe Topic:secret');
  });

  it('Produce, Fetch, ListOffsets, CreateTopics, DeleteTopics and DescribeConfigs answer 29 for the refused topic', async () => {
    const produced = await ask(0, 7, (w) => {
      w.nullableString(null).int16(-1).int32(1000);
      w.array(['secret'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).bytes(Buffer.alloc(0))));
    });
    const [pt] = produced.array((r) => ({ name: r.string(), parts: r.array((r) => ({ index: r.int32(), errorCode: r.int16() })) }));
    expect(pt.parts[0].errorCode).toBe(29);
    expect(seam.asked).toContain('Write Topic:secret');

    const fetched = await ask(1, 4, (w) => {
      w.int32(-1).int32(0).int32(1).int32(1 << 20).int8(0);
      w.array(['secret'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(0).int32(1 << 20)));
    });
    fetched.int32();
    const [ft] = fetched.array((r) => ({ name: r.string(), parts: r.array((r) => ({ index: r.int32(), errorCode: r.int16(), hw: r.int64(), lso: r.int64(), aborted: r.array(() => 0), records: r.bytes() })) }));
    expect(ft.parts[0].errorCode).toBe(29);

    const listed = await ask(2, 1, (w) => w.int32(-1).array(['secret'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(-1))));
    const [lt] = listed.array((r) => ({ name: r.string(), parts: r.array((r) => ({ index: r.int32(), errorCode: r.int16(), ts: r.int64(), offset: r.int64() })) }));
    expect(lt.parts[0].errorCode).toBe(29);

    seam.refused.add('Topic:forbidden');
    const created = await ask(19, 1, (w) => {
      w.array(['forbidden'], (w, t) => w.string(t).int32(1).int16(-1).array([], () => {}).array([], () => {}));
      w.int32(1000).boolean(false);
    });
    expect(created.array((r) => ({ name: r.string(), errorCode: r.int16(), message: r.nullableString() }))[0].errorCode).toBe(29);

    const deleted = await ask(20, 1, (w) => w.array(['secret'], (w, t) => w.string(t)).int32(1000));
    deleted.int32();
    expect(deleted.array((r) => ({ name: r.string(), errorCode: r.int16() }))[0].errorCode).toBe(29);

    const described = await ask(32, 1, (w) => w.array(['secret'], (w, t) => w.int8(2).string(t).nullableArray(null, () => {})).boolean(false));
    described.int32();
    expect(described.array((r) => ({ errorCode: r.int16(), message: r.nullableString(), type: r.int8(), name: r.string(), configs: r.array(() => 0) }))[0].errorCode).toBe(29);
    expect(seam.asked).toEqual(expect.arrayContaining(['Read Topic:secret', 'Describe Topic:secret', 'Create Topic:forbidden', 'Delete Topic:secret', 'DescribeConfigs Topic:secret']));
  });

  it('AlterConfigs and IncrementalAlterConfigs answer 29 for the refused topic', async () => {
    const altered = await ask(33, 0, (w) => w.array(['secret'], (w, t) => w.int8(2).string(t).array([['retention.ms', '1000']], (w, [n, v]) => w.string(n).nullableString(v))).boolean(false));
    altered.int32();
    expect(altered.array((r) => ({ errorCode: r.int16(), message: r.nullableString(), type: r.int8(), name: r.string() }))[0]).toMatchObject({ errorCode: 29, name: 'secret' });
    const incremental = await ask(44, 0, (w) => w.array(['secret'], (w, t) => w.int8(2).string(t).array([['retention.ms', '1000']], (w, [n, v]) => w.string(n).int8(0).nullableString(v))).boolean(false));
    incremental.int32();
    expect(incremental.array((r) => ({ errorCode: r.int16(), message: r.nullableString(), type: r.int8(), name: r.string() }))[0]).toMatchObject({ errorCode: 29, name: 'secret' });
    expect(seam.asked.filter((a) => a === 'AlterConfigs Topic:secret')).toHaveLength(2);
    const config = await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/topics/secret/configs/retention.ms`, undefined, env.restAuth);
    expect(config.body.is_default).toBe(true);
  });

  it('DeleteRecords answers 29 for the refused topic, after asking Delete', async () => {
    seam.asked.length = 0;
    const r = await ask(21, 0, (w) => w.array(['secret'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(-1))).int32(1000));
    r.int32();
    const [result] = r.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ index: r.int32(), lowWatermark: r.int64(), errorCode: r.int16() })) }));
    expect(result.partitions).toEqual([{ index: 0, lowWatermark: -1, errorCode: 29 }]);
    expect(seam.asked).toContain('Delete Topic:secret');
  });

  it('OffsetDelete answers 30 for a refused group and 29 for a refused topic', async () => {
    seam.refused.add('Group:locked');
    try {
      const locked = await ask(47, 0, (w) => w.string('locked').array(['open'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p))));
      expect(locked.int16()).toBe(30);
      const commit = await ask(8, 2, (w) => w.string('free').int32(-1).string('').int64(-1).array(['open'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(1).nullableString(null))));
      expect(commit.array((r) => [r.string(), r.array((r) => [r.int32(), r.int16()])])).toEqual([['open', [[0, 0]]]]);
      const open = await ask(47, 0, (w) => w.string('free').array(['secret'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p))));
      open.int16();
      open.int32();
      expect(open.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ index: r.int32(), errorCode: r.int16() })) }))).toEqual([{ name: 'secret', partitions: [{ index: 0, errorCode: 29 }] }]);
    } finally {
      seam.refused.delete('Group:locked');
    }
    expect(seam.asked).toEqual(expect.arrayContaining(['Delete Group:locked', 'Read Topic:secret']));
  });

  it('InitProducerId answers CLUSTER_AUTHORIZATION_FAILED when the cluster refuses idempotent writes', async () => {
    seam.refused.add('Cluster:*');
    try {
      const r = await ask(22, 0, (w) => w.nullableString(null).int32(60000));
      r.int32();
      expect(r.int16()).toBe(31);
    } finally {
      seam.refused.delete('Cluster:*');
    }
    expect(seam.asked).toContain('IdempotentWrite Cluster:kafka-cluster');
  });
});
