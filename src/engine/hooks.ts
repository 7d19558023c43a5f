import type { ResourceRow } from '../store/resources.js';
import type { ResourceDecl } from '../openapi/types.js';
import type { LifecyclePolicy } from '../core/lifecycle.js';
import type { Engine } from './engine.js';

/** A resource about to be stored. Hooks may change its body, or throw an ApiError to refuse it. */
export interface Draft {
  org: string;
  id: string;
  scope: string;
  body: Record<string, unknown>;
}

export interface HookContext {
  engine: Engine;
  decl: ResourceDecl;
  org: string;
  /** The key owner making the request, when there is one (fixtures have none). */
  callerId?: string;
  now: number;
  baseUrl: string;
  /** The lifecycle policy the request asks for (on updates; throws 400 for a bad header). */
  policy?: () => LifecyclePolicy;
}

/**
 * The quirks of a standard resource that its declaration cannot express. Every hook runs inside
 * the transaction of the request that triggered it.
 */
export interface ResourceHooks {
  beforeCreate?(h: HookContext, draft: Draft): void;
  /** The CRN, when the declared template cannot express it. */
  crn?(h: HookContext, draft: Draft): string;
  afterCreate?(h: HookContext, row: ResourceRow, extras: Record<string, unknown>): void;
  beforeUpdate?(h: HookContext, row: ResourceRow, patch: Record<string, unknown>): void;
  /** An update merged and checked, about to be saved: values derived from the new body are computed here. */
  onUpdate?(h: HookContext, previous: ResourceRow, next: ResourceRow): void;
  /** A phase transition was observed; the hook may update the body (row is saved afterwards). */
  onPhase?(h: HookContext, row: ResourceRow, phase: string): void;
  /** The side effects a phase graph names (`on_enter`), run when the phase is entered; the row is saved afterwards. */
  phases?: Record<string, (h: HookContext, row: ResourceRow, phase: string) => void>;
  /**
   * Fields whose value depends on the running process (a port), filled in each time the resource
   * is rendered: returns the body to show, never changing the stored one (a shallow copy is given).
   */
  onRender?(h: HookContext, row: ResourceRow, body: Record<string, unknown>): Record<string, unknown>;
  /** Runs when the delete is requested, before cascades. */
  beforeDelete?(h: HookContext, row: ResourceRow): void;
  afterDelete?(h: HookContext, row: ResourceRow): void;
  /** A resource this one is seeded with (`seed: { with: ... }`) was created: create the rows it starts with. Must be idempotent. */
  seed?(h: HookContext, owner: ResourceRow): void;
  /** For a view (`x-emulator.views`): the resource's rendering reshaped for the view's API version. */
  render?(h: HookContext, rendered: Record<string, unknown>): Record<string, unknown>;
}
