import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { ANY_ENTITY, attributesOf, classificationOf, ENTITY_TYPES, EntityIndex, isEntityType, liveEntity, type EntityType, type LiveEntity } from './entities.js';
import { catalogError } from './errors.js';
import { ok } from './reply.js';
import { catalogScope } from './scope.js';
import { queryFlag } from '../../engine/query.js';

type Json = Record<string, unknown>;

const DEFAULT_LIMIT = 100;

/** A query parameter that may be repeated, as a list (absent: empty). */
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]).filter((x) => x !== '');
/** An entity's own attribute (never one of Object.prototype's members). */
const attribute = (attributes: Json, name: string): unknown => (Object.hasOwn(attributes, name) ? attributes[name] : undefined);

/** The entity types to search: `type` and `types` together; none, or `cf_entity`, means all. */
function typesOf(query: Json): { asked: string[]; searched: readonly EntityType[] } {
  const asked = [...new Set([...list(query.type), ...list(query.types)])];
  for (const t of asked) if (t !== ANY_ENTITY && !isEntityType(t)) throw catalogError(400, `Unknown entity type '${t}'`);
  const searched = !asked.length || asked.includes(ANY_ENTITY) ? ENTITY_TYPES : (asked as EntityType[]);
  return { asked, searched };
}

/** A case-insensitive matcher for a full-text query: a substring, where `*` matches any characters. */
function fullText(query: unknown): (texts: unknown[]) => boolean {
  const q = typeof query === 'string' ? query.trim() : '';
  if (!q || /^\*+$/.test(q)) return () => true;
  const pattern = new RegExp(q.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*'), 'i');
  return (texts) => texts.some((t) => typeof t === 'string' && pattern.test(t));
}

/** The attrName / attrValuePrefix pairs: each attribute must start with its prefix (case-insensitive; `*` is any value). */
function attributePrefixes(query: Json): (attributes: Json) => boolean {
  const names = list(query.attrName);
  const prefixes = list(query.attrValuePrefix);
  if (names.length !== prefixes.length) throw catalogError(400, `attrName and attrValuePrefix must come in pairs: ${names.length} names, ${prefixes.length} prefixes`);
  const pairs = names.map((name, i) => ({ name, prefix: prefixes[i].replace(/\*+$/, '').toLowerCase() }));
  return (attributes) =>
    pairs.every(({ name, prefix }) => {
      const v = attribute(attributes, name);
      return v !== undefined && v !== null && String(v).toLowerCase().startsWith(prefix);
    });
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** An entity in a search result: `qualifiedName`, `name` and the attributes asked for. */
function header(e: LiveEntity, attributes: Json, extra: string[]): Json {
  const classifications = e.tags.map((t) => classificationOf(e, t));
  return {
    typeName: e.derived.typeName,
    attributes: { qualifiedName: attributes.qualifiedName, name: attributes.name, ...Object.fromEntries(extra.filter((a) => Object.hasOwn(attributes, a)).map((a) => [a, attributes[a]])) },
    guid: e.guid,
    status: e.derived.status,
    displayText: String(attributes.name ?? attributes.qualifiedName),
    classificationNames: classifications.map((c) => c.typeName),
    classifications,
    meaningNames: [],
    meanings: [],
    isIncomplete: false,
    labels: [],
  };
}

/**
 * Search (search/basic and search/attribute): every entity of the catalog, filtered by type, tag,
 * status and the search's own matcher, sorted, then paged by offset and limit.
 */
export function searchHandlers(rt: Runtime): HandlerMap {
  const search = (ctx: RequestContext, matcher: (query: Json) => (e: LiveEntity, attributes: Json) => boolean) => {
    const s = catalogScope(rt, ctx);
    const q = ctx.query;
    const { asked, searched } = typesOf(q);
    const tag = typeof q.tag === 'string' && q.tag ? q.tag : undefined;
    if (tag && !rt.catalog.def(s.cluster, 'tag', tag)) throw catalogError(400, `Unknown tag '${tag}'`);
    const matches = matcher(q);
    const includeDeleted = queryFlag(q.deleted);
    const found = new EntityIndex(s)
      .all(searched)
      .filter((d) => includeDeleted || d.status === 'ACTIVE')
      .map((d) => {
        const e = liveEntity(s, d);
        return { e, attributes: attributesOf(e) };
      })
      .filter(({ e, attributes }) => (!tag || e.tags.some((t) => t.tag === tag)) && matches(e, attributes))
      // Without a catalog-wide role, only the entities the caller may read (authorization says which).
      .filter(({ e, attributes }) => !ctx.visibleEntity || ctx.visibleEntity(e.derived.typeName, String(attributes.qualifiedName)));
    const sortBy = typeof q.sortBy === 'string' && q.sortBy ? q.sortBy : 'qualifiedName';
    const direction = q.sortOrder === 'DESCENDING' ? -1 : 1;
    found.sort((a, b) => direction * compare(attribute(a.attributes, sortBy), attribute(b.attributes, sortBy)) || compare(a.attributes.qualifiedName, b.attributes.qualifiedName));
    const offset = Number(q.offset ?? 0) || 0;
    const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
    const extra = [...list(q.attr), ...list(q.attrs)];
    return ok({
      searchParameters: { includeDeleted, limit, offset },
      types: asked.length ? asked : [...new Set(found.map((f) => f.e.derived.typeName))],
      entities: found.slice(offset, offset + limit).map(({ e, attributes }) => header(e, attributes, extra)),
      referredEntities: {},
    });
  };
  return {
    searchUsingBasic: (ctx) =>
      search(ctx, (q) => {
        const matches = fullText(q.query);
        return (_e, a) => matches([a.name, a.qualifiedName, a.description]);
      }),
    searchUsingAttribute: (ctx) =>
      search(ctx, (q) => {
        const matches = attributePrefixes(q);
        return (_e, a) => matches(a);
      }),
  };
}
