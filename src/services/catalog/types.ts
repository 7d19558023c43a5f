import { randomUUID } from 'node:crypto';
import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { DefKind, EntityKey } from '../../store/catalog.js';
import { normalizeAttributeDefs } from './attributes.js';
import { ANY_ENTITY, EntityIndex, isEntityType } from './entities.js';
import { catalogError, eachItem, itemFailure } from './errors.js';
import { ok, noContent } from './reply.js';
import { catalogScope, type CatalogScope } from './scope.js';

type Json = Record<string, unknown>;

/** Type names: a letter, then letters, digits and underscores; at most 8192 characters. */
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const MAX_NAME = 8192;

const LABEL: Record<DefKind, string> = { tag: 'Tag definition', bm: 'Business metadata definition' };

/** The entity types a definition lists must exist; `cf_entity` stands for all of them. */
function checkEntityTypes(types: unknown, where: string): string[] {
  if (!Array.isArray(types) || types.some((t) => typeof t !== 'string')) throw itemFailure(400, `${where} must be a list of entity type names`);
  for (const t of types as string[]) if (t !== ANY_ENTITY && !isEntityType(t)) throw itemFailure(400, `${where} names an unknown entity type '${t}'`);
  return types as string[];
}

/** A business metadata definition's `options.applicableEntityTypes`: a JSON list, as a string. */
function checkOptions(kind: DefKind, options: unknown): Record<string, string> | undefined {
  if (options === undefined || options === null) return undefined;
  const o = options as Record<string, string>;
  if (kind === 'bm' && o.applicableEntityTypes !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(o.applicableEntityTypes);
    } catch {
      throw itemFailure(400, 'options.applicableEntityTypes must be a JSON list of entity types');
    }
    checkEntityTypes(parsed, 'options.applicableEntityTypes');
  }
  return o;
}

/** The entity types a business metadata definition applies to (undefined: every type). */
export function applicableEntityTypes(def: Json): string[] | undefined {
  const raw = (def.options as Record<string, string> | undefined)?.applicableEntityTypes;
  if (raw === undefined) return undefined;
  const types = JSON.parse(raw) as string[];
  return types.includes(ANY_ENTITY) ? undefined : types;
}

/** The entity types a tag definition applies to (undefined: every type). */
export function tagEntityTypes(def: Json): string[] | undefined {
  const types = (def.entityTypes as string[] | undefined) ?? [ANY_ENTITY];
  return types.includes(ANY_ENTITY) ? undefined : types;
}

/** The members of a definition a client may set, from a request item; the rest is the server's. */
function clientMembers(kind: DefKind, item: Json, name: string): Json {
  const out: Json = {};
  if (item.description !== undefined) out.description = item.description;
  if (item.serviceType !== undefined) out.serviceType = item.serviceType;
  if (item.typeVersion !== undefined) out.typeVersion = item.typeVersion;
  const options = checkOptions(kind, item.options);
  if (options) out.options = options;
  if (item.attributeDefs !== undefined) out.attributeDefs = normalizeAttributeDefs(item.attributeDefs, name);
  if (kind === 'tag') {
    if (item.entityTypes !== undefined) out.entityTypes = checkEntityTypes(item.entityTypes, 'entityTypes');
    if (item.superTypes !== undefined) out.superTypes = item.superTypes;
    if (item.color !== undefined) out.color = item.color;
  }
  return out;
}

function nameOf(item: Json): string {
  const name = item.name;
  if (typeof name !== 'string' || !name) throw itemFailure(400, 'The name is required');
  if (name.length > MAX_NAME) throw itemFailure(400, `The name is longer than ${MAX_NAME} characters`);
  if (!NAME.test(name)) throw itemFailure(400, `Invalid name '${name}': a letter, then letters, digits and underscores`);
  return name;
}

function create(s: CatalogScope, kind: DefKind, item: Json): Json {
  const name = nameOf(item);
  if (s.rt.catalog.def(s.cluster, kind, name)) throw itemFailure(409, `${LABEL[kind]} '${name}' already exists`);
  const def: Json = {
    category: kind === 'tag' ? 'CLASSIFICATION' : 'BUSINESS_METADATA',
    guid: randomUUID(),
    createdBy: s.by,
    updatedBy: s.by,
    createTime: s.now,
    updateTime: s.now,
    version: 1,
    name,
    description: '',
    typeVersion: '1.0',
    attributeDefs: [],
    ...(kind === 'tag' ? { superTypes: [], entityTypes: [ANY_ENTITY], subTypes: [] } : {}),
    ...clientMembers(kind, item, name),
  };
  s.rt.catalog.saveDef(s.cluster, kind, name, def);
  return def;
}

