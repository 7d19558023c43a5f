import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ViewDecl, Dialect, JsonSchema, Operation, OperationParameter, ResourceDecl } from './types.js';
import { checkDocumentDeclarations, checkOperationDeclarations } from './x-emulator-schema.js';
import { readCompiled } from './compiled.js';
import { compileGraph } from '../core/lifecycle.js';
import { deriveRequestBodies } from './request-side.js';

/**
 * YAML 1.2 core types only: a date in an example stays a string, as JSON would have it. js-yaml is
 * loaded on first use: a start from the documents compiled at build never needs it.
 */
const parseYaml = (text: string) => {
  const yaml = createRequire(import.meta.url)('js-yaml') as typeof import('js-yaml');
  return yaml.load(text, { schema: yaml.CORE_SCHEMA });
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const SHARED_PREFIX = 'common.yaml#/';

export interface LoadedDocuments {
  /** The merged document, references intact: what /openapi.json serves. */
  merged: JsonSchema;
  /** The merged document with every local reference resolved in place. */
  dereferenced: JsonSchema;
  operations: Operation[];
  resources: Map<string, ResourceDecl>;
  /** Other renderings of declared resources (`x-emulator.views`), by name. */
  views: Map<string, ViewDecl>;
}

/** The project's own `openapi/` folder, found from this module's location (src or dist). */
export function defaultDocumentsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'openapi');
    if (existsSync(join(candidate, 'common.yaml'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('openapi/ folder not found');
}

/** One document file, parsed, its references to `common.yaml` made local. */
export function parseDocumentFile(file: string): JsonSchema {
  return rewriteSharedRefs(parseYaml(readFileSync(file, 'utf8'))) as JsonSchema;
}

/** Throws when the document's or an operation's `x-emulator` (or `x-emulator-authorization`) is not in the vocabulary. */
function checkDeclarations(file: string, doc: JsonSchema): void {
  checkDocumentDeclarations(file, doc['x-emulator']);
  for (const item of Object.values<JsonSchema>(doc.paths ?? {})) {
    for (const method of METHODS) if (item[method]) checkOperationDeclarations(file, item[method]);
  }
}

/** A document file parsed and its declarations checked: what the build compiles. */
export function parseCheckedDocumentFile(file: string): JsonSchema {
  const doc = parseDocumentFile(file);
  checkDeclarations(file, doc);
  return doc;
}

/**
 * The parsed documents of one folder, their declarations checked: its compiled form when fresh
 * (checked when the build compiled it), else each YAML file.
 */
function readFolder(dir: string): Array<{ file: string; doc: JsonSchema }> {
  const compiled = readCompiled(dir);
  if (compiled) return [...compiled].map(([name, doc]) => ({ file: resolve(dir, name), doc: doc as JsonSchema }));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => resolve(dir, f))
    .map((file) => ({ file, doc: parseCheckedDocumentFile(file) }));
}

type GroupOf = Map<string, { group: string; dialect: Dialect; aliases: Record<string, string>; authorization?: unknown }>;

/** The documents merged into one, references intact, and each path's group. */
function mergeDocuments(docs: Array<{ file: string; doc: JsonSchema }>): { merged: JsonSchema; groupOf: GroupOf } {
  const merged: JsonSchema = {
    openapi: '3.0.3',
    info: {
      title: 'ccloud-emulator',
      version: '1.0',
      description: 'The Confluent Cloud APIs as served by ccloud-emulator: every group merged into one document.',
    },
    paths: {},
    components: {},
    tags: [],
  };
  const groupOf: GroupOf = new Map();
  for (const { file, doc } of docs) {
    const ext = doc['x-emulator'] ?? {};
    const group: string = ext.group ?? 'shared';
    const dialect: Dialect = ext.dialect ?? 'management';
    const aliases: Record<string, string> = ext.path_aliases ?? {};
    for (const [path, item] of Object.entries<JsonSchema>(doc.paths ?? {})) {
      if (merged.paths[path]) throw new Error(`${file}: path ${path} is declared twice`);
      merged.paths[path] = item;
      // A path may answer errors in another dialect than its document's (`x-emulator-dialect`).
      groupOf.set(path, { group, dialect: item['x-emulator-dialect'] ?? dialect, aliases, authorization: ext.authorization });
    }
    for (const [section, entries] of Object.entries<JsonSchema>(doc.components ?? {})) {
      const target = (merged.components[section] ??= {});
      for (const [name, value] of Object.entries(entries)) {
        if (target[name] !== undefined && JSON.stringify(target[name]) !== JSON.stringify(value)) {
          throw new Error(`${file}: component ${section}/${name} conflicts with another document`);
        }
        target[name] = value;
      }
    }
    merged.tags.push(...(doc.tags ?? []));
  }
  return { merged, groupOf };
}

/**
 * Reads every `*.yaml` document of the given folders and merges them. The merged objects are
 * dereferenced in place (no second copy of 1 MB of documents is built nor kept); the document with
 * its references intact, which only /openapi.json and /docs serve, is read again on first use.
 */
export function loadDocuments(dirs: string[]): LoadedDocuments {
  const docs = dirs.flatMap(readFolder);
  const { merged, groupOf } = mergeDocuments(docs);
  const resources = new Map<string, ResourceDecl>();
  const views = new Map<string, ViewDecl>();
  for (const { file, doc } of docs) {
    const ext = doc['x-emulator'] ?? {};
    const group: string = ext.group ?? 'shared';
    for (const [name, decl] of Object.entries<JsonSchema>(ext.resources ?? {})) {
      if (resources.has(name)) throw new Error(`${file}: resource ${name} is declared twice`);
      resources.set(name, normalizeResource(name, group, decl));
    }
    for (const [name, view] of Object.entries<JsonSchema>(ext.views ?? {})) {
      if (views.has(name)) throw new Error(`${file}: view ${name} is declared twice`);
      views.set(name, { name, ...view } as ViewDecl);
    }
  }
  linkReferences(resources);
  for (const view of views.values()) {
    if (!resources.has(view.resource)) throw new Error(`view ${view.name} shows an undeclared resource ${view.resource}`);
  }

  const globalSecurity = merged.security;
  // Request bodies leave required read-only properties out (OpenAPI's readOnly rule).
  const dereferenced = deriveRequestBodies(dereferenceInPlace(merged));
  const operations: Operation[] = [];
  const seenIds = new Set<string>();
  for (const [path, item] of Object.entries<JsonSchema>(dereferenced.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      if (seenIds.has(op.operationId)) throw new Error(`operationId ${op.operationId} is used twice`);
      seenIds.add(op.operationId);
      const { group, dialect, aliases, authorization } = groupOf.get(path)!;
      const built = buildOperation(path, method, item, op, group, dialect, globalSecurity, aliases);
      // What the operation needs from role bindings: its own declaration, else its group's default.
      built.authorization = op['x-emulator-authorization'] ?? authorization;
      operations.push(built);
    }
  }
  for (const op of operations) {
    if (op.binding && !resources.has(op.binding.resource)) {
      throw new Error(`${op.operationId} is bound to an undeclared resource ${op.binding.resource}`);
    }
    if (op.binding?.view && views.get(op.binding.view)?.resource !== op.binding.resource) {
      throw new Error(`${op.operationId} names a view ${op.binding.view} of another resource than ${op.binding.resource}, or none`);
    }
  }
  let intact: JsonSchema | undefined;
  return {
    get merged() {
      return (intact ??= mergeDocuments(dirs.flatMap(readFolder)).merged);
    },
    dereferenced,
    operations,
    resources,
    views,
  };
}

function buildOperation(
  path: string,
  method: string,
  item: JsonSchema,
  op: JsonSchema,
  group: string,
  dialect: Dialect,
  globalSecurity: unknown,
  aliases: Record<string, string>,
): Operation {
  const byKey = new Map<string, OperationParameter>();
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) byKey.set(`${p.in}:${p.name}`, p);
  const parameters = [...byKey.values()];
  const statuses = Object.keys(op.responses ?? {});
  const success = statuses.find((s) => /^2\d\d$/.test(s));
  const security = (op.security ?? globalSecurity ?? []) as Array<Record<string, unknown>>;
  const responses: Record<string, JsonSchema> = {};
  for (const s of statuses) responses[s] = op.responses[s];
  return {
    operationId: op.operationId,
    method: method.toUpperCase(),
    path,
    aliases: Object.entries(aliases)
      .filter(([from]) => path.startsWith(from))
      .map(([from, to]) => ({ from, to })),
    group,
    dialect,
    stage: op['x-lifecycle-stage'] ?? 'General Availability',
    security: security.flatMap((s) => Object.keys(s)),
    parameters,
    requestSchema: op.requestBody?.content?.['application/json']?.schema,
    responses,
    successStatus: success ? Number(success) : 200,
    binding: op['x-emulator'],
    raw: { ...op, parameters, path, method },
  };
}

