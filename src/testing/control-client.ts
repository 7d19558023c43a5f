import type { Fault, FaultSpec } from '../control/faults.js';
import type { JournalEntry, JournalFilter } from '../control/journal.js';
import { EventSubscription } from './event-subscription.js';

export type { Fault, FaultSpec, JournalEntry, JournalFilter };

export interface RequestQuery extends JournalFilter {
  /** The newest `limit` matching entries (default 100). */
  limit?: number;
}

/** What advance and fail answer: the resource's phase before and after. */
export interface PhaseChange {
  id: string;
  kind: string;
  api_version: string;
  organization_id: string;
  previous_phase: string | null;
  /** Null once a deletion completed. */
  phase: string | null;
  settled: boolean;
}

export interface OrganizationCredentials {
  organization_id: string;
  environment_id: string;
  user_id: string;
  api_key: string;
  api_secret: string;
}

/** The virtual clock, through the control plane. */
export interface ClockControl {
  now(): Promise<Date>;
  advance(ms: number): Promise<Date>;
  set(to: Date | string): Promise<Date>;
  freeze(frozen?: boolean): Promise<Date>;
}

/**
 * The control plane (`/_emulator`) over HTTP, so that it works from any process: a test file in
 * a worker can drive an emulator its runner's global setup started. `organizationId` scopes the
 * journal and fault calls to one organization, so parallel workers never see each other's.
 */
export class EmulatorControl {
  readonly clock: ClockControl;

  constructor(
    /** Where the emulator listens (not its public URL, which may name another host). */
    readonly controlUrl: string,
    readonly organizationId?: string,
    /** The emulator's `--admin-token`, when it was started with one. */
    private readonly adminToken?: string,
  ) {
    const clockOf = (b: { now: string }) => new Date(b.now);
    this.clock = {
      now: async () => clockOf(await this.call('GET', '/_emulator/clock')),
      advance: async (ms) => clockOf(await this.call('POST', '/_emulator/clock/advance', { ms: Math.round(ms) })),
      set: async (to) => clockOf(await this.call('PUT', '/_emulator/clock', { now: typeof to === 'string' ? to : to.toISOString() })),
      freeze: async (frozen = true) => clockOf(await this.call('PUT', '/_emulator/clock', { frozen })),
    };
  }

  /** The journal's matching entries, oldest first. */
  async requests(filter: RequestQuery = {}): Promise<JournalEntry[]> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(this.scoped(filter))) if (v !== undefined) query.set(k, String(v));
    return (await this.call('GET', `/_emulator/requests?${query}`)).data;
  }

  /** The first `count` matching entries once they exist; throws after `timeoutMs`. */
  async waitFor(filter: JournalFilter, count = 1, timeoutMs = 5000): Promise<JournalEntry[]> {
    return (await this.call('POST', '/_emulator/requests/wait', { ...this.scoped(filter), count, timeout_ms: timeoutMs })).data;
  }

  async clearRequests(): Promise<number> {
    return (await this.call('DELETE', `/_emulator/requests${this.orgQuery()}`)).deleted;
  }

  async fault(rule: FaultSpec): Promise<Fault> {
    return this.call('POST', '/_emulator/faults', this.scoped(rule));
  }

  async faults(): Promise<Fault[]> {
    return (await this.call('GET', `/_emulator/faults${this.orgQuery()}`)).data;
  }

  async removeFault(id: string): Promise<void> {
    await this.call('DELETE', `/_emulator/faults/${encodeURIComponent(id)}`);
  }

  async clearFaults(): Promise<number> {
    return (await this.call('DELETE', `/_emulator/faults${this.orgQuery()}`)).deleted;
  }

  /** Moves a resource one phase on, or with `to: 'settled'` to its final phase. */
  async advance(id: string, to: 'next' | 'settled' = 'next'): Promise<PhaseChange> {
    return this.call('POST', `/_emulator/resources/${encodeURIComponent(id)}/advance${this.orgQuery()}`, { to });
  }

  /** Sends a resource to its failure phase. */
  async fail(id: string, message?: string): Promise<PhaseChange> {
    return this.call('POST', `/_emulator/resources/${encodeURIComponent(id)}/fail${this.orgQuery()}`, message === undefined ? {} : { message });
  }

  /** Subscribes to resource events (of this organization, when scoped); `kind` narrows them. */
  events(filter: { kind?: string } = {}): Promise<EventSubscription> {
    const query = new URLSearchParams();
    if (this.organizationId) query.set('organization_id', this.organizationId);
    if (filter.kind) query.set('kind', filter.kind);
    return EventSubscription.open(`${this.controlUrl}/_emulator/events?${query}`, this.authHeader());
  }

  /** A fresh isolated organization, and a control scoped to it. */
  async newOrganization(displayName?: string): Promise<OrganizationCredentials & { control: EmulatorControl }> {
    const creds: OrganizationCredentials = await this.call('POST', '/_emulator/orgs', displayName ? { display_name: displayName } : {});
    return { ...creds, control: new EmulatorControl(this.controlUrl, creds.organization_id, this.adminToken) };
  }

  /** Without an organization: wipes everything (clock, journal and faults included). With one: removes that organization. */
  async reset(): Promise<void> {
    await this.call('POST', '/_emulator/reset', this.organizationId ? { org: this.organizationId } : {});
  }

  private scoped<T extends object>(o: T): T {
    return this.organizationId && !('organization_id' in o && (o as { organization_id?: string }).organization_id) ? { ...o, organization_id: this.organizationId } : o;
  }

  private orgQuery(): string {
    return this.organizationId ? `?organization_id=${encodeURIComponent(this.organizationId)}` : '';
  }

  private authHeader(): Record<string, string> {
    return this.adminToken ? { authorization: `Bearer ${this.adminToken}` } : {};
  }

  private async call(method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(this.controlUrl + path, {
      method,
      headers: { ...this.authHeader(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const detail = parsed?.errors?.[0]?.detail ?? text;
      throw new Error(`${method} ${path.split('?')[0]} answered ${res.status}: ${detail}`);
    }
    return parsed;
  }
}
