import { repositoriesOf } from '../../../engine/repository.js';
import type { Runtime } from '../../../runtime.js';
import { Registry } from '../../schema-registry/registry.js';
import type { SchemaType } from '../../schema-registry/formats.js';
import { SR_CLUSTER } from '../../srcm/clusters.js';
import { KAFKA_CLUSTER } from '../cluster.js';
import { kafkaError } from '../errors.js';
import { avroCodec } from './avro.js';
import type { Codec, SchemaSource } from './codec.js';
import { jsonSchemaCodec } from './json-schema.js';
import { protobufCodec } from './protobuf.js';

/** Confluent's wire format: a zero magic byte and the schema id (4 bytes, big-endian) before the body. */
const MAGIC = 0;
const HEADER = 5;

const CODECS: Record<SchemaType, (source: SchemaSource) => Codec> = { AVRO: avroCodec, JSON: jsonSchemaCodec, PROTOBUF: protobufCodec };

/** How each API names the Schema Registry formats: Kafka REST v3 types and REST Proxy v2 embedded formats. */
export const SCHEMA_TYPE_OF: Record<string, SchemaType> = { AVRO: 'AVRO', JSONSCHEMA: 'JSON', PROTOBUF: 'PROTOBUF', avro: 'AVRO', jsonschema: 'JSON', protobuf: 'PROTOBUF' };
export const V3_TYPE_OF: Record<SchemaType, string> = { AVRO: 'AVRO', JSON: 'JSONSCHEMA', PROTOBUF: 'PROTOBUF' };

/**
 * Schema-based keys and values of the Kafka data planes (Avro, JSON Schema, Protobuf), through
 * the emulator's Schema Registry: the Schema Registry cluster of the Kafka cluster's environment
 * registers and resolves the schemas, and records carry Confluent's wire format, so clients
 * reading them elsewhere decode them.
 */
export class SchemaSerde {
  private readonly codecs = new Map<string, Codec>();

  constructor(private readonly rt: Runtime) {}

  /** The Schema Registry of a Kafka cluster: the one in the cluster's environment (408 40801 when there is none). */
  registryFor(org: string, kafkaCluster: string): Registry {
    const cluster = repositoriesOf(this.rt).of(KAFKA_CLUSTER).get(org, kafkaCluster);
    const sr = cluster && repositoriesOf(this.rt).of(SR_CLUSTER).list({ org, scope: cluster.scope, limit: 1 })[0];
    if (!sr) throw kafkaError(408, 40801, 'Schema registration or lookup failed: the environment of this Kafka cluster has no Schema Registry cluster');
    return new Registry(this.rt, sr.id);
  }

  /** The schema to write with: the schema of `id` (which must be of `type`), or `schema` registered under `subject`. */
  schemaId(registry: Registry, subject: string, type: SchemaType, schema: string | undefined, id: number | undefined): number {
    const field = subject.endsWith('-key') ? 'key' : 'value';
    if (id !== undefined && id !== null) {
      const stored = registry.schema(id);
      if (stored.schema_type !== type) throw kafkaError(422, field === 'key' ? 42201 : 42202, `Schema ${id} is a ${stored.schema_type} schema, not ${type}`);
      return id;
    }
    if (schema === undefined || schema === null) throw kafkaError(422, field === 'key' ? 42201 : 42202, `Records with ${type} ${field}s need a schema or a schema id`);
    try {
      return registry.register(subject, { schema, schemaType: type });
    } catch (err) {
      throw kafkaError(422, 42205, `Invalid schema: ${(err as Error).message}`);
    }
  }

  /** The codec of a registered schema, with its references resolved (kept: a schema id never changes). */
  private codecOf(registry: Registry, id: number): { type: SchemaType; codec: Codec } {
    const stored = registry.schema(id);
    const type = stored.schema_type as SchemaType;
    const key = `${registry.cluster}/${id}`;
    let codec = this.codecs.get(key);
    if (!codec) {
      const references = stored.references.map((ref) => ({ name: ref.name, schema: registry.schema(registry.version(ref.subject, String(ref.version), true).schema_id).schema }));
      codec = CODECS[type]({ schema: stored.schema, references });
      this.codecs.set(key, codec);
    }
    return { type, codec };
  }

  /** Encodes a key or value given in its JSON form into the wire format, with the schema of `id`. */
  encode(registry: Registry, id: number, value: unknown): Buffer {
    let body: Buffer;
    try {
      body = this.codecOf(registry, id).codec.encode(value);
    } catch (err) {
      throw kafkaError(422, 42205, `The data does not match schema ${id}: ${(err as Error).message}`);
    }
    const header = Buffer.alloc(HEADER);
    header.writeUInt8(MAGIC, 0);
    header.writeUInt32BE(id, 1);
    return Buffer.concat([header, body]);
  }

  /** Decodes wire-format bytes written with a schema of `type` into their JSON form. */
  decode(registry: Registry, type: SchemaType, bytes: Buffer): unknown {
    const unreadable = (why: string) => kafkaError(500, 50002, `A record cannot be read by a ${V3_TYPE_OF[type].toLowerCase()} consumer: ${why}`);
    if (bytes.length < HEADER || bytes.readUInt8(0) !== MAGIC) throw unreadable('it is not in the Schema Registry wire format');
    let found: ReturnType<SchemaSerde['codecOf']>;
    try {
      found = this.codecOf(registry, bytes.readUInt32BE(1));
    } catch (err) {
      throw unreadable((err as Error).message);
    }
    if (found.type !== type) throw unreadable(`it was written with a ${found.type} schema`);
    try {
      return found.codec.decode(bytes.subarray(HEADER));
    } catch (err) {
      throw unreadable((err as Error).message);
    }
  }
}
