import type { HandlerMap } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { pathEntity } from './attachments.js';
import { attributesOf, classificationOf, ensureEntity, entityBody, EntityIndex, liveEntity, USER_ATTRIBUTES } from './entities.js';
import { catalogError } from './errors.js';
import { ok } from './reply.js';
import { catalogScope } from './scope.js';
import { queryFlag } from '../../engine/query.js';

type Json = Record<string, unknown>;


/**
 * Reading an entity with its tags and business metadata, and updating its user attributes
 * (`description`, `owner`, `ownerEmail`). The attributes the catalog derives cannot change.
 */
export function entityHandlers(rt: Runtime): HandlerMap {
  return {
    getByUniqueAttributes: (ctx) => {
      const s = catalogScope(rt, ctx);
      const live = liveEntity(s, pathEntity(new EntityIndex(s), ctx));
      return ok({ referredEntities: {}, entity: entityBody(live, !queryFlag(ctx.query.ignoreRelationships)) });
    },

    partialEntityUpdate: (ctx) => {
      const s = catalogScope(rt, ctx);
      const entity = (ctx.body as Json | undefined)?.entity as Json | undefined;
      const attributes = entity?.attributes as Json | undefined;
      if (!entity || typeof entity.typeName !== 'string' || !attributes || typeof attributes !== 'object' || typeof attributes.qualifiedName !== 'string') {
        throw catalogError(400, 'entity.typeName and entity.attributes.qualifiedName are required');
      }
      const derived = new EntityIndex(s).resolve(entity.typeName, attributes.qualifiedName);
      if (!derived) throw catalogError(404, `Entity of type '${entity.typeName}' with qualified name '${attributes.qualifiedName}' not found`);
      const changes: Json = {};
      for (const [name, value] of Object.entries(attributes)) {
        if ((USER_ATTRIBUTES as readonly string[]).includes(name)) {
          if (value !== null && typeof value !== 'string') throw catalogError(400, `Attribute '${name}' must be a string or null`);
          changes[name] = value;
        } else if (Object.hasOwn(derived.attributes, name)) {
          if (JSON.stringify(derived.attributes[name]) !== JSON.stringify(value)) throw catalogError(400, `Attribute '${name}' of ${derived.typeName} cannot be updated`);
        } else {
          throw catalogError(400, `Invalid attribute '${name}' for type ${derived.typeName}; the attributes that can be updated are ${USER_ATTRIBUTES.join(', ')}`);
        }
      }
      const live = rt.tx(() => {
        const row = ensureEntity(s, derived);
        const next = { ...row.attributes, ...changes };
        for (const [k, v] of Object.entries(next)) if (v === null) delete next[k];
        rt.catalog.saveEntity(s.cluster, { ...row, attributes: next, updated_by: s.by, updated_at: s.now, version: row.version + 1 });
        return liveEntity(s, derived);
      });
      const classifications = live.tags.map((t) => classificationOf(live, t));
      return ok({
        mutatedEntities: {
          UPDATE: [
            {
              typeName: derived.typeName,
              attributes: attributesOf(live),
              guid: live.guid,
              status: derived.status,
              classificationNames: classifications.map((c) => c.typeName),
              classifications: classifications.map(({ attributes: _, validityPeriods: __, ...header }) => header),
              isIncomplete: false,
            },
          ],
        },
      });
    },
  };
}
