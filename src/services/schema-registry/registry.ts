import type { Runtime } from '../../runtime.js';
import { checkSchemaLimit } from './schema-limit.js';
import type { SchemaReference, SettingKind, StoredSchema, SubjectVersion } from '../../store/schema-registry.js';
import { compatibilityProblems, DEFAULT_COMPATIBILITY, type CompatibilityLevel } from './compatibility.js';
import { parseConfig, type ConfigMembers } from './config.js';
import { contextKey, contextOf, DEFAULT_CONTEXT, qualifiedSubject, subjectInContext } from './contexts.js';
import { invalidSchema, invalidVersion, operationNotPermitted, schemaNotFound, srError, subjectNotFound, versionNotFound } from './errors.js';
import { fingerprintOf, parseSchema, type ParsedSchema, type SchemaType } from './formats.js';
import { backwardCheckOf } from './format-checks.js';
import { effectiveOf, mergeMetadata, mergeRuleSets, metadataOf, ruleSetOf, stableJson, type Metadata, type RuleSet } from './metadata.js';
import { normalizeSchema } from './normalize.js';

/** A schema as a client sends it to register, look up or test. */
export interface SchemaInput {
  schema: string;
  schemaType?: string;
  references?: SchemaReference[];
  id?: number;
  version?: number;
  metadata?: unknown;
  ruleSet?: unknown;
}

export const DEFAULT_MODE = 'READWRITE';

/** A subject may be registered unless it has control characters or names a context only (`:.eu:`). */
const isValidSubject = (subject: string) => !/[\u0000-\u001f\u007f]/.test(subject) && qualifiedSubject(subject).name !== '';

/** A schema as the registry compares it: parsed (normalized when asked), with its references, metadata and rule set. */
interface Candidate {
  parsed: ParsedSchema;
  references: SchemaReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
}

/** A version with its schema, as read in one query. */
type VersionWithSchema = SubjectVersion & { stored: StoredSchema };

/** How a candidate is matched against stored schemas. */
interface Match {
  normalize: boolean;
  /** Compare metadata and rule set too (they are part of the identity on register; on lookup only when the request gives them). */
  metadata: boolean;
  ruleSet: boolean;
  deleted: boolean;
}

/**
 * The semantics of one Schema Registry cluster over its store: ids per context shared by
 * identical schemas, versions per subject, soft then permanent deletes, config and mode settings
 * with subject-level values falling back to the context's, then to the global ones. Subjects are
 * given in their canonical form (contexts.ts).
 */
export class Registry {
  constructor(
    private readonly rt: Runtime,
    readonly cluster: string,
  ) {}

  private get store() {
    return this.rt.schemaRegistry;
  }

  /** Where a subject's settings are looked up, nearest first: the subject, its context, the registry. */
  private scopes(subject?: string): string[] {
    if (subject === undefined || subject === '') return [''];
    const ctx = contextKey(contextOf(subject));
    return [subject, ...(ctx && ctx !== subject ? [ctx] : []), ''];
  }

  /** The settings of each of a subject's scopes, nearest first, read in one query. */
  private layers(subject?: string): Array<Partial<Record<SettingKind, string>>> {
    const scopes = this.scopes(subject);
    const layers = scopes.map(() => ({}) as Partial<Record<SettingKind, string>>);
    for (const row of this.store.settingsAt(this.cluster, scopes)) layers[scopes.indexOf(row.subject)][row.kind] = row.value;
    return layers;
  }

  private resolve(kind: SettingKind, subject?: string, layers = this.layers(subject)): string | undefined {
    return layers.find((layer) => layer[kind] !== undefined)?.[kind];
  }

  compatibility(subject?: string): CompatibilityLevel {
    return (this.resolve('compatibility', subject) ?? DEFAULT_COMPATIBILITY) as CompatibilityLevel;
  }

