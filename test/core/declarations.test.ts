import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocuments } from '../../src/openapi/load.js';
import { checkServiceOverrides } from '../../src/app.js';

/** A folder holding one document whose `x-emulator` declarations are the given YAML. */
function documentWith(topLevel: string, operation = 'x-emulator: { resource: Widget, action: read }'): string {
  const dir = mkdtempSync(join(tmpdir(), 'declarations-'));
  writeFileSync(
    join(dir, 'widgets.yaml'),
    `openapi: 3.0.3
info: { title: widgets, version: '1' }
${topLevel}
paths:
  /widgets/v1/widgets/{id}:
    get:
      operationId: getWidget
      ${operation}
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
`,
  );
  return dir;
}

const widget = (extra: string) => `x-emulator:
  group: widgets/v1
  resources:
    Widget:
      api_version: widgets/v1
      kind: Widget
      collection: /widgets/v1/widgets
      id: { prefix: w-, length: 6 }
      crn: organization={org}/widget={id}
${extra}`;

describe('x-emulator declarations are checked when the documents load', () => {
  it('accepts a well-formed declaration', () => {
    const docs = loadDocuments([documentWith(widget('      unique: [/display_name]'))]);
    expect(docs.resources.get('Widget')?.unique).toEqual(['/display_name']);
  });

  it('refuses a misspelt resource key, naming the file and the key', () => {
    expect(() => loadDocuments([documentWith(widget('      uniqe: [/display_name]'))])).toThrow(/widgets\.yaml: x-emulator: .*uniqe/);
  });

  it('refuses a wrong value: a filter match the engine does not know', () => {
    expect(() => loadDocuments([documentWith(widget('      filters: { name: { pointer: /name, match: fuzzy } }'))])).toThrow(/widgets\.yaml: x-emulator/);
  });

  it('refuses a lifecycle without its ready phase', () => {
    expect(() => loadDocuments([documentWith(widget('      lifecycle: { field: /status/phase, initial: A, failed: F, duration_ms: 1 }'))])).toThrow(/lifecycle.*ready/);
  });

  it('refuses an authorization declaration that names an unknown rule or action, before any request', () => {
    const needs = (decl: string) => documentWith(widget(''), `x-emulator: { resource: Widget, action: read }
      x-emulator-authorization: ${decl}`);
    expect(loadDocuments([needs("{ action: DESCRIBE, crn: 'organization={org}' }")]).operations[0].authorization).toEqual({ action: 'DESCRIBE', crn: 'organization={org}' });
    expect(() => loadDocuments([needs('{ rule: role-bindings }')])).toThrow(/getWidget: x-emulator-authorization/);
    expect(() => loadDocuments([needs('{ kafka: TOPIC, operation: PRODUCE }')])).toThrow(/getWidget: x-emulator-authorization/);
    expect(() => loadDocuments([documentWith(widget('  authorization: { read: DESCRIBE, crn: x }'))])).toThrow(/widgets\.yaml: x-emulator/);
  });

  it('accepts the reference, quota, scope, mirror, seed and view vocabulary', () => {
    const docs = loadDocuments([
      documentWith(
        `${widget(`      scope: { query: environment, body: /spec/environment/id, update: optional }
      second_scope: { query: spec.kafka_cluster, pointer: /spec/kafka_cluster/id, update_body: true }
      refs: { /spec/owner: { resources: [Widget], same_scope: true, updatable: true, match: { /spec/a: /spec/b } } }
      referenced_by:
      - { resource: Widget, ref: /spec/parent/id, on_delete: restrict, status: 400, code: widget_in_use, mark: { pointer: /state, used: IN_USE, unused: FREE } }
      - { resource: Widget, ref: /spec/owner/id, on_delete: cascade }
      mirror: { resource: Widget, fields: { /name: /display_name } }
      seed: { with: Widget }
      quota: [{ name: widgets_per_org, limit: 3, per: organization }, { name: widgets_per_owner, limit: 1, per: { pointer: /spec/owner/id } }, { name: widgets_per_env, limit: 2 }]`)}
  views:
    WidgetV2: { resource: Widget, api_version: widgets/v2, kind: Widget, collection: /widgets/v2/widgets, hooks: widgets.v2 }`,
        'x-emulator: { resource: Widget, action: read, view: WidgetV2 }',
      ),
    ]);
    const decl = docs.resources.get('Widget')!;
    expect(decl.restrict).toEqual([{ resource: 'Widget', ref: '/spec/parent/id', status: 400, code: 'widget_in_use' }]);
    expect(decl.marks).toEqual([{ resource: 'Widget', ref: '/spec/parent/id', pointer: '/state', used: 'IN_USE', unused: 'FREE' }]);
    expect(decl.cascade).toEqual([{ resource: 'Widget', ref: '/spec/owner/id' }]);
    expect(decl.quotas.map((q) => q.per)).toEqual(['organization', { pointer: '/spec/owner/id' }, 'scope']);
    expect(docs.views.get('WidgetV2')?.collection).toBe('/widgets/v2/widgets');
    expect(docs.operations[0].binding?.view).toBe('WidgetV2');
  });

  it('refuses a wrong reference, quota or view declaration', () => {
    expect(() => loadDocuments([documentWith(widget('      referenced_by: [{ resource: Widget, ref: /spec/x/id, on_delete: ignore }]'))])).toThrow(/widgets\.yaml: x-emulator/);
    expect(() => loadDocuments([documentWith(widget('      referenced_by: [{ resource: Gadget, ref: /spec/x/id, on_delete: restrict }]'))])).toThrow(/undeclared resource Gadget/);
    expect(() => loadDocuments([documentWith(widget('      quota: { name: q, limit: 1, per: cluster }'))])).toThrow(/widgets\.yaml: x-emulator/);
    expect(() => loadDocuments([documentWith(widget('      scope: { query: environment, body: /spec/environment/id, update: maybe }'))])).toThrow(/widgets\.yaml: x-emulator/);
    expect(() => loadDocuments([documentWith(widget(''), 'x-emulator: { resource: Widget, action: read, view: Nowhere }')])).toThrow(/getWidget names a view Nowhere/);
  });

  it('refuses an operation binding with an unknown action, naming the operation', () => {
    expect(() => loadDocuments([documentWith(widget(''), 'x-emulator: { resource: Widget, action: fetch }')])).toThrow(/widgets\.yaml: getWidget: x-emulator/);
  });
});

