import { PassThrough } from 'node:stream';
import type { HandlerMap } from '../contract/handler.js';
import type { Runtime } from '../runtime.js';
import type { ResourceRow, WriteObserver } from '../store/resources.js';
import type { PhaseObserver, PhasedKind, PhasedRef } from './phased-kinds.js';

export type EventType = 'created' | 'updated' | 'deleted' | 'phase';

export interface ResourceEvent {
  id: string;
  kind: string;
  api_version: string;
  organization_id: string;
  phase?: string;
  time: string;
}

interface Subscriber {
  organizationId?: string;
  kind?: string;
  stream: PassThrough;
}

/** How often, while someone listens, phases that are due on the clock are moved along. */
const TICK_MS = 200;

/**
 * Resource events, from the one place every write goes through (the resource store), so the
 * engine, hand-written services and the lifecycle all emit them alike, in the order they happen.
 * Nothing is computed while no one listens. While someone does, a ticker observes the resources
 * whose phase is due on the clock, so a `timed` phase change arrives without anyone polling.
 */
export class EventBus implements WriteObserver, PhaseObserver {
  private readonly subscribers = new Set<Subscriber>();
  private ticker: NodeJS.Timeout | undefined;
  private baseUrl = '';

  /** Events of the transaction under way: sent when it commits, dropped when it rolls back. */
  private pending: Array<{ event: ResourceEvent; frame: string }> = [];

  constructor(private readonly rt: Runtime) {
    rt.resources.writeObserver = this;
    rt.phasedKinds.observer = this;
    rt.afterTransaction = (committed) => {
      const events = this.pending;
      this.pending = [];
      if (committed) for (const e of events) this.send(e.event, e.frame);
    };
  }

  active(): boolean {
    return this.subscribers.size > 0;
  }

  written(row: ResourceRow, before: ResourceRow | undefined): void {
    const phased = this.rt.phasedKinds.get(row.type);
    const decl = this.rt.docs.resources.get(row.type);
    const phase = phased?.phaseOf(row);
    let type: EventType;
    if (!before) type = 'created';
    else if (before.deleted_at === null && row.deleted_at !== null) type = 'deleted';
    else if (phased && phase !== phased.phaseOf(before)) type = 'phase';
    else if (JSON.stringify(before.body) !== JSON.stringify(row.body)) type = 'updated';
    else return;
    const event: ResourceEvent = {
      id: row.id,
      kind: phased?.kind ?? decl?.kind ?? row.type,
      api_version: phased?.api_version ?? decl?.api_version ?? '',
      organization_id: row.org_id,
      ...(phase !== undefined && type !== 'deleted' ? { phase } : {}),
      time: this.rt.clock.iso(),
    };
    this.emit(type, event);
  }

  /** A kind kept outside the resource table (mirror topics, ...) moved an item: a `phase` event, or `deleted` when it is gone. */
  phaseChanged(kind: PhasedKind, ref: PhasedRef, phase: string | undefined): void {
    if (!this.active()) return;
    const event: ResourceEvent = { id: ref.id, kind: kind.kind, api_version: kind.api_version, organization_id: ref.org_id, ...(phase !== undefined ? { phase } : {}), time: this.rt.clock.iso() };
    this.emit(phase === undefined ? 'deleted' : 'phase', event);
  }

  private emit(type: EventType, event: ResourceEvent): void {
    const frame = `event: ${type}\ndata: ${JSON.stringify(event)}\n\n`;
    if (this.rt.db.inTransaction) this.pending.push({ event, frame });
    else this.send(event, frame);
  }

  private send(event: ResourceEvent, frame: string): void {
    for (const s of this.subscribers) {
      if ((s.organizationId === undefined || s.organizationId === event.organization_id) && (s.kind === undefined || s.kind === event.kind)) s.stream.write(frame);
    }
  }

  subscribe(filter: { organizationId?: string; kind?: string }, baseUrl: string): PassThrough {
    const stream = new PassThrough();
    const sub: Subscriber = { ...filter, stream };
    this.subscribers.add(sub);
    this.baseUrl = baseUrl;
    stream.on('close', () => this.unsubscribe(sub));
    stream.write(': connected\n\n');
    this.ticker ??= setInterval(() => this.tick(), TICK_MS);
    return stream;
  }

  /** Ends every stream (the emulator is closing). */
  close(): void {
    for (const s of this.subscribers) s.stream.end();
    this.subscribers.clear();
    this.stopTicker();
  }

  private unsubscribe(sub: Subscriber): void {
    this.subscribers.delete(sub);
    if (!this.subscribers.size) this.stopTicker();
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private tick(): void {
    if (!this.rt.db.open) return this.stopTicker();
    for (const kind of this.rt.phasedKinds.list()) {
      if (!kind.tick) continue;
      for (const row of kind.pending ? kind.pending() : this.liveRows(kind.type)) {
        if (!kind.pending && kind.settled(row)) continue;
        try {
          this.rt.tx(() => kind.tick!(row, this.baseUrl));
        } catch {
          // A row that cannot be observed now (its parent just went) is observed on its next read.
        }
      }
    }
  }

  private liveRows(type: string): ResourceRow[] {
    const ids = this.rt.db.prepare('SELECT id FROM resources WHERE type = ? AND deleted_at IS NULL').all(type) as Array<{ id: string }>;
    return ids.map((r) => this.rt.resources.getInAnyOrg(type, r.id)).filter((r): r is ResourceRow => r !== undefined);
  }
}

/** GET /_emulator/events: the event stream, as Server-Sent Events. */
export function eventHandlers(bus: EventBus): HandlerMap {
  return {
    streamEmulatorEvents: (ctx) => {
      const org = typeof ctx.query.organization_id === 'string' ? ctx.query.organization_id : undefined;
      const kind = typeof ctx.query.kind === 'string' ? ctx.query.kind : undefined;
      return {
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' },
        body: bus.subscribe({ organizationId: org, kind }, ctx.baseUrl),
      };
    },
  };
}
