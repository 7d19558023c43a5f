import { randomUUID } from 'node:crypto';
import type { Engine } from '../engine/engine.js';
import type { HandlerMap } from '../contract/handler.js';
import { notFound, unprocessable } from '../core/errors.js';
import { parsePolicy } from '../core/lifecycle.js';
import { newSecret } from '../core/ids.js';
import type { Fixtures } from './fixtures.js';
import { loadFixtures } from './fixtures.js';
import { exportSnapshot, importSnapshot, removeOrg, wipe } from './store-admin.js';
import { authorizationHandlers } from './authorization.js';

export interface ControlOptions {
  /** Loads the start-up fixtures again after a full reset. */
  reloadFixtures: (baseUrl: string) => void;
  /** operationId -> implemented. */
  implemented: (operationId: string) => boolean;
  version: string;
}

/** Handlers of the control plane, `/_emulator` (documented in openapi/emulator.yaml). */
export function controlHandlers(engine: Engine, o: ControlOptions): HandlerMap {
  const rt = engine.rt;
  const clockView = () => ({
    now: rt.clock.iso(),
    epoch_ms: rt.clock.now(),
    frozen: rt.clock.frozen,
    lifecycle: rt.config.lifecycle.mode === 'reads' ? `reads=${rt.config.lifecycle.reads}` : rt.config.lifecycle.mode,
  });
  const ops = rt.docs.operations;
  const startupLifecycle = { ...rt.config.lifecycle };

  return {
    ...authorizationHandlers(rt),
    getEmulatorHealth: () => ({
      status: 200,
      body: {
        status: 'ok',
        version: o.version,
        uptime_seconds: Math.round((Date.now() - rt.startedAt) / 1000),
        operations: ops.length,
        implemented: ops.filter((op) => o.implemented(op.operationId)).length,
        kafka: rt.kafkaEndpoint ? { port: rt.kafkaEndpoint.port } : null,
      },
    }),

    getEmulatorKafkaCa: () => {
      if (!rt.kafkaEndpoint) throw notFound('The Kafka listener is off');
      return { status: 200, headers: { 'content-type': 'application/x-pem-file' }, body: Buffer.from(rt.kafkaEndpoint.caPem) };
    },

    resetEmulator: (ctx) => {
      const org = ctx.body?.org as string | undefined;
      if (org) {
        if (!rt.tx(() => removeOrg(rt, org))) throw notFound(`The organization '${org}' was not found`);
        rt.journal.clear({ organization_id: org });
        rt.faults.clear(org);
        return { status: 200, body: { reset: org } };
      }
      rt.tx(() => {
        wipe(rt);
        o.reloadFixtures(ctx.baseUrl);
      });
      // Nothing of one test may leak into the next: time, the lifecycle mode, the journal, faults.
      rt.clock.reset();
      rt.config.lifecycle = { ...startupLifecycle };
      rt.journal.clear();
      rt.faults.clear();
      return { status: 200, body: { reset: 'all' } };
    },

    createEmulatorOrg: (ctx) => {
      const orgId = randomUUID();
      const secret = newSecret();
      const created = rt.tx(() => {
        const fixtures: Fixtures = {
          organizations: [
            {
              id: orgId,
              display_name: ctx.body?.display_name ?? `Test Org ${orgId.slice(0, 8)}`,
              resources: {
                Environment: [{ display_name: 'default' }],
                User: [{ email: `admin+${orgId.slice(0, 8)}@example.com`, full_name: 'Org Admin', auth_type: 'AUTH_TYPE_LOCAL' }],
              },
            },
          ],
        };
        loadFixtures(engine, fixtures, ctx.baseUrl);
        const env = rt.resources.list({ org: orgId, type: 'Environment', filters: [], limit: 1 })[0];
        const user = rt.resources.list({ org: orgId, type: 'User', filters: [], limit: 1 })[0];
        const key = engine.create(
          engine.decl('ApiKey'),
          { spec: { display_name: 'org-admin', description: 'Created by POST /_emulator/orgs', owner: { id: user.id } } },
          { org: orgId, baseUrl: ctx.baseUrl, trusted: true, extras: { secret } },
        );
        return { env, user, key };
      });
      return {
        status: 201,
        body: { organization_id: orgId, environment_id: created.env.id, user_id: created.user.id, api_key: created.key.id, api_secret: secret },
      };
    },

    exportEmulatorSnapshot: (ctx) => ({ status: 200, body: exportSnapshot(rt, { includeSecrets: ctx.query.include_secrets === true || ctx.query.include_secrets === 'true' }) }),
    importEmulatorSnapshot: (ctx) => ({ status: 200, body: importSnapshot(rt, ctx.body) }),

    loadEmulatorFixtures: (ctx) => ({
      status: 201,
      body: { organizations: rt.tx(() => loadFixtures(engine, ctx.body as Fixtures, ctx.baseUrl)) },
    }),

    getEmulatorClock: () => ({ status: 200, body: clockView() }),
    setEmulatorClock: (ctx) => {
      const { now, frozen, lifecycle } = ctx.body ?? {};
      if (lifecycle !== undefined) {
        const policy = parsePolicy(lifecycle, rt.config.lifecycle);
        if (!policy) throw unprocessable('lifecycle must be immediate, timed or reads=N', '/lifecycle');
        rt.config.lifecycle = policy;
      }
      if (typeof frozen === 'boolean') rt.clock.freeze(frozen);
      if (now !== undefined) {
        const ms = Date.parse(now);
        if (Number.isNaN(ms)) throw unprocessable('now must be an RFC 3339 date-time', '/now');
        rt.clock.set(ms);
      }
      return { status: 200, body: clockView() };
    },
    advanceEmulatorClock: (ctx) => {
      const ms = (ctx.body?.ms ?? 0) + Math.round((ctx.body?.seconds ?? 0) * 1000);
      rt.clock.advance(ms);
      return { status: 200, body: clockView() };
    },

    listEmulatorOperations: () => {
      const data = ops.map((op) => ({
        operation_id: op.operationId,
        group: op.group,
        method: op.method,
        path: op.path,
        stage: op.stage,
        implemented: o.implemented(op.operationId),
      }));
      return { status: 200, body: { total: data.length, implemented: data.filter((d) => d.implemented).length, data } };
    },
  };
}
