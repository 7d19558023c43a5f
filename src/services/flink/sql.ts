import { getAt } from '../../core/pointer.js';
import type { Runtime } from '../../runtime.js';
import { repositoriesOf } from '../../engine/repository.js';
import type { ResourceRow } from '../../store/resources.js';
import type { StoredRecord } from '../../store/kafka.js';
import { transactionsOf } from '../kafka/transactions.js';

/**
 * The small part of Flink SQL the emulator can really evaluate against its own state. Anything
 * else is not pretended: the statement FAILS with a detail saying the emulator does not run it.
 *
 * - `SHOW CATALOGS`: the organization's environments (catalogs are environments).
 * - `SHOW DATABASES [FROM|IN catalog]`: the Kafka clusters of the catalog (databases are clusters).
 * - `SHOW TABLES [FROM|IN [catalog.]database]`: the topics of the database.
 * - `SELECT <literal>[ AS name], ...`: integer, decimal, string, boolean and NULL literals.
 * - `SELECT * FROM [[catalog.]database.]table [LIMIT n]`: the records stored in the topic. Keys and
 *   values are read as JSON when they are JSON (an object value becomes one column per field),
 *   as text otherwise. With LIMIT the statement completes once n records exist; without, it runs
 *   until it is stopped or deleted, and its results keep following the topic.
 *
 * Catalogs and databases are named by id or display name; the defaults are the statement's
 * properties `sql.current-catalog` (else the statement's environment) and `sql.current-database`.
 */

export interface DataType {
  type: string;
  nullable: boolean;
  length?: number;
  precision?: number;
  scale?: number;
}

export interface Column {
  name: string;
  type: DataType;
}

export type Plan =
  | { kind: 'static'; sql_kind: string; columns: Column[]; rows: Array<Array<string | null>> }
  | { kind: 'topic'; sql_kind: 'SELECT'; columns: Column[]; cluster: string; topic: string; fields: string[] | null; limit?: number }
  | { kind: 'failed'; detail: string; exception: string };

export interface SqlContext {
  rt: Runtime;
  org: string;
  /** The statement's environment. */
  env: string;
  properties: Record<string, string>;
  /** The compute pool's cloud and region: Flink reads the topics of its own region only. */
  pool: { cloud: string; region: string };
}

const MAX_STRING = 2147483647;
const STRING = (nullable = true): DataType => ({ type: 'VARCHAR', nullable, length: MAX_STRING });

export const NOT_EXECUTED =
  'The emulator does not execute this statement: it runs only SHOW CATALOGS, SHOW DATABASES, SHOW TABLES, SELECT of literals ' +
  'and SELECT * FROM <table> [LIMIT n] over the records it stores. Nothing was run.';

const fail = (detail: string, exception = 'org.apache.flink.table.api.ValidationException'): Plan => ({ kind: 'failed', detail, exception });
const notExecuted = (): Plan => fail(NOT_EXECUTED, 'io.confluent.emulator.StatementNotExecutedException');

// ---- identifiers -------------------------------------------------------------------------------

