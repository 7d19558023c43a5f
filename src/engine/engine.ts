import { ApiError, badRequest, conflict, notFound, quotaExceeded, unprocessable } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { renderCrn } from '../core/crn.js';
import { deleteAt, getAt, hasAt, pointerToPath, setAt } from '../core/pointer.js';
import { advanceState, failState, observe, parsePolicy, startDeleting, startState, type LifecyclePolicy, type Observation } from '../core/lifecycle.js';
import type { ResourceRow } from '../store/resources.js';
import type { Runtime } from '../runtime.js';
import type { QuotaDecl, ResourceDecl, ViewDecl } from '../openapi/types.js';
import type { Draft, HookContext, ResourceHooks } from './hooks.js';
import { cloneJson, deepEqual, mergePatch } from './objects.js';
import { encodeSegment } from '../core/url.js';
import { repositoriesOf, type Repositories, type Repository } from './repository.js';
import { syncUniqueFieldIndexes } from './unique-indexes.js';

export interface CreateOptions {
  org: string;
  callerId?: string;
  baseUrl: string;
  scope?: string;
  /** A fixed id (fixtures, the organization itself). */
  id?: string;
  policy?: LifecyclePolicy;
  failed?: boolean;
  /** Extra inputs for hooks that the body cannot carry (a fixture's API key secret). */
  extras?: Record<string, unknown>;
  /** Input from the emulator itself (fixtures, hooks): read-only fields are kept. */
  trusted?: boolean;
}

/**
 * The generic resource engine: create, read, list, update and delete for every resource declared
 * under `x-emulator.resources`, with ids, CRNs, references, uniqueness, quotas, cascades and
 * asynchronous phases. HTTP concerns (parsing, pagination links, status codes) live in crud.ts.
 */
export class Engine {
  /** The resources seeded when a resource of a kind is created (`seed: { with: kind }`), by that kind. */
  private readonly seededBy = new Map<string, ResourceDecl[]>();
  /** The store as services see it: one repository per kind, whose writes keep the kind's rules. */
  readonly repositories: Repositories;

  constructor(
    readonly rt: Runtime,
    private readonly hooks: Record<string, ResourceHooks>,
  ) {
    this.repositories = repositoriesOf(rt);
    syncUniqueFieldIndexes(rt.resources, rt.docs.resources.values());
    for (const decl of rt.docs.resources.values()) {
      if (decl.hooks && !hooks[decl.hooks]) throw new Error(`resource ${decl.name} names unknown hooks ${decl.hooks}`);
      for (const [phase, node] of Object.entries(decl.lifecycle?.phases ?? {})) {
        if (node.on_enter && !(decl.hooks && hooks[decl.hooks].phases?.[node.on_enter])) {
          throw new Error(`resource ${decl.name}: phase ${phase} names unknown hook ${node.on_enter} (hooks ${decl.hooks ?? 'none'})`);
        }
      }
      if (decl.seed) {
        if (!this.hooksOf(decl).seed) throw new Error(`resource ${decl.name} is seeded but its hooks have no seed`);
        this.seededBy.set(decl.seed.with, [...(this.seededBy.get(decl.seed.with) ?? []), decl]);
      }
      for (const mark of decl.marks) rt.resources.watch(mark.resource, (row, before) => this.updateMarks(decl, mark, row, before));
      if (decl.mirror) rt.resources.watch(decl.mirror.resource, (row) => this.updateMirror(decl, row));
    }
    for (const view of rt.docs.views.values()) {
      if (!hooks[view.hooks]?.render) throw new Error(`view ${view.name} names hooks ${view.hooks} without render`);
    }
  }

  /** The repository of a kind: what services read and write its rows through. */
  repository(type: string): Repository {
    return this.repositories.of(type);
  }

  decl(name: string): ResourceDecl {
    const d = this.rt.docs.resources.get(name);
    if (!d) throw new Error(`unknown resource ${name}`);
    return d;
  }

  private hooksOf(decl: ResourceDecl): ResourceHooks {
    return decl.hooks ? this.hooks[decl.hooks] : {};
  }

  private hookContext(decl: ResourceDecl, org: string, baseUrl: string, callerId?: string): HookContext {
    return { engine: this, decl, org, callerId, now: this.rt.clock.now(), baseUrl };
  }

