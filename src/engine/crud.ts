import { listIdentity } from '../core/pagination.js';
import { getAt } from '../core/pointer.js';
import { badRequest, notFound, unprocessable } from '../core/errors.js';
import type { FieldFilter, ListQuery, ResourceRow } from '../store/resources.js';
import type { Operation, ResourceDecl } from '../openapi/types.js';
import type { Engine } from './engine.js';
import { pickDeclared } from './objects.js';
import { cursorOf, listMetadata, pageInMemory } from './paging.js';
import { callerOf, header, type Handler, type RequestContext } from '../contract/handler.js';
import { queryValues } from './query.js';
import { takeRow } from './prefetched.js';

/** The generic handler for an operation bound to a declared resource with `x-emulator`. */
export function crudHandler(engine: Engine, op: Operation): Handler {
  const decl = engine.decl(op.binding!.resource);
  const shape = shapeOf(engine, decl, op);
  switch (op.binding!.action) {
    case 'list':
      return (ctx) => list(engine, decl, shape, ctx);
    case 'create':
      return (ctx) => create(engine, decl, shape, ctx);
    case 'read':
      return (ctx) => ({ status: op.successStatus, body: shape.render(readTarget(engine, decl, ctx), ctx.baseUrl) });
    case 'update':
      return (ctx) => update(engine, decl, shape, ctx);
    case 'delete':
      return (ctx) => remove(engine, decl, shape, ctx);
  }
}

/** How an operation shows its resource: as declared, or through the view its binding names. */
interface Shape {
  api_version: string;
  kind: string;
  render(row: ResourceRow, baseUrl: string, withSecrets?: boolean): Record<string, unknown>;
}

function shapeOf(engine: Engine, decl: ResourceDecl, op: Operation): Shape {
  const view = op.binding!.view ? engine.rt.docs.views.get(op.binding!.view) : undefined;
  if (!view) return { api_version: decl.api_version, kind: decl.kind, render: (row, baseUrl, withSecrets) => engine.render(decl, row, baseUrl, withSecrets) };
  return { api_version: view.api_version, kind: view.kind, render: (row, baseUrl) => engine.renderView(view, decl, row, baseUrl) };
}

const org = (ctx: RequestContext) => callerOf(ctx).orgId;

/**
 * The scope of the addressed resource: its environment (query) or its parent (path), which must
 * exist; '' for resources of the organization itself, which are stored with that scope.
 */
function requestScope(engine: Engine, decl: ResourceDecl, ctx: RequestContext): string | undefined {
  // An update may name the environment in its body instead of the query (as cmk/v2 clients do).
  if (decl.scope) {
    const scope = ctx.query[decl.scope.query] ?? (ctx.op.method === 'PATCH' ? getAt(ctx.body, decl.scope.body) : undefined);
    if (scope === undefined || scope === '') {
      // `update: optional`: an update naming no environment finds the resource in any.
      if (ctx.op.method === 'PATCH' && decl.scope.update === 'optional') return undefined;
      throw badRequest(`Missing the environment: the '${decl.scope.query}' query parameter, or ${decl.scope.body.slice(1).replace(/\//g, '.')} in the body`, { parameter: decl.scope.query });
    }
    return String(scope);
  }
  if (decl.parent) {
    const parentId = ctx.params[decl.parent.param];
    const parentDecl = engine.decl(decl.parent.resource);
    if (!engine.rt.resources.get(org(ctx), parentDecl.name, parentId)) throw notFound(`The ${parentDecl.kind} '${parentId}' was not found`);
    return parentId;
  }
  return '';
}

function readTarget(engine: Engine, decl: ResourceDecl, ctx: RequestContext): ResourceRow {
  const row = engine.read(decl, org(ctx), ctx.params.id, requestScope(engine, decl, ctx), ctx.baseUrl, takeRow(ctx, org(ctx), decl.name, ctx.params.id, engine.rt.resources.writes));
  const second = decl.second_scope;
  if (second) {
    // The second scope, when the request names it, must be the resource's (404 otherwise).
    const wanted = ctx.query[second.query] ?? (second.update_body && ctx.op.method === 'PATCH' ? getAt(ctx.body ?? {}, second.pointer) : undefined);
    if (wanted !== undefined && wanted !== '' && getAt(row.body, second.pointer) !== wanted) throw notFound(`The ${decl.kind} '${ctx.params.id}' was not found`);
  }
  return row;
}

