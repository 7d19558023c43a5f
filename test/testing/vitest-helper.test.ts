import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// By the package's own name: resolved through package.json `exports` to the built module.
import { EMULATOR_URL_KEY, setup, useOrganization, type TestOrganization } from 'ccloud-emulator/vitest';

/**
 * `ccloud-emulator/vitest` as a suite uses it: the global setup's emulator shared by every file
 * (here by `describe` blocks standing for files), an organization of its own per file, removed
 * after the file's tests.
 */
let stop: () => Promise<void>;
let url: string;
beforeAll(async () => {
  const provided = new Map<string, string>();
  stop = await setup({ provide: (key, value) => void provided.set(key, value) });
  url = provided.get(EMULATOR_URL_KEY)!;
  process.env.CCLOUD_EMULATOR_URL = url;
});
afterAll(async () => {
  delete process.env.CCLOUD_EMULATOR_URL;
  await stop();
});

const get = (base: string, path: string, authorization: string) => fetch(`${base}${path}`, { headers: { authorization } });
let first: { organizationId: string; authorization: string; serviceAccount: string } | undefined;

describe('a first test file', () => {
  const org: TestOrganization = useOrganization({ name: 'first.test.ts' });
  let early: unknown;
  try {
    void org.url;
  } catch (e) {
    early = e;
  }

  it('reads the organization only once beforeAll ran', () => {
    expect(String(early)).toMatch(/read before the file's beforeAll ran/);
  });

  it('gets an organization of its own on the shared emulator, with a working key and a scoped control plane', async () => {
    expect(org.url).toBe(url);
    const envs = (await (await get(org.url, '/org/v2/environments', org.authorization)).json()) as { data: Array<{ id: string }> };
    expect(envs.data.map((e) => e.id)).toContain(org.environmentId);
    const sa = await fetch(`${org.url}/iam/v2/service-accounts`, { method: 'POST', headers: { authorization: org.authorization, 'content-type': 'application/json' }, body: JSON.stringify({ display_name: 'first-sa' }) });
    expect(sa.status).toBe(201);
    const entries = await org.control.requests({ operation_id: 'createIamV2ServiceAccount' });
    expect(entries.map((e) => e.organization_id)).toEqual([org.organizationId]);
    first = { organizationId: org.organizationId, authorization: org.authorization, serviceAccount: ((await sa.json()) as { id: string }).id };
  });
});

describe('a second test file', () => {
  const org = useOrganization({ name: 'second.test.ts' });

  it('has another organization, sees nothing of the first, whose organization went after its tests', async () => {
    expect(first).toBeDefined();
    expect(org.organizationId).not.toBe(first!.organizationId);
    const mine = (await (await get(org.url, '/iam/v2/service-accounts', org.authorization)).json()) as { data: Array<{ id: string }> };
    expect(mine.data.map((s) => s.id)).not.toContain(first!.serviceAccount);
    expect(await org.control.requests({ operation_id: 'createIamV2ServiceAccount' })).toEqual([]);
    expect((await get(org.url, '/org/v2/environments', first!.authorization)).status).toBe(401);
  });
});

describe('a file without a shared emulator', () => {
  beforeAll(() => {
    delete process.env.CCLOUD_EMULATOR_URL;
  });
  afterAll(() => {
    process.env.CCLOUD_EMULATOR_URL = url;
  });
  const org = useOrganization({ start: { kafkaPort: null } });

  it('starts an emulator of its own', async () => {
    expect(org.url).not.toBe(url);
    expect((await get(org.url, '/org/v2/environments', org.authorization)).status).toBe(200);
  });
});