  // ---- create -------------------------------------------------------------------------------

  /** Creates a resource from client input (already validated against the document). */
  create(decl: ResourceDecl, input: Record<string, unknown>, o: CreateOptions): ResourceRow {
    const h = this.hookContext(decl, o.org, o.baseUrl, o.callerId);
    const body = cloneJson(input);
    if (!o.trusted) for (const p of decl.read_only) deleteAt(body, p);
    for (const p of decl.secret) deleteAt(body, p);
    delete body.api_version;
    delete body.kind;
    delete body.id;
    delete body.metadata;
    for (const [p, v] of Object.entries(decl.defaults)) if (getAt(body, p) === undefined) setAt(body, p, cloneJson(v));

    const scope = o.scope ?? '';
    this.resolveRefs(decl, o.org, body, o.baseUrl, scope);
    this.checkUnique(decl, o.org, scope, body, o.baseUrl);
    for (const quota of decl.quotas) this.checkQuota(decl, quota, o.org, scope, body);

    const id = o.id ?? this.issueId(decl);
    if (o.id !== undefined && !this.rt.resources.reserveId(o.id)) throw conflict(`The id '${o.id}' is already in use`);
    const draft: Draft = { org: o.org, id, scope, body };
    for (const [p, template] of Object.entries(decl.computed)) setAt(body, p, template.replace(/\{id\}/g, id));
    const hooks = this.hooksOf(decl);
    hooks.beforeCreate?.(h, draft);

    const now = h.now;
    let lifecycle = null;
    let createdThrough: string[] = [];
    if (decl.lifecycle) {
      lifecycle = startState(o.policy ?? this.rt.config.lifecycle, now, o.failed ? 'failed' : 'ready');
      const seen = observe(lifecycle, decl.lifecycle, now, false);
      lifecycle = seen.state;
      createdThrough = seen.entered;
      setAt(body, decl.lifecycle.field, seen.phase);
    }
    const crn = hooks.crn ? hooks.crn(h, draft) : renderCrn(decl.crn, this.crnValues(decl, o.org, id, scope));
    const row = this.rt.resources.insert({ org_id: o.org, type: decl.name, id, scope, crn, body, lifecycle, created_at: now, updated_at: now });
    if (lifecycle?.stage === 'settled' && (hooks.onPhase || hooks.phases)) {
      this.runPhaseHooks(decl, row, undefined, { state: lifecycle, phase: String(getAt(body, decl.lifecycle!.field)), changed: true, gone: false, entered: createdThrough }, o.baseUrl);
      this.save(decl, row);
    }
    hooks.afterCreate?.(h, row, o.extras ?? {});
    for (const seeded of this.seededBy.get(decl.name) ?? []) this.hooksOf(seeded).seed!(this.hookContext(seeded, row.org_id, o.baseUrl), row);
    return row;
  }

  /**
   * Seeds what the existing resources of each seeding kind start with, for a store written before
   * a seed was declared (seed hooks create nothing that exists already).
   */
  seedExisting(baseUrl: string): void {
    for (const [kind, seeded] of this.seededBy) {
      for (const owner of this.rt.resources.everyLive(kind)) {
        for (const decl of seeded) this.hooksOf(decl).seed!(this.hookContext(decl, owner.org_id, baseUrl), owner);
      }
    }
  }

  /** Writes a row back through its kind's repository (`secret` fields are never stored). */
  private save(decl: ResourceDecl, row: ResourceRow): void {
    this.repository(decl.name).save(row);
  }

  private issueId(decl: ResourceDecl): string {
    for (;;) {
      const id = newId(decl.id);
      if (this.rt.resources.reserveId(id)) return id;
    }
  }

  private crnValues(decl: ResourceDecl, org: string, id: string, scope: string) {
    const values: Parameters<typeof renderCrn>[1] = { org, id };
    if (decl.scope) values.env = scope;
    if (decl.parent) {
      values.parent = scope;
      values.parent_crn = this.rt.resources.get(org, decl.parent.resource, scope)?.crn;
    }
    return values;
  }

