import type { ResourceDecl } from '../openapi/types.js';
import type { ResourceStore } from '../store/resources.js';

/**
 * The indexes the declarations ask for. A declared `unique` field is checked on every create and
 * update by a query on that body field of that kind (`whereField`); without an index of that
 * very expression the check reads every row of the organization. Each index holds one kind's
 * live rows only, so a create writes the indexes of its own kind's unique fields and no other.
 * The indexes follow the declarations, so they are not migrations: the engine makes them match
 * when it starts (cheap when they do), creating the missing ones and dropping the others.
 */
export function uniqueFields(decls: Iterable<ResourceDecl>): Array<{ type: string; pointer: string }> {
  const fields: Array<{ type: string; pointer: string }> = [];
  for (const decl of decls) for (const pointer of decl.unique) fields.push({ type: decl.name, pointer });
  return fields.sort((a, b) => (a.type === b.type ? (a.pointer < b.pointer ? -1 : 1) : a.type < b.type ? -1 : 1));
}

/** Creates the index of each declared unique field that is missing, drops the others; answers the indexes' names. */
export function syncUniqueFieldIndexes(store: Pick<ResourceStore, 'syncUniqueIndexes'>, decls: Iterable<ResourceDecl>): string[] {
  return store.syncUniqueIndexes(uniqueFields(decls));
}
