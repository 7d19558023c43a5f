import type avro from 'avsc';
import type { Runtime } from '../../runtime.js';
import { Registry } from '../schema-registry/registry.js';
import { SR_CLUSTER } from '../srcm/clusters.js';
import { KAFKA_CLUSTER } from './cluster.js';
import { kafkaError } from './errors.js';


/** Confluent's wire format: a zero magic byte and the schema id (4 bytes, big-endian) before the Avro binary. */
const MAGIC = 0;
const HEADER = 5;

/**
 * Avro keys and values of the Kafka data planes, through the emulator's Schema Registry: the
 * Schema Registry cluster of the Kafka cluster's environment registers and resolves the schemas,
 * and records carry Confluent's wire format, so clients reading them elsewhere decode them.
 */
export class AvroSerde {
  private readonly types = new Map<string, avro.Type>();

  constructor(private readonly rt: Runtime) {}

  /** The Schema Registry of a Kafka cluster: the one in the cluster's environment (408 40801 when there is none). */
  registryFor(org: string, kafkaCluster: string): Registry {
    const cluster = this.rt.resources.get(org, KAFKA_CLUSTER, kafkaCluster);
    const sr = cluster && this.rt.resources.list({ org, type: SR_CLUSTER, scope: cluster.scope, filters: [], limit: 1 })[0];
    if (!sr) throw kafkaError(408, 40801, 'Schema registration or lookup failed: the environment of this Kafka cluster has no Schema Registry cluster');
    return new Registry(this.rt, sr.id);
  }

  /** The schema to write with: `schema` registered under `subject`, or the schema of `id`. */
  schemaId(registry: Registry, subject: string, schema: string | undefined, id: number | undefined): number {
    if (id !== undefined && id !== null) {
      registry.schema(id);
      return id;
    }
    if (schema === undefined || schema === null) throw kafkaError(422, subject.endsWith('-key') ? 42201 : 42202, `Records with Avro ${subject.endsWith('-key') ? 'keys' : 'values'} need a schema or a schema id`);
    try {
      return registry.register(subject, { schema, schemaType: 'AVRO' });
    } catch (err) {
      throw kafkaError(422, 42205, `Invalid schema: ${(err as Error).message}`);
    }
  }

  private typeOf(registry: Registry, id: number): avro.Type {
    const key = `${registry.cluster}/${id}`;
    let type = this.types.get(key);
    if (!type) {
      const stored = registry.schema(id);
      type = registry.parse({ schema: stored.schema, schemaType: stored.schema_type, references: stored.references }).avro!;
      this.types.set(key, type);
    }
    return type;
  }

  /** Encodes a value given in Avro's JSON encoding (unions wrapped, as REST Proxy takes them). */
  encode(registry: Registry, id: number, value: unknown): Buffer {
    let body: Buffer;
    try {
      const type = this.typeOf(registry, id);
      body = type.toBuffer(type.fromString(JSON.stringify(value)));
    } catch (err) {
      throw kafkaError(422, 42205, `The data does not match schema ${id}: ${(err as Error).message}`);
    }
    const header = Buffer.alloc(HEADER);
    header.writeUInt8(MAGIC, 0);
    header.writeUInt32BE(id, 1);
    return Buffer.concat([header, body]);
  }

  /** Decodes wire-format bytes into Avro's JSON encoding. */
  decode(registry: Registry, bytes: Buffer): unknown {
    if (bytes.length < HEADER || bytes.readUInt8(0) !== MAGIC) throw kafkaError(500, 50002, 'A record is not in the Schema Registry wire format and cannot be read by an avro consumer');
    const type = this.typeOf(registry, bytes.readUInt32BE(1));
    return JSON.parse(type.toString(type.fromBuffer(bytes.subarray(HEADER))));
  }
}
