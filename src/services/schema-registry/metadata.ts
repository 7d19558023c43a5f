import { invalidSchema, srError } from './errors.js';

const invalidRuleSet = (detail: string) => srError(422, 42210, `Invalid rule set: ${detail}`);

/**
 * Data-contract metadata and rule sets, as Confluent Schema Registry keeps them with a schema.
 * They are part of the schema's identity: the same text with other metadata is another schema
 * (another id, another version). The emulator stores and answers rule sets; it runs no rule
 * (clients such as `@confluentinc/schemaregistry` run them).
 */
export interface Metadata {
  tags?: Record<string, string[]>;
  properties?: Record<string, string>;
  sensitive?: string[];
}

export interface Rule {
  name: string;
  [member: string]: unknown;
}

export interface RuleSet {
  migrationRules?: Rule[];
  domainRules?: Rule[];
  encodingRules?: Rule[];
  enableAt?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A metadata object from a request: `null` or empty is none; anything malformed is 42201. */
export function metadataOf(raw: unknown): Metadata | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) throw invalidSchema('metadata must be an object');
  const m: Metadata = {};
  if (raw.tags !== undefined && raw.tags !== null) {
    if (!isObject(raw.tags) || Object.values(raw.tags).some((v) => !Array.isArray(v) || v.some((t) => typeof t !== 'string'))) throw invalidSchema('metadata.tags must map names to arrays of strings');
    if (Object.keys(raw.tags).length) m.tags = raw.tags as Record<string, string[]>;
  }
  if (raw.properties !== undefined && raw.properties !== null) {
    if (!isObject(raw.properties) || Object.values(raw.properties).some((v) => typeof v !== 'string')) throw invalidSchema('metadata.properties must map names to strings');
    if (Object.keys(raw.properties).length) m.properties = raw.properties as Record<string, string>;
  }
  if (raw.sensitive !== undefined && raw.sensitive !== null) {
    if (!Array.isArray(raw.sensitive) || raw.sensitive.some((v) => typeof v !== 'string')) throw invalidSchema('metadata.sensitive must be an array of strings');
    if (raw.sensitive.length) m.sensitive = raw.sensitive as string[];
  }
  return Object.keys(m).length ? m : undefined;
}

const RULE_LISTS = ['migrationRules', 'domainRules', 'encodingRules'] as const;

/** A rule set from a request: rules need a name; `null` or empty is none; anything malformed is 42210. */
export function ruleSetOf(raw: unknown): RuleSet | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) throw invalidRuleSet('ruleSet must be an object');
  const rs: RuleSet = {};
  for (const list of RULE_LISTS) {
    const rules = raw[list];
    if (rules === undefined || rules === null) continue;
    if (!Array.isArray(rules) || rules.some((r) => !isObject(r) || typeof r.name !== 'string' || !r.name)) throw invalidRuleSet(`${list} must be an array of rules, each with a name`);
    if (rules.length) rs[list] = rules as Rule[];
  }
  if (typeof raw.enableAt === 'string') rs.enableAt = raw.enableAt;
  return Object.keys(rs).length ? rs : undefined;
}

/** Confluent's merge of metadata: properties and tags of `over` replace those of `under` by key, sensitive names add up. */
export function mergeMetadata(under?: Metadata, over?: Metadata): Metadata | undefined {
  if (!under) return over;
  if (!over) return under;
  const merged: Metadata = {};
  const tags = { ...under.tags, ...over.tags };
  const properties = { ...under.properties, ...over.properties };
  const sensitive = [...new Set([...(under.sensitive ?? []), ...(over.sensitive ?? [])])].sort();
  if (Object.keys(tags).length) merged.tags = tags;
  if (Object.keys(properties).length) merged.properties = properties;
  if (sensitive.length) merged.sensitive = sensitive;
  return merged;
}

/** Confluent's merge of rule sets: a rule of `over` replaces the rule of `under` with its name, others are appended. */
export function mergeRuleSets(under?: RuleSet, over?: RuleSet): RuleSet | undefined {
  if (!under) return over;
  if (!over) return under;
  const merged: RuleSet = {};
  for (const list of RULE_LISTS) {
    const overRules = over[list] ?? [];
    const rules = [...(under[list] ?? []).filter((r) => !overRules.some((o) => o.name === r.name)), ...overRules];
    if (rules.length) merged[list] = rules;
  }
  const enableAt = over.enableAt ?? under.enableAt;
  if (enableAt) merged.enableAt = enableAt;
  return merged;
}

/**
 * What a registration stores: the config's defaults under the request's own values (or, when the
 * request has none, those of the subject's latest version), and the config's overrides over them.
 */
export function effectiveOf<T>(own: T | undefined, previous: T | undefined, defaults: T | undefined, overrides: T | undefined, merge: (under?: T, over?: T) => T | undefined): T | undefined {
  return merge(merge(defaults, own ?? previous), overrides);
}

/** JSON with object keys sorted, so that equal values have one text (arrays keep their order). */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}