  mode(subject?: string, layers?: Array<Partial<Record<SettingKind, string>>>): string {
    return this.resolve('mode', subject, layers) ?? DEFAULT_MODE;
  }

  /** The config members stored at one scope (subject, `:.ctx:` or '' for global). */
  ownConfig(scope: string): ConfigMembers | undefined {
    return parseConfig(this.store.setting(this.cluster, scope, 'config'));
  }

  /** The effective config members of a subject: each from the nearest scope that sets it. */
  config(subject?: string, layers = this.layers(subject)): ConfigMembers {
    return Object.assign({}, ...[...layers].reverse().map((layer) => parseConfig(layer.config) ?? {}));
  }

  /** Whether to normalize: the request's `normalize` when it says, else the effective config's (`cfg` when already read). */
  normalizes(subject: string, requested?: boolean, cfg?: ConfigMembers): boolean {
    return requested ?? (cfg ?? this.config(subject)).normalize === true;
  }

  /** Versions of a subject, live ones only unless `deleted`; 40401 when there are none. */
  versions(subject: string, deleted = false): SubjectVersion[] {
    const all = this.store.versions(this.cluster, subject);
    const shown = deleted ? all : all.filter((v) => !v.deleted);
    if (!shown.length) throw subjectNotFound(subject);
    return shown;
  }

