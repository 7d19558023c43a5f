import { createHash } from 'node:crypto';
import type { BusinessMetadataRow, EntityKey, EntityRow, TagRow } from '../../store/catalog.js';
import type { ResourceRow } from '../../store/resources.js';
import { repositoriesOf } from '../../engine/repository.js';
import { KAFKA_CLUSTER } from '../kafka/cluster.js';
import { qualifiedSubject } from '../schema-registry/contexts.js';
import { avroRecords } from './avro-records.js';
import type { CatalogScope } from './scope.js';

/** The entity types the emulator's catalog holds, and the abstract one every type extends. */
export const ENTITY_TYPES = ['cf_environment', 'kafka_logical_cluster', 'kafka_topic', 'sr_subject_version', 'sr_schema', 'sr_record', 'sr_field'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const ANY_ENTITY = 'cf_entity';
export const isEntityType = (t: string): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t);

/** Attributes the user sets (PUT /catalog/v1/entity); every entity type has them. */
export const USER_ATTRIBUTES = ['description', 'owner', 'ownerEmail'] as const;

export type EntityStatus = 'ACTIVE' | 'DELETED';

/** An entity as Schema Registry and Kafka state make it, before the catalog's own additions. */
export interface DerivedEntity {
  typeName: EntityType;
  qualifiedName: string;
  /**
   * Tells this entity from an earlier one of the same name (a topic deleted and created again,
   * a schema id given to another schema): what the catalog kept of another incarnation is stale.
   */
  incarnation: string;
  status: EntityStatus;
  /** The derived attributes: `qualifiedName`, `name` and those of the type. */
  attributes: Record<string, unknown>;
  createTime: number;
}

const keyOf = (e: { typeName: string; qualifiedName: string }): EntityKey => ({ type_name: e.typeName, qualified_name: e.qualifiedName });

/**
 * The entities of one catalog, derived on read: the environment, its Kafka clusters and their
 * topics, and the Schema Registry cluster's subject versions, schemas, and Avro records and fields.
 * Each type is enumerated once per index, when first asked for.
 */
export class EntityIndex {
  private readonly byType = new Map<EntityType, Map<string, DerivedEntity>>();

  constructor(readonly s: CatalogScope) {}

  resolve(typeName: string, qualifiedName: string): DerivedEntity | undefined {
    return isEntityType(typeName) ? this.ofType(typeName).get(qualifiedName) : undefined;
  }

  all(types: readonly EntityType[] = ENTITY_TYPES): DerivedEntity[] {
    return types.flatMap((t) => [...this.ofType(t).values()]);
  }

  ofType(t: EntityType): Map<string, DerivedEntity> {
    let m = this.byType.get(t);
    if (!m) {
      m = new Map(this.derive(t).map((e) => [e.qualifiedName, e]));
      this.byType.set(t, m);
    }
    return m;
  }

  private kafkaClusters(): ResourceRow[] {
    return repositoriesOf(this.s.rt).of(KAFKA_CLUSTER).list({ org: this.s.org, scope: this.s.env, limit: 1_000_000 });
  }

  private derive(t: EntityType): DerivedEntity[] {
    const { rt, cluster, clusterRow } = this.s;
    const entity = (typeName: EntityType, qualifiedName: string, name: string, more: Record<string, unknown>, o: { incarnation?: string; status?: EntityStatus; createTime?: number } = {}): DerivedEntity => ({
      typeName,
      qualifiedName,
      incarnation: o.incarnation ?? '',
      status: o.status ?? 'ACTIVE',
      attributes: { qualifiedName, name, ...more },
      createTime: o.createTime ?? clusterRow.created_at,
    });
    switch (t) {
      case 'cf_environment': {
        const env = repositoriesOf(rt).of('Environment').get(this.s.org, this.s.env);
        return env ? [entity(t, env.id, String(env.body.display_name ?? env.id), {}, { createTime: env.created_at })] : [];
      }
      case 'kafka_logical_cluster':
        return this.kafkaClusters().map((c) => entity(t, c.id, String((c.body.spec as Record<string, unknown> | undefined)?.display_name ?? c.id), {}, { createTime: c.created_at }));
      case 'kafka_topic':
        return this.kafkaClusters().flatMap((c) =>
          rt.kafka.topics(c.id).map((topic) =>
            entity(t, `${cluster}:${c.id}:${topic.name}`, topic.name, { partitionsCount: topic.partitions, replicationFactor: topic.replication_factor }, { incarnation: topic.topic_id, createTime: topic.created_at }),
          ),
        );
      case 'sr_subject_version':
        return rt.schemaRegistry.allVersions(cluster).map((v) => {
          const q = qualifiedSubject(v.subject);
          return entity(t, `${cluster}:${q.context}:${q.name}:${v.version}`, q.name, { version: v.version, context: q.context, schemaId: v.schema_id }, { incarnation: String(v.schema_id), status: v.deleted ? 'DELETED' : 'ACTIVE' });
        });
      case 'sr_schema':
        return this.schemas().map((x) => entity(t, x.qualifiedName, String(x.id), { id: x.id, context: x.context, schemaType: x.schemaType }, { incarnation: x.fingerprint, status: x.status }));
      case 'sr_record':
        return this.schemas().flatMap((x) =>
          x.records().map((r) => entity(t, `${x.qualifiedName}:${r.fullName}`, r.name, { ...(r.namespace ? { namespace: r.namespace } : {}), ...(r.doc ? { doc: r.doc } : {}) }, { incarnation: x.fingerprint, status: x.status })),
        );
      case 'sr_field':
        return this.schemas().flatMap((x) =>
          x.records().flatMap((r) =>
            r.fields.map((f) => entity(t, `${x.qualifiedName}:${r.fullName}.${f.name}`, f.name, { type: f.type, ...(f.doc ? { doc: f.doc } : {}) }, { incarnation: x.fingerprint, status: x.status })),
          ),
        );
    }
  }

