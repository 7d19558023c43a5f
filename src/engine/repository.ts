import { newId } from '../core/ids.js';
import { deleteAt, getAt } from '../core/pointer.js';
import type { ResourceDecl } from '../openapi/types.js';
import type { Runtime } from '../runtime.js';
import type { FieldFilter, ListQuery, ResourceRow, ResourceStore } from '../store/resources.js';

/** What a list of one kind asks for: the store's query without the type, `limit` -1 (every row) by default. */
export type KindQuery = Omit<ListQuery, 'type' | 'limit' | 'filters'> & { filters?: FieldFilter[]; limit?: number };

/** A new row of a kind, as a service writes it: timestamps come from the virtual clock. */
export interface NewRow {
  org: string;
  id: string;
  scope?: string;
  crn: string;
  body: Record<string, unknown>;
  /** State the API never shows (kept in the row's internal column, never rendered). */
  internal?: Record<string, unknown> | null;
}

/**
 * The resources of one kind, as services see them. Reads answer rows; every write goes through
 * the rules the engine keeps for the kind, so that no service can bypass them: declared `secret`
 * fields are never stored, timestamps come from the virtual clock, and the store's write
 * listeners (marks, mirrors, the event stream) and triggers (counts, the authorization cache)
 * see every write. State a service keeps beyond what the API shows lives in the row's
 * `internal` column (`internalOf`), which nothing renders.
 */
export class Repository {
  constructor(
    private readonly rt: Runtime,
    private readonly store: ResourceStore,
    readonly type: string,
    /** The kind's declaration; undefined for kinds kept only by a service (phase records). */
    readonly decl: ResourceDecl | undefined,
  ) {}

  // ---- reads ----------------------------------------------------------------------------------

  /** The live row of the organization with this id. */
  get(org: string, id: string): ResourceRow | undefined {
    return this.store.get(org, this.type, id);
  }

  /** The live row with this id in whatever organization (ids unique across organizations, such as cluster ids). */
  getInAnyOrg(id: string): ResourceRow | undefined {
    return this.store.getInAnyOrg(this.type, id);
  }

  /** The row with this id, deleted or not. */
  getIncludingDeleted(id: string): ResourceRow | undefined {
    return this.store.getIncludingDeleted(this.type, id);
  }

  /** Live rows of the organization whose body field equals a value, in one scope or in all. */
  where(org: string, pointer: string, value: string, scope?: string): ResourceRow[] {
    return this.store.whereField(org, this.type, pointer, value, scope);
  }

  /** The first live row whose field equals a value (a name unique in its scope). */
  first(org: string, pointer: string, value: string, scope?: string): ResourceRow | undefined {
    return this.where(org, pointer, value, scope)[0];
  }

  /** Live rows in creation order (`limit` -1: all of them). */
  list(q: KindQuery): ResourceRow[] {
    return this.store.list(this.query(q));
  }

  /** How many live rows a list has. */
  count(q: KindQuery): number {
    return this.store.count(this.query(q));
  }

  /** Whether a live row of the list exists before / after a seq. */
  exists(q: KindQuery, side: 'before' | 'after', seq: number): boolean {
    return this.store.exists(this.query(q), side, seq);
  }

  /** Every row of the organization, deleted ones included, in creation order. */
  all(org: string): ResourceRow[] {
    return this.store.allOfType(org, this.type);
  }

  /** Every live row, in every organization, in creation order. */
  everyLive(): ResourceRow[] {
    return this.store.everyLive(this.type);
  }

  /** The state a service keeps beside the body (its internal column). */
  internalOf<T>(row: ResourceRow): T {
    return row.internal as T;
  }

  private query(q: KindQuery): ListQuery {
    return { ...q, type: this.type, filters: q.filters ?? [], limit: q.limit ?? -1 };
  }

  // ---- writes ---------------------------------------------------------------------------------

  /** A new id of the kind's declared prefix, reserved forever. */
  issueId(): string {
    if (!this.decl) throw new Error(`kind ${this.type} declares no id`);
    for (;;) {
      const id = newId(this.decl.id);
      if (this.store.reserveId(id)) return id;
    }
  }

  /** Stores a new row, its timestamps now. */
  insert(r: NewRow): ResourceRow {
    const now = this.rt.clock.now();
    return this.store.insert({
      org_id: r.org,
      type: this.type,
      id: r.id,
      scope: r.scope ?? '',
      crn: r.crn,
      body: this.withoutSecrets(r.body),
      internal: r.internal ?? null,
      lifecycle: null,
      created_at: now,
      updated_at: now,
    });
  }

  /** Writes a row back as it is (its body, internal state, phase and timestamps). */
  save(row: ResourceRow): void {
    if (row.type !== this.type) throw new Error(`a ${row.type} row saved through the ${this.type} repository`);
    const body = this.withoutSecrets(row.body);
    this.store.update(body === row.body ? row : { ...row, body });
  }

  /** Writes a row back, its `updated_at` now. */
  touch(row: ResourceRow): void {
    row.updated_at = this.rt.clock.now();
    this.save(row);
  }

  /** Deletes a row, now or at a time already taken (no hooks, no cascades: the engine's delete runs those). */
  remove(row: ResourceRow, at = this.rt.clock.now()): void {
    this.store.markDeleted(row.seq, at);
    row.deleted_at = at;
  }

  private withoutSecrets(body: Record<string, unknown>): Record<string, unknown> {
    const secret = this.decl?.secret ?? [];
    if (!secret.some((p) => getAt(body, p) !== undefined)) return body;
    const clean = structuredClone(body);
    for (const p of secret) deleteAt(clean, p);
    return clean;
  }
}

/** The repositories of every kind, and the reads that span kinds. */
export class Repositories {
  private readonly byType = new Map<string, Repository>();

  constructor(private readonly rt: Runtime) {}

  /** The repository of a kind (declared or kept by a service). */
  of(type: string): Repository {
    let repo = this.byType.get(type);
    if (!repo) {
      repo = new Repository(this.rt, this.rt.resources, type, this.rt.docs.resources.get(type));
      this.byType.set(type, repo);
    }
    return repo;
  }

  /** Writes a row back through its kind's repository. */
  save(row: ResourceRow): void {
    this.of(row.type).save(row);
  }

  /** The live row of the first of these kinds that has this id (a principal: a user or a service account). */
  getAny(org: string, types: readonly string[], id: string): ResourceRow | undefined {
    return this.rt.resources.getAny(org, [...types], id);
  }

  /** The live row of the organization with this id, whatever its kind. */
  findById(org: string, id: string): ResourceRow | undefined {
    return this.rt.resources.findById(org, id);
  }

  /** Reserves an id forever (a name a service chose); false when it was issued before. */
  reserveId(id: string): boolean {
    return this.rt.resources.reserveId(id);
  }

  /** Whether any resource was written since a reading of `writes` (a cache's validity). */
  get writes(): number {
    return this.rt.resources.writes;
  }
}

const cache = new WeakMap<Runtime, Repositories>();

/**
 * The repositories of a runtime. The engine hands them out (`engine.repository(type)`); services
 * that have only the runtime (the Kafka and Schema Registry data planes) take them here.
 */
export function repositoriesOf(rt: Runtime): Repositories {
  let repos = cache.get(rt);
  if (!repos) {
    repos = new Repositories(rt);
    cache.set(rt, repos);
  }
  return repos;
}

/** A list filter on one body field equal to one of some values. */
export const fieldEquals = (pointer: string, ...values: string[]): FieldFilter => ({ pointer, values, match: 'exact' });