  /**
   * Fills `related`, `resource_name`, `api_version` and `kind` of each declared reference (or of
   * those named in `only`); 422 when the target is missing, in another scope than `same_scope`
   * asks, or holding other values than `match` asks.
   */
  private resolveRefs(decl: ResourceDecl, org: string, body: Record<string, unknown>, baseUrl: string, scope: string, only?: string[]): void {
    for (const [pointer, ref] of Object.entries(decl.refs)) {
      if (only && !only.includes(pointer)) continue;
      const value = getAt(body, pointer) as Record<string, unknown> | null | undefined;
      if (value === undefined || value === null) continue;
      const id = typeof value.id === 'string' ? value.id : undefined;
      const target = id ? this.rt.resources.getAny(org, ref.resources, id) : undefined;
      if (!target) throw unprocessable(`The referenced object '${id ?? ''}' at '${pointer}' does not exist`, `${pointer}/id`);
      const kind = this.decl(target.type).kind;
      if (ref.same_scope && target.scope !== scope) {
        throw unprocessable(`The ${kind} '${id}' at '${pointer}' is not in the environment '${scope}'`, `${pointer}/id`);
      }
      for (const [ours, theirs] of Object.entries(ref.match ?? {})) {
        const want = getAt(body, ours);
        if (getAt(target.body, theirs) !== want) throw unprocessable(`The ${kind} '${id}' at '${pointer}' is not on '${String(want)}' (${pointerToPath(ours)})`, `${pointer}/id`);
      }
      setAt(body, pointer, this.reference(target, baseUrl));
    }
  }

  /** An object reference to a stored resource, as Confluent renders them. */
  reference(row: ResourceRow, baseUrl: string): Record<string, unknown> {
    const d = this.decl(row.type);
    const ref: Record<string, unknown> = { id: row.id, related: this.selfUrl(d, row, baseUrl), resource_name: row.crn, api_version: d.api_version, kind: d.kind };
    if (d.scope) ref.environment = row.scope;
    return ref;
  }

  private checkUnique(decl: ResourceDecl, org: string, scope: string, body: Record<string, unknown>, baseUrl: string, selfId?: string): void {
    for (const pointer of decl.unique) {
      const value = getAt(body, pointer);
      if (typeof value !== 'string') continue;
      const clash = this.rt.resources.whereField(org, decl.name, pointer, value, scope).find((r) => r.id !== selfId);
      if (clash) {
        throw conflict(`A ${decl.kind} with ${pointerToPath(pointer)} '${value}' already exists`, this.selfUrl(decl, clash, baseUrl));
      }
    }
  }

  /** 402 when the live resources counted with the new one (per organization, scope or field value) reach the limit. */
  private checkQuota(decl: ResourceDecl, quota: QuotaDecl, org: string, scope: string, body: Record<string, unknown>): void {
    const limit = this.rt.config.quotas[quota.name] ?? quota.limit;
    const per = quota.per;
    const q =
      per === 'organization'
        ? { org, type: decl.name, filters: [], limit: 0 }
        : per === 'scope'
          ? { org, type: decl.name, scope, filters: [], limit: 0 }
          : { org, type: decl.name, filters: [{ pointer: per.pointer, values: [String(getAt(body, per.pointer) ?? '')], match: 'exact' as const }], limit: 0 };
    if (this.rt.resources.atLeast(q, limit)) throw quotaExceeded(quota.name);
  }

  // ---- values derived from other resources -----------------------------------------------------

  /** A resource referring to `decl`'s was written: the mark of each target it names (or named) follows. */
  private updateMarks(decl: ResourceDecl, mark: ResourceDecl['marks'][number], row: ResourceRow, before: ResourceRow | undefined): void {
    const ids = new Set([getAt(row.body, mark.ref), before && getAt(before.body, mark.ref)].filter((v): v is string => typeof v === 'string'));
    for (const id of ids) {
      const target = this.rt.resources.get(row.org_id, decl.name, id);
      if (!target) continue;
      const value = this.rt.resources.whereField(row.org_id, mark.resource, mark.ref, id).length ? mark.used : mark.unused;
      if (deepEqual(getAt(target.body, mark.pointer), value)) continue;
      setAt(target.body, mark.pointer, structuredClone(value));
      target.updated_at = this.rt.clock.now();
      this.rt.resources.update(target);
    }
  }

