import type { PhaseGraph } from '../core/lifecycle.js';
import type { IdStyle } from '../core/ids.js';

export type Dialect = 'management' | 'flat' | 'connect';
export type CrudAction = 'list' | 'create' | 'read' | 'update' | 'delete';
export type JsonSchema = Record<string, any>;

export interface FilterDecl {
  pointer: string;
  /** `exact` value, `contains` a substring, or `element`: the field is an array holding the value. */
  match: 'exact' | 'contains' | 'element';
}

/** A standard resource, as declared under `x-emulator.resources` (see openapi/README.md). */
export interface ResourceDecl {
  name: string;
  group: string;
  api_version: string;
  kind: string;
  collection: string;
  id: IdStyle;
  crn: string;
  scope?: ScopeDecl;
  /** A second scope a read, update or delete must match (404 otherwise): `second_scope`. */
  second_scope?: { query: string; pointer: string; update_body?: boolean };
  parent?: { param: string; resource: string };
  create_only: string[];
  read_only: string[];
  secret: string[];
  defaults: Record<string, unknown>;
  computed: Record<string, string>;
  unique: string[];
  refs: Record<string, RefDecl>;
  filters: Record<string, FilterDecl>;
  /** The compiled phase graph of its `lifecycle` declaration. */
  lifecycle?: PhaseGraph;
  cascade: Array<{ resource: string; ref: string }>;
  /** Resources referring to this one that forbid its deletion while they exist (`referenced_by` with `on_delete: restrict`). */
  restrict: Array<{ resource: string; ref: string; status: number; code: string }>;
  /** A field saying whether other resources refer to this one, kept up to date as they are written. */
  marks: Array<{ resource: string; ref: string; pointer: string; used: unknown; unused: unknown }>;
  /** Fields copied from the resource of the same id, on every write of it; deleted with it. */
  mirror?: { resource: string; fields: Record<string, string> };
  /** Rows the resource's hooks seed (`seed` hook) whenever a resource of this kind is created. */
  seed?: { with: string };
  quotas: QuotaDecl[];
  hooks?: string;
}

/**
 * Where a scoped resource's environment comes from. `update`: `body` makes an update name it in
 * its body (404 for an unknown resource, else 422 without it); `optional` lets an update name it
 * in the query or the body or not at all.
 */
export interface ScopeDecl {
  query: string;
  body: string;
  update?: 'body' | 'optional';
}

export interface RefDecl {
  resources: string[];
  /** The referenced resource must be in the same scope (environment) as the referring one (422). */
  same_scope?: boolean;
  /** Our pointer -> the referenced resource's pointer: the values must be equal (422). */
  match?: Record<string, string>;
  /** An update may change the reference (resolved and checked as on create); otherwise it is kept. */
  updatable?: boolean;
}

/** A quota counted per organization, per scope (the default), or per value of a body field. */
export interface QuotaDecl {
  name: string;
  limit: number;
  per: 'organization' | 'scope' | { pointer: string };
}

/** Another rendering of a declared resource, under another API version (`x-emulator.views`). */
export interface ViewDecl {
  name: string;
  resource: string;
  api_version: string;
  kind: string;
  collection: string;
  /** Code that reshapes the resource's rendering: the `render` hook of this hooks module. */
  hooks: string;
}

export interface OperationParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

/** One operation of the merged documents, resolved once at start-up. */
export interface Operation {
  operationId: string;
  method: string;
  /** OpenAPI path, `{param}` style. */
  path: string;
  /**
   * The same operation served under another path prefix (Kafka REST's `/kafka/v3` is also
   * Confluent Platform's `/v3`), from the document's `x-emulator.path_aliases`.
   */
  aliases: Array<{ from: string; to: string }>;
  group: string;
  dialect: Dialect;
  stage: string;
  /** Security scheme names; empty when the operation needs no credentials. */
  security: string[];
  parameters: OperationParameter[];
  requestSchema?: JsonSchema;
  responses: Record<string, JsonSchema>;
  successStatus: number;
  /**
   * The declared resource the operation acts on. `handler: code` says that a hand-written handler
   * serves it instead of the engine (the binding still names the resource, for authorization).
   */
  binding?: { resource: string; action: CrudAction; handler?: 'code'; view?: string };
  /** `x-emulator-authorization` (or the group's `x-emulator.authorization`): see openapi/README.md. */
  authorization?: unknown;
  /** The dereferenced operation object, as openapi-backend's validator wants it. */
  raw: JsonSchema;
}
