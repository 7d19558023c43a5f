import type { ResourceDecl } from '../openapi/types.js';
import type { ResourceStore } from '../store/resources.js';

/**
 * The expression indexes the declarations ask for. A declared `unique` field is checked on every
 * create and update by a query on that body field (`whereField`); without an index of that very
 * expression the check reads every row of the organization. The indexes follow the declarations,
 * so they are not migrations: the engine creates any that are missing when it starts (cheap when
 * they exist), and an index of a field no longer declared stays harmless.
 */
export function uniqueFieldPointers(decls: Iterable<ResourceDecl>): string[] {
  const pointers = new Set<string>();
  for (const decl of decls) for (const pointer of decl.unique) pointers.add(pointer);
  return [...pointers].sort();
}

/** Creates the index of each declared unique field that is missing; answers the indexes' names. */
export function createUniqueFieldIndexes(store: Pick<ResourceStore, 'indexField'>, decls: Iterable<ResourceDecl>): string[] {
  return uniqueFieldPointers(decls).map((pointer) => store.indexField(pointer));
}