  /** The resource a mirror copies was written: the mirror (same id, any organization) follows, or goes with it. */
  private updateMirror(decl: ResourceDecl, source: ResourceRow): void {
    const mirror = this.rt.resources.getInAnyOrg(decl.name, source.id);
    if (!mirror) return;
    if (source.deleted_at !== null) {
      this.rt.resources.markDeleted(mirror.seq, this.rt.clock.now());
      return;
    }
    let changed = false;
    for (const [ours, theirs] of Object.entries(decl.mirror!.fields)) {
      const value = getAt(source.body, theirs);
      if (deepEqual(getAt(mirror.body, ours), value)) continue;
      setAt(mirror.body, ours, structuredClone(value));
      changed = true;
    }
    if (!changed) return;
    mirror.updated_at = this.rt.clock.now();
    this.rt.resources.update(mirror);
  }

  // ---- read ---------------------------------------------------------------------------------

  /** A live resource, its phase brought up to date; 404 when absent, deleted, or in another scope. */
  read(decl: ResourceDecl, org: string, id: string, scope: string | undefined, baseUrl: string, prefetched?: ResourceRow | null): ResourceRow {
    // `prefetched`: the row this request already read (null: none was live); undefined reads the store.
    const row = prefetched === undefined ? this.rt.resources.get(org, decl.name, id) : (prefetched ?? undefined);
    if (!row || (scope !== undefined && row.scope !== scope)) throw notFound(`The ${decl.kind} '${id}' was not found`);
    const seen = this.observeRow(decl, row, baseUrl);
    if (!seen) throw notFound(`The ${decl.kind} '${id}' was not found`);
    return seen;
  }

  /**
   * Advances a row's phase as one read (or, with `isRead` false, only as far as the clock has
   * gone); undefined when its deletion just completed. An observation that changes nothing writes
   * nothing; one that moves the phase writes in its own transaction.
   */
  observeRow(decl: ResourceDecl, row: ResourceRow, baseUrl: string, isRead = true): ResourceRow | undefined {
    const lifecycle = decl.lifecycle;
    if (!lifecycle || !row.lifecycle) return row;
    return this.applyPhase(decl, row, observe(row.lifecycle, lifecycle, this.rt.clock.now(), isRead), baseUrl);
  }

  /** The control plane's advance: the row's current stage completes now (one stage). */
  advanceRow(decl: ResourceDecl, row: ResourceRow, baseUrl: string): ResourceRow | undefined {
    if (!decl.lifecycle || !row.lifecycle) return row;
    return this.applyPhase(decl, row, advanceState(row.lifecycle, decl.lifecycle, this.rt.clock.now()), baseUrl);
  }

  /** The control plane's fail: the row goes to its graph's failure phase. */
  failRow(decl: ResourceDecl, row: ResourceRow, baseUrl: string): ResourceRow {
    if (!decl.lifecycle) return row;
    return this.applyPhase(decl, row, failState(row.lifecycle, decl.lifecycle, this.rt.clock.now()), baseUrl) ?? row;
  }

  /**
   * Stores what the phase machine decided for a row: its state, the phase shown, the hooks of the
   * phases entered (`on_enter` by name, then `onPhase`); deleted when its deletion completed.
   * Nothing is written when nothing changed; a change is written in its own transaction.
   */
  applyPhase(decl: ResourceDecl, row: ResourceRow, seen: Observation, baseUrl: string): ResourceRow | undefined {
    const lifecycle = decl.lifecycle!;
    if (!seen.changed) return row;
    const now = this.rt.clock.now();
    return this.rt.tx(() => {
      row.lifecycle = seen.state;
      if (seen.gone) {
        row.deleted_at = now;
        this.save(decl, row);
        return undefined;
      }
      const before = getAt(row.body, lifecycle.field);
      setAt(row.body, lifecycle.field, seen.phase);
      this.runPhaseHooks(decl, row, before, seen, baseUrl);
      this.save(decl, row);
      return row;
    });
  }

