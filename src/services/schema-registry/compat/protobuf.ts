import type protobuf from 'protobufjs';
import { lazyModule } from '../../../core/lazy-module.js';

const protobufjs = lazyModule<typeof protobuf>('protobufjs');

/**
 * Protobuf compatibility after Confluent Schema Registry's rules (its `protobuf/diff` package):
 * can a consumer using the `reader` schema parse every message written with the `writer` schema?
 * Confluent calls the writer the "original" and the reader the "update"; BACKWARD compares
 * (reader = new, writer = old), FORWARD swaps them, FULL does both.
 *
 * Each problem is rendered as `ERROR_TYPE at '#/<message>/<field number>': <description>`, with
 * Confluent's `Difference.Type` names for its incompatible changes; the changes it deems
 * compatible (fields or messages added, fields removed or renamed, enums and their constants
 * added, removed or renamed, oneofs added or removed, messages reordered) are not reported.
 * What is and is not checked is listed in ./README.md.
 */

interface Problem {
  errorType: string;
  path: string;
  description: string;
}

interface ParsedProto {
  packageName: string;
  /** Every message, nested ones too, by its name within the package (`Outer.Inner`). */
  messages: Map<string, protobuf.Type>;
}

const render = (p: Problem) => `${p.errorType} at '${p.path}': ${p.description}`;

// ---------------------------------------------------------------------------------------------
// Parsing

function parse(text: string): protobuf.IParserResult {
  return protobufjs().parse(text, { keepCase: true, alternateCommentMode: true });
}

/** `.a.b.Outer.Inner` in package `a.b` -> `Outer.Inner`. */
function localName(fullName: string, packageName: string): string {
  const name = fullName.replace(/^\./, '');
  return packageName && name.startsWith(`${packageName}.`) ? name.slice(packageName.length + 1) : name;
}

function collectMessages(ns: protobuf.NamespaceBase, packageName: string, into: Map<string, protobuf.Type>): void {
  for (const nested of ns.nestedArray) {
    if (nested instanceof (protobufjs().Type)) into.set(localName(nested.fullName, packageName), nested);
    if (nested instanceof (protobufjs().Namespace) || nested instanceof (protobufjs().Type)) collectMessages(nested, packageName, into);
  }
}

function readProto(text: string): ParsedProto {
  const result = parse(text);
  const packageName = result.package ?? '';
  const messages = new Map<string, protobuf.Type>();
  collectMessages(result.root, packageName, messages);
  return { packageName, messages };
}

// ---------------------------------------------------------------------------------------------
// Field types

/** Scalars that share a wire encoding and so read each other's values (as Confluent groups them). */
const SCALAR_KINDS: Record<string, string> = {
  int32: 'GENERAL_NUMBER', int64: 'GENERAL_NUMBER', uint32: 'GENERAL_NUMBER', uint64: 'GENERAL_NUMBER', bool: 'GENERAL_NUMBER',
  sint32: 'SIGNED_NUMBER', sint64: 'SIGNED_NUMBER',
  fixed32: 'FIXED32', sfixed32: 'FIXED32',
  fixed64: 'FIXED64', sfixed64: 'FIXED64',
  float: 'FLOAT', double: 'DOUBLE',
  // Confluent accepts string <-> bytes, although bytes that aren't UTF-8 don't read as a string.
  string: 'STRING_OR_BYTES', bytes: 'STRING_OR_BYTES',
};

/** A field's declared type as this file sees it: a scalar kind, or a named message type. */
type FieldType = { kind: 'scalar'; scalarKind: string; name: string } | { kind: 'message'; name: string };

function resolveNamed(context: protobuf.NamespaceBase, typeName: string): protobuf.ReflectionObject | null {
  try {
    return context.lookup(typeName, [protobufjs().Type, protobufjs().Enum]);
  } catch {
    return null;
  }
}

/** Enums travel as varints, like int32; a type this file can't resolve (imported) is known by its name. */
function fieldTypeOf(typeName: string, context: protobuf.NamespaceBase, packageName: string): FieldType {
  const scalarKind = SCALAR_KINDS[typeName];
  if (scalarKind) return { kind: 'scalar', scalarKind, name: typeName };
  const resolved = resolveNamed(context, typeName);
  if (resolved instanceof (protobufjs().Enum)) return { kind: 'scalar', scalarKind: 'GENERAL_NUMBER', name: `enum ${localName(resolved.fullName, packageName)}` };
  if (resolved) return { kind: 'message', name: localName(resolved.fullName, packageName) };
  return { kind: 'message', name: typeName.replace(/^\./, '') };
}

