/**
 * JSON Schema compatibility, after Confluent's rules for JSON Schema: can a reader using `reader`
 * accept every document valid under `writer`? Each problem is `ERROR_TYPE at '<json pointer>': ...`.
 * Checked: type changes (integer to number widens; losing a type narrows), required properties
 * added, properties removed from or added to a closed content model (`additionalProperties:
 * false`), an open model closed, enum values removed, and numeric, string and array bounds
 * tightened; objects and array items recursively, `$ref` to local definitions resolved.
 */
type Schema = Record<string, unknown> | boolean;
type Obj = Record<string, unknown>;

const isObj = (s: unknown): s is Obj => !!s && typeof s === 'object' && !Array.isArray(s);

function typesOf(s: Obj): string[] | undefined {
  if (s.type === undefined) return undefined;
  return Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
}

/** Resolves `#/definitions/x` and `#/$defs/x` references within the document. */
function resolve(s: Schema, root: Schema): Schema {
  let current = s;
  for (let depth = 0; isObj(current) && typeof current.$ref === 'string' && depth < 32; depth++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) break;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = isObj(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (target === undefined) break;
    current = target as Schema;
  }
  return current;
}

const closed = (s: Obj) => s.additionalProperties === false;

/** Bounds where a larger reader value is looser (max*) or a smaller one is (min*). */
const UPPER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
const LOWER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];

function checkTypes(r: Obj, w: Obj, at: string, out: string[]): void {
  const rt = typesOf(r);
  const wt = typesOf(w);
  if (!rt) return;
  if (!wt) {
    out.push(`TYPE_NARROWED at '${at}': the reader requires ${rt.join(' or ')} where the writer allowed any type`);
    return;
  }
  for (const t of wt) {
    const accepted = rt.includes(t) || (t === 'integer' && rt.includes('number'));
    if (!accepted) out.push(`TYPE_NARROWED at '${at}': the writer's ${t} is no longer accepted (reader: ${rt.join(', ')})`);
  }
}

function checkBounds(r: Obj, w: Obj, at: string, out: string[]): void {
  for (const k of UPPER) {
    if (typeof r[k] === 'number' && (typeof w[k] !== 'number' || (r[k] as number) < (w[k] as number))) out.push(`MAX_TIGHTENED at '${at}': ${k} ${String(w[k] ?? 'unbounded')} -> ${r[k]}`);
  }
  for (const k of LOWER) {
    if (typeof r[k] === 'number' && (typeof w[k] !== 'number' || (r[k] as number) > (w[k] as number))) out.push(`MIN_TIGHTENED at '${at}': ${k} ${String(w[k] ?? 'unbounded')} -> ${r[k]}`);
  }
  if (r.pattern !== undefined && r.pattern !== w.pattern) out.push(`PATTERN_CHANGED at '${at}': ${String(w.pattern ?? 'none')} -> ${String(r.pattern)}`);
  if (typeof r.multipleOf === 'number' && (typeof w.multipleOf !== 'number' || (w.multipleOf as number) % (r.multipleOf as number) !== 0)) out.push(`MULTIPLE_OF_CHANGED at '${at}'`);
  if (r.uniqueItems === true && w.uniqueItems !== true) out.push(`UNIQUE_ITEMS_ADDED at '${at}'`);
}

function checkEnum(r: Obj, w: Obj, at: string, out: string[]): void {
  if (!Array.isArray(r.enum)) return;
  const kept = new Set((r.enum as unknown[]).map((v) => JSON.stringify(v)));
  const lost = Array.isArray(w.enum) ? (w.enum as unknown[]).filter((v) => !kept.has(JSON.stringify(v))) : ['(any value)'];
  if (lost.length) out.push(`ENUM_ARRAY_NARROWED at '${at}': ${lost.map((v) => JSON.stringify(v)).join(', ')} no longer allowed`);
}

function checkObject(r: Obj, w: Obj, at: string, out: string[], roots: [Schema, Schema]): void {
  const rp = (isObj(r.properties) ? r.properties : {}) as Obj;
  const wp = (isObj(w.properties) ? w.properties : {}) as Obj;
  const wRequired = new Set((w.required as string[] | undefined) ?? []);
  for (const name of (r.required as string[] | undefined) ?? []) {
    if (!wRequired.has(name)) out.push(`REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL at '${at}/required': ${name} is now required`);
  }
  if (closed(r) && !closed(w)) out.push(`ADDITIONAL_PROPERTIES_REMOVED at '${at}': the content model was closed`);
  for (const name of Object.keys(wp)) {
    if (name in rp) compare(rp[name] as Schema, wp[name] as Schema, `${at}/properties/${name}`, out, roots);
    else if (closed(r)) out.push(`PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL at '${at}/properties/${name}'`);
  }
  if (!closed(w)) {
    for (const name of Object.keys(rp)) {
      // An open writer may have written any value under a name the reader now constrains.
      if (!(name in wp) && isObj(rp[name]) && Object.keys(rp[name] as Obj).length) out.push(`PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL at '${at}/properties/${name}'`);
    }
  }
}

function compare(reader: Schema, writer: Schema, at: string, out: string[], roots: [Schema, Schema]): void {
  const r = resolve(reader, roots[0]);
  const w = resolve(writer, roots[1]);
  if (r === true || (isObj(r) && Object.keys(r).length === 0)) return;
  if (r === false) {
    if (w !== false) out.push(`SCHEMA_NARROWED at '${at}': the reader accepts nothing`);
    return;
  }
  if (w === false) return;
  const ro = r as Obj;
  const wo = w === true ? {} : (w as Obj);
  checkTypes(ro, wo, at, out);
  checkEnum(ro, wo, at, out);
  checkBounds(ro, wo, at, out);
  if (ro.properties !== undefined || ro.required !== undefined || closed(ro)) checkObject(ro, wo, at, out, roots);
  if (ro.items !== undefined && !Array.isArray(ro.items)) compare(ro.items as Schema, (wo.items ?? true) as Schema, `${at}/items`, out, roots);
}

export function jsonSchemaBackwardProblems(reader: unknown, writer: unknown): string[] {
  const out: string[] = [];
  compare(reader as Schema, writer as Schema, '#', out, [reader as Schema, writer as Schema]);
  return out;
}
