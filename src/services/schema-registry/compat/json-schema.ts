import type AjvModule from 'ajv';
import { lazyModule } from '../../../core/lazy-module.js';

/**
 * JSON Schema compatibility after Confluent Schema Registry's rules (its `json/diff` package):
 * can a consumer using `reader` read every document valid under `writer`? Confluent calls the
 * writer the "original" schema and the reader the "update"; BACKWARD compares (reader = new,
 * writer = old), FORWARD swaps them, FULL does both.
 *
 * Each problem is rendered as `ERROR_TYPE at '<JSON pointer into the reader>': <description>`,
 * e.g. `TYPE_NARROWED at '#/properties/age': the type changed from number to integer`. The error
 * types are Confluent's `Difference.Type` names for its incompatible changes; only incompatible
 * differences are reported. What is and is not checked is listed in ./README.md.
 */

type Schema = Record<string, unknown> | boolean;
type SchemaObject = Record<string, unknown>;

interface Problem {
  errorType: string;
  path: string;
  description: string;
}

interface Context {
  readerRoot: unknown;
  writerRoot: unknown;
  problems: Problem[];
  /** Pairs (writer, reader) already being compared, so that recursive `$ref`s terminate. */
  visiting: Map<object, Set<object>>;
}

const render = (p: Problem) => `${p.errorType} at '${p.path}': ${p.description}`;

const isObject = (s: unknown): s is SchemaObject => typeof s === 'object' && s !== null && !Array.isArray(s);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const show = (v: unknown) => JSON.stringify(v);
const pointerPart = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Keywords that constrain values; a schema with none of them accepts anything. */
const CONSTRAINING_KEYWORDS = [
  'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'patternProperties', 'items', 'prefixItems',
  'additionalItems', 'maxLength', 'minLength', 'pattern', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum',
  'multipleOf', 'maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties', 'allOf', 'anyOf', 'oneOf', 'not',
  '$ref', 'dependencies', 'dependentRequired', 'dependentSchemas', 'contains', 'propertyNames', 'if',
];

function acceptsEverything(s: unknown): boolean {
  if (s === true || s === undefined) return true;
  return isObject(s) && !CONSTRAINING_KEYWORDS.some((k) => k in s);
}

// ---------------------------------------------------------------------------------------------
// $ref resolution (local pointers only)

function resolvePointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let target: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObject(target) || Array.isArray(target) ? (target as Record<string, unknown>)[key] : undefined;
  }
  return target;
}