function update(s: CatalogScope, kind: DefKind, item: Json): Json {
  const name = typeof item.name === 'string' ? item.name : '';
  if (!name) throw itemFailure(400, 'The name is required');
  const current = s.rt.catalog.def(s.cluster, kind, name);
  if (!current) throw itemFailure(404, `${LABEL[kind]} '${name}' not found`);
  const def: Json = { ...current, ...clientMembers(kind, item, name), updatedBy: s.by, updateTime: s.now, version: Number(current.version ?? 1) + 1 };
  s.rt.catalog.saveDef(s.cluster, kind, name, def);
  return def;
}

/**
 * Whether an attachment still belongs to a live entity; attachments of an entity that is gone,
 * or that was recreated since, are dropped on the way.
 */
export function liveAttachments(s: CatalogScope, keys: EntityKey[]): EntityKey[] {
  const index = new EntityIndex(s);
  return keys.filter((k) => {
    const derived = index.resolve(k.type_name, k.qualified_name);
    const row = s.rt.catalog.entity(s.cluster, k);
    if (derived && row && row.incarnation === derived.incarnation) return true;
    s.rt.catalog.forgetEntity(s.cluster, k);
    return false;
  });
}

/**
 * Tag definitions and business metadata definitions (types/tagdefs, types/businessmetadatadefs):
 * bulk create and update answer each item or its error; names are unique per kind; a definition
 * still attached to an entity cannot be deleted (409).
 */
export function typeHandlers(rt: Runtime): HandlerMap {
  const items = (ctx: RequestContext) => (Array.isArray(ctx.body) ? (ctx.body as unknown[]) : []);
  const list = (kind: DefKind) => (ctx: RequestContext) => {
    const s = catalogScope(rt, ctx);
    const prefix = typeof ctx.query.prefix === 'string' ? ctx.query.prefix : '';
    return ok(rt.catalog.defs(s.cluster, kind).filter((d) => String(d.name).startsWith(prefix)));
  };
  const read = (kind: DefKind, param: string) => (ctx: RequestContext) => {
    const s = catalogScope(rt, ctx);
    const def = rt.catalog.def(s.cluster, kind, ctx.params[param]);
    if (!def) throw catalogError(404, `${LABEL[kind]} '${ctx.params[param]}' not found`);
    return ok(def);
  };
  const bulk = (kind: DefKind, fn: typeof create) => (ctx: RequestContext) => {
    const s = catalogScope(rt, ctx);
    return ok(rt.tx(() => eachItem(items(ctx), (item) => fn(s, kind, item))));
  };
  const remove = (kind: DefKind, param: string) => (ctx: RequestContext) => {
    const s = catalogScope(rt, ctx);
    const name = ctx.params[param];
    rt.tx(() => {
      if (!rt.catalog.def(s.cluster, kind, name)) throw catalogError(404, `${LABEL[kind]} '${name}' not found`);
      const uses = liveAttachments(s, kind === 'tag' ? rt.catalog.taggedWith(s.cluster, name) : rt.catalog.carrying(s.cluster, name));
      if (uses.length) throw catalogError(409, `${LABEL[kind]} '${name}' is still attached to ${uses.length} entit${uses.length === 1 ? 'y' : 'ies'}, such as ${uses[0].type_name} '${uses[0].qualified_name}'`);
      rt.catalog.deleteDef(s.cluster, kind, name);
    });
    return noContent();
  };
  return {
    getAllTagDefs: list('tag'),
    createTagDefs: bulk('tag', create),
    updateTagDefs: bulk('tag', update),
    getTagDefByName: read('tag', 'tagName'),
    deleteTagDef: remove('tag', 'tagName'),
    getAllBusinessMetadataDefs: list('bm'),
    createBusinessMetadataDefs: bulk('bm', create),
    updateBusinessMetadataDefs: bulk('bm', update),
    getBusinessMetadataDefByName: read('bm', 'bmName'),
    deleteBusinessMetadataDef: remove('bm', 'bmName'),
  };
}