/** Parses `a`, `` `a-b` ``, `a.b.c`; undefined when the text is not a dotted identifier. */
function parseIdentifiers(text: string): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  const s = text.trim();
  while (i < s.length) {
    if (s[i] === '`') {
      let out = '';
      i++;
      for (;;) {
        if (i >= s.length) return undefined;
        if (s[i] === '`') {
          if (s[i + 1] === '`') {
            out += '`';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += s[i++];
      }
      parts.push(out);
    } else {
      const m = /^[A-Za-z_$][\w$]*/.exec(s.slice(i));
      if (!m) return undefined;
      parts.push(m[0]);
      i += m[0].length;
    }
    if (i === s.length) break;
    if (s[i] !== '.') return undefined;
    i++;
    if (i === s.length) return undefined;
  }
  return parts.length ? parts : undefined;
}

// ---- catalogs and databases --------------------------------------------------------------------

function findCatalog(c: SqlContext, name: string): ResourceRow | undefined {
  const envs = repositoriesOf(c.rt).of('Environment').list({ org: c.org, limit: 1000 });
  return envs.find((e) => e.id === name) ?? envs.find((e) => getAt(e.body, '/display_name') === name);
}

function clustersOf(c: SqlContext, env: string): ResourceRow[] {
  return repositoriesOf(c.rt).of('KafkaCluster').list({ org: c.org, scope: env, limit: 1000 });
}

function findDatabase(c: SqlContext, env: string, name: string): ResourceRow | undefined {
  const clusters = clustersOf(c, env);
  return clusters.find((k) => k.id === name) ?? clusters.find((k) => getAt(k.body, '/spec/display_name') === name);
}

function currentCatalog(c: SqlContext): ResourceRow | Plan {
  const name = c.properties['sql.current-catalog'] ?? c.env;
  return findCatalog(c, name) ?? fail(`Catalog '${name}' not found (catalogs are the organization's environments; set sql.current-catalog)`);
}

/** The database named by `[catalog.]database`, or the current one. */
function resolveDatabase(c: SqlContext, path: string[] | undefined): ResourceRow | Plan {
  if (path && path.length > 2) return fail(`'${path.join('.')}' is not a database name`);
  const catalog = path?.length === 2 ? (findCatalog(c, path[0]) ?? fail(`Catalog '${path[0]}' not found`)) : currentCatalog(c);
  if ('kind' in catalog) return catalog;
  const name = path ? path[path.length - 1] : c.properties['sql.current-database'];
  if (!name) return fail('No database is selected: set the property sql.current-database (a Kafka cluster) or qualify the table name');
  return findDatabase(c, catalog.id, name) ?? fail(`Database '${name}' not found in catalog '${catalog.id}' (databases are the environment's Kafka clusters)`);
}

// ---- literals ----------------------------------------------------------------------------------

/** Splits a SELECT list at top-level commas (quotes respected). */
function splitList(text: string): string[] | undefined {
  const items: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      cur += ch;
      if (ch === quote) {
        if (text[i + 1] === quote) cur += text[++i];
        else quote = null;
      }
    } else if (ch === "'" || ch === '`') {
      quote = ch;
      cur += ch;
    } else if (ch === ',') {
      items.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (quote) return undefined;
  items.push(cur.trim());
  return items.some((i) => i === '') ? undefined : items;
}

interface Literal {
  type: DataType;
  value: string | null;
}

function parseLiteral(text: string): Literal | undefined {
  let m = /^([+-]?\d+)$/.exec(text);
  if (m) {
    const n = BigInt(m[1]);
    if (n >= -2147483648n && n <= 2147483647n) return { type: { type: 'INTEGER', nullable: false }, value: n.toString() };
    if (n >= -9223372036854775808n && n <= 9223372036854775807n) return { type: { type: 'BIGINT', nullable: false }, value: n.toString() };
    return undefined;
  }
  m = /^([+-]?)(\d*)\.(\d+)$/.exec(text);
  if (m) {
    const intPart = m[2].replace(/^0+(?=\d)/, '') || '0';
    const digits = (intPart === '0' ? '' : intPart).length + m[3].length;
    return { type: { type: 'DECIMAL', nullable: false, precision: Math.max(digits, m[3].length, 1), scale: m[3].length }, value: `${m[1] === '-' ? '-' : ''}${intPart}.${m[3]}` };
  }
  m = /^'((?:[^']|'')*)'$/.exec(text);
  if (m) {
    const value = m[1].replace(/''/g, "'");
    return { type: { type: 'CHAR', nullable: false, length: Math.max(1, value.length) }, value };
  }
  if (/^(true|false)$/i.test(text)) return { type: { type: 'BOOLEAN', nullable: false }, value: text.toUpperCase() };
  if (/^null$/i.test(text)) return { type: { type: 'NULL', nullable: true }, value: null };
  return undefined;
}