function normalizeResource(name: string, group: string, d: JsonSchema): ResourceDecl {
  const filters: ResourceDecl['filters'] = {};
  for (const [param, f] of Object.entries<any>(d.filters ?? {})) {
    filters[param] = typeof f === 'string' ? { pointer: f, match: 'exact' } : { pointer: f.pointer, match: f.match ?? 'exact' };
  }
  for (const key of ['api_version', 'kind', 'collection', 'id', 'crn']) {
    if (d[key] === undefined) throw new Error(`resource ${name} lacks ${key}`);
  }
  return {
    name,
    group,
    api_version: d.api_version,
    kind: d.kind,
    collection: d.collection,
    id: d.id,
    crn: d.crn,
    scope: d.scope,
    parent: d.parent,
    create_only: d.create_only ?? [],
    read_only: d.read_only ?? [],
    secret: d.secret ?? [],
    defaults: d.defaults ?? {},
    computed: d.computed ?? {},
    unique: d.unique ?? [],
    refs: d.refs ?? {},
    filters,
    lifecycle: d.lifecycle && compileGraph(d.lifecycle, `resource ${name}: lifecycle`),
    cascade: d.cascade ?? [],
    restrict: [],
    marks: [],
    mirror: d.mirror,
    seed: d.seed,
    second_scope: d.second_scope,
    quotas: (d.quota === undefined ? [] : Array.isArray(d.quota) ? d.quota : [d.quota]).map((q: JsonSchema) => ({ name: q.name, limit: q.limit, per: q.per ?? 'scope' })),
    hooks: d.hooks,
    referencedBy: d.referenced_by ?? [],
  } as ResourceDecl & { referencedBy: JsonSchema[] };
}

