/**
 * librdkafka against a listening emulator: Debian's kcat and confluent-kafka-python (run with the
 * system's /usr/bin/python3). Each part skips, saying why, when its tool is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTopics, startKafkaEnv, type KafkaEnv } from './support.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./confluent_kafka_client.py', import.meta.url));

function works(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const hasKcat = works('kcat', ['-V']);
const hasConfluentKafka = existsSync(PYTHON) && works(PYTHON, ['-c', 'import confluent_kafka']);
if (!hasKcat) console.warn('librdkafka tests: kcat is not installed (apt-get install kcat): its tests are skipped');
if (!hasConfluentKafka) console.warn('librdkafka tests: python3-confluent-kafka is not installed (apt-get install python3-confluent-kafka): its tests are skipped');

/** Runs a command with stdin, resolving stdout (rejecting with stderr on failure). */
function run(cmd: string, args: string[], input = '', timeout = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { timeout, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
    child.stdin!.end(input);
  });
}

describe.runIf(hasKcat || hasConfluentKafka)('Kafka protocol with librdkafka clients', () => {
  let env: KafkaEnv;
  let dir: string;
  let caFile: string;
  beforeAll(async () => {
    env = await startKafkaEnv();
    dir = mkdtempSync(join(tmpdir(), 'librdkafka-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, env.caPem);
  });
  afterAll(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const kcatArgs = (protocol: 'SASL_SSL' | 'SASL_PLAINTEXT') => [
    '-b', env.bootstrap,
    '-X', `security.protocol=${protocol}`,
    '-X', 'sasl.mechanisms=PLAIN',
    '-X', `sasl.username=${env.key}`,
    '-X', `sasl.password=${env.secret}`,
    ...(protocol === 'SASL_SSL' ? ['-X', `ssl.ca.location=${caFile}`] : []),
  ];

  describe.runIf(hasKcat)('kcat', () => {
    it('lists the broker, the cluster and its topics (kcat -L)', async () => {
      await createTopics(env, 'kcat-listed');
      const listing = JSON.parse(await run('kcat', [...kcatArgs('SASL_SSL'), '-L', '-J']));
      expect(listing.brokers).toEqual([{ id: 0, name: env.bootstrap }]);
      expect(listing.controllerid).toBe(0);
      const topic = listing.topics.find((t: any) => t.topic === 'kcat-listed');
      expect(topic.partitions).toHaveLength(1);
      expect(topic.partitions[0]).toMatchObject({ partition: 0, leader: 0 });
    });

    for (const protocol of ['SASL_SSL', 'SASL_PLAINTEXT'] as const) {
      it(`produces with every codec and consumes over ${protocol}`, async () => {
        const topic = `kcat-${protocol.toLowerCase()}`;
        await createTopics(env, topic);
        for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
          await run('kcat', [...kcatArgs(protocol), '-P', '-t', topic, '-K', ':', '-z', codec], `k-${codec}:${codec}-1\nk-${codec}:${codec}-2\n`);
        }
        const out = await run('kcat', [...kcatArgs(protocol), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%o %k %s\n']);
        expect(out.trim().split('\n')).toEqual(['none', 'gzip', 'snappy', 'lz4', 'zstd'].flatMap((c, i) => [`${2 * i} k-${c} ${c}-1`, `${2 * i + 1} k-${c} ${c}-2`]));
        // One set of records: REST v3 counts what kcat produced.
        const p = await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/topics/${topic}/partitions/0`, undefined, env.restAuth);
        expect(p.status).toBe(200);
      });
    }

    it('is refused with a wrong secret', async () => {
      const args = kcatArgs('SASL_PLAINTEXT').map((a) => (a === `sasl.password=${env.secret}` ? 'sasl.password=wrong' : a));
      await expect(run('kcat', [...args, '-L', '-m', '3'], '', 20_000)).rejects.toThrow(/Authentication failed|SASL/i);
    });
  });

  describe.runIf(hasConfluentKafka)('confluent-kafka-python', () => {
    const python = async (scenario: string, topic: string) => JSON.parse(await run(PYTHON, [SCRIPT, scenario, env.bootstrap, env.key, env.secret, caFile, topic], '', 90_000));

    it('administers topics with the AdminClient', async () => {
      const found = await python('admin', 'py-admin');
      expect(found.create).toEqual({ 'py-admin': 'ok' });
      expect(found.create_again).toEqual({ 'py-admin': 'TOPIC_ALREADY_EXISTS' });
      expect(found.bad_replication).toEqual({ 'py-admin-rf': 'INVALID_REPLICATION_FACTOR' });
      expect(found.create_partitions).toEqual({ 'py-admin': 'ok' });
      expect(found.cluster_id).toBe(env.clusterId);
      expect(found.controller_id).toBe(0);
      expect(found.brokers).toEqual([env.bootstrap]);
      expect(found.partitions).toBe(4);
      expect(found.retention_ms).toBe('3600000');
      expect(found.cleanup_policy).toBe('delete');
      expect(Object.values(found.alter)).toEqual(['ok']);
      expect(found.retention_ms_after).toBe('7200000');
      expect(found.max_message_bytes_after).toBe('100000');
      expect(Object.values(found.alter_unknown)).toEqual(['INVALID_CONFIG']);
      expect(found.groups_listed).toBe(true);
      expect(found.delete).toEqual({ 'py-admin': 'ok' });
      expect(found.delete_again).toEqual({ 'py-admin': 'UNKNOWN_TOPIC_OR_PART' });
      expect(found.listed_after_delete).toBe(false);
    });

    it('produces idempotently with zstd and consumes in a group that commits and resumes', async () => {
      const admin = env.kafka().admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: 'py-data', numPartitions: 3 }] });
      await admin.disconnect();
      const found = await python('produce-consume', 'py-data');
      expect(found.delivered).toBe(30);
      expect(found.delivery_errors).toEqual([]);
      expect(found.first_read).toBe(20);
      expect(found.first_sample.value).toMatch(/^value-\d+$/);
      expect(found.first_sample.headers).toEqual([['n', found.first_sample.value.slice('value-'.length)]]);
      expect(found.committed).toBe(20);
      expect(found.second_read).toBe(11);
      expect(found.committed_after).toBe(31);
      expect(found.all_values).toEqual(['late', ...Array.from({ length: 30 }, (_, i) => `value-${i}`)].sort());
      // The group is the one Kafka REST v3 lists, with the committed offsets.
      const lag = await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/consumer-groups/py-group/lags`, undefined, env.restAuth);
      expect(lag.status).toBe(200);
      expect(lag.body.data.reduce((n: number, l: any) => n + l.current_offset, 0)).toBe(31);
    });

    it('commits and aborts transactions; read_committed consumers skip the aborted one, offsets sent in a transaction are committed', async () => {
      await createTopics(env, 'py-tx');
      const found = await python('transactions', 'py-tx');
      expect(found.committed_offset).toBe(1);
      // Offsets 2 (COMMIT), 4 (ABORT) and 6 (COMMIT) are control records.
      expect(found.read_committed).toEqual([
        [0, 'committed-1'],
        [1, 'committed-2'],
        [5, 'committed-3'],
      ]);
      expect(found.read_uncommitted).toEqual([
        [0, 'committed-1'],
        [1, 'committed-2'],
        [3, 'aborted-1'],
        [5, 'committed-3'],
      ]);
    });
  });
});

if (!hasKcat && !hasConfluentKafka) {
  describe('Kafka protocol with librdkafka clients', () => {
    it.skip('skipped: neither kcat nor python3-confluent-kafka is installed', () => {});
  });
}