type Field = protobuf.FieldBase;
const isMap = (f: Field): f is protobuf.MapField => f.map;
const kindOfField = (f: Field) => (isMap(f) ? 'map' : undefined);
/** The rule as written; `Field.required` is only settled once features are resolved. Untyped in protobufjs's d.ts. */
const isRequired = (f: Field) => (f as unknown as { rule?: string }).rule === 'required';
const describeType = (f: Field) => (isMap(f) ? `map<${f.keyType}, ${f.type}>` : f.type);

// ---------------------------------------------------------------------------------------------
// Oneofs

/** proto3 `optional` fields sit in a synthetic oneof of their own; Confluent treats them as plain fields. */
const isSyntheticOneof = (o: protobuf.OneOf) => o.fieldsArray.length === 1 && o.fieldsArray[0]!.options?.proto3_optional === true;
const realOneofs = (t: protobuf.Type) => t.oneofsArray.filter((o) => !isSyntheticOneof(o));

function oneofOf(f: Field): string | undefined {
  return f.partOf && !isSyntheticOneof(f.partOf) ? f.partOf.name : undefined;
}

// ---------------------------------------------------------------------------------------------
// Comparison

interface Context {
  writer: ParsedProto;
  reader: ParsedProto;
  problems: Problem[];
}

function report(ctx: Context, errorType: string, path: string, description: string): void {
  ctx.problems.push({ errorType, path, description });
}

/** Compares the types of one field number: kind (scalar, message, map), scalar group, named type. */
function compareFieldTypes(ctx: Context, w: Field, r: Field, at: string): void {
  const writerKind = kindOfField(w) ?? fieldTypeOf(w.type, w.parent!, ctx.writer.packageName).kind;
  const readerKind = kindOfField(r) ?? fieldTypeOf(r.type, r.parent!, ctx.reader.packageName).kind;
  const change = `field ${r.name} changed from ${describeType(w)} to ${describeType(r)}`;
  if (writerKind !== readerKind) return report(ctx, 'FIELD_KIND_CHANGED', at, change);
  if (isMap(w) && isMap(r)) {
    compareNamedTypes(ctx, w.keyType, w, r.keyType, r, at, change);
    compareNamedTypes(ctx, w.type, w, r.type, r, at, change);
    return;
  }
  if (compareNamedTypes(ctx, w.type, w, r.type, r, at, change)) compareLabels(ctx, w, r, at);
}

/** Answers true when the types match, so that labels are worth comparing. */
function compareNamedTypes(ctx: Context, writerType: string, w: Field, readerType: string, r: Field, at: string, change: string): boolean {
  const wt = fieldTypeOf(writerType, w.parent!, ctx.writer.packageName);
  const rt = fieldTypeOf(readerType, r.parent!, ctx.reader.packageName);
  if (wt.kind !== rt.kind) {
    report(ctx, 'FIELD_KIND_CHANGED', at, change);
    return false;
  }
  if (wt.kind === 'scalar' && rt.kind === 'scalar' && wt.scalarKind !== rt.scalarKind) {
    report(ctx, 'FIELD_SCALAR_KIND_CHANGED', at, change);
    return false;
  }
  if (wt.kind === 'message' && wt.name !== rt.name) {
    report(ctx, 'FIELD_NAMED_TYPE_CHANGED', at, change);
    return false;
  }
  return true;
}

/**
 * singular <-> repeated. Numeric scalars are packed when repeated (a length-delimited record a
 * singular reader can't take), so that change is incompatible; strings, bytes and messages are
 * length-delimited either way, so it is compatible for them, as Confluent has it.
 */
function compareLabels(ctx: Context, w: Field, r: Field, at: string): void {
  if (w.repeated === r.repeated) return;
  const type = fieldTypeOf(w.type, w.parent!, ctx.writer.packageName);
  if (type.kind === 'scalar' && type.scalarKind !== 'STRING_OR_BYTES') {
    report(ctx, 'FIELD_NUMERIC_LABEL_CHANGED', at, `field ${r.name} changed from ${w.repeated ? 'repeated' : 'singular'} to ${r.repeated ? 'repeated' : 'singular'}`);
  }
}