  /** A version by number, `latest` or -1; 42202 for anything else, 40402 when it does not exist. */
  version(subject: string, raw: string, deleted = false): SubjectVersion {
    const versions = this.versions(subject, deleted);
    if (raw.toLowerCase() === 'latest' || raw === '-1') return versions[versions.length - 1];
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > 2 ** 31 - 1) throw invalidVersion(raw);
    const found = versions.find((v) => v.version === n);
    if (!found) throw versionNotFound(raw);
    return found;
  }

  /**
   * The highest version whose metadata properties hold every given pair (40401 when the subject
   * has no versions, 40403 when none of them matches).
   */
  latestWithProperties(subject: string, properties: Record<string, string>, deleted = false): SubjectVersion {
    const versions = this.versions(subject, deleted);
    for (let i = versions.length - 1; i >= 0; i--) {
      const held = (this.schemaOf(versions[i]).metadata as Metadata | undefined)?.properties ?? {};
      if (Object.entries(properties).every(([k, v]) => held[k] === v)) return versions[i];
    }
    throw schemaNotFound(`No version of subject '${subject}' has the metadata ${JSON.stringify(properties)}`);
  }

  /** A schema by id within a context (ids of other contexts do not resolve). */
  schema(id: number, context = DEFAULT_CONTEXT): StoredSchema {
    const s = this.store.schema(this.cluster, id, context);
    if (!s) throw schemaNotFound(`Schema ${id} not found`);
    return s;
  }

  /** The schema of a subject's version. */
  schemaOf(v: SubjectVersion): StoredSchema {
    return this.schema(v.schema_id, contextOf(v.subject));
  }

  /**
   * Parses a schema with its references resolved to the registered schemas they name (an
   * unqualified subject in a reference is one of the schema's context), normalized when asked.
   */
  parse(input: SchemaInput, context = DEFAULT_CONTEXT, normalize = false): ParsedSchema {
    const type = (input.schemaType ?? 'AVRO').toUpperCase();
    if (type !== 'AVRO' && type !== 'JSON' && type !== 'PROTOBUF') throw invalidSchema(`unknown schema type ${input.schemaType}`);
    if (typeof input.schema !== 'string') throw invalidSchema('the schema must be a string');
    const references = (input.references ?? []).map((ref) => {
      // Schema Registry needs all three parts to resolve a reference; a partial one is an invalid schema.
      if (typeof ref?.name !== 'string' || typeof ref.subject !== 'string' || !Number.isInteger(ref.version)) {
        throw invalidSchema(`every reference needs a name, a subject and a version: ${JSON.stringify(ref)}`);
      }
      const subject = subjectInContext(ref.subject, context);
      const version = this.store.versions(this.cluster, subject).find((v) => v.version === ref.version && !v.deleted);
      if (!version) throw invalidSchema(`the reference ${ref.name} names ${ref.subject} version ${ref.version}, which does not exist`);
      const target = this.schemaOf(version);
      return { name: ref.name, type: target.schema_type as SchemaType, schema: target.schema };
    });
    const parsed = parseSchema(type, input.schema, references);
    return normalize ? normalizeSchema(parsed) : parsed;
  }

  private parsedOf(s: StoredSchema, normalize = false): ParsedSchema {
    return this.parse({ schema: s.schema, schemaType: s.schema_type, references: s.references }, s.context, normalize);
  }

  /**
   * The problems with a candidate against a subject's live versions (all, or up to one), under the
   * subject's level. Versions given with their schema are not read again.
   */
  problems(subject: string, candidate: ParsedSchema, against?: Array<SubjectVersion & { stored?: StoredSchema }>): string[] {
    const live = against ?? this.store.versionsWithSchemas(this.cluster, subject).filter((v) => !v.deleted);
    if (!live.length) return [];
    const existing = live.map((v) => this.parsedOf(v.stored ?? this.schemaOf(v)));
    const mismatched = existing.find((e) => e.type !== candidate.type);
    if (mismatched) return [`TYPE_MISMATCH: the subject holds ${mismatched.type} schemas and this one is ${candidate.type}`];
    return compatibilityProblems(this.compatibility(subject), candidate, existing, backwardCheckOf(candidate.type));
  }

  /** Whether a stored schema is the candidate; under normalize, the stored one is normalized too before comparing texts. */
  private same(stored: StoredSchema, c: Candidate, how: Match): boolean {
    if (stored.schema_type !== c.parsed.type || stableJson(stored.references) !== stableJson(c.references)) return false;
    if (how.metadata && stableJson(stored.metadata ?? null) !== stableJson(c.metadata ?? null)) return false;
    if (how.ruleSet && stableJson(stored.ruleSet ?? null) !== stableJson(c.ruleSet ?? null)) return false;
    if (stored.schema === c.parsed.canonical) return true;
    return how.normalize && this.parsedOf(stored, true).canonical === c.parsed.canonical;
  }

  /** The latest of a subject's versions (oldest first) holding the candidate, if any. */
  private find(versions: VersionWithSchema[], c: Candidate, how: Match): VersionWithSchema | undefined {
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i];
      if ((how.deleted || !v.deleted) && this.same(v.stored, c, how)) return v;
    }
    return undefined;
  }

  /**
   * Looks a schema up under a subject: the latest version with the same schema (normalized when
   * asked) and references, and the same metadata and rule set when the request gives them (with
   * the config's defaults and overrides applied, as on register). 40401 when the subject has no
   * versions at all, soft-deleted ones included.
   */
  lookup(subject: string, input: SchemaInput, normalize?: boolean, deleted = false): VersionWithSchema | undefined {
    // One read transaction: on a file store each statement outside one takes and drops the WAL read lock itself.
    return this.rt.tx(() => this.lookupIn(subject, input, normalize, deleted));
  }

  private lookupIn(subject: string, input: SchemaInput, normalize: boolean | undefined, deleted: boolean): VersionWithSchema | undefined {
    const versions = this.store.versionsWithSchemas(this.cluster, subject);
    if (!versions.length) throw subjectNotFound(subject);
    const context = contextOf(subject);
    const cfg = this.config(subject);
    const normalizes = this.normalizes(subject, normalize, cfg);
    const parsed = this.parse(input, context, normalizes);
    const ownMetadata = metadataOf(input.metadata);
    const ownRuleSet = ruleSetOf(input.ruleSet);
    const c: Candidate = {
      parsed,
      references: input.references ?? [],
      metadata: ownMetadata && effectiveOf(ownMetadata, undefined, metadataOf(cfg.defaultMetadata), metadataOf(cfg.overrideMetadata), mergeMetadata),
      ruleSet: ownRuleSet && effectiveOf(ownRuleSet, undefined, ruleSetOf(cfg.defaultRuleSet), ruleSetOf(cfg.overrideRuleSet), mergeRuleSets),
    };
    return this.find(versions, c, { normalize: normalizes, metadata: ownMetadata !== undefined, ruleSet: ownRuleSet !== undefined, deleted });
  }

  /**
   * Registers a schema under a subject: the existing id when the subject already has it, else a
   * new version after the compatibility check, reusing the id of an identical schema registered
   * elsewhere in the subject's context. Metadata and rule set are the request's (else the latest
   * version's) over the config's defaults, under its overrides. In IMPORT mode the client gives
   * the id (and may give the version).
   */
  register(subject: string, input: SchemaInput, normalizeRequested?: boolean): number {
    if (!isValidSubject(subject)) throw srError(422, 42208, `The specified subject '${subject}' is not a valid.`);
    // One transaction from the first read to the last write: what was checked is what is written,
    // and the statements share one WAL lock and one commit.
    return this.rt.tx(() => this.registerIn(subject, input, normalizeRequested));
  }

  private registerIn(subject: string, input: SchemaInput, normalizeRequested: boolean | undefined): number {
    const layers = this.layers(subject);
    const mode = this.mode(subject, layers);
    const context = contextOf(subject);
    if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') throw operationNotPermitted(`Subject ${subject} in context ${context} is in read-only mode`);
    const cfg = this.config(subject, layers);
    const normalize = this.normalizes(subject, normalizeRequested, cfg);
    const parsed = this.parse(input, context, normalize);
    const references = input.references ?? [];
    const all = this.store.versionsWithSchemas(this.cluster, subject);
    const live = all.filter((v) => !v.deleted);
    const previous = live.length ? live[live.length - 1].stored : undefined;
    const c: Candidate = {
      parsed,
      references,
      metadata: effectiveOf(metadataOf(input.metadata), metadataOf(previous?.metadata), metadataOf(cfg.defaultMetadata), metadataOf(cfg.overrideMetadata), mergeMetadata),
      ruleSet: effectiveOf(ruleSetOf(input.ruleSet), ruleSetOf(previous?.ruleSet), ruleSetOf(cfg.defaultRuleSet), ruleSetOf(cfg.overrideRuleSet), mergeRuleSets),
    };
    const already = this.find(all, c, { normalize, metadata: true, ruleSet: true, deleted: false });
    if (already && input.id === undefined) return already.schema_id;
    if (mode !== 'IMPORT') {
      if (input.id !== undefined) throw operationNotPermitted(`Subject ${subject} in context ${context} is not in import mode`);
      const problems = this.problems(subject, parsed, this.sameGroup(live, cfg.compatibilityGroup, c.metadata));
      if (problems.length) throw srError(409, 409, `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${problems.join(', ')}]`);
    }
    const contract = { metadata: c.metadata && stableJson(c.metadata), ruleSet: c.ruleSet && stableJson(c.ruleSet) };
    const fingerprint = fingerprintOf(parsed.type, parsed.canonical, references, contract);
    const known = this.store.schemaByFingerprint(this.cluster, fingerprint, context);
    if (input.id !== undefined && known && known.id !== input.id) throw srError(422, 42207, `Schema already registered with id ${known.id} instead of input id ${input.id}`);
    if (input.id !== undefined && !known && this.store.schema(this.cluster, input.id, context)) throw srError(422, 42207, `Overwrite new schema with id ${input.id} in context ${context} is not permitted.`);
    const stored = { context, schema_type: parsed.type, schema: parsed.canonical, references, ...(c.metadata ? { metadata: c.metadata as Record<string, unknown> } : {}), ...(c.ruleSet ? { ruleSet: c.ruleSet as Record<string, unknown> } : {}) };
    const id = known?.id ?? this.store.addSchema(this.cluster, stored, fingerprint, input.id);
    checkSchemaLimit(this.rt, this.cluster);
    // `all` was read in this transaction: every version of the subject, soft-deleted ones included.
    const version = input.version ?? (all.length ? all[all.length - 1].version + 1 : 1);
    if (all.some((v) => v.version === version)) throw srError(422, 42207, `Version ${version} already exists for subject ${subject}`);
    this.store.addVersion(this.cluster, subject, version, id, context);
    // A soft-deleted twin (the same schema, deleted from this subject) gives way to the new version.
    for (const twin of all.filter((v) => v.deleted && v.schema_id === id)) this.store.hardDelete(this.cluster, subject, twin.version);
    return id;
  }

  /**
   * The versions a candidate is checked against under a `compatibilityGroup`: those whose metadata
   * property named by the group has the candidate's value (all of them without a group).
   */
  private sameGroup(live: VersionWithSchema[], group: string | undefined, metadata: Metadata | undefined): VersionWithSchema[] {
    if (!group) return live;
    const value = metadata?.properties?.[group];
    return live.filter((v) => (v.stored.metadata as Metadata | undefined)?.properties?.[group] === value);
  }

  /** Soft-deletes a subject (every live version) or, once soft-deleted, deletes it for good. */
  deleteSubject(subject: string, permanent: boolean): number[] {
    const all = this.store.versions(this.cluster, subject);
    if (!all.length) throw subjectNotFound(subject);
    const live = all.filter((v) => !v.deleted);
    if (permanent && live.length) throw srError(404, 40405, `Subject '${subject}' was not deleted first before being permanently deleted`);
    const doomed = permanent ? all : live;
    if (!doomed.length) throw srError(404, 40404, `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`);
    for (const v of doomed) this.refuseIfReferenced(v);
    this.rt.tx(() => doomed.forEach((v) => (permanent ? this.store.hardDelete(this.cluster, subject, v.version) : this.store.softDelete(this.cluster, subject, v.version))));
    if (permanent) for (const kind of ['compatibility', 'mode', 'config'] as const) this.store.setSetting(this.cluster, subject, kind, null);
    return doomed.map((v) => v.version);
  }

  deleteVersion(subject: string, raw: string, permanent: boolean): number {
    // `latest` is the latest live version unless the delete is permanent; a number may name a soft-deleted one.
    const latest = raw.toLowerCase() === 'latest' || raw === '-1';
    const v = this.version(subject, raw, permanent || !latest);
    if (permanent && !v.deleted) throw srError(404, 40407, `Subject '${subject}' Version ${v.version} was not deleted first before being permanently deleted`);
    if (!permanent && v.deleted) throw srError(404, 40406, `Subject '${subject}' Version ${v.version} was soft deleted.Set permanent=true to delete permanently`);
    this.refuseIfReferenced(v);
    this.rt.tx(() => (permanent ? this.store.hardDelete(this.cluster, subject, v.version) : this.store.softDelete(this.cluster, subject, v.version)));
    return v.version;
  }

  /** The ids of the schemas whose references name this subject and version (references taken in their schema's context). */
  referencedBy(subject: string, version: number): number[] {
    return this.store
      .schemasWithReferences(this.cluster)
      .filter((s) => s.references.some((ref) => ref.version === version && subjectInContext(ref.subject, s.context) === subject))
      .map((s) => s.id);
  }

  /** A schema that other schemas reference cannot be deleted (42206). */
  private refuseIfReferenced(v: SubjectVersion): void {
    const users = this.referencedBy(v.subject, v.version);
    if (users.length) throw srError(422, 42206, `One or more references exist to the schema {subject=${v.subject},version=${v.version}}: ids ${users.join(', ')}`);
  }
}