describe('hand-written handlers of bound operations are declared', () => {
  const ops = loadDocuments([documentWith(widget(''), 'x-emulator: { resource: Widget, action: read, handler: code }')]).operations;
  const plain = loadDocuments([documentWith(widget(''))]).operations;
  const handler = () => ({ status: 200 });

  it('accepts a declared override that has its handler, and an engine-served operation without one', () => {
    expect(ops[0].binding).toEqual({ resource: 'Widget', action: 'read', handler: 'code' });
    expect(() => checkServiceOverrides(ops, { getWidget: handler })).not.toThrow();
    expect(() => checkServiceOverrides(plain, {})).not.toThrow();
  });

  it('refuses a service handler that would silently replace the engine', () => {
    expect(() => checkServiceOverrides(plain, { getWidget: handler })).toThrow(/getWidget is bound to Widget.*handler: code/);
  });

  it('refuses a declared override that no service handles', () => {
    expect(() => checkServiceOverrides(ops, {})).toThrow(/getWidget declares `handler: code` but no service handles it/);
  });

  it('holds for the documents the emulator serves', async () => {
    const { serviceHandlers } = await import('../../src/services/index.js');
    const { TestEmulator } = await import('../helpers.js');
    const emu = await TestEmulator.start();
    try {
      // Every operation bound to a declared resource is served by the engine.
      const coded = emu.rt.docs.operations.filter((op) => op.binding?.handler === 'code').map((op) => op.operationId);
      expect(coded).toEqual([]);
      expect(() => checkServiceOverrides(emu.rt.docs.operations, serviceHandlers(emu.emu.engine))).not.toThrow();
    } finally {
      await emu.close();
    }
  });
});
