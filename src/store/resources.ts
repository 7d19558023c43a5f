import type Database from 'better-sqlite3';
import type { Db } from './db.js';
import { Statements } from './db.js';
import { parsePointer } from '../core/pointer.js';
import { ReadCache } from './read-cache.js';
import type { LifecycleState } from '../core/lifecycle.js';

/** One stored resource of the generic engine. `body` is everything but api_version, kind, id and metadata. */
export interface ResourceRow {
  seq: number;
  org_id: string;
  type: string;
  id: string;
  scope: string;
  /** The resource's CRN, fixed at creation. */
  crn: string;
  body: Record<string, unknown>;
  lifecycle: LifecycleState | null;
  /**
   * State a service keeps beyond what the API shows (a statement's plan, a share's links): the
   * `internal` column, never rendered, written through the kind's repository. Undefined in a row
   * built by hand means "leave the stored value as it is".
   */
  internal?: Record<string, unknown> | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

interface RawRow extends Omit<ResourceRow, 'body' | 'lifecycle' | 'internal'> {
  body: string;
  lifecycle: string | null;
  internal: string | null;
}

export interface FieldFilter {
  pointer: string;
  values: string[];
  match: 'exact' | 'contains';
}

export interface ListQuery {
  org: string;
  type: string;
  scope?: string;
  filters: FieldFilter[];
  after?: number;
  before?: number;
  /** Newest first (used for the last page and for previous pages, then reversed). */
  descending?: boolean;
  limit: number;
}

const decode = (r: RawRow): ResourceRow => ({
  ...r,
  body: JSON.parse(r.body),
  lifecycle: r.lifecycle ? JSON.parse(r.lifecycle) : null,
  internal: r.internal ? JSON.parse(r.internal) : null,
});

const internalText = (internal: ResourceRow['internal']) => (internal ? JSON.stringify(internal) : null);

/**
 * The SQL values a query-string filter value can equal: json_extract answers JSON booleans as 1
 * and 0 and numbers as numbers, which never equal the text of the query string.
 */
function sqlValuesOf(v: string): Array<string | number> {
  if (v === 'true') return [v, 1];
  if (v === 'false') return [v, 0];
  return v.trim() !== '' && Number.isFinite(Number(v)) ? [v, Number(v)] : [v];
}

/** `/spec/owner/id` -> `$."spec"."owner"."id"` for json_extract. */
const jsonPath = (pointer: string) => '$' + parsePointer(pointer).map((k) => `."${k.replace(/"/g, '""').replace(/'/g, "''")}"`).join('');

/** A SQL string literal. */
const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The index of one kind's unique field. */
export const uniqueIndexName = (type: string, pointer: string) => `resources_unique_${type}_${parsePointer(pointer).join('_')}`.replace(/[^A-Za-z0-9_]/g, '_');

/**
 * The index whereField reads for a uniqueness check: the same json_extract expression, and a
 * WHERE the check's own WHERE implies (the live rows of that one kind, the type as a literal).
 */
const uniqueIndexSql = (name: string, type: string, pointer: string) =>
  `CREATE INDEX IF NOT EXISTS "${name}" ON resources (org_id, json_extract(body, '${jsonPath(pointer)}'), scope) WHERE deleted_at IS NULL AND type = ${sqlString(type)}`;

/** whereField's statement: its parameters are the organization, the value, and the scope when `scoped`. */
export const whereFieldSql = (type: string, pointer: string, scoped: boolean) =>
  `SELECT * FROM resources WHERE org_id = ? AND type = ${sqlString(type)} AND deleted_at IS NULL AND json_extract(body, '${jsonPath(pointer)}') = ?${scoped ? ' AND scope = ?' : ''}`;

/** Told of every write to the resource table while it is active (the event stream, while someone listens). */
export interface WriteObserver {
  active(): boolean;
  /** `before` is the row as it was, undefined for a new row. */
  written(row: ResourceRow, before: ResourceRow | undefined): void;
}

/** One counter per connection, moved by temporary triggers on every write to the resource table. */
const writeCounters = new WeakMap<Db, { n: number }>();
function writeCounter(db: Db): { n: number } {
  let counter = writeCounters.get(db);
  if (!counter) {
    const c = { n: 0 };
    counter = c;
    writeCounters.set(db, c);
    db.function('ccloud_emulator_resources_written', { deterministic: false }, () => {
      c.n++;
      return null;
    });
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS resources_written_${event.toLowerCase()} AFTER ${event} ON main.resources BEGIN SELECT ccloud_emulator_resources_written(); END`);
      // The kept counts move with the table, and with a direct write too (the read cache holds them).
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS resource_counts_written_${event.toLowerCase()} AFTER ${event} ON main.resource_counts BEGIN SELECT ccloud_emulator_resources_written(); END`);
    }
  }
  return counter;
}