  private runPhaseHooks(decl: ResourceDecl, row: ResourceRow, before: unknown, seen: Observation, baseUrl: string): void {
    const hooks = this.hooksOf(decl);
    const h = this.hookContext(decl, row.org_id, baseUrl);
    for (const phase of seen.entered) {
      const name = decl.lifecycle!.phases[phase]?.on_enter;
      if (!name) continue;
      const hook = hooks.phases?.[name];
      if (!hook) throw new Error(`resource ${decl.name}: phase ${phase} names unknown hook ${name}`);
      hook(h, row, phase);
    }
    if (before !== seen.phase) hooks.onPhase?.(h, row, seen.phase!);
  }

  // ---- update -------------------------------------------------------------------------------

  update(decl: ResourceDecl, row: ResourceRow, patch: Record<string, unknown>, baseUrl: string, callerId?: string, policy?: () => LifecyclePolicy): ResourceRow {
    for (const pointer of decl.create_only) {
      if (hasAt(patch, pointer) && !deepEqual(getAt(patch, pointer), stripServerFields(getAt(row.body, pointer), getAt(patch, pointer)))) {
        throw badRequest(`The field '${pointerToPath(pointer)}' cannot be changed after creation`, { pointer });
      }
    }
    const clean = cloneJson(patch);
    const fixedRefs = Object.keys(decl.refs).filter((p) => !decl.refs[p].updatable);
    for (const p of [...decl.read_only, ...decl.secret, ...decl.create_only, ...fixedRefs]) deleteAt(clean, p);
    if (decl.lifecycle) deleteAt(clean, decl.lifecycle.field);
    delete clean.api_version;
    delete clean.kind;
    delete clean.id;
    delete clean.metadata;
    const h = { ...this.hookContext(decl, row.org_id, baseUrl, callerId), policy };
    const hooks = this.hooksOf(decl);
    hooks.beforeUpdate?.(h, row, clean);
    const body = mergePatch(row.body, clean);
    const changedRefs = Object.keys(decl.refs).filter((p) => decl.refs[p].updatable && hasAt(clean, p));
    if (changedRefs.length) this.resolveRefs(decl, row.org_id, body, baseUrl, row.scope, changedRefs);
    this.checkUnique(decl, row.org_id, row.scope, body, baseUrl, row.id);
    const updated = { ...row, body, updated_at: h.now };
    hooks.onUpdate?.(h, row, updated);
    this.save(decl, updated);
    return updated;
  }

  // ---- delete -------------------------------------------------------------------------------

  /**
   * Deletes a resource and, at once, everything that depends on it: declared cascades (API keys
   * of an owner), resources scoped to it (an environment's clusters) and nested children. A kind
   * with a `deleting` phase stays visible in that phase until its deletion completes.
   */
  delete(decl: ResourceDecl, row: ResourceRow, baseUrl: string, policy?: LifecyclePolicy): ResourceRow {
    const h = this.hookContext(decl, row.org_id, baseUrl);
    const hooks = this.hooksOf(decl);
    this.checkRestrictions(decl, row);
    hooks.beforeDelete?.(h, row);
    this.cascade(decl, row, baseUrl);
    if (decl.lifecycle?.deleting && row.lifecycle) {
      row.lifecycle = startDeleting(row.lifecycle, policy ?? this.rt.config.lifecycle, h.now);
      const seen = observe(row.lifecycle, decl.lifecycle, h.now, false);
      row.lifecycle = seen.state;
      if (seen.gone) row.deleted_at = h.now;
      else setAt(row.body, decl.lifecycle.field, seen.phase);
    } else {
      row.deleted_at = h.now;
    }
    row.updated_at = h.now;
    this.save(decl, row);
    hooks.afterDelete?.(h, row);
    return row;
  }

  /**
   * A resource that others refer to with `on_delete: restrict` cannot be deleted while they live.
   * Only a delete asked for refuses: a cascade (the environment going) takes both.
   */
  private checkRestrictions(decl: ResourceDecl, row: ResourceRow): void {
    for (const r of decl.restrict) {
      const users = this.rt.resources.whereField(row.org_id, r.resource, r.ref, row.id);
      if (!users.length) continue;
      const names = users.map((u) => `'${u.id}'`).join(', ');
      throw new ApiError({
        status: r.status,
        code: r.code,
        title: r.status === 409 ? 'Conflict' : 'Bad Request',
        detail: `The ${decl.kind} '${row.id}' is in use by the ${this.decl(r.resource).kind} ${names}; delete ${users.length > 1 ? 'them' : 'it'} first`,
      });
    }
  }

