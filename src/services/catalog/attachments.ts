import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { EntityKey } from '../../store/catalog.js';
import { checkAttributeValues } from './attributes.js';
import { businessMetadataOf, EntityIndex, ensureEntity, liveEntity, tagOf, type DerivedEntity } from './entities.js';
import { catalogError, eachItem, itemFailure } from './errors.js';
import { noContent, ok } from './reply.js';
import { catalogScope, type CatalogScope } from './scope.js';
import { applicableEntityTypes, tagEntityTypes } from './types.js';

type Json = Record<string, unknown>;

const keyOf = (e: DerivedEntity): EntityKey => ({ type_name: e.typeName, qualified_name: e.qualifiedName });
const describeEntity = (typeName: string, qualifiedName: string) => `Entity of type '${typeName}' with qualified name '${qualifiedName}'`;

/** The entity a bulk item names by `entityType` and `entityName`: 400 when unnamed, 404 when unknown. */
function itemEntity(index: EntityIndex, item: Json): DerivedEntity {
  const { entityType, entityName } = item;
  if (typeof entityType !== 'string' || !entityType || typeof entityName !== 'string' || !entityName) throw itemFailure(400, 'entityType and entityName are required');
  const e = index.resolve(entityType, entityName);
  if (!e) throw itemFailure(404, `${describeEntity(entityType, entityName)} not found`);
  return e;
}

/** The entity a path names: 404 when unknown. */
export function pathEntity(index: EntityIndex, ctx: RequestContext): DerivedEntity {
  const e = index.resolve(ctx.params.typeName, ctx.params.qualifiedName);
  if (!e) throw catalogError(404, `${describeEntity(ctx.params.typeName, ctx.params.qualifiedName)} not found`);
  return e;
}

function defOf(s: CatalogScope, kind: 'tag' | 'bm', item: Json): Json {
  const name = item.typeName;
  const label = kind === 'tag' ? 'Tag definition' : 'Business metadata definition';
  if (typeof name !== 'string' || !name) throw itemFailure(400, `typeName (the ${kind === 'tag' ? 'tag' : 'business metadata'} name) is required`);
  const def = s.rt.catalog.def(s.cluster, kind, name);
  if (!def) throw itemFailure(404, `${label} '${name}' not found`);
  return def;
}

/** Attribute values after an update: the values sent replace theirs, null removes one. */
function merged(current: Json, update: Json): Json {
  const out = { ...current, ...update };
  for (const [k, v] of Object.entries(out)) if (v === null) delete out[k];
  return out;
}

const withoutNulls = (values: Json) => merged({}, values);

