import type { Runtime } from '../../runtime.js';
import type { SchemaReference, StoredSchema, SubjectVersion } from '../../store/schema-registry.js';
import { compatibilityProblems, DEFAULT_COMPATIBILITY, type CompatibilityLevel } from './compatibility.js';
import { invalidSchema, invalidVersion, operationNotPermitted, schemaNotFound, srError, subjectNotFound, versionNotFound } from './errors.js';
import { fingerprintOf, parseSchema, type ParsedSchema, type SchemaType } from './formats.js';
import { backwardCheckOf } from './format-checks.js';

/** A schema as a client sends it to register, look up or test. */
export interface SchemaInput {
  schema: string;
  schemaType?: string;
  references?: SchemaReference[];
  id?: number;
  version?: number;
}

export const DEFAULT_MODE = 'READWRITE';

/**
 * The semantics of one Schema Registry cluster over its store: global ids shared by identical
 * schemas, versions per subject, soft then permanent deletes, compatibility and mode settings
 * with subject-level values falling back to the global ones.
 */
export class Registry {
  constructor(
    private readonly rt: Runtime,
    readonly cluster: string,
  ) {}

  private get store() {
    return this.rt.schemaRegistry;
  }

  compatibility(subject?: string): CompatibilityLevel {
    const own = subject === undefined ? undefined : this.store.setting(this.cluster, subject, 'compatibility');
    return (own ?? this.store.setting(this.cluster, '', 'compatibility') ?? DEFAULT_COMPATIBILITY) as CompatibilityLevel;
  }

