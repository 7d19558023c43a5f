import { forbidden } from '../../core/errors.js';
import type { Engine } from '../../engine/engine.js';
import type { HandlerMap } from '../../contract/handler.js';
import { OPT_IN } from './constants.js';
import { insertRow, issueId, save } from './rows.js';

/* The organization's Stream Sharing switch: enabled until an opt-in row says otherwise. */

const optInRow = (engine: Engine, org: string) => engine.repository(OPT_IN).list({ org, limit: 1 })[0];
const optedIn = (engine: Engine, org: string) => optInRow(engine, org)?.body.stream_share_enabled !== false;

export function requireOptedIn(engine: Engine, org: string, whose: 'caller' | 'provider'): void {
  if (optedIn(engine, org)) return;
  throw forbidden(
    whose === 'caller'
      ? 'Stream Sharing is disabled for the organization: enable it with PATCH /cdx/v1/opt-in'
      : 'The providing organization has disabled Stream Sharing: its shares cannot be accessed',
  );
}

const renderOptIn = (engine: Engine, org: string) => ({ api_version: 'cdx/v1', kind: 'OptIn', stream_share_enabled: optedIn(engine, org) });

export const optInHandlers = (engine: Engine): HandlerMap => ({
  getCdxV1OptIn: (ctx) => ({ status: 200, body: renderOptIn(engine, ctx.caller.orgId) }),

  updateCdxV1OptIn: (ctx) => {
    const org = ctx.caller.orgId;
    const enabled = (ctx.body ?? {}).stream_share_enabled;
    engine.rt.tx(() => {
      if (typeof enabled !== 'boolean') return;
      const row = optInRow(engine, org);
      if (row) {
        row.body.stream_share_enabled = enabled;
        save(engine, row);
      } else insertRow(engine, OPT_IN, org, issueId(engine, OPT_IN), { stream_share_enabled: enabled });
    });
    return { status: 200, body: renderOptIn(engine, org) };
  },
});
