"""kafka-python (a pure-Python client, its own protocol code: neither librdkafka nor kafkajs)
against the emulator's Kafka listener, driven by kafka-python.test.ts: one scenario per run, its
findings printed as one JSON object on stdout.

usage: python3 kafka_python_client.py SCENARIO BOOTSTRAP KEY SECRET CA_FILE TOPIC
"""
import json
import socket
import sys

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic
from kafka.conn import BrokerConnection
from kafka.errors import KafkaError

scenario, bootstrap, key, secret, ca_file, topic = sys.argv[1:7]

common = {
    'bootstrap_servers': bootstrap,
    'security_protocol': 'SASL_SSL',
    'ssl_cafile': ca_file,
    'sasl_mechanism': 'PLAIN',
    'sasl_plain_username': key,
    'sasl_plain_password': secret,
    'request_timeout_ms': 15000,
}

COUNT = 30


def error_name(e):
    return type(e).__name__


def data_scenario():
    found = {}
    admin = KafkaAdminClient(**common)
    try:
        admin.create_topics([NewTopic(topic, 3, 3)])
        found['create'] = 'ok'
    except KafkaError as e:
        found['create'] = error_name(e)
    try:
        admin.create_topics([NewTopic(topic, 3, 3)])
        found['create_again'] = 'ok'
    except KafkaError as e:
        found['create_again'] = error_name(e)
    admin.close()

    producer = KafkaProducer(acks='all', compression_type='gzip', **common)
    futures = [producer.send(topic, key=f'key-{i}'.encode(), value=f'value-{i}'.encode(), headers=[('n', str(i).encode())]) for i in range(COUNT)]
    producer.flush()
    sent = []
    for i, f in enumerate(futures):
        md = f.get(timeout=15)
        sent.append({'key': f'key-{i}', 'partition': md.partition, 'offset': md.offset})
    found['sent'] = sent
    producer.close()

    consumer = KafkaConsumer(topic, group_id='kafka-python-group', auto_offset_reset='earliest', enable_auto_commit=False, **common)
    received = []
    for _ in range(60):
        for records in consumer.poll(timeout_ms=500).values():
            for r in records:
                received.append({
                    'key': r.key.decode(), 'value': r.value.decode(), 'partition': r.partition, 'offset': r.offset,
                    'headers': [[k, v.decode()] for k, v in r.headers],
                })
        if len(received) >= COUNT:
            break
    found['received'] = received
    consumer.commit()
    found['committed'] = {str(p): consumer.committed(TopicPartition(topic, p)) for p in range(3)}
    consumer.close()
    return found


def wrong_secret_scenario():
    """One broker connection with a wrong password: the error it closes with."""
    host, port = bootstrap.rsplit(':', 1)
    config = {k: v for k, v in common.items() if k != 'bootstrap_servers'}
    # A bare connection does not probe the broker's version as the clients do: say which to speak.
    conn = BrokerConnection(host, int(port), socket.AF_UNSPEC, **{**config, 'sasl_plain_password': 'wrong', 'api_version': (2, 0, 0)})
    errors = []
    close = conn.close

    def recording_close(error=None):
        if error is not None:
            errors.append(f'{error_name(error)}: {error}')
        return close(error)

    conn.close = recording_close
    connected = conn.connect_blocking(timeout=15)
    return {'connected': connected, 'errors': errors}


print(json.dumps({'data': data_scenario, 'wrong-secret': wrong_secret_scenario}[scenario]()))