/**
 * `referenced_by` is declared on the referenced resource: `on_delete: cascade` joins its cascades,
 * `restrict` its refusals, and `mark` a field kept up to date with whether it is referred to.
 */
function linkReferences(resources: Map<string, ResourceDecl>): void {
  for (const decl of resources.values()) {
    const declared = (decl as ResourceDecl & { referencedBy?: JsonSchema[] }).referencedBy ?? [];
    delete (decl as { referencedBy?: unknown }).referencedBy;
    for (const r of declared) {
      if (!resources.has(r.resource)) throw new Error(`resource ${decl.name} is referenced by an undeclared resource ${r.resource}`);
      if (r.on_delete === 'cascade') decl.cascade.push({ resource: r.resource, ref: r.ref });
      if (r.on_delete === 'restrict') decl.restrict.push({ resource: r.resource, ref: r.ref, status: r.status ?? 409, code: r.code ?? 'resource_in_use' });
      if (r.mark) decl.marks.push({ resource: r.resource, ref: r.ref, ...r.mark });
    }
    if (decl.mirror && !resources.has(decl.mirror.resource)) throw new Error(`resource ${decl.name} mirrors an undeclared resource ${decl.mirror.resource}`);
    if (decl.seed && !resources.has(decl.seed.with)) throw new Error(`resource ${decl.name} is seeded with an undeclared resource ${decl.seed.with}`);
  }
}