function selectLiterals(list: string): Plan {
  const items = splitList(list);
  if (!items) return notExecuted();
  const columns: Column[] = [];
  const row: Array<string | null> = [];
  for (const [i, item] of items.entries()) {
    const m = /^(.*?)(?:\s+(?:AS\s+)?(`(?:[^`]|``)+`|[A-Za-z_][\w$]*))?$/is.exec(item);
    let lit = parseLiteral(item);
    let name = `EXPR$${i}`;
    if (!lit && m && m[2] && !/^(true|false|null)$/i.test(m[2])) {
      lit = parseLiteral(m[1].trim());
      name = parseIdentifiers(m[2])?.[0] ?? name;
    }
    if (!lit) return notExecuted();
    columns.push({ name, type: lit.type });
    row.push(lit.value);
  }
  return { kind: 'static', sql_kind: 'SELECT', columns, rows: [row] };
}

// ---- topics ------------------------------------------------------------------------------------

/** A record's key or value as JSON when it is JSON (also after the Schema Registry's 5-byte prefix), else as text. */
export function decodeBytes(buf: Buffer | null): { json: unknown; text: string | null } {
  if (buf === null) return { json: undefined, text: null };
  const candidates = buf.length > 5 && buf[0] === 0 ? [buf.subarray(5), buf] : [buf];
  for (const b of candidates) {
    try {
      const json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(b));
      return { json, text: typeof json === 'string' ? json : JSON.stringify(json) };
    } catch {
      // not JSON
    }
  }
  try {
    return { json: undefined, text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    return { json: undefined, text: `x'${buf.toString('hex')}'` };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON value as a result cell: strings as they are, other scalars as their JSON text, null as null. */
const cell = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

function fieldType(values: unknown[]): DataType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === 'boolean')) return { type: 'BOOLEAN', nullable: true };
  if (present.length && present.every((v) => typeof v === 'number' && Number.isInteger(v))) return { type: 'BIGINT', nullable: true };
  if (present.length && present.every((v) => typeof v === 'number')) return { type: 'DOUBLE', nullable: true };
  return STRING();
}

/** The table's columns, from the records stored when the statement starts: `key`, then the value's fields or `val`. */
function topicColumns(records: StoredRecord[]): { columns: Column[]; fields: string[] | null } {
  const values = records.map((r) => decodeBytes(r.value).json);
  const columns: Column[] = [{ name: 'key', type: STRING() }];
  if (!records.length || !values.every(isObject)) return { columns: [...columns, { name: 'val', type: STRING() }], fields: null };
  const fields: string[] = [];
  for (const v of values as Array<Record<string, unknown>>) for (const k of Object.keys(v)) if (!fields.includes(k) && k !== 'key') fields.push(k);
  for (const f of fields) columns.push({ name: f, type: fieldType((values as Array<Record<string, unknown>>).map((v) => v[f])) });
  return { columns, fields };
}

/** One stored record as a result row of a topic plan. */
export function recordRow(plan: Extract<Plan, { kind: 'topic' }>, r: StoredRecord): Array<string | null> {
  const key = decodeBytes(r.key).text;
  const value = decodeBytes(r.value);
  if (!plan.fields) return [key, value.text];
  const obj = isObject(value.json) ? value.json : {};
  return [key, ...plan.fields.map((f) => cell(obj[f]))];
}

const SAMPLE_PER_PARTITION = 50;

function selectFromTopic(c: SqlContext, table: string, limit: number | undefined): Plan {
  const path = parseIdentifiers(table);
  if (!path || path.length > 3) return notExecuted();
  const db = resolveDatabase(c, path.length > 1 ? path.slice(0, -1) : undefined);
  if ('kind' in db) return db;
  const name = path[path.length - 1];
  const cloud = String(getAt(db.body, '/spec/cloud') ?? '');
  const region = String(getAt(db.body, '/spec/region') ?? '');
  if (cloud.toUpperCase() !== c.pool.cloud.toUpperCase() || region !== c.pool.region) {
    return fail(`The Kafka cluster '${db.id}' is in ${cloud} ${region} and the compute pool in ${c.pool.cloud} ${c.pool.region}: a statement reads the topics of its own region only`);
  }
  const topic = c.rt.kafka.topic(db.id, name);
  if (!topic) return fail(`Table '${name}' not found in database '${db.id}' (tables are the cluster's topics)`);
  const sample: StoredRecord[] = [];
  for (let p = 0; p < topic.partitions; p++) sample.push(...transactionsOf(c.rt).dataRecords(db.id, name, p, c.rt.kafka.read(db.id, name, p, 0, SAMPLE_PER_PARTITION)));
  const { columns, fields } = topicColumns(sample);
  return { kind: 'topic', sql_kind: 'SELECT', columns, cluster: db.id, topic: name, fields, ...(limit !== undefined ? { limit } : {}) };
}

// ---- statements --------------------------------------------------------------------------------

/** Strips comments, surrounding blanks and one trailing semicolon. */
function normalize(sql: string): string {
  return sql
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/--[^\n]*/g, ' ')
    .trim()
    .replace(/;\s*$/, '')
    .trim();
}

/** Plans (and, for the static kinds, evaluates) a statement against the emulator's state now. */
export function plan(c: SqlContext, statement: string): Plan {
  const sql = normalize(statement);
  if (/^SHOW\s+CATALOGS$/i.test(sql)) {
    const envs = repositoriesOf(c.rt).of('Environment').list({ org: c.org, limit: 1000 });
    return {
      kind: 'static',
      sql_kind: 'SHOW_CATALOGS',
      columns: [{ name: 'catalog name', type: STRING(false) }, { name: 'catalog id', type: STRING(false) }],
      rows: envs.map((e) => [String(getAt(e.body, '/display_name') ?? e.id), e.id]),
    };
  }
  let m = /^SHOW\s+DATABASES(?:\s+(?:FROM|IN)\s+(.+))?$/is.exec(sql);
  if (m) {
    const path = m[1] === undefined ? undefined : parseIdentifiers(m[1]);
    if (m[1] !== undefined && (!path || path.length !== 1)) return notExecuted();
    const catalog = path ? (findCatalog(c, path[0]) ?? fail(`Catalog '${path[0]}' not found`)) : currentCatalog(c);
    if ('kind' in catalog) return catalog;
    return {
      kind: 'static',
      sql_kind: 'SHOW_DATABASES',
      columns: [{ name: 'database name', type: STRING(false) }, { name: 'database id', type: STRING(false) }],
      rows: clustersOf(c, catalog.id).map((k) => [String(getAt(k.body, '/spec/display_name') ?? k.id), k.id]),
    };
  }
  m = /^SHOW\s+TABLES(?:\s+(?:FROM|IN)\s+(.+))?$/is.exec(sql);
  if (m) {
    const path = m[1] === undefined ? undefined : parseIdentifiers(m[1]);
    if (m[1] !== undefined && !path) return notExecuted();
    const db = resolveDatabase(c, path);
    if ('kind' in db) return db;
    return {
      kind: 'static',
      sql_kind: 'SHOW_TABLES',
      columns: [{ name: 'table name', type: STRING(false) }],
      rows: c.rt.kafka.topics(db.id).map((t) => [t.name]),
    };
  }
  m = /^SELECT\s+\*\s+FROM\s+(.+?)(?:\s+LIMIT\s+(\d+))?$/is.exec(sql);
  if (m) {
    const limit = m[2] === undefined ? undefined : Number(m[2]);
    if (limit !== undefined && !Number.isSafeInteger(limit)) return notExecuted();
    return selectFromTopic(c, m[1], limit);
  }
  m = /^SELECT\s+(.+)$/is.exec(sql);
  if (m && !/\bFROM\b/i.test(m[1].replace(/'(?:[^']|'')*'/g, "''"))) return selectLiterals(m[1]);
  return notExecuted();
}