  mode(subject?: string): string {
    const own = subject === undefined ? undefined : this.store.setting(this.cluster, subject, 'mode');
    return own ?? this.store.setting(this.cluster, '', 'mode') ?? DEFAULT_MODE;
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
    if (raw === 'latest' || raw === '-1') return versions[versions.length - 1];
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > 2 ** 31 - 1) throw invalidVersion(raw);
    const found = versions.find((v) => v.version === n);
    if (!found) throw versionNotFound(raw);
    return found;
  }

  schema(id: number): StoredSchema {
    const s = this.store.schema(this.cluster, id);
    if (!s) throw schemaNotFound(`Schema ${id} not found`);
    return s;
  }

  /** Parses a schema with its references resolved to the registered schemas they name. */
  parse(input: SchemaInput): ParsedSchema {
    const type = (input.schemaType ?? 'AVRO').toUpperCase();
    if (type !== 'AVRO' && type !== 'JSON' && type !== 'PROTOBUF') throw invalidSchema(`unknown schema type ${input.schemaType}`);
    if (typeof input.schema !== 'string') throw invalidSchema('the schema must be a string');
    const references = (input.references ?? []).map((ref) => {
      const version = this.store.versions(this.cluster, ref.subject).find((v) => v.version === ref.version && !v.deleted);
      if (!version) throw invalidSchema(`the reference ${ref.name} names ${ref.subject} version ${ref.version}, which does not exist`);
      const target = this.schema(version.schema_id);
      return { name: ref.name, type: target.schema_type as SchemaType, schema: target.schema };
    });
    return parseSchema(type, input.schema, references);
  }

  private parsedOf(s: StoredSchema): ParsedSchema {
    return this.parse({ schema: s.schema, schemaType: s.schema_type, references: s.references });
  }

  /** The problems with a candidate against a subject's live versions (all, or up to one), under the subject's level. */
  problems(subject: string, candidate: ParsedSchema, against?: SubjectVersion[]): string[] {
    const live = against ?? this.store.versions(this.cluster, subject).filter((v) => !v.deleted);
    const existing = live.map((v) => this.parsedOf(this.schema(v.schema_id)));
    const mismatched = existing.find((e) => e.type !== candidate.type);
    if (mismatched) return [`TYPE_MISMATCH: the subject holds ${mismatched.type} schemas and this one is ${candidate.type}`];
    return compatibilityProblems(this.compatibility(subject), candidate, existing, backwardCheckOf(candidate.type));
  }

  /** The live version of a subject holding exactly this schema, if any. */
  lookup(subject: string, parsed: ParsedSchema, references: SchemaReference[], deleted = false): SubjectVersion | undefined {
    const existing = this.store.schemaByFingerprint(this.cluster, fingerprintOf(parsed.type, parsed.canonical, references));
    if (!existing) return undefined;
    return this.store.versions(this.cluster, subject).find((v) => v.schema_id === existing.id && (deleted || !v.deleted));
  }

  /**
   * Registers a schema under a subject: the existing id when the subject already has it, else a
   * new version after the compatibility check, reusing the global id of an identical schema
   * registered elsewhere. In IMPORT mode the client gives the id (and may give the version).
   */
  register(subject: string, input: SchemaInput): number {
    const mode = this.mode(subject);
    if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') throw operationNotPermitted(`Subject ${subject} is in read-only mode`);
    const parsed = this.parse(input);
    const references = input.references ?? [];
    const already = this.lookup(subject, parsed, references);
    if (already && input.id === undefined) return already.schema_id;
    if (mode !== 'IMPORT') {
      if (input.id !== undefined) throw operationNotPermitted(`Subject ${subject} is not in import mode`);
      const problems = this.problems(subject, parsed);
      if (problems.length) throw srError(409, 409, `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${problems.join(', ')}]`);
    }
    const fingerprint = fingerprintOf(parsed.type, parsed.canonical, references);
    return this.rt.tx(() => {
      const known = this.store.schemaByFingerprint(this.cluster, fingerprint);
      if (input.id !== undefined && known && known.id !== input.id) throw srError(422, 42207, `Schema already registered with id ${known.id} instead of input id ${input.id}`);
      if (input.id !== undefined && !known && this.store.schema(this.cluster, input.id)) throw srError(422, 42207, `Overwrite new schema with id ${input.id} is not permitted.`);
      const id = known?.id ?? this.store.addSchema(this.cluster, { schema_type: parsed.type, schema: parsed.canonical, references }, fingerprint, input.id);
      const versions = this.store.versions(this.cluster, subject);
      const version = input.version ?? (versions.length ? versions[versions.length - 1].version + 1 : 1);
      if (versions.some((v) => v.version === version)) throw srError(422, 42207, `Version ${version} already exists for subject ${subject}`);
      this.store.addVersion(this.cluster, subject, version, id);
      return id;
    });
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
    if (permanent) {
      this.store.setSetting(this.cluster, subject, 'compatibility', null);
      this.store.setSetting(this.cluster, subject, 'mode', null);
    }
    return doomed.map((v) => v.version);
  }

  deleteVersion(subject: string, raw: string, permanent: boolean): number {
    // `latest` is the latest live version unless the delete is permanent; a number may name a soft-deleted one.
    const latest = raw === 'latest' || raw === '-1';
    const v = this.version(subject, raw, permanent || !latest);
    if (permanent && !v.deleted) throw srError(404, 40407, `Subject '${subject}' Version ${v.version} was not deleted first before being permanently deleted`);
    if (!permanent && v.deleted) throw srError(404, 40406, `Subject '${subject}' Version ${v.version} was soft deleted.Set permanent=true to delete permanently`);
    this.refuseIfReferenced(v);
    this.rt.tx(() => (permanent ? this.store.hardDelete(this.cluster, subject, v.version) : this.store.softDelete(this.cluster, subject, v.version)));
    return v.version;
  }

  /** A schema that other schemas reference cannot be deleted (42206). */
  private refuseIfReferenced(v: SubjectVersion): void {
    const users = this.store.referencedBy(this.cluster, v.subject, v.version);
    if (users.length) throw srError(422, 42206, `One or more references exist to the schema {subject=${v.subject},version=${v.version}}: ids ${users.join(', ')}`);
  }
}