/** The tag flags a request may set; those it leaves out keep their value (or default). */
function tagFlags(item: Json, current: Json = {}): Json {
  const out: Json = {};
  for (const k of ['propagate', 'removePropagationsOnEntityDelete', 'validityPeriods']) {
    const v = item[k] !== undefined ? item[k] : current[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out;
}

function attachTag(s: CatalogScope, index: EntityIndex, item: Json, updating: boolean): Json {
  const def = defOf(s, 'tag', item);
  const tag = String(def.name);
  const entity = itemEntity(index, item);
  const allowed = tagEntityTypes(def);
  if (allowed && !allowed.includes(entity.typeName)) throw itemFailure(400, `Tag '${tag}' cannot be applied to entity type '${entity.typeName}'; it applies to ${allowed.join(', ')}`);
  const current = liveEntity(s, entity).tags.find((t) => t.tag === tag);
  if (!updating && current) throw itemFailure(409, `${describeEntity(entity.typeName, entity.qualifiedName)} already has tag '${tag}'`);
  if (updating && !current) throw itemFailure(404, `${describeEntity(entity.typeName, entity.qualifiedName)} does not have tag '${tag}'`);
  checkAttributeValues(item.attributes, def, false);
  const attributes = merged((current?.body.attributes as Json | undefined) ?? {}, (item.attributes ?? {}) as Json);
  checkAttributeValues(attributes, def, true);
  ensureEntity(s, entity);
  const row = { ...keyOf(entity), tag, body: { attributes, ...tagFlags(item, current?.body) } };
  s.rt.catalog.saveTag(s.cluster, row);
  return tagOf(liveEntity(s, entity), row);
}

function attachBusinessMetadata(s: CatalogScope, index: EntityIndex, item: Json, updating: boolean): Json {
  const def = defOf(s, 'bm', item);
  const bm = String(def.name);
  const entity = itemEntity(index, item);
  const allowed = applicableEntityTypes(def);
  if (allowed && !allowed.includes(entity.typeName)) throw itemFailure(400, `Business metadata '${bm}' cannot be applied to entity type '${entity.typeName}'; it applies to ${allowed.join(', ')}`);
  const current = liveEntity(s, entity).businessMetadata.find((b) => b.bm === bm);
  if (!updating && current) throw itemFailure(409, `${describeEntity(entity.typeName, entity.qualifiedName)} already has business metadata '${bm}'`);
  if (updating && !current) throw itemFailure(404, `${describeEntity(entity.typeName, entity.qualifiedName)} does not have business metadata '${bm}'`);
  checkAttributeValues(item.attributes, def, false);
  const attributes = updating ? merged(current!.attributes, (item.attributes ?? {}) as Json) : withoutNulls((item.attributes ?? {}) as Json);
  checkAttributeValues(attributes, def, true);
  ensureEntity(s, entity);
  const row = { ...keyOf(entity), bm, attributes };
  s.rt.catalog.saveBusinessMetadata(s.cluster, row);
  return businessMetadataOf(liveEntity(s, entity), row);
}

/**
 * Tags and business metadata attached to entities (entity/tags, entity/businessmetadata and the
 * per-entity reads and deletes). Bulk requests answer 200 with each item or its `error`.
 */
export function attachmentHandlers(rt: Runtime): HandlerMap {
  const items = (ctx: RequestContext) => (Array.isArray(ctx.body) ? (ctx.body as unknown[]) : []);
  const bulk = (fn: (s: CatalogScope, index: EntityIndex, item: Json, updating: boolean) => Json, updating: boolean) => (ctx: RequestContext) => {
    const s = catalogScope(rt, ctx);
    const index = new EntityIndex(s);
    return ok(rt.tx(() => eachItem(items(ctx), (item) => fn(s, index, item, updating))));
  };
  const current = (ctx: RequestContext) => {
    const s = catalogScope(rt, ctx);
    return { s, live: liveEntity(s, pathEntity(new EntityIndex(s), ctx)) };
  };
  return {
    createTags: bulk(attachTag, false),
    updateTags: bulk(attachTag, true),
    getTags: (ctx) => {
      const { live } = current(ctx);
      return ok(live.tags.map((t) => tagOf(live, t)));
    },
    deleteTag: (ctx) => {
      const { s, live } = current(ctx);
      const tag = ctx.params.tagName;
      if (!live.tags.some((t) => t.tag === tag)) throw catalogError(404, `${describeEntity(live.derived.typeName, live.derived.qualifiedName)} does not have tag '${tag}'`);
      rt.tx(() => rt.catalog.deleteTag(s.cluster, keyOf(live.derived), tag));
      return noContent();
    },

    createBusinessMetadata: bulk(attachBusinessMetadata, false),
    updateBusinessMetadata: bulk(attachBusinessMetadata, true),
    getBusinessMetadata: (ctx) => {
      const { live } = current(ctx);
      return ok(live.businessMetadata.map((b) => businessMetadataOf(live, b)));
    },
    deleteBusinessMetadata: (ctx) => {
      const { s, live } = current(ctx);
      const bm = ctx.params.bmName;
      if (!live.businessMetadata.some((b) => b.bm === bm)) throw catalogError(404, `${describeEntity(live.derived.typeName, live.derived.qualifiedName)} does not have business metadata '${bm}'`);
      rt.tx(() => rt.catalog.deleteBusinessMetadata(s.cluster, keyOf(live.derived), bm));
      return noContent();
    },
  };
}
