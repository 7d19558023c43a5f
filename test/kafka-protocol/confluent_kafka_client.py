"""confluent-kafka-python (librdkafka) against the emulator's Kafka listener, driven by
librdkafka.test.ts: one scenario per run, its findings printed as one JSON object on stdout.

usage: python3 confluent_kafka_client.py SCENARIO BOOTSTRAP KEY SECRET CA_FILE TOPIC
"""
import json
import sys
import time

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource, NewPartitions, NewTopic

scenario, bootstrap, key, secret, ca_file, topic = sys.argv[1:7]

common = {
    'bootstrap.servers': bootstrap,
    'security.protocol': 'SASL_SSL',
    'ssl.ca.location': ca_file,
    'sasl.mechanisms': 'PLAIN',
    'sasl.username': key,
    'sasl.password': secret,
}


def wait_all(futures, timeout=15):
    """The result of each future by its key, or the error's name."""
    out = {}
    for name, f in futures.items():
        try:
            f.result(timeout=timeout)
            out[str(name)] = 'ok'
        except KafkaException as e:
            out[str(name)] = e.args[0].name()
    return out


def admin_scenario():
    admin = AdminClient(common)
    found = {}
    found['create'] = wait_all(admin.create_topics([NewTopic(topic, 3, 3, config={'retention.ms': '3600000'})], request_timeout=15))
    found['create_again'] = wait_all(admin.create_topics([NewTopic(topic, 3, 3)], request_timeout=15))
    found['bad_replication'] = wait_all(admin.create_topics([NewTopic(topic + '-rf', 1, 2)], request_timeout=15))
    found['create_partitions'] = wait_all(admin.create_partitions([NewPartitions(topic, 4)], request_timeout=15))
    md = admin.list_topics(timeout=15)
    found['cluster_id'] = md.cluster_id
    found['controller_id'] = md.controller_id
    found['brokers'] = [f'{b.host}:{b.port}' for b in md.brokers.values()]
    found['partitions'] = len(md.topics[topic].partitions)
    resource = ConfigResource('topic', topic)
    configs = admin.describe_configs([resource], request_timeout=15)[resource].result(timeout=15)
    found['retention_ms'] = configs['retention.ms'].value
    found['cleanup_policy'] = configs['cleanup.policy'].value
    # AlterConfigs (not incremental): the configs given replace the topic's set ones.
    altered = ConfigResource('topic', topic, set_config={'retention.ms': '7200000', 'max.message.bytes': '100000'})
    found['alter'] = wait_all(admin.alter_configs([altered], request_timeout=15))
    configs = admin.describe_configs([resource], request_timeout=15)[resource].result(timeout=15)
    found['retention_ms_after'] = configs['retention.ms'].value
    found['max_message_bytes_after'] = configs['max.message.bytes'].value
    bad = ConfigResource('topic', topic, set_config={'no.such.config': '1'})
    found['alter_unknown'] = wait_all(admin.alter_configs([bad], request_timeout=15))
    found['groups_listed'] = isinstance(admin.list_groups(timeout=15), list)
    found['delete'] = wait_all(admin.delete_topics([topic], request_timeout=15))
    found['delete_again'] = wait_all(admin.delete_topics([topic], request_timeout=15))
    found['listed_after_delete'] = topic in admin.list_topics(timeout=15).topics
    return found


def produce_consume_scenario():
    found = {}
    delivered = []
    errors = []

    def on_delivery(err, msg):
        if err is not None:
            errors.append(err.name())
        else:
            delivered.append((msg.partition(), msg.offset()))

    # librdkafka 2.x does not enable idempotence by default (the Java client does): ask for it.
    producer = Producer({**common, 'enable.idempotence': True, 'compression.type': 'zstd', 'linger.ms': 5})
    for i in range(30):
        producer.produce(topic, key=f'key-{i % 5}', value=f'value-{i}', headers=[('n', str(i).encode())], on_delivery=on_delivery)
    producer.flush(15)
    found['delivered'] = len(delivered)
    found['delivery_errors'] = errors

    def consume(expect, group='py-group'):
        consumer = Consumer({**common, 'group.id': group, 'auto.offset.reset': 'earliest', 'enable.auto.commit': False, 'session.timeout.ms': 6000})
        consumer.subscribe([topic])
        got = []
        deadline = time.time() + 20
        while len(got) < expect and time.time() < deadline:
            msg = consumer.poll(0.5)
            if msg is None:
                continue
            if msg.error():
                got.append({'error': msg.error().name()})
                continue
            got.append({'key': msg.key().decode(), 'value': msg.value().decode(), 'headers': [[k, v.decode()] for k, v in (msg.headers() or [])]})
        consumer.commit(asynchronous=False)
        committed = consumer.committed([TopicPartition(topic, p) for p in range(3)], timeout=10)
        consumer.close()
        return got, sum(tp.offset for tp in committed if tp.offset >= 0)

    got, committed = consume(20)
    found['first_read'] = len(got)
    found['first_sample'] = got[0] if got else None
    found['committed'] = committed
    # A second consumer of the same group resumes from the committed offsets.
    producer.produce(topic, key='late', value='late')
    producer.flush(15)
    rest, committed_after = consume(31 - committed)
    found['second_read'] = len(rest)
    found['committed_after'] = committed_after
    found['all_values'] = sorted(m['value'] for m in got + rest if 'value' in m)
    return found


def transactions_scenario():
    """A transactional producer: a committed transaction with consumer offsets, an aborted one,
    and what read_committed and read_uncommitted consumers then read."""
    found = {}
    producer = Producer({**common, 'transactional.id': topic + '-tx', 'transaction.timeout.ms': 60000})
    producer.init_transactions(15)
    producer.begin_transaction()
    producer.produce(topic, value='committed-1')
    producer.produce(topic, value='committed-2')
    group = Consumer({**common, 'group.id': topic + '-group', 'enable.auto.commit': False})
    producer.send_offsets_to_transaction([TopicPartition(topic, 0, 1)], group.consumer_group_metadata(), 15)
    producer.commit_transaction(15)
    found['committed_offset'] = group.committed([TopicPartition(topic, 0)], timeout=10)[0].offset
    group.close()
    producer.begin_transaction()
    producer.produce(topic, value='aborted-1')
    producer.flush(15)
    producer.abort_transaction(15)
    producer.begin_transaction()
    producer.produce(topic, value='committed-3')
    producer.commit_transaction(15)

    def read(isolation):
        consumer = Consumer({**common, 'group.id': topic + '-' + isolation, 'auto.offset.reset': 'earliest', 'isolation.level': isolation, 'enable.partition.eof': True})
        consumer.assign([TopicPartition(topic, 0, 0)])
        got = []
        deadline = time.time() + 20
        while time.time() < deadline:
            msg = consumer.poll(0.5)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    break
                got.append('error: ' + msg.error().name())
                continue
            got.append([msg.offset(), msg.value().decode()])
        consumer.close()
        return got

    found['read_committed'] = read('read_committed')
    found['read_uncommitted'] = read('read_uncommitted')
    return found


scenarios = {'admin': admin_scenario, 'produce-consume': produce_consume_scenario, 'transactions': transactions_scenario}
print(json.dumps(scenarios[scenario]()))