  private cascade(decl: ResourceDecl, row: ResourceRow, baseUrl: string): void {
    const dependents: ResourceRow[] = [];
    for (const c of decl.cascade) dependents.push(...this.rt.resources.whereField(row.org_id, c.resource, c.ref, row.id));
    dependents.push(...this.rt.resources.inScope(row.id));
    for (const dep of dependents) {
      const d = this.rt.docs.resources.get(dep.type);
      if (d) this.deleteNow(d, dep, baseUrl);
    }
  }

  /** Deletes without a deleting phase (cascades do not wait). */
  private deleteNow(decl: ResourceDecl, row: ResourceRow, baseUrl: string): void {
    if (row.deleted_at !== null) return;
    const h = this.hookContext(decl, row.org_id, baseUrl);
    this.hooksOf(decl).beforeDelete?.(h, row);
    this.cascade(decl, row, baseUrl);
    row.deleted_at = h.now;
    this.save(decl, row);
    this.hooksOf(decl).afterDelete?.(h, row);
  }

  // ---- rendering ----------------------------------------------------------------------------

  selfUrl(decl: ResourceDecl, row: ResourceRow, baseUrl: string): string {
    const collection = decl.parent ? decl.collection.replace(`{${decl.parent.param}}`, encodeSegment(row.scope)) : decl.collection;
    return `${baseUrl}${collection}/${encodeSegment(row.id)}`;
  }

  /** The resource as the API returns it. Secrets appear only when `withSecrets` (the create response). */
  render(decl: ResourceDecl, row: ResourceRow, baseUrl: string, withSecrets = false): Record<string, unknown> {
    let body = withSecrets || decl.secret.length === 0 ? row.body : structuredClone(row.body);
    if (!withSecrets) for (const p of decl.secret) deleteAt(body, p);
    const onRender = this.hooksOf(decl).onRender;
    if (onRender) body = onRender(this.hookContext(decl, row.org_id, baseUrl), row, { ...body });
    const metadata: Record<string, unknown> = {
      self: this.selfUrl(decl, row, baseUrl),
      resource_name: row.crn,
      created_at: this.rt.clock.iso(row.created_at),
      updated_at: this.rt.clock.iso(row.updated_at),
    };
    if (row.deleted_at !== null) metadata.deleted_at = this.rt.clock.iso(row.deleted_at);
    return { api_version: decl.api_version, kind: decl.kind, id: row.id, metadata, ...body };
  }

  /** The resource as a view shows it: its rendering reshaped by the view's `render` hook, under the view's version and collection. */
  renderView(view: ViewDecl, decl: ResourceDecl, row: ResourceRow, baseUrl: string): Record<string, unknown> {
    const rendered = this.render(decl, row, baseUrl);
    const shaped = this.hooks[view.hooks].render!(this.hookContext(decl, row.org_id, baseUrl), rendered);
    const metadata = { ...(shaped.metadata as Record<string, unknown>), self: `${baseUrl}${view.collection}/${encodeSegment(row.id)}` };
    return { ...shaped, api_version: view.api_version, kind: view.kind, metadata };
  }

  /** The lifecycle policy a request asks for with `X-Emulator-Lifecycle`, or the configured one. */
  policyFrom(headerValue: string | undefined): LifecyclePolicy {
    const policy = parsePolicy(headerValue, this.rt.config.lifecycle);
    if (!policy) throw badRequest(`X-Emulator-Lifecycle must be immediate, timed or reads=N`, { parameter: 'X-Emulator-Lifecycle' });
    return policy;
  }
}

/** A stored reference carries server-filled fields; compare only what the client sent. */
function stripServerFields(stored: unknown, sent: unknown): unknown {
  if (stored && sent && typeof stored === 'object' && typeof sent === 'object' && !Array.isArray(sent)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(sent)) out[k] = (stored as Record<string, unknown>)[k];
    return out;
  }
  return stored;
}