/** Told after a row of a watched type is written: `before` is undefined for a new row. */
export type WriteListener = (row: ResourceRow, before: ResourceRow | undefined) => void;

export class ResourceStore {
  private readonly sql: Statements;
  private readonly written: { n: number };
  /** Set by the control plane's event stream; nothing is read or told while it is inactive. */
  writeObserver?: WriteObserver;
  /** Values derived from other resources (declared by the engine), kept up to date on every write. */
  private readonly listeners = new Map<string, WriteListener[]>();
  /** Reads by id, list pages, counts and existence checks, kept until the next write (see ReadCache). */
  private readonly byIdCache = new ReadCache<RawRow | null>(10_000);
  private readonly pageCache = new ReadCache<RawRow[]>(1_000);
  private readonly scalarCache = new ReadCache<number>(10_000);
  /** whereField's statements by (type, pointer, scoped): building the SQL text costs more than running it. */
  private readonly whereFieldStatements = new Map<string, Database.Statement>();

  constructor(readonly db: Db) {
    this.sql = new Statements(db);
    this.written = writeCounter(db);
  }

  /** A number that moves on every write to the resource table, however made (a row read before it may be stale). */
  get writes(): number {
    return this.written.n;
  }

  /**
   * Calls `listener` after every write of a row of `type`, whoever writes it (the engine, a
   * service, the control plane), inside the same transaction.
   */
  watch(type: string, listener: WriteListener): void {
    const list = this.listeners.get(type) ?? [];
    list.push(listener);
    this.listeners.set(type, list);
  }

  /** Reserves an id forever; false when it was issued before. */
  reserveId(id: string): boolean {
    return this.sql.get('INSERT OR IGNORE INTO issued_ids (id) VALUES (?)').run(id).changes === 1;
  }

