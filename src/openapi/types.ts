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
  scope?: { query: string; body: string };
  parent?: { param: string; resource: string };
  create_only: string[];
  read_only: string[];
  secret: string[];
  defaults: Record<string, unknown>;
  computed: Record<string, string>;
  unique: string[];
  refs: Record<string, { resources: string[] }>;
  filters: Record<string, FilterDecl>;
  /** The compiled phase graph of its `lifecycle` declaration. */
  lifecycle?: PhaseGraph;
  cascade: Array<{ resource: string; ref: string }>;
  quota?: { name: string; limit: number };
  hooks?: string;
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
  /** Fastify route path, `:param` style. */
  route: string;
  /**
   * The same operation served under another path prefix (Kafka REST's `/kafka/v3` is also
   * Confluent Platform's `/v3`), from the document's `x-emulator.path_aliases`.
   */
  aliases: Array<{ from: string; to: string; route: string }>;
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
  binding?: { resource: string; action: CrudAction; handler?: 'code' };
  /** `x-emulator-authorization` (or the group's `x-emulator.authorization`): see openapi/README.md. */
  authorization?: unknown;
  /** The dereferenced operation object, as openapi-backend's validator wants it. */
  raw: JsonSchema;
}
