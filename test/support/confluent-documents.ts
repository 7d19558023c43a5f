/**
 * Checks responses against Confluent's own published OpenAPI documents (not ours), for the
 * conformance walk. The documents are not part of the project: point CONFLUENT_OPENAPI_DIR at a
 * folder holding them (Confluent's `*.yaml`), else the check is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface ConfluentOperation {
  file: string;
  method: string;
  path: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, any>;
  requestBody?: any;
  components: Record<string, any>;
}

/** An example Confluent's document gives (or its schema's property examples add up to), for one operation. */
export interface DocumentExample {
  /** `METHOD path (file)` of Confluent's operation. */
  operation: string;
  method: string;
  path: string;
  /** `request`, or the response status. */
  of: 'request' | number;
  body: unknown;
}

export interface Deviation {
  /** `METHOD path (file)` of Confluent's operation. */
  operation: string;
  method: string;
  /** Confluent's path template, e.g. `/config/{subject}`. */
  path: string;
  request: string;
  status: number;
  problem: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export class ConfluentDocuments {
  private readonly operations: ConfluentOperation[] = [];
  private readonly ajv = new Ajv({ strict: false, allErrors: false, logger: false, unicodeRegExp: false });
  /** Compiled validators; null for a schema Ajv cannot compile (those responses are counted, not judged). */
  private readonly validators = new Map<string, ValidateFunction | null>();
  uncheckable = 0;
  readonly deviations: Deviation[] = [];
  /** Requests no Confluent document describes (REST Proxy v2, the control plane, ...). */
  readonly unmatched = new Set<string>();
  checked = 0;

  private constructor(dir: string) {
    addFormats.default(this.ajv as any);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      // The core schema keeps unquoted timestamps in examples as the strings they stand for, not Dates.
      const doc = yaml.load(readFileSync(join(dir, file), 'utf8'), { schema: yaml.CORE_SCHEMA }) as any;
      const components = withoutBareNullable(doc?.components ?? {});
      for (const [path, item] of Object.entries<any>(doc?.paths ?? {})) {
        for (const method of METHODS) {
          const op = item?.[method];
          if (!op?.responses) continue;
          const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
          this.operations.push({ file, method: method.toUpperCase(), path, pattern: new RegExp(`^${source}$`), params: (path.match(/\{/g) ?? []).length, responses: op.responses, requestBody: op.requestBody, components });
        }
      }
    }
  }

  /** The documents in CONFLUENT_OPENAPI_DIR, or undefined when it is not set. */
  static fromEnvironment(): ConfluentDocuments | undefined {
    const dir = process.env.CONFLUENT_OPENAPI_DIR;
    return dir && existsSync(dir) ? new ConfluentDocuments(dir) : undefined;
  }

  private operationOf(method: string, url: string): ConfluentOperation | undefined {
    const path = url.split('?')[0].replace(/^\/v3\//, '/kafka/v3/');
    const matches = this.operations.filter((o) => o.method === method && o.pattern.test(path));
    // Fewest parameters first; of those, the longest path (`{id}:network` before `{id}`).
    matches.sort((a, b) => a.params - b.params || b.path.length - a.path.length);
    return matches[0];
  }

  /** Records a deviation when Confluent's document does not declare the status, or the body does not fit it. */
  check(method: string, url: string, status: number, body: unknown): void {
    const op = this.operationOf(method, url);
    if (!op) {
      this.unmatched.add(`${method} ${url.split('?')[0]}`);
      return;
    }
    this.checked++;
    const name = `${op.method} ${op.path} (${op.file})`;
    const response = this.resolve(op, op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default);
    if (!response) {
      this.deviations.push({ operation: name, method: op.method, path: op.path, request: `${method} ${url}`, status, problem: `status ${status} is not declared (declared: ${Object.keys(op.responses).join(', ')})` });
      return;
    }
    const media = response.content?.['application/json'] ?? Object.values<any>(response.content ?? {})[0];
    if (!media?.schema || body === undefined) return;
    const key = `${name} ${status}`;
    let validate = this.validators.get(key);
    if (validate === undefined) {
      try {
        validate = this.ajv.compile({ components: op.components, allOf: [withoutBareNullable(media.schema)] });
      } catch {
        validate = null;
      }
      this.validators.set(key, validate);
    }
    if (validate === null) {
      this.uncheckable++;
      return;
    }
    if (!validate(body)) {
      const problem = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('; ');
      this.deviations.push({ operation: name, method: op.method, path: op.path, request: `${method} ${url}`, status, problem });
    }
  }

  /**
   * The JSON examples of the operation serving `method` `path` (a path of ours, `{...}` templates
   * allowed): its request body's and its success responses', each the document's own example (of
   * the media type or of its schema); with `built`, else one built from its schema's property
   * examples (a weaker witness: a property without an example is left out, or filled in).
   */
  examples(method: string, path: string, built = false): DocumentExample[] {
    const concrete = path.replace(/\{[^}]+\}/g, 'x');
    const op = this.operationOf(method, concrete);
    if (!op) return [];
    const name = `${op.method} ${op.path} (${op.file})`;
    const out: DocumentExample[] = [];
    const add = (of: DocumentExample['of'], holder: any) => {
      const media = holder?.content?.['application/json'] ?? Object.entries<any>(holder?.content ?? {}).find(([type]) => /json/.test(type))?.[1];
      if (!media) return;
      const schema = media.schema?.$ref ? refTarget(media.schema.$ref, op.components) : media.schema;
      const body = media.example ?? firstExample(media.examples) ?? (!built ? schema?.example : exampleOf(media.schema, op.components, of === 'request' ? 'request' : 'response'));
      if (body !== undefined) out.push({ operation: name, method: op.method, path: op.path, of, body });
    };
    add('request', this.resolve(op, op.requestBody));
    for (const [status, response] of Object.entries<any>(op.responses)) if (/^2\d\d$/.test(status)) add(Number(status), this.resolve(op, response));
    return out;
  }

  /** The schemas of the success responses of the operation serving `method` `path` (a path of ours), with the components their `$ref`s point into. */
  successSchemas(method: string, path: string): Array<{ operation: string; status: number; schema: any; components: Record<string, any> }> {
    const op = this.operationOf(method, path.replace(/\{[^}]+\}/g, 'x'));
    if (!op) return [];
    const out: Array<{ operation: string; status: number; schema: any; components: Record<string, any> }> = [];
    for (const [status, response] of Object.entries<any>(op.responses)) {
      if (!/^2\d\d$/.test(status)) continue;
      const content = this.resolve(op, response)?.content ?? {};
      const media = content['application/json'] ?? Object.entries<any>(content).find(([type]) => /json/.test(type))?.[1];
      if (media?.schema) out.push({ operation: `${op.method} ${op.path}`, status: Number(status), schema: media.schema, components: op.components });
    }
    return out;
  }