/** Follows `$ref`s to `#/definitions/..`, `#/$defs/..` (any local pointer) within the document. */
function resolveRefs(s: unknown, root: unknown): unknown {
  let current = s;
  for (let hops = 0; hops < 64 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const target = resolvePointer(root, current.$ref);
    if (target === undefined) return current;
    current = target;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Types

const TYPE_INFERRING_KEYWORDS: Record<string, string[]> = {
  object: ['properties', 'required', 'additionalProperties', 'patternProperties', 'maxProperties', 'minProperties'],
  array: ['items', 'prefixItems', 'additionalItems', 'maxItems', 'minItems', 'uniqueItems'],
  string: ['maxLength', 'minLength', 'pattern'],
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf'],
};

function typeOfValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function enumValues(s: SchemaObject): unknown[] | undefined {
  if (Array.isArray(s.enum)) return s.enum;
  if ('const' in s) return [s.const];
  return undefined;
}

/**
 * The JSON types a schema admits, or undefined for any: its `type`, else the types of its enum
 * values, else the type its keywords imply (as Confluent's everit loader does: `properties`
 * makes an object schema).
 */
function typesOf(s: SchemaObject): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  const values = enumValues(s);
  if (values) return [...new Set(values.map(typeOfValue))];
  const implied = Object.keys(TYPE_INFERRING_KEYWORDS).filter((t) => TYPE_INFERRING_KEYWORDS[t]!.some((k) => k in s));
  return implied.length === 1 ? implied : undefined;
}

const readerAcceptsType = (readerTypes: string[], t: string) => readerTypes.includes(t) || (t === 'integer' && readerTypes.includes('number'));

/** Answers false when the types differ so much that comparing further keywords is pointless. */
function compareTypes(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): boolean {
  const readerTypes = typesOf(reader);
  if (!readerTypes) return true;
  const writerTypes = typesOf(writer);
  if (!writerTypes) {
    report(ctx, 'TYPE_CHANGED', path, `the writer allowed any type, the reader requires ${readerTypes.join(' or ')}`);
    return false;
  }
  const lost = writerTypes.filter((t) => !readerAcceptsType(readerTypes, t));
  if (lost.length === 0) return true;
  const narrowed = lost.every((t) => t === 'number') && readerTypes.includes('integer');
  if (narrowed) {
    report(ctx, 'TYPE_NARROWED', path, `the type changed from number to integer`);
    return true;
  }
  report(ctx, 'TYPE_CHANGED', path, `the type changed from ${writerTypes.join(' or ')} to ${readerTypes.join(' or ')}`);
  return false;
}

// ---------------------------------------------------------------------------------------------
// enum / const

function compareEnums(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  const readerValues = enumValues(reader);
  if (!readerValues) return; // removing an enum only loosens
  const at = `${path}/${Array.isArray(reader.enum) ? 'enum' : 'const'}`;
  const writerValues = enumValues(writer);
  if (!writerValues) {
    report(ctx, 'ENUM_ARRAY_NARROWED', at, `the reader only accepts ${readerValues.map(show).join(', ')}, the writer accepted any value`);
    return;
  }
  const kept = new Set(readerValues.map(show));
  const lost = writerValues.map(show).filter((v) => !kept.has(v));
  if (lost.length === 0) return;
  const writerSet = new Set(writerValues.map(show));
  const errorType = readerValues.every((v) => writerSet.has(show(v))) ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED';
  report(ctx, errorType, at, `the values ${lost.join(', ')} are no longer accepted`);
}

// ---------------------------------------------------------------------------------------------
// Bounds

/** An upper bound tightens when it is added or lowered; a lower bound when added or raised. */
const BOUNDS: { keyword: string; upper: boolean; name: string }[] = [
  { keyword: 'maxLength', upper: true, name: 'MAX_LENGTH' },
  { keyword: 'minLength', upper: false, name: 'MIN_LENGTH' },
  { keyword: 'maximum', upper: true, name: 'MAXIMUM' },
  { keyword: 'minimum', upper: false, name: 'MINIMUM' },
  { keyword: 'exclusiveMaximum', upper: true, name: 'EXCLUSIVE_MAXIMUM' },
  { keyword: 'exclusiveMinimum', upper: false, name: 'EXCLUSIVE_MINIMUM' },
  { keyword: 'maxItems', upper: true, name: 'MAX_ITEMS' },
  { keyword: 'minItems', upper: false, name: 'MIN_ITEMS' },
  { keyword: 'maxProperties', upper: true, name: 'MAX_PROPERTIES' },
  { keyword: 'minProperties', upper: false, name: 'MIN_PROPERTIES' },
];

function compareBounds(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  for (const { keyword, upper, name } of BOUNDS) {
    // Draft-04's boolean exclusiveMaximum/exclusiveMinimum are modifiers, not bounds: not compared.
    const r = reader[keyword];
    const w = writer[keyword];
    if (!isNumber(r)) continue;
    const at = `${path}/${keyword}`;
    if (!isNumber(w)) report(ctx, `${name}_ADDED`, at, `${keyword} ${r} was added`);
    else if (upper && r < w) report(ctx, `${name}_DECREASED`, at, `${keyword} decreased from ${w} to ${r}`);
    else if (!upper && r > w) report(ctx, `${name}_INCREASED`, at, `${keyword} increased from ${w} to ${r}`);
  }
}

function comparePattern(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  if (typeof reader.pattern !== 'string' || reader.pattern === writer.pattern) return;
  if (typeof writer.pattern !== 'string') report(ctx, 'PATTERN_ADDED', `${path}/pattern`, `the pattern ${show(reader.pattern)} was added`);
  else report(ctx, 'PATTERN_CHANGED', `${path}/pattern`, `the pattern changed from ${show(writer.pattern)} to ${show(reader.pattern)}`);
}

const isMultiple = (a: number, b: number) => Math.abs(a / b - Math.round(a / b)) < 1e-9;

/** The reader's multipleOf must divide the writer's: every multiple of 6 is a multiple of 3. */
function compareMultipleOf(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  const r = reader.multipleOf;
  const w = writer.multipleOf;
  if (!isNumber(r) || r === w) return;
  const at = `${path}/multipleOf`;
  if (!isNumber(w)) report(ctx, 'MULTIPLE_OF_ADDED', at, `multipleOf ${r} was added`);
  else if (isMultiple(w, r)) return;
  else if (isMultiple(r, w)) report(ctx, 'MULTIPLE_OF_EXPANDED', at, `multipleOf expanded from ${w} to ${r}`);
  else report(ctx, 'MULTIPLE_OF_CHANGED', at, `multipleOf changed from ${w} to ${r}`);
}

function compareUniqueItems(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  if (reader.uniqueItems === true && writer.uniqueItems !== true) report(ctx, 'UNIQUE_ITEMS_ADDED', `${path}/uniqueItems`, 'the reader requires unique items');
}

// ---------------------------------------------------------------------------------------------
// Content models (objects and tuples)

/**
 * What a schema says about a member it does not declare: `open` (anything goes), `closed`
 * (nothing may be there) or `partial` (it must match this schema). For objects the member is a
 * property name, matched against `patternProperties` before `additionalProperties`.
 */
type ContentModel = { kind: 'open' } | { kind: 'closed' } | { kind: 'partial'; schema: unknown };

function contentModelOf(additional: unknown): ContentModel {
  if (additional === false) return { kind: 'closed' };
  if (acceptsEverything(additional)) return { kind: 'open' };
  return { kind: 'partial', schema: additional };
}

function propertyModel(s: SchemaObject, name: string): ContentModel {
  if (isObject(s.patternProperties)) {
    for (const [pattern, schema] of Object.entries(s.patternProperties)) {
      if (safeRegExp(pattern)?.test(name)) return contentModelOf(schema);
    }
  }
  return contentModelOf(s.additionalProperties);
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

const propertiesOf = (s: SchemaObject): SchemaObject => (isObject(s.properties) ? s.properties : {});
const requiredOf = (s: SchemaObject): Set<string> => new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
const hasDefault = (s: unknown) => isObject(s) && 'default' in s;

/** A property the reader still declares became required: old documents may lack it. */
function compareRequired(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  const readerProps = propertiesOf(reader);
  const writerRequired = requiredOf(writer);
  for (const name of requiredOf(reader)) {
    if (!(name in propertiesOf(writer)) || !(name in readerProps) || writerRequired.has(name)) continue;
    if (!hasDefault(readerProps[name])) report(ctx, 'REQUIRED_ATTRIBUTE_ADDED', `${path}/required/${pointerPart(name)}`, `the property ${show(name)} became required`);
  }
}

/** The reader dropped a property: old documents may still carry it, so the reader's model must admit it. */
function checkPropertyRemoved(ctx: Context, writerProp: unknown, reader: SchemaObject, name: string, at: string): void {
  const model = propertyModel(reader, name);
  if (model.kind === 'open') return;
  if (model.kind === 'partial') {
    if (!isCompatible(ctx, writerProp, model.schema, at)) report(ctx, 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, `the removed property ${show(name)} is not accepted by the reader's additional or pattern properties`);
    return;
  }
  if (writerProp !== false) report(ctx, 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', at, `the property ${show(name)} was removed from a closed content model`);
}

/** The reader declared a new property: what did the writer allow under that name? */
function checkPropertyAdded(ctx: Context, writer: SchemaObject, reader: SchemaObject, name: string, at: string): void {
  const readerProp = propertiesOf(reader)[name];
  const model = propertyModel(writer, name);
  if (model.kind === 'open') {
    // An open writer may have written any value under this name.
    if (!acceptsEverything(readerProp)) report(ctx, 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', at, `the property ${show(name)} was added to an open content model`);
    return;
  }
  if (model.kind === 'partial' && !isCompatible(ctx, model.schema, readerProp, at)) {
    report(ctx, 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, `the added property ${show(name)} does not accept what the writer's additional or pattern properties allowed`);
  }
  if (requiredOf(reader).has(name) && !hasDefault(readerProp)) {
    report(ctx, 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', at, `the required property ${show(name)} was added without a default`);
  }
}

function compareProperties(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  const writerProps = propertiesOf(writer);
  const readerProps = propertiesOf(reader);
  for (const name of new Set([...Object.keys(writerProps), ...Object.keys(readerProps)])) {
    const at = `${path}/properties/${pointerPart(name)}`;
    if (!(name in readerProps)) checkPropertyRemoved(ctx, writerProps[name], reader, name, at);
    else if (!(name in writerProps)) checkPropertyAdded(ctx, writer, reader, name, at);
    else compareSchemas(ctx, writerProps[name], readerProps[name], at);
  }
}

/** `additionalProperties` / `additionalItems`: closing an open model, or constraining it, narrows. */
function compareAdditional(ctx: Context, writerAdditional: unknown, readerAdditional: unknown, at: string, noun: string): void {
  const writerModel = contentModelOf(writerAdditional);
  const readerModel = contentModelOf(readerAdditional);
  if (readerModel.kind === 'closed') {
    if (writerModel.kind !== 'closed') report(ctx, noun === 'properties' ? 'ADDITIONAL_PROPERTIES_REMOVED' : 'ADDITIONAL_ITEMS_REMOVED', at, `the reader no longer accepts additional ${noun}`);
  } else if (readerModel.kind === 'partial') {
    if (writerModel.kind === 'open') report(ctx, noun === 'properties' ? 'ADDITIONAL_PROPERTIES_NARROWED' : 'ADDITIONAL_ITEMS_NARROWED', at, `the reader constrains additional ${noun} the writer left open`);
    else if (writerModel.kind === 'partial') compareSchemas(ctx, writerModel.schema, readerModel.schema, at);
  }
}

function compareObjects(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  compareRequired(ctx, writer, reader, path);
  compareProperties(ctx, writer, reader, path);
  compareAdditional(ctx, writer.additionalProperties, reader.additionalProperties, `${path}/additionalProperties`, 'properties');
}

// ---------------------------------------------------------------------------------------------
// Arrays

/** Draft 2020-12 spells tuples `prefixItems` + `items`; earlier drafts `items: [..]` + `additionalItems`. */
function arrayShape(s: SchemaObject): { all?: unknown; tuple: unknown[]; additional: unknown } {
  if (Array.isArray(s.prefixItems)) return { tuple: s.prefixItems, additional: s.items };
  if (Array.isArray(s.items)) return { tuple: s.items, additional: s.additionalItems };
  return { all: s.items, tuple: [], additional: undefined };
}

function compareTupleItems(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  const w = arrayShape(writer);
  const r = arrayShape(reader);
  const itemsKeyword = Array.isArray(reader.prefixItems) ? 'prefixItems' : 'items';
  for (let i = 0; i < Math.max(w.tuple.length, r.tuple.length); i++) {
    const at = `${path}/${itemsKeyword}/${i}`;
    if (i < w.tuple.length && i < r.tuple.length) compareSchemas(ctx, w.tuple[i], r.tuple[i], at);
    else if (i < w.tuple.length) checkItemRemoved(ctx, w.tuple[i], contentModelOf(r.additional), at);
    else checkItemAdded(ctx, contentModelOf(w.additional), r.tuple[i], at);
  }
  const additionalKeyword = Array.isArray(reader.prefixItems) ? 'items' : 'additionalItems';
  if (w.tuple.length || r.tuple.length) compareAdditional(ctx, w.additional, r.additional, `${path}/${additionalKeyword}`, 'items');
}

function checkItemRemoved(ctx: Context, writerItem: unknown, readerModel: ContentModel, at: string): void {
  if (readerModel.kind === 'open') return;
  if (readerModel.kind === 'partial') {
    if (!isCompatible(ctx, writerItem, readerModel.schema, at)) report(ctx, 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, 'the removed tuple item is not accepted by the reader\'s additional items');
  } else if (writerItem !== false) {
    report(ctx, 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL', at, 'a tuple item was removed from a closed content model');
  }
}

function checkItemAdded(ctx: Context, writerModel: ContentModel, readerItem: unknown, at: string): void {
  if (writerModel.kind === 'open') {
    if (!acceptsEverything(readerItem)) report(ctx, 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL', at, 'a tuple item was added to an open content model');
  } else if (writerModel.kind === 'partial' && !isCompatible(ctx, writerModel.schema, readerItem, at)) {
    report(ctx, 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, 'the added tuple item does not accept what the writer\'s additional items allowed');
  }
}

/** `items` as one schema for every item, or tuples on either side (then compared position by position). */
function compareArrays(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  const w = arrayShape(writer);
  const r = arrayShape(reader);
  if (w.tuple.length && r.tuple.length) compareTupleItems(ctx, writer, reader, path);
  else if (w.tuple.length) compareTupleWithItems(ctx, w.tuple, w.additional, r.all, path);
  else if (r.tuple.length) compareItemsWithTuple(ctx, w.all, r.tuple, r.additional, reader, path);
  else compareItems(ctx, w.all, r.all, `${path}/items`);
  compareUniqueItems(ctx, writer, reader, path);
}

function compareItems(ctx: Context, writerItems: unknown, readerItems: unknown, at: string): void {
  if (acceptsEverything(readerItems)) return;
  if (writerItems === undefined) report(ctx, 'SCHEMA_ADDED', at, 'the reader constrains items the writer left open');
  else compareSchemas(ctx, writerItems, readerItems, at);
}

/** The writer had a tuple, the reader one schema for every item: each position must fit it. */
function compareTupleWithItems(ctx: Context, tuple: unknown[], additional: unknown, readerItems: unknown, path: string): void {
  tuple.forEach((item) => compareItems(ctx, item, readerItems, `${path}/items`));
  if (additional !== false) compareItems(ctx, acceptsEverything(additional) ? undefined : additional, readerItems, `${path}/items`);
}

/** The writer had one schema for every item, the reader a tuple: each position and the rest must accept it. */
function compareItemsWithTuple(ctx: Context, writerItems: unknown, tuple: unknown[], additional: unknown, reader: SchemaObject, path: string): void {
  const keyword = Array.isArray(reader.prefixItems) ? 'prefixItems' : 'items';
  tuple.forEach((item, i) => compareItems(ctx, writerItems, item, `${path}/${keyword}/${i}`));
  compareAdditional(ctx, writerItems, additional, `${path}/${keyword === 'prefixItems' ? 'items' : 'additionalItems'}`, 'items');
}

// ---------------------------------------------------------------------------------------------
// Unions: anyOf / oneOf / allOf, and `type: [a, b]`

type Criterion = 'anyOf' | 'oneOf' | 'allOf';
interface Combination {
  criterion: Criterion;
  members: unknown[];
}

/** A schema read as a combination; `type: [a, b, ..]` is anyOf one schema per type, as everit reads it. */
function combinationOf(s: unknown): Combination | undefined {
  if (!isObject(s)) return undefined;
  for (const criterion of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(s[criterion])) return { criterion, members: dedupe(s[criterion] as unknown[]) };
  }
  if (Array.isArray(s.type) && s.type.length > 1) {
    const { type, ...rest } = s;
    return { criterion: 'anyOf', members: (type as string[]).map((t) => ({ ...rest, type: t })) };
  }
  return undefined;
}

function dedupe(members: unknown[]): unknown[] {
  const seen = new Set<string>();
  return members.filter((m) => !seen.has(show(m)) && !!seen.add(show(m)));
}

const isSum = (c: Combination) => c.criterion !== 'allOf';

/** Confluent allows any criterion to become anyOf, and a single-member combination to become oneOf or allOf. */
function criterionCompatible(writer: Combination, reader: Combination): boolean {
  if (writer.criterion === reader.criterion || reader.criterion === 'anyOf') return true;
  if (reader.criterion === 'oneOf') return writer.members.length === 1;
  return writer.members.length === 1 && reader.members.length === 1;
}

function compareCombinations(ctx: Context, writer: Combination, reader: Combination, path: string): void {
  if (!criterionCompatible(writer, reader)) {
    report(ctx, 'COMBINED_TYPE_CHANGED', path, `the combination changed from ${writer.criterion} to ${reader.criterion}`);
    return;
  }
  if (isSum(reader) && writer.members.length > reader.members.length) {
    report(ctx, 'SUM_TYPE_NARROWED', `${path}/${reader.criterion}`, `the reader's ${reader.criterion} has fewer members (${reader.members.length}) than the writer's (${writer.members.length})`);
  }
  if (!isSum(reader) && reader.members.length > writer.members.length) {
    report(ctx, 'PRODUCT_TYPE_EXTENDED', `${path}/allOf`, `the reader's allOf has more members (${reader.members.length}) than the writer's (${writer.members.length})`);
  }
  const compatible = (w: number, r: number) => isCompatible(ctx, writer.members[w], reader.members[r], `${path}/${reader.criterion}/${r}`);
  const matched = maximumMatching(writer.members.length, reader.members.length, compatible);
  if (matched < Math.min(writer.members.length, reader.members.length)) {
    report(ctx, 'COMBINED_TYPE_SUBSCHEMAS_CHANGED', `${path}/${reader.criterion}`, `not every member of the writer's ${writer.criterion} has its own compatible member in the reader's ${reader.criterion}`);
  }
}

/** Size of a maximum bipartite matching (Kuhn's augmenting paths); unions are small. */
function maximumMatching(left: number, right: number, edge: (l: number, r: number) => boolean): number {
  const edges = Array.from({ length: left }, (_, l) => Array.from({ length: right }, (_, r) => r).filter((r) => edge(l, r)));
  const matchOfRight = new Array<number>(right).fill(-1);
  const augment = (l: number, seen: boolean[]): boolean => {
    for (const r of edges[l]!) {
      if (seen[r]) continue;
      seen[r] = true;
      if (matchOfRight[r] === -1 || augment(matchOfRight[r]!, seen)) {
        matchOfRight[r] = l;
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let l = 0; l < left; l++) if (augment(l, new Array<boolean>(right).fill(false))) size++;
  return size;
}

/** Only one side is a combination: a reader union must have a member for the writer's schema. */
function compareOneSidedCombination(ctx: Context, writer: unknown, reader: unknown, path: string): void {
  const readerCombination = combinationOf(reader);
  const writerCombination = combinationOf(writer);
  if (readerCombination) {
    const members = readerCombination.members;
    const accepts = readerCombination.criterion === 'allOf' ? members.every((m, i) => isCompatible(ctx, writer, m, `${path}/allOf/${i}`)) : members.some((m, i) => isCompatible(ctx, writer, m, `${path}/${readerCombination.criterion}/${i}`));
    if (!accepts) report(ctx, 'TYPE_CHANGED', path, `no member of the reader's ${readerCombination.criterion} accepts what the writer's schema allowed`);
    return;
  }
  const writerMembers = writerCombination!.members;
  if (writerMembers.length === 1) return compareSchemas(ctx, writerMembers[0], reader, path);
  // The writer's allOf is an intersection: the reader need only accept the intersection. Checking it exactly is
  // beyond a diff; like Confluent, it is only accepted when some member alone is compatible with the reader.
  const accepted = writerCombination!.criterion === 'allOf' ? writerMembers.some((m) => isCompatible(ctx, m, reader, path)) : writerMembers.every((m) => isCompatible(ctx, m, reader, path));
  if (!accepted) report(ctx, 'TYPE_CHANGED', path, `the writer's ${writerCombination!.criterion} allowed values the reader does not accept`);
}

// ---------------------------------------------------------------------------------------------
// The comparison

function report(ctx: Context, errorType: string, path: string, description: string): void {
  ctx.problems.push({ errorType, path, description });
}

/** Compares in a scratch context: does the reader accept everything the writer allowed? */
function isCompatible(ctx: Context, writer: unknown, reader: unknown, path: string): boolean {
  const scratch: Context = { ...ctx, problems: [] };
  compareSchemas(scratch, writer, reader, path);
  return scratch.problems.length === 0;
}

/** Answers true when this pair is already being compared higher up (a recursive `$ref`). */
function enterPair(ctx: Context, writer: unknown, reader: unknown): boolean {
  if (!isObject(writer) || !isObject(reader)) return false;
  const readers = ctx.visiting.get(writer) ?? new Set<object>();
  if (readers.has(reader)) return true;
  readers.add(reader);
  ctx.visiting.set(writer, readers);
  return false;
}

function leavePair(ctx: Context, writer: unknown, reader: unknown): void {
  if (isObject(writer) && isObject(reader)) ctx.visiting.get(writer)?.delete(reader);
}

function compareSchemas(ctx: Context, writerSchema: unknown, readerSchema: unknown, path: string): void {
  const writer = resolveRefs(writerSchema, ctx.writerRoot);
  const reader = resolveRefs(readerSchema, ctx.readerRoot);
  if (writer === false || acceptsEverything(reader)) return; // nothing written, or anything read
  if (enterPair(ctx, writer, reader)) return;
  try {
    compareResolved(ctx, writer, reader, path);
  } finally {
    leavePair(ctx, writer, reader);
  }
}

function compareResolved(ctx: Context, writer: unknown, reader: unknown, path: string): void {
  if (reader === false) return report(ctx, 'TYPE_CHANGED', path, 'the reader accepts no value');
  if (isObject(reader) && typeof reader.$ref === 'string') return compareUnresolvedRef(ctx, writer, reader, path);
  const writerCombination = combinationOf(writer);
  const readerCombination = combinationOf(reader);
  if (writerCombination && readerCombination) return compareCombinations(ctx, writerCombination, readerCombination, path);
  if (writerCombination || readerCombination) return compareOneSidedCombination(ctx, writer, reader, path);
  compareSingle(ctx, writer === true ? {} : (writer as SchemaObject), reader as SchemaObject, path);
}

/** A `$ref` outside the document can't be followed: it is only compatible with the same `$ref`. */
function compareUnresolvedRef(ctx: Context, writer: unknown, reader: SchemaObject, path: string): void {
  if (isObject(writer) && writer.$ref === reader.$ref) return;
  report(ctx, 'TYPE_CHANGED', path, `the reader refers to ${show(reader.$ref)}, which cannot be resolved within the schema`);
}

function compareSingle(ctx: Context, writer: SchemaObject, reader: SchemaObject, path: string): void {
  if (!compareTypes(ctx, writer, reader, path)) return;
  compareEnums(ctx, writer, reader, path);
  compareBounds(ctx, writer, reader, path);
  comparePattern(ctx, writer, reader, path);
  compareMultipleOf(ctx, writer, reader, path);
  compareObjects(ctx, writer, reader, path);
  compareArrays(ctx, writer, reader, path);
}

/**
 * The problems that keep a consumer using `reader` (the new schema, for BACKWARD) from reading
 * every document valid under `writer` (the old one); empty when compatible.
 */
export function jsonSchemaBackwardProblems(reader: unknown, writer: unknown): string[] {
  const ctx: Context = { readerRoot: reader, writerRoot: writer, problems: [], visiting: new Map() };
  compareSchemas(ctx, writer, reader, '#');
  return ctx.problems.map(render);
}

// ---------------------------------------------------------------------------------------------
// Validation at registration

/** Loaded with the first JSON Schema checked, not at start. */
const ajvModule = lazyModule<typeof AjvModule>('ajv');

/**
 * Checks a JSON Schema text for registration: valid JSON, an object or a boolean, and compilable
 * by Ajv (non-strict, so unknown keywords and formats pass, as Confluent accepts them).
 * `$schema` is set aside: Ajv 8 knows only some drafts' meta-schemas, and Confluent accepts
 * drafts 4 to 2020-12.
 */
export function parseJsonSchema(text: string): { ok: true; schema: unknown } | { ok: false; error: string } {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `invalid JSON: ${(err as Error).message}` };
  }
  if (typeof schema !== 'boolean' && !isObject(schema)) return { ok: false, error: 'a JSON Schema is an object or a boolean' };
  try {
    const ajv = new (ajvModule().default)({ strict: false, validateSchema: true, logger: false, validateFormats: false });
    ajv.compile(withoutDraftMarkers(schema) as Parameters<typeof ajv.compile>[0]);
    return { ok: true, schema };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** Drops `$schema`, and draft-04's boolean `exclusiveMaximum`/`exclusiveMinimum`, which Ajv 8 rejects. */
function withoutDraftMarkers(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDraftMarkers);
  if (!isObject(schema)) return schema;
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    if ((key === 'exclusiveMaximum' || key === 'exclusiveMinimum') && typeof value === 'boolean') continue;
    out[key] = withoutDraftMarkers(value);
  }
  return out;
}