  insert(row: Omit<ResourceRow, 'seq' | 'deleted_at'>): ResourceRow {
    const info = this.sql
      .get('INSERT INTO resources (org_id, type, id, scope, crn, body, lifecycle, internal, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.org_id, row.type, row.id, row.scope, row.crn, JSON.stringify(row.body), row.lifecycle ? JSON.stringify(row.lifecycle) : null, internalText(row.internal), row.created_at, row.updated_at);
    const stored = { ...row, internal: row.internal ?? null, seq: Number(info.lastInsertRowid), deleted_at: null };
    if (this.writeObserver?.active()) this.writeObserver.written(stored, undefined);
    for (const listener of this.listeners.get(row.type) ?? []) listener(stored, undefined);
    return stored;
  }

  /** A live resource of the org, or undefined. */
  get(org: string, type: string, id: string): ResourceRow | undefined {
    const key = `${org}\0${type}\0${id}`;
    const writes = this.written.n;
    let r = this.byIdCache.get(key, writes);
    if (r === undefined) {
      r = (this.sql.get('SELECT * FROM resources WHERE id = ? AND type = ? AND org_id = ? AND deleted_at IS NULL').get(id, type, org) as RawRow | undefined) ?? null;
      if (!this.db.inTransaction) this.byIdCache.set(key, r, writes);
    }
    return r ? decode(r) : undefined;
  }

  /** A statement's rows, from the read cache while the table is unwritten. */
  private cachedAll(sql: string, args: unknown[]): RawRow[] {
    const key = `${sql}\0${args.join('\0')}`;
    const writes = this.written.n;
    let rows = this.pageCache.get(key, writes);
    if (rows === undefined) {
      rows = this.sql.get(sql).all(...args) as RawRow[];
      if (!this.db.inTransaction) this.pageCache.set(key, rows, writes);
    }
    return rows;
  }

  /** A statement's first column of its first row (0 when it has none), from the read cache while the table is unwritten. */
  private cachedScalar(sql: string, args: unknown[]): number {
    const key = `${sql}\0${args.join('\0')}`;
    const writes = this.written.n;
    let n = this.scalarCache.get(key, writes);
    if (n === undefined) {
      const row = this.sql.get(sql).raw().get(...args) as unknown[] | undefined;
      n = row === undefined ? 0 : Number(row[0] ?? 0);
      if (!this.db.inTransaction) this.scalarCache.set(key, n, writes);
    }
    return n;
  }

  /** A live resource of whatever organization: for ids unique across organizations, such as cluster ids. */
  getInAnyOrg(type: string, id: string): ResourceRow | undefined {
    const r = this.sql.get('SELECT * FROM resources WHERE id = ? AND type = ? AND deleted_at IS NULL').get(id, type) as RawRow | undefined;
    return r && decode(r);
  }

  /** The row of a type with this id, deleted or not (ids are unique per type forever). */
  getIncludingDeleted(type: string, id: string): ResourceRow | undefined {
    const r = this.sql.get('SELECT * FROM resources WHERE id = ? AND type = ?').get(id, type) as RawRow | undefined;
    return r && decode(r);
  }

  /** A live resource of any of the given types. */
  getAny(org: string, types: string[], id: string): ResourceRow | undefined {
    for (const t of types) {
      const r = this.get(org, t, id);
      if (r) return r;
    }
    return undefined;
  }

  /** Every live resource of a type, in every organization, in creation order. */
  everyLive(type: string): ResourceRow[] {
    return (this.sql.get('SELECT * FROM resources WHERE type = ? AND deleted_at IS NULL ORDER BY seq').all(type) as RawRow[]).map(decode);
  }

  /** Every resource of a type in the org, deleted ones included, in creation order. */
  allOfType(org: string, type: string): ResourceRow[] {
    return (this.sql.get('SELECT * FROM resources WHERE org_id = ? AND type = ? ORDER BY seq').all(org, type) as RawRow[]).map(decode);
  }

  /** Any live resource of the org with this id, whatever its type. */
  findById(org: string, id: string): ResourceRow | undefined {
    const r = this.sql.get('SELECT * FROM resources WHERE id = ? AND org_id = ? AND deleted_at IS NULL').get(id, org) as RawRow | undefined;
    return r && decode(r);
  }

  update(row: ResourceRow): void {
    const observer = this.writeObserver?.active() ? this.writeObserver : undefined;
    const listeners = this.listeners.get(row.type);
    const before = observer || listeners ? this.bySeq(row.seq) : undefined;
    if (row.internal === undefined) {
      this.sql
        .get('UPDATE resources SET body = ?, lifecycle = ?, updated_at = ?, deleted_at = ? WHERE seq = ?')
        .run(JSON.stringify(row.body), row.lifecycle ? JSON.stringify(row.lifecycle) : null, row.updated_at, row.deleted_at, row.seq);
    } else {
      this.sql
        .get('UPDATE resources SET body = ?, lifecycle = ?, internal = ?, updated_at = ?, deleted_at = ? WHERE seq = ?')
        .run(JSON.stringify(row.body), row.lifecycle ? JSON.stringify(row.lifecycle) : null, internalText(row.internal), row.updated_at, row.deleted_at, row.seq);
    }
    if (observer && before) observer.written(row, before);
    if (listeners && before) for (const listener of listeners) listener(row, before);
  }

  markDeleted(seq: number, at: number): void {
    const observer = this.writeObserver?.active() ? this.writeObserver : undefined;
    const before = observer || this.listeners.size ? this.bySeq(seq) : undefined;
    this.sql.get('UPDATE resources SET deleted_at = ? WHERE seq = ?').run(at, seq);
    if (observer && before) observer.written({ ...before, deleted_at: at }, before);
    if (before) for (const listener of this.listeners.get(before.type) ?? []) listener({ ...before, deleted_at: at }, before);
  }

  private bySeq(seq: number): ResourceRow | undefined {
    const r = this.sql.get('SELECT * FROM resources WHERE seq = ?').get(seq) as RawRow | undefined;
    return r && decode(r);
  }

  /**
   * Live rows directly inside a scope (an environment or a parent resource). The scope '' (the
   * organization itself) has none here: its rows are not in the index this reads, whose WHERE
   * (`scope <> ''`) the statement repeats so that SQLite may use it.
   */
  inScope(scope: string): ResourceRow[] {
    return (this.sql.get("SELECT * FROM resources WHERE scope = ? AND scope <> '' AND deleted_at IS NULL").all(scope) as RawRow[]).map(decode);
  }

  /**
   * Live rows of a type whose field equals a value, in one scope or in all. The type is a literal
   * of the statement, so SQLite can answer from the kind's own unique index (see uniqueIndexSql),
   * whose WHERE names it: a bound parameter would not let the planner prove the index applies.
   */
  whereField(org: string, type: string, pointer: string, value: string, scope?: string): ResourceRow[] {
    const key = `${type}\0${pointer}\0${scope === undefined ? 0 : 1}`;
    let stmt = this.whereFieldStatements.get(key);
    if (!stmt) {
      stmt = this.db.prepare(whereFieldSql(type, pointer, scope !== undefined));
      this.whereFieldStatements.set(key, stmt);
    }
    const rows = (scope === undefined ? stmt.all(org, value) : stmt.all(org, value, scope)) as RawRow[];
    return rows.map(decode);
  }

  /**
   * Makes the indexes of unique fields exactly those asked for: one partial index per (kind, field)
   * that only the kind's live rows enter, so that a create writes one such index, not one per
   * field any kind declares. Missing ones are created, and any other index of this family (or of
   * the former one, an index per field over every kind's rows) is dropped. Answers the names.
   */
  syncUniqueIndexes(wanted: ReadonlyArray<{ type: string; pointer: string }>): string[] {
    const byName = new Map(wanted.map((w) => [uniqueIndexName(w.type, w.pointer), w]));
    const existing = this.sql
      .get(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'resources' AND (name GLOB 'resources_unique_*' OR name GLOB 'resources_field_*')`)
      .pluck()
      .all() as string[];
    const stale = existing.filter((name) => !byName.has(name));
    const missing = [...byName].filter(([name]) => !existing.includes(name));
    if (stale.length || missing.length) {
      this.db.transaction(() => {
        for (const name of stale) this.db.exec(`DROP INDEX "${name}"`);
        for (const [name, w] of missing) this.db.exec(uniqueIndexSql(name, w.type, w.pointer));
      })();
    }
    return [...byName.keys()];
  }

  list(q: ListQuery): ResourceRow[] {
    const { where, args } = this.where(q);
    if (q.after !== undefined) {
      where.push('seq > ?');
      args.push(q.after);
    }
    if (q.before !== undefined) {
      where.push('seq < ?');
      args.push(q.before);
    }
    const order = q.descending ? 'DESC' : 'ASC';
    args.push(q.limit);
    return this.cachedAll(`SELECT * FROM resources WHERE ${where.join(' AND ')} ORDER BY seq ${order} LIMIT ?`, args).map(decode);
  }

  /** The list's size: O(1) from the counts the triggers keep when unfiltered, a COUNT otherwise. */
  count(q: ListQuery): number {
    // The kept counts move only with the resource table (its triggers keep them).
    if (q.filters.length === 0) {
      return q.scope === undefined
        ? this.cachedScalar('SELECT SUM(n) AS n FROM resource_counts WHERE org_id = ? AND type = ?', [q.org, q.type])
        : this.cachedScalar('SELECT n FROM resource_counts WHERE org_id = ? AND type = ? AND scope = ?', [q.org, q.type, q.scope]);
    }
    const { where, args } = this.where(q);
    return this.cachedScalar(`SELECT COUNT(*) AS n FROM resources WHERE ${where.join(' AND ')}`, args);
  }

  /** Whether the list has at least n rows: the kept count when unfiltered, else reads at most n index entries. */
  atLeast(q: ListQuery, n: number): boolean {
    if (n <= 0) return true;
    if (q.filters.length === 0) return this.count(q) >= n;
    const { where, args } = this.where(q);
    return this.sql.get(`SELECT 1 FROM resources WHERE ${where.join(' AND ')} LIMIT 1 OFFSET ?`).get(...args, n - 1) !== undefined;
  }

  /** Whether a live row of the list exists before / after a seq (to decide prev and next links). */
  exists(q: ListQuery, side: 'before' | 'after', seq: number): boolean {
    const { where, args } = this.where(q);
    where.push(side === 'before' ? 'seq < ?' : 'seq > ?');
    args.push(seq);
    return this.cachedScalar(`SELECT 1 FROM resources WHERE ${where.join(' AND ')} LIMIT 1`, args) === 1;
  }

  private where(q: ListQuery): { where: string[]; args: unknown[] } {
    const where = ['org_id = ?', 'type = ?', 'deleted_at IS NULL'];
    const args: unknown[] = [q.org, q.type];
    if (q.scope !== undefined) {
      where.push('scope = ?');
      args.push(q.scope);
    }
    for (const f of q.filters) {
      const expr = `json_extract(body, '${jsonPath(f.pointer)}')`;
      // The values travel as one JSON array, so the statement is the same for 1 value or 10,000
      // (one placeholder per value overflows SQLite's expression tree and the statement cache).
      if (f.match === 'contains') {
        where.push(`EXISTS (SELECT 1 FROM json_each(?) AS v WHERE instr(${expr}, v.value) > 0)`);
        args.push(JSON.stringify(f.values));
      } else {
        where.push(`${expr} IN (SELECT value FROM json_each(?))`);
        args.push(JSON.stringify(f.values.flatMap(sqlValuesOf)));
      }
    }
    return { where, args };
  }
}