/** `common.yaml#/components/x` -> `#/components/x`, so merged documents are self-contained. */
function rewriteSharedRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteSharedRefs);
  if (node && typeof node === 'object') {
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith(SHARED_PREFIX) ? '#/' + v.slice(SHARED_PREFIX.length) : rewriteSharedRefs(v);
    }
    return out;
  }
  return node;
}

/** Reads a JSON pointer (`#/components/schemas/X`) in a document; throws when it leads nowhere. */
function pointerLookup(doc: JsonSchema, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`unsupported reference ${ref}`);
  let cur: any = doc;
  for (const part of ref.slice(2).split('/')) {
    cur = cur?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (cur === undefined) throw new Error(`unresolved reference ${ref}`);
  }
  return cur;
}

const refOf = (node: unknown): string | undefined => {
  const ref = node && typeof node === 'object' ? (node as JsonSchema).$ref : undefined;
  return typeof ref === 'string' ? ref : undefined;
};

/**
 * Resolves every local `$ref` of `doc` by mutating it: each reference object is replaced by its
 * target, itself resolved once and shared, so a recursive schema becomes a cycle (as dereference()
 * builds, without copying the document). For documents parsed for this purpose only.
 */
export function dereferenceInPlace(doc: JsonSchema): JsonSchema {
  const resolved = new Map<string, unknown>();
  const visited = new WeakSet<object>();
  const resolve = (ref: string, chain: string[] = []): unknown => {
    const cached = resolved.get(ref);
    if (cached !== undefined) return cached;
    const target = pointerLookup(doc, ref);
    const next = refOf(target);
    if (next !== undefined) {
      // A reference to a reference: its final target.
      if (chain.includes(next)) throw new Error(`circular reference ${[...chain, ref, next].join(' -> ')}`);
      const final = resolve(next, [...chain, ref]);
      resolved.set(ref, final);
      return final;
    }
    resolved.set(ref, target);
    walk(target);
    return target;
  };
  // Only references are written over: rewriting every property would cost V8 as much as a copy.
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || visited.has(node)) return;
    visited.add(node);
    const container = node as JsonSchema;
    for (const key in container) {
      const value = container[key];
      if (!value || typeof value !== 'object') continue;
      const ref = refOf(value);
      if (ref !== undefined) container[key] = resolve(ref);
      else walk(value);
    }
  };
  walk(doc);
  return doc;
}

/**
 * Resolves every local `$ref` in place. Each referenced component is resolved once and shared,
 * so a recursive schema becomes a cyclic object graph (openapi-backend's validator handles that).
 */
export function dereference(doc: JsonSchema): JsonSchema {
  const resolved = new Map<string, unknown>();
  const lookup = (ref: string): unknown => pointerLookup(doc, ref);
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const ref = (node as JsonSchema).$ref;
    if (typeof ref === 'string') {
      const cached = resolved.get(ref);
      if (cached !== undefined) return cached;
      const target = lookup(ref);
      const placeholder: JsonSchema = Array.isArray(target) ? [] : {};
      resolved.set(ref, placeholder);
      Object.assign(placeholder, walk(target));
      return placeholder;
    }
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) out[k] = walk(v);
    return out;
  };
  // Each component is resolved once, through the same cache as the references to it: walking the
  // components section as plain nodes would copy every schema a second time.
  const pointerPart = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key !== 'components' || !value || typeof value !== 'object') {
      out[key] = walk(value);
      continue;
    }
    const components: JsonSchema = {};
    for (const [section, entries] of Object.entries<JsonSchema>(value)) {
      components[section] = {};
      for (const name of Object.keys(entries ?? {})) components[section][name] = walk({ $ref: `#/components/${pointerPart(section)}/${pointerPart(name)}` });
    }
    out.components = components;
  }
  return out;
}