  /** A response object, following one `$ref` into the document's components. */
  private resolve(op: ConfluentOperation, response: any): any {
    const ref: string | undefined = response?.$ref;
    if (!ref) return response;
    return ref.replace(/^#\//, '').split('/').reduce((node: any, key) => node?.[key], { components: op.components });
  }

  /** One line per distinct deviation (operation, status and problem), leaving out those `excused` answers true for. */
  report(excused: (d: Deviation) => boolean = () => false): string[] {
    const seen = new Map<string, Deviation>();
    for (const d of this.deviations) if (!excused(d)) seen.set(`${d.operation} ${d.status} ${d.problem}`, d);
    return [...seen.values()].map((d) => `${d.operation} -> ${d.status}: ${d.problem}   [${d.request.slice(0, 120)}]`);
  }
}

/** OpenAPI 3.0 allows `nullable` beside `$ref` or `allOf`; Ajv wants a `type` with it. Those become `anyOf [.., null]`. */
function withoutBareNullable(schema: any): any {
  if (Array.isArray(schema)) return schema.map(withoutBareNullable);
  if (!schema || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const [k, v] of Object.entries(schema)) out[k] = withoutBareNullable(v);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const firstExample = (examples: Record<string, any> | undefined) => (examples ? Object.values(examples)[0]?.value : undefined);

/**
 * A value built from a schema's examples: the schema's own `example`, else for an object each
 * property that has (or is made of) examples, read-only ones left out of requests and write-only
 * ones out of responses; undefined when nothing in it has an example.
 */
export function exampleOf(schema: any, components: Record<string, any>, direction: 'request' | 'response', depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || depth > 12) return undefined;
  if (schema.$ref) return exampleOf(refTarget(schema.$ref, components), components, direction, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((s: any) => exampleOf(s, components, direction, depth + 1)).filter((v: unknown) => v !== undefined);
    const own = exampleOf({ ...schema, allOf: undefined }, components, direction, depth + 1);
    if (own !== undefined) parts.push(own);
    if (!parts.length) return undefined;
    return parts.every((p: unknown) => p && typeof p === 'object' && !Array.isArray(p)) ? Object.assign({}, ...parts) : parts[parts.length - 1];
  }
  for (const key of ['oneOf', 'anyOf']) if (Array.isArray(schema[key])) return exampleOf(schema[key][0], components, direction, depth + 1);
  if (schema.type === 'array' || schema.items) {
    const item = exampleOf(schema.items, components, direction, depth + 1);
    return item === undefined ? undefined : [item];
  }
  if (schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries<any>(schema.properties)) {
      const resolved = prop?.$ref ? refTarget(prop.$ref, components) : prop;
      if ((direction === 'request' && resolved?.readOnly) || (direction === 'response' && resolved?.writeOnly)) continue;
      const value = exampleOf(prop, components, direction, depth + 1) ?? (schema.required?.includes(name) ? placeholderOf(resolved) : undefined);
      if (value !== undefined) out[name] = value;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return undefined;
}

/** A required property without an example: the simplest value of its type. */
function placeholderOf(schema: any): unknown {
  switch (schema?.type) {
    case 'string':
      return schema.format === 'date-time' ? '2024-01-01T00:00:00Z' : schema.format === 'uri' ? 'https://example.com/x' : 'x';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return undefined;
  }
}

const refTarget = (ref: string, components: Record<string, any>) => ref.replace(/^#\/components\//, '').split('/').reduce((node: any, key) => node?.[key], components);
