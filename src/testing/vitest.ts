/**
 * `ccloud-emulator/vitest`: one emulator for the whole run, and an organization of its own for
 * each test file, so that parallel files never see each other's resources, journal entries,
 * faults or events.
 *
 * ```ts
 * // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ['ccloud-emulator/vitest'] } });
 *
 * // orders.test.ts
 * import { useOrganization } from 'ccloud-emulator/vitest';
 * const org = useOrganization();           // created before the file's tests, removed after them
 * it('...', async () => { await fetch(`${org.url}/org/v2/environments`, { headers: { authorization: org.authorization } }); });
 * ```
 *
 * Without the global setup (or `CCLOUD_EMULATOR_URL`), `useOrganization()` starts an emulator
 * for the file and closes it afterwards.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import type { EmulatorControl } from './control-client.js';
import { connectEmulator, startEmulator, type RunningEmulator, type StartOptions } from './start.js';

/** The name the global setup provides the emulator's URL under (`inject('ccloudEmulatorUrl')`). */
export const EMULATOR_URL_KEY = 'ccloudEmulatorUrl';

declare module 'vitest' {
  export interface ProvidedContext {
    ccloudEmulatorUrl: string;
  }
}

/** What a vitest global setup is given: the part of vitest's `TestProject` used here. */
export interface ProvidingProject {
  provide(key: typeof EMULATOR_URL_KEY, value: string): void;
}

let shared: RunningEmulator | undefined;

/**
 * A vitest global setup (`globalSetup: ['ccloud-emulator/vitest']`): starts one emulator for the
 * run, with the default options (or `CCLOUD_EMULATOR_*` settings), and provides its URL to every
 * file. `startSharedEmulator(options)` does the same with options, from a setup file of your own.
 */
export async function setup(project: ProvidingProject): Promise<() => Promise<void>> {
  return startSharedEmulator(project);
}

/** Starts the run's emulator with these options and provides its URL; resolves with its teardown. */
export async function startSharedEmulator(project: ProvidingProject, options: StartOptions = {}): Promise<() => Promise<void>> {
  shared = await startEmulator(options);
  project.provide(EMULATOR_URL_KEY, shared.url);
  return teardown;
}

/** Closes the run's emulator (vitest calls it after the run when this module is the global setup). */
export async function teardown(): Promise<void> {
  const emu = shared;
  shared = undefined;
  await emu?.close();
}

/** A test file's organization: read its fields inside tests and hooks (they are set in `beforeAll`). */
export interface TestOrganization {
  /** The emulator's base URL. */
  readonly url: string;
  readonly organizationId: string;
  readonly environmentId: string;
  /** The organization's admin user, owner of its API key. */
  readonly userId: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** `Basic <key:secret>`, for the `Authorization` header. */
  readonly authorization: string;
  /** The control plane scoped to this organization: journal, faults, advance/fail, events, clock. */
  readonly control: EmulatorControl;
}

export interface UseOrganizationOptions {
  /** The emulator to use; by default the global setup's, then `CCLOUD_EMULATOR_URL`, else one started for the file. */
  url?: string;
  /** The organization's display name (the file's name is a good one). */
  name?: string;
  /** Options of the emulator started for the file when there is no shared one. */
  start?: StartOptions;
}

/** The shared emulator's URL, when a global setup or the environment names one. */
function sharedUrl(): string | undefined {
  let provided: string | undefined;
  try {
    provided = inject(EMULATOR_URL_KEY);
  } catch {
    provided = undefined;
  }
  return provided || process.env.CCLOUD_EMULATOR_URL || undefined;
}

/**
 * Registers `beforeAll` (a fresh organization on the shared emulator) and `afterAll` (the
 * organization removed: its resources, journal entries and fault rules) for the calling file, and
 * returns the organization, whose fields are readable once `beforeAll` has run.
 */
export function useOrganization(options: UseOrganizationOptions = {}): TestOrganization {
  let current: (TestOrganization & { close?: () => Promise<void> }) | undefined;
  const get = <K extends keyof TestOrganization>(key: K): TestOrganization[K] => {
    if (!current) throw new Error(`useOrganization(): '${String(key)}' is read before the file's beforeAll ran; read it inside a test or a hook`);
    return current[key];
  };

  beforeAll(async () => {
    const url = options.url ?? sharedUrl();
    const own = url === undefined ? await startEmulator(options.start) : undefined;
    const base = url ?? own!.url;
    const org = await connectEmulator(base).newOrganization(options.name);
    current = {
      url: base,
      organizationId: org.organization_id,
      environmentId: org.environment_id,
      userId: org.user_id,
      apiKey: org.api_key,
      apiSecret: org.api_secret,
      authorization: `Basic ${Buffer.from(`${org.api_key}:${org.api_secret}`).toString('base64')}`,
      control: org.control,
      close: own && (() => own.close()),
    };
  });

  afterAll(async () => {
    const org = current;
    current = undefined;
    if (!org) return;
    await org.control.reset();
    await org.close?.();
  });

  return {
    get url() {
      return get('url');
    },
    get organizationId() {
      return get('organizationId');
    },
    get environmentId() {
      return get('environmentId');
    },
    get userId() {
      return get('userId');
    },
    get apiKey() {
      return get('apiKey');
    },
    get apiSecret() {
      return get('apiSecret');
    },
    get authorization() {
      return get('authorization');
    },
    get control() {
      return get('control');
    },
  };
}