  private schemaList?: Array<{ qualifiedName: string; id: number; context: string; schemaType: string; fingerprint: string; status: EntityStatus; records: () => ReturnType<typeof avroRecords> }>;

  /** The schemas of every context; a schema only soft-deleted versions use is DELETED. */
  private schemas() {
    if (!this.schemaList) {
      const { rt, cluster } = this.s;
      const live = new Set(
        rt.schemaRegistry
          .allVersions(cluster)
          .filter((v) => !v.deleted)
          .map((v) => `${qualifiedSubject(v.subject).context}:${v.schema_id}`),
      );
      this.schemaList = rt.schemaRegistry.schemaIdentities(cluster).map((s) => {
        let records: ReturnType<typeof avroRecords> | undefined;
        return {
          qualifiedName: `${cluster}:${s.context}:${s.id}`,
          id: s.id,
          context: s.context,
          schemaType: s.schema_type,
          fingerprint: s.fingerprint,
          status: live.has(`${s.context}:${s.id}`) ? 'ACTIVE' : 'DELETED',
          records: () => (records ??= s.schema_type === 'AVRO' ? avroRecords(s.schema) : []),
        };
      });
    }
    return this.schemaList;
  }
}

/** An entity's id: stable for one incarnation of one entity of one catalog, shaped as a UUID. */
export function guidOf(cluster: string, e: DerivedEntity): string {
  const h = createHash('sha1').update(`${cluster}\n${e.typeName}\n${e.qualifiedName}\n${e.incarnation}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An entity with what the catalog keeps of it: its row, tags and business metadata. */
export interface LiveEntity {
  derived: DerivedEntity;
  guid: string;
  row?: EntityRow;
  tags: TagRow[];
  businessMetadata: BusinessMetadataRow[];
}

/**
 * What the catalog keeps of an entity, for this incarnation only: rows written for an earlier
 * entity of the same name are ignored here and dropped by the next write (ensureEntity).
 */
export function liveEntity(s: CatalogScope, derived: DerivedEntity): LiveEntity {
  const key = keyOf(derived);
  const row = s.rt.catalog.entity(s.cluster, key);
  const guid = guidOf(s.cluster, derived);
  if (!row || row.incarnation !== derived.incarnation) return { derived, guid, tags: [], businessMetadata: [] };
  return { derived, guid, row, tags: s.rt.catalog.tags(s.cluster, key), businessMetadata: s.rt.catalog.businessMetadata(s.cluster, key) };
}

/** The catalog's row of an entity, written now if it has none (or only a stale one). */
export function ensureEntity(s: CatalogScope, derived: DerivedEntity): EntityRow {
  const key = keyOf(derived);
  const row = s.rt.catalog.entity(s.cluster, key);
  if (row && row.incarnation === derived.incarnation) return row;
  if (row) s.rt.catalog.forgetEntity(s.cluster, key);
  const fresh: EntityRow = {
    ...key,
    incarnation: derived.incarnation,
    guid: guidOf(s.cluster, derived),
    attributes: {},
    created_by: s.by,
    updated_by: s.by,
    created_at: derived.createTime,
    updated_at: derived.createTime,
    version: 0,
  };
  s.rt.catalog.saveEntity(s.cluster, fresh);
  return fresh;
}

/** Every attribute of an entity: derived ones, then the user's (null when unset). */
export function attributesOf(e: LiveEntity): Record<string, unknown> {
  const user = Object.fromEntries(USER_ATTRIBUTES.map((a) => [a, e.row?.attributes[a] ?? null]));
  return { ...e.derived.attributes, ...user };
}

/** A tag as an entity shows it (`classifications[]`). */
export function classificationOf(e: LiveEntity, t: TagRow): Record<string, unknown> {
  return { typeName: t.tag, attributes: t.body.attributes ?? {}, entityGuid: e.guid, entityStatus: e.derived.status, propagate: t.body.propagate ?? false, removePropagationsOnEntityDelete: t.body.removePropagationsOnEntityDelete ?? false, ...(t.body.validityPeriods ? { validityPeriods: t.body.validityPeriods } : {}) };
}

/** A tag as the tag operations answer it: the classification with its entity named. */
export function tagOf(e: LiveEntity, t: TagRow): Record<string, unknown> {
  return { ...classificationOf(e, t), entityType: e.derived.typeName, entityName: e.derived.qualifiedName };
}

export function businessMetadataOf(e: LiveEntity, b: BusinessMetadataRow): Record<string, unknown> {
  return { typeName: b.bm, attributes: b.attributes, entityType: e.derived.typeName, entityName: e.derived.qualifiedName };
}

/** The whole entity, as Read an Entity answers it. */
export function entityBody(e: LiveEntity, withRelationships: boolean): Record<string, unknown> {
  return {
    typeName: e.derived.typeName,
    attributes: attributesOf(e),
    guid: e.guid,
    status: e.derived.status,
    ...(e.row ? { createdBy: e.row.created_by, updatedBy: e.row.updated_by } : {}),
    createTime: e.row?.created_at ?? e.derived.createTime,
    updateTime: e.row?.updated_at ?? e.derived.createTime,
    version: e.row?.version ?? 0,
    isIncomplete: false,
    provenanceType: 0,
    ...(withRelationships ? { relationshipAttributes: {} } : {}),
    classifications: e.tags.map((t) => classificationOf(e, t)),
    businessAttributes: Object.fromEntries(e.businessMetadata.map((b) => [b.bm, b.attributes])),
    labels: [],
  };
}