/**
 * `scope.update: body`: an update names the environment in its body. An unknown resource is a
 * 404 whatever the body; a known one without it is a 422 naming the missing object.
 */
function requireScopeInBody(engine: Engine, decl: ResourceDecl, ctx: RequestContext): void {
  if (decl.scope?.update !== 'body' || typeof getAt(ctx.body ?? {}, decl.scope.body) === 'string') return;
  if (!engine.rt.resources.get(org(ctx), decl.name, ctx.params.id)) throw notFound(`The ${decl.kind} '${ctx.params.id}' was not found`);
  const object = decl.scope.body.replace(/\/[^/]*$/, '');
  throw unprocessable(`The property '${object}' is required`, object);
}

function create(engine: Engine, decl: ResourceDecl, shape: Shape, ctx: RequestContext) {
  const input = (pickDeclared(ctx.body ?? {}, ctx.op.requestSchema) ?? {}) as Record<string, unknown>;
  const policy = engine.policyFrom(header(ctx, 'x-emulator-lifecycle'));
  const failed = header(ctx, 'x-emulator-outcome')?.toLowerCase() === 'failed';
  const row = engine.rt.tx(() => {
    const scope = decl.scope ? String(getAt(input, decl.scope.body) ?? '') : (requestScope(engine, decl, ctx) ?? '');
    return engine.create(decl, input, { org: org(ctx), callerId: callerOf(ctx).ownerId, baseUrl: ctx.baseUrl, scope, policy, failed });
  });
  return {
    status: ctx.op.successStatus,
    headers: { location: engine.selfUrl(decl, row, ctx.baseUrl) },
    body: shape.render(row, ctx.baseUrl, true),
  };
}

function update(engine: Engine, decl: ResourceDecl, shape: Shape, ctx: RequestContext) {
  requireScopeInBody(engine, decl, ctx);
  const patch = (pickDeclared(ctx.body ?? {}, ctx.op.requestSchema) ?? {}) as Record<string, unknown>;
  const policy = () => engine.policyFrom(header(ctx, 'x-emulator-lifecycle'));
  const row = engine.rt.tx(() => engine.update(decl, readTarget(engine, decl, ctx), patch, ctx.baseUrl, callerOf(ctx).ownerId, policy));
  return { status: ctx.op.successStatus, body: shape.render(row, ctx.baseUrl) };
}

function remove(engine: Engine, decl: ResourceDecl, shape: Shape, ctx: RequestContext) {
  const policy = engine.policyFrom(header(ctx, 'x-emulator-lifecycle'));
  const row = engine.rt.tx(() => engine.delete(decl, readTarget(engine, decl, ctx), ctx.baseUrl, policy));
  const declared = ctx.op.responses[String(ctx.op.successStatus)];
  const withBody = !!declared?.content;
  return { status: ctx.op.successStatus, body: withBody ? shape.render(row, ctx.baseUrl) : undefined };
}

// ---- list -----------------------------------------------------------------------------------


/** A declaration's filters as [query parameter, filter] pairs, listed once per declaration. */
const declaredFilters = new WeakMap<ResourceDecl, Array<[string, ResourceDecl['filters'][string]]>>();
function requestFilters(decl: ResourceDecl, ctx: RequestContext): FieldFilter[] {
  const filters: FieldFilter[] = [];
  let declared = declaredFilters.get(decl);
  if (!declared) declaredFilters.set(decl, (declared = Object.entries(decl.filters)));
  for (const [name, f] of declared) {
    const values = queryValues(ctx.query[name]);
    if (!values.length) continue;
    // An array is stored as JSON text, in which an element shows as its quoted JSON string.
    if (f.match === 'element') filters.push({ pointer: f.pointer, values: values.map((v) => JSON.stringify(v)), match: 'contains' });
    else filters.push({ pointer: f.pointer, values, match: f.match });
  }
  return filters;
}