/**
 * Confluent's oneof rule: a reader oneof may take in at most one field that was a plain field of
 * the writer, and only if its other fields are new (none was in a writer oneof). Otherwise a writer
 * that set two of them produces a message the reader reads as a different, single case.
 */
function compareOneofMembership(ctx: Context, writer: protobuf.Type, reader: protobuf.Type, path: string): void {
  for (const oneof of realOneofs(reader)) {
    const at = `${path}/${oneof.name}`;
    let moved = 0;
    let fromWriterOneofs = 0;
    for (const field of oneof.fieldsArray) {
      const before = writer.fieldsById[field.id];
      if (!before) continue;
      if (oneofOf(before) === undefined) moved++;
      else fromWriterOneofs++;
    }
    if (moved > 1) report(ctx, 'MULTIPLE_FIELDS_MOVED_TO_ONEOF', at, `${moved} existing fields were moved into oneof ${oneof.name}`);
    else if (moved === 1 && fromWriterOneofs > 0) report(ctx, 'FIELD_MOVED_TO_EXISTING_ONEOF', at, `an existing field was moved into oneof ${oneof.name}, which holds fields of another oneof`);
  }
}

/** A field only the writer has: skipped as unknown by the reader, unless it mattered to a oneof or was required. */
function checkFieldRemoved(ctx: Context, w: Field, reader: protobuf.Type, at: string): void {
  const oneof = oneofOf(w);
  const readerOneofNames = new Set(realOneofs(reader).map((o) => o.name));
  if (oneof !== undefined && readerOneofNames.has(oneof)) report(ctx, 'ONEOF_FIELD_REMOVED', at, `field ${w.name} was removed from oneof ${oneof}`);
  else if (isRequired(w)) report(ctx, 'REQUIRED_FIELD_REMOVED', at, `required field ${w.name} was removed`);
}

function checkFieldAdded(ctx: Context, r: Field, at: string): void {
  if (isRequired(r)) report(ctx, 'REQUIRED_FIELD_ADDED', at, `required field ${r.name} was added`);
}

function compareMessages(ctx: Context, writer: protobuf.Type, reader: protobuf.Type, name: string): void {
  const path = `#/${name}`;
  compareOneofMembership(ctx, writer, reader, path);
  const ids = new Set([...writer.fieldsArray, ...reader.fieldsArray].map((f) => f.id));
  for (const id of [...ids].sort((a, b) => a - b)) {
    const at = `${path}/${id}`;
    const w = writer.fieldsById[id];
    const r = reader.fieldsById[id];
    if (w && r) compareFieldTypes(ctx, w, r, at);
    else if (w) checkFieldRemoved(ctx, w, reader, at);
    else if (r) checkFieldAdded(ctx, r, at);
  }
}

function compareProtos(ctx: Context): void {
  const { writer, reader } = ctx;
  if (writer.packageName !== reader.packageName) {
    report(ctx, 'PACKAGE_CHANGED', '#/', `the package changed from ${JSON.stringify(writer.packageName)} to ${JSON.stringify(reader.packageName)}`);
  }
  for (const [name, writerMessage] of writer.messages) {
    const readerMessage = reader.messages.get(name);
    if (!readerMessage) report(ctx, 'MESSAGE_REMOVED', `#/${name}`, `message ${name} was removed`);
    else compareMessages(ctx, writerMessage, readerMessage, name);
  }
}

/**
 * The problems that keep a consumer using `reader` (the new `.proto`, for BACKWARD) from parsing
 * every message written with `writer` (the old one); empty when compatible. A schema that does
 * not parse is one problem, `PROTOBUF_PARSE_ERROR`.
 */
export function protobufBackwardProblems(reader: string, writer: string): string[] {
  let ctx: Context;
  try {
    ctx = { writer: readProto(writer), reader: readProto(reader), problems: [] };
  } catch (err) {
    return [render({ errorType: 'PROTOBUF_PARSE_ERROR', path: '#/', description: (err as Error).message })];
  }
  compareProtos(ctx);
  return ctx.problems.map(render);
}

/**
 * Checks a `.proto` text for registration. Its types must resolve unless it imports others (those
 * are registered as references and not available here).
 */
export function parseProtobuf(text: string): { ok: true } | { ok: false; error: string } {
  try {
    const result = parse(text);
    const imports = [...(result.imports ?? []), ...(result.weakImports ?? [])];
    if (imports.length === 0) result.root.resolveAll();
    return { ok: true };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
