import { unprocessable } from '../../core/errors.js';
import type { Engine } from '../../engine/engine.js';
import type { ResourceRow } from '../../store/resources.js';
import { parseCrn } from './crn.js';
import { envRef, orgName } from './render.js';

/** What a share's resources name, checked against the organization's state. */
export interface Resolved {
  cluster: ResourceRow;
  env: string;
  topic: string;
  topicCrn: string;
  registry?: ResourceRow;
  subjects: string[];
}

/** Checks what `resources` name against the organization's clusters, topics and subjects (422). */
export function resolve(engine: Engine, org: string, crns: unknown): Resolved {
  const rt = engine.rt;
  if (!Array.isArray(crns) || crns.length === 0) throw unprocessable('resources must name a topic', '/resources');
  let found: Omit<Resolved, 'subjects' | 'registry'> | undefined;
  let registry: ResourceRow | undefined;
  const subjects: string[] = [];
  crns.forEach((raw, i) => {
    const pointer = `/resources/${i}`;
    const crn = String(raw);
    const parts = parseCrn(crn);
    if (!parts) throw unprocessable(`'${crn}' is not a CRN`, pointer);
    const orgPart = parts.get('organization');
    if (orgPart !== undefined && orgPart !== org) throw unprocessable(`'${crn}' names another organization`, pointer);
    const envPart = parts.get('environment');
    const srPart = parts.get('schema-registry');
    if (parts.has('topic')) {
      if (found) throw unprocessable('A share names exactly one topic', pointer);
      const kafka = parts.get('kafka');
      const cloudCluster = parts.get('cloud-cluster');
      if (kafka && cloudCluster && kafka !== cloudCluster) throw unprocessable(`'${crn}' names two different clusters`, pointer);
      const clusterId = kafka ?? cloudCluster;
      const cluster = clusterId ? engine.repository('KafkaCluster').get(org, clusterId) : undefined;
      if (!cluster) throw unprocessable(`The Kafka cluster '${clusterId ?? ''}' of '${crn}' does not exist`, pointer);
      if (envPart !== undefined && envPart !== cluster.scope) throw unprocessable(`The Kafka cluster '${cluster.id}' is not in the environment '${envPart}'`, pointer);
      if (srPart !== undefined) {
        const sr = engine.repository('SchemaRegistryCluster').get(org, srPart);
        if (!sr || sr.scope !== cluster.scope) throw unprocessable(`The Schema Registry cluster '${srPart}' does not exist in the environment '${cluster.scope}'`, pointer);
      }
      const topic = parts.get('topic')!;
      if (!rt.kafka.topic(cluster.id, topic)) throw unprocessable(`The topic '${topic}' does not exist in the Kafka cluster '${cluster.id}'`, pointer);
      found = { cluster, env: cluster.scope, topic, topicCrn: crn };
    } else if (parts.has('subject')) {
      const sr = srPart ? engine.repository('SchemaRegistryCluster').get(org, srPart) : undefined;
      if (!sr) throw unprocessable(`The Schema Registry cluster '${srPart ?? ''}' of '${crn}' does not exist`, pointer);
      if (envPart !== undefined && envPart !== sr.scope) throw unprocessable(`The Schema Registry cluster '${sr.id}' is not in the environment '${envPart}'`, pointer);
      if (registry && registry.id !== sr.id) throw unprocessable('The subjects of a share belong to one Schema Registry cluster', pointer);
      const subject = parts.get('subject')!;
      if (!rt.schemaRegistry.versions(sr.id, subject).some((v) => !v.deleted)) {
        throw unprocessable(`The subject '${subject}' does not exist in the Schema Registry cluster '${sr.id}'`, pointer);
      }
      registry = sr;
      if (!subjects.includes(subject)) subjects.push(subject);
    } else {
      throw unprocessable(`'${crn}' names neither a topic nor a Schema Registry subject`, pointer);
    }
  });
  if (!found) throw unprocessable('resources must name a topic', '/resources');
  if (registry && registry.scope !== found.env) throw unprocessable('The subjects must belong to the Schema Registry cluster of the topic\'s environment', '/resources');
  return { ...found, registry, subjects };
}

/** The latest live version of each subject, as `schemas` shows them. */
export function schemasOf(engine: Engine, r: Resolved) {
  if (!r.registry) return [];
  return r.subjects.flatMap((subject) => {
    const live = engine.rt.schemaRegistry.versionsWithSchemas(r.registry!.id, subject).filter((v) => !v.deleted);
    const v = live[live.length - 1];
    return v ? [{ subject, version: v.version, id: v.schema_id, schema_type: v.stored.schema_type || 'AVRO', schema: v.stored.schema }] : [];
  });
}

/** The fields of a provider shared resource that follow from what it shares. */
export function derivedFields(engine: Engine, org: string, r: Resolved, baseUrl: string): Record<string, unknown> {
  return {
    crn: r.topicCrn,
    schemas: schemasOf(engine, r),
    cloud_cluster: envRef(engine, r.cluster, baseUrl),
    cluster_name: String((r.cluster.body as any).spec?.display_name ?? r.cluster.id),
    organization_name: orgName(engine, org),
    environment_name: String(engine.repository('Environment').get(org, r.env)?.body.display_name ?? r.env),
  };
}