/**
 * A list filtered by the phase first brings the scope's unsettled rows up to date on the clock
 * (not as reads), so that `status.phase=READY` finds what became READY since it was last read.
 * Other lists advance only the rows of the page, as reads.
 */
function catchUpPhases(engine: Engine, decl: ResourceDecl, q: ListQuery, baseUrl: string): void {
  if (!decl.lifecycle || !q.filters.some((f) => f.pointer === decl.lifecycle!.field)) return;
  for (const row of engine.rt.resources.list({ ...q, filters: [], limit: -1 })) {
    if (row.lifecycle && row.lifecycle.stage !== 'settled') engine.observeRow(decl, row, baseUrl, false);
  }
}

function list(engine: Engine, decl: ResourceDecl, shape: Shape, ctx: RequestContext) {
  const rt = engine.rt;
  const scope = requestScope(engine, decl, ctx);
  const filters = requestFilters(decl, ctx);
  const q: ListQuery = { org: org(ctx), type: decl.name, scope, filters, limit: 0 };
  const identity = listIdentity([q.org, decl.name, scope, filters]);
  const cursor = cursorOf(rt.tokens, ctx, identity);
  const size = cursor.size;
  catchUpPhases(engine, decl, q, ctx.baseUrl);
  if (ctx.visible) return visibleList(engine, decl, shape, ctx, q, identity);

  // One connection, read synchronously: nothing can write between these statements, so they need
  // no transaction. A page is read with one row more than it shows, which says whether the list
  // goes on in the direction read; only the other direction needs a query of its own.
  let rows: ResourceRow[];
  let hasPrev: boolean;
  let hasNext: boolean;
  if (cursor.last || cursor.before !== undefined) {
    rows = rt.resources.list({ ...q, before: cursor.before, descending: true, limit: size + 1 });
    hasPrev = rows.length > size;
    rows = rows.slice(0, size).reverse();
    const last = rows[rows.length - 1]?.seq;
    hasNext = !cursor.last && last !== undefined && rt.resources.exists(q, 'after', last);
  } else {
    rows = rt.resources.list({ ...q, after: cursor.after, limit: size + 1 });
    hasNext = rows.length > size;
    if (hasNext) rows.length = size;
    const first = rows[0]?.seq;
    // From the start of the list nothing comes before the first row; after a cursor, look.
    hasPrev = cursor.after === undefined ? false : first !== undefined ? rt.resources.exists(q, 'before', first) : true;
  }
  const first = rows[0]?.seq;
  const last = rows[rows.length - 1]?.seq;
  const total = rt.resources.count(q);
  const data = rows
    .map((r) => engine.observeRow(decl, r, ctx.baseUrl))
    .filter((r): r is ResourceRow => r !== undefined)
    .map((r) => shape.render(r, ctx.baseUrl));

  const metadata = listMetadata(rt.tokens, ctx, cursor, { first, last, hasPrev, hasNext, total });
  return { status: ctx.op.successStatus, body: { api_version: shape.api_version, kind: `${shape.kind}List`, metadata, data } };
}


/** A list of which the caller may see only some rows: those rows, paged in memory. */
function visibleList(engine: Engine, decl: ResourceDecl, shape: Shape, ctx: RequestContext, q: ListQuery, identity: string) {
  const rt = engine.rt;
  return rt.tx(() => {
    const all = rt.resources.list({ ...q, limit: -1 }).filter((r) => ctx.visible!(r));
    const { items, metadata } = pageInMemory(rt.tokens, ctx, identity, all);
    const data = items
      .map((r) => engine.observeRow(decl, r, ctx.baseUrl))
      .filter((r): r is ResourceRow => r !== undefined)
      .map((r) => shape.render(r, ctx.baseUrl));
    return { status: ctx.op.successStatus, body: { api_version: shape.api_version, kind: `${shape.kind}List`, metadata, data } };
  });
}
