import { badRequest } from '../../core/errors.js';
import { listIdentity } from '../../core/pagination.js';
import type { Engine } from '../../engine/engine.js';
import { cursorOf, listMetadata } from '../../engine/paging.js';
import type { HandlerMap } from '../../contract/handler.js';

const DAY_MS = 86_400_000;
/** The longest range one request may ask for, in days (Confluent: at most a month). */
export const MAX_RANGE_DAYS = 31;
/** How far back costs may be asked for, in days (Confluent: at most a year). */
export const MAX_AGE_DAYS = 365;

/** `YYYY-MM-DD` as UTC midnight in ms, or undefined when it is not a real date. */
function parseDate(value: unknown): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value ?? ''));
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === m[0] ? t : undefined;
}

/**
 * `listBillingV1Costs`. The emulator runs nothing that costs money, so there are no cost line
 * items: every valid range answers an empty list (never invented figures), with the list's paging
 * metadata. The range is checked as Confluent checks it: real dates, end_date (exclusive) after
 * start_date, at most MAX_RANGE_DAYS days long, starting no more than MAX_AGE_DAYS days before
 * today on the emulator's clock; 400 with `source.parameter` otherwise.
 */
export function billingHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  return {
    listBillingV1Costs: (ctx) => {
      const start = parseDate(ctx.query.start_date);
      if (start === undefined) throw badRequest(`start_date '${String(ctx.query.start_date)}' is not a date (YYYY-MM-DD)`, { parameter: 'start_date' });
      const end = parseDate(ctx.query.end_date);
      if (end === undefined) throw badRequest(`end_date '${String(ctx.query.end_date)}' is not a date (YYYY-MM-DD)`, { parameter: 'end_date' });
      if (end <= start) throw badRequest('end_date (exclusive) must be after start_date', { parameter: 'end_date' });
      if (end - start > MAX_RANGE_DAYS * DAY_MS) throw badRequest(`The range from start_date to end_date may not exceed ${MAX_RANGE_DAYS} days`, { parameter: 'end_date' });
      const today = Math.floor(rt.clock.now() / DAY_MS) * DAY_MS;
      if (start < today - MAX_AGE_DAYS * DAY_MS) throw badRequest(`start_date may not be more than ${MAX_AGE_DAYS} days before today`, { parameter: 'start_date' });

      const org = ctx.caller.orgId;
      const cursor = cursorOf(rt.tokens, ctx, listIdentity([org, 'billing.v1.Cost', start, end]));
      const metadata = listMetadata(rt.tokens, ctx, cursor, { hasPrev: false, hasNext: false, total: 0 });
      return { status: 200, body: { api_version: 'billing/v1', kind: 'CostList', metadata, data: [] } };
    },
  };
}
