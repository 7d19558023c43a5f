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
  components: Record<string, any>;
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
      const doc = yaml.load(readFileSync(join(dir, file), 'utf8')) as any;
      const components = withoutBareNullable(doc?.components ?? {});
      for (const [path, item] of Object.entries<any>(doc?.paths ?? {})) {
        for (const method of METHODS) {
          const op = item?.[method];
          if (!op?.responses) continue;
          const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
          this.operations.push({ file, method: method.toUpperCase(), path, pattern: new RegExp(`^${source}$`), params: (path.match(/\{/g) ?? []).length, responses: op.responses, components });
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
    matches.sort((a, b) => a.params - b.params);
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
