import { sortKeys } from './metadata.js';
import type { ParsedSchema } from './formats.js';

/**
 * Schema normalization (`normalize=true`, or `normalize` in the effective config): spellings of
 * one schema that differ only cosmetically get one text, so that they get one id.
 *
 * - Avro: Avro's parsing canonical form (full names, namespaces folded in, primitive types as bare
 *   names, `type`/`name`/`fields`/`symbols`/`items`/`values`/`size` first) that keeps what Confluent
 *   keeps: defaults, aliases (full names), docs, order, logical types and other properties, in
 *   sorted order after the canonical members.
 * - JSON Schema: object keys sorted, at every depth.
 * - Protobuf: comments dropped, one statement per line with two-space indentation and canonical
 *   spacing; `syntax`, `package`, then the imports and the file options sorted, then the
 *   definitions in their order.
 */
export function normalizeSchema(parsed: ParsedSchema): ParsedSchema {
  switch (parsed.type) {
    case 'AVRO': {
      const json = normalizeAvro(parsed.json, '', new Set());
      return { ...parsed, canonical: JSON.stringify(json), json };
    }
    case 'JSON': {
      const json = sortKeys(parsed.json);
      return { ...parsed, canonical: JSON.stringify(json), json };
    }
    case 'PROTOBUF':
      return { ...parsed, canonical: normalizeProto(parsed.canonical) };
  }
}

// ---------------------------------------------------------------------------------------------
// Avro

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const NAMED = new Set(['record', 'error', 'enum', 'fixed']);
const CANONICAL_ORDER = ['type', 'name', 'fields', 'symbols', 'items', 'values', 'size'];

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A name as written, made full: dotted names are full already; others take the namespace when a type of that full name is defined. */
function fullName(name: string, namespace: string, known: Set<string>): string {
  if (name.includes('.') || !namespace) return name;
  const qualified = `${namespace}.${name}`;
  return known.has(qualified) ? qualified : name;
}

function namespaceOf(full: string): string {
  const dot = full.lastIndexOf('.');
  return dot < 0 ? '' : full.slice(0, dot);
}

/** Canonical members first (in Avro's order), then the others sorted by name. */
function ordered(members: Json): Json {
  const first = CANONICAL_ORDER.filter((k) => k in members);
  const rest = Object.keys(members)
    .filter((k) => !CANONICAL_ORDER.includes(k))
    .sort();
  return Object.fromEntries([...first, ...rest].map((k) => [k, members[k]]));
}

function normalizeAvro(schema: unknown, namespace: string, known: Set<string>): unknown {
  if (typeof schema === 'string') return PRIMITIVES.has(schema) ? schema : fullName(schema, namespace, known);
  if (Array.isArray(schema)) return schema.map((branch) => normalizeAvro(branch, namespace, known));
  if (!isObject(schema)) return schema;
  const { type } = schema;
  // `{"type": "string"}` is `"string"`; `{"type": {...}}` is the inner type.
  if (Object.keys(schema).length === 1 && !(typeof type === 'string' && (NAMED.has(type) || type === 'array' || type === 'map'))) return normalizeAvro(type, namespace, known);
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) if (k !== 'namespace') out[k] = sortKeys(v);
  if (typeof type === 'string' && NAMED.has(type) && typeof schema.name === 'string') {
    const name = schema.name.includes('.') ? schema.name : [schema.namespace ?? namespace, schema.name].filter(Boolean).join('.');
    known.add(name);
    const inner = namespaceOf(name);
    out.name = name;
    if (Array.isArray(schema.aliases)) out.aliases = schema.aliases.map((a) => (typeof a === 'string' && !a.includes('.') && inner ? `${inner}.${a}` : a));
    if (type === 'record' || type === 'error') out.fields = Array.isArray(schema.fields) ? schema.fields.map((f) => normalizeField(f, inner, known)) : schema.fields;
    return ordered(out);
  }
  if (type === 'array') out.items = normalizeAvro(schema.items, namespace, known);
  else if (type === 'map') out.values = normalizeAvro(schema.values, namespace, known);
  else out.type = typeof type === 'string' ? type : normalizeAvro(type, namespace, known);
  return ordered(out);
}

function normalizeField(field: unknown, namespace: string, known: Set<string>): unknown {
  if (!isObject(field)) return field;
  const out: Json = {};
  for (const [k, v] of Object.entries(field)) out[k] = k === 'type' ? normalizeAvro(v, namespace, known) : sortKeys(v);
  const first = ['name', 'type'].filter((k) => k in out);
  const rest = Object.keys(out)
    .filter((k) => !first.includes(k))
    .sort();
  return Object.fromEntries([...first, ...rest].map((k) => [k, out[k]]));
}

// ---------------------------------------------------------------------------------------------
// Protobuf

const TOKEN = /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[A-Za-z0-9_.+]+|[^\sA-Za-z0-9_.]/g;

function tokensOf(text: string): string[] {
  return (text.match(TOKEN) ?? []).filter((t) => !/^\s/.test(t) && !t.startsWith('//') && !t.startsWith('/*'));
}

const NO_SPACE_BEFORE = new Set([',', ';', ')', ']', '>', ':']);
const NO_SPACE_AFTER = new Set(['(', '[', '<', '-']);

/** The tokens of one statement, spaced canonically: `map<string, int32> tags = 3 [deprecated = true]`. */
function joinTokens(tokens: string[]): string {
  let line = '';
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const glued = i === 0 || NO_SPACE_BEFORE.has(t) || NO_SPACE_AFTER.has(prev) || (t === '<' && prev === 'map') || (t.startsWith('.') && prev === ')');
    line += glued ? t : ` ${t}`;
  });
  return line;
}

interface Statement {
  text: string;
  /** The lines of its block (`message X { ... }`), when it has one. */
  block?: string[];
}

function normalizeProto(text: string): string {
  const tokens = tokensOf(text);
  let pos = 0;
  // Reads statements until the closing brace of the current block (or the end).
  const readStatements = (): Statement[] => {
    const statements: Statement[] = [];
    let current: string[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos++];
      if (t === ';') {
        if (current.length) statements.push({ text: `${joinTokens(current)};` });
        current = [];
      } else if (t === '{') {
        const head = joinTokens(current);
        const inner = readStatements();
        const trailing = tokens[pos] === ';' ? (pos++, ';') : '';
        statements.push({ text: head, block: [...inner.flatMap(render), `}${trailing}`] });
        current = [];
      } else if (t === '}') {
        if (current.length) statements.push({ text: joinTokens(current) });
        return statements;
      } else current.push(t);
    }
    if (current.length) statements.push({ text: joinTokens(current) });
    return statements;
  };
  const render = (s: Statement): string[] => (s.block ? [`${s.text} {`, ...s.block.slice(0, -1).map((l) => `  ${l}`), s.block[s.block.length - 1]] : [s.text]);
  const top = readStatements();
  const starting = (word: string) => (s: Statement) => !s.block && s.text.split(/[\s(]/)[0] === word;
  const sorted = (word: string) => top.filter(starting(word)).sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const rest = top.filter((s) => !['syntax', 'edition', 'package', 'import', 'option'].some((w) => starting(w)(s)));
  return [...top.filter(starting('syntax')), ...top.filter(starting('edition')), ...top.filter(starting('package')), ...sorted('import'), ...sorted('option'), ...rest].flatMap(render).join('\n');
}
