import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic, errorsOf } from '../helpers.js';

describe('srcm/v2 and srcm/v3: Schema Registry clusters and regions', () => {
  let t: TestEmulator;
  let o: Awaited<ReturnType<TestEmulator['newOrg']>>;
  const h = () => ({ authorization: o.auth });
  const newEnv = async (name: string) => (await t.post('/org/v2/environments', { display_name: name }, h())).body.id as string;
  const create = (env: string, pkg = 'ESSENTIALS', region = 'sgreg-1', headers: Record<string, string> = {}) =>
    t.post('/srcm/v2/clusters', { spec: { package: pkg, environment: { id: env }, region: { id: region } } }, { ...h(), ...headers });

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'timed', reads: 3 } });
    o = await t.newOrg();
  });
  afterAll(() => t.close());

  it('creates a cluster: 202, Location, PROVISIONING, then PROVISIONED on the clock', async () => {
    const env = await newEnv('sr-create');
    const c = await create(env);
    expect(c.status).toBe(202);
    expect(c.body.id).toMatch(/^lsrc-[0-9a-z]{5}$/);
    expect(c.headers.location).toBe(`http://emulator.test/srcm/v2/clusters/${c.body.id}`);
    expect(c.body).toMatchObject({
      api_version: 'srcm/v2',
      kind: 'Cluster',
      spec: {
        display_name: 'Stream Governance package',
        package: 'ESSENTIALS',
        network_type: 'PUBLIC',
        http_endpoint: 'http://emulator.test',
        environment: { id: env, related: `http://emulator.test/org/v2/environments/${env}`, resource_name: `crn://confluent.cloud/organization=${o.org}/environment=${env}` },
        region: { id: 'sgreg-1', related: 'http://emulator.test/srcm/v2/regions/sgreg-1', resource_name: `crn://confluent.cloud/organization=${o.org}/region=sgreg-1` },
      },
      status: { phase: 'PROVISIONING' },
    });
    expect(c.body.spec.environment.kind).toBeUndefined();
    expect(c.body.metadata).toMatchObject({
      self: `http://emulator.test/srcm/v2/clusters/${c.body.id}`,
      resource_name: `crn://confluent.cloud/organization=${o.org}/environment=${env}/schema-registry=${c.body.id}`,
    });
    expect((await t.get(`/srcm/v2/clusters/${c.body.id}?environment=${env}`, h())).body.status.phase).toBe('PROVISIONING');
    await t.post('/_emulator/clock/advance', { seconds: 11 });
    const read = await t.get(`/srcm/v2/clusters/${c.body.id}?environment=${env}`, h());
    expect(read.status).toBe(200);
    expect(read.body.status.phase).toBe('PROVISIONED');
  });

  it('can be made to fail', async () => {
    const env = await newEnv('sr-failed');
    const c = await create(env, 'ESSENTIALS', 'sgreg-1', { 'x-emulator-lifecycle': 'immediate', 'x-emulator-outcome': 'failed' });
    expect(c.body.status.phase).toBe('FAILED');
  });

  it('needs an environment: 400 on list, read and delete without one; 422 for an unknown one', async () => {
    for (const [method, url] of [
      ['GET', '/srcm/v2/clusters'],
      ['GET', '/srcm/v2/clusters/lsrc-00000'],
      ['DELETE', '/srcm/v2/clusters/lsrc-00000'],
      ['GET', '/srcm/v3/clusters'],
      ['GET', '/srcm/v3/clusters/lsrc-00000'],
    ]) {
      const r = await t.request(method, url, undefined, h());
      expect(r.status, `${method} ${url}`).toBe(400);
      expect(errorsOf(r)[0].source, `${method} ${url}`).toEqual({ parameter: 'environment' });
    }
    const unknown = await create('env-nope0');
    expect(unknown.status).toBe(422);
    expect(errorsOf(unknown)[0].source).toEqual({ pointer: '/spec/environment/id' });
    const missing = await t.post('/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', region: { id: 'sgreg-1' } } }, h());
    expect(missing.status).toBe(422);
    expect(errorsOf(missing)[0].source).toEqual({ pointer: '/spec/environment' });
  });

  it('refuses an unknown region, a package the region does not offer, and an unknown package', async () => {
    const env = await newEnv('sr-regions');
    const region = await create(env, 'ESSENTIALS', 'sgreg-99999');
    expect(region.status).toBe(422);
    expect(errorsOf(region)[0].source).toEqual({ pointer: '/spec/region/id' });
    // sgreg-11 (Tokyo) offers ADVANCED only.
    const pkg = await create(env, 'ESSENTIALS', 'sgreg-11');
    expect(pkg.status).toBe(422);
    expect(errorsOf(pkg)[0].source).toEqual({ pointer: '/spec/package' });
    const bogus = await create(env, 'PREMIUM');
    expect(bogus.status).toBe(422);
    expect(errorsOf(bogus)[0].source).toEqual({ pointer: '/spec/package' });
    expect((await create(env, 'ADVANCED', 'sgreg-11')).status).toBe(202);
  });

  it('allows one cluster per environment (409)', async () => {
    const env = await newEnv('sr-one');
    expect((await create(env)).status).toBe(202);
    const second = await create(env, 'ADVANCED', 'sgreg-2');
    expect(second.status).toBe(409);
    expect(errorsOf(second)[0].code).toBe('resource_already_exists');
  });

  it('upgrades ESSENTIALS to ADVANCED and refuses the downgrade', async () => {
    const env = await newEnv('sr-upgrade');
    const c = (await create(env)).body;
    const up = await t.patch(`/srcm/v2/clusters/${c.id}`, { spec: { package: 'ADVANCED', environment: { id: env } } }, h());
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ id: c.id, spec: { package: 'ADVANCED', region: { id: 'sgreg-1' }, environment: { id: env } } });
    expect((await t.get(`/srcm/v2/clusters/${c.id}?environment=${env}`, h())).body.spec.package).toBe('ADVANCED');
    const down = await t.patch(`/srcm/v2/clusters/${c.id}`, { spec: { package: 'ESSENTIALS', environment: { id: env } } }, h());
    expect(down.status).toBe(422);
    expect(errorsOf(down)[0].source).toEqual({ pointer: '/spec/package' });
    expect(errorsOf(down)[0].detail).toMatch(/downgraded/);
    expect((await t.get(`/srcm/v2/clusters/${c.id}?environment=${env}`, h())).body.spec.package).toBe('ADVANCED');
  });

  it('PATCH needs spec.environment, and the cluster must be in that environment', async () => {
    const env = await newEnv('sr-patch');
    const c = (await create(env)).body;
    const noEnv = await t.patch(`/srcm/v2/clusters/${c.id}`, { spec: { package: 'ADVANCED' } }, h());
    expect(noEnv.status).toBe(422);
    expect(errorsOf(noEnv)[0].source).toEqual({ pointer: '/spec/environment' });
    expect((await t.patch('/srcm/v2/clusters/lsrc-nope0', { spec: {} }, h())).status).toBe(404);
    expect((await t.patch(`/srcm/v2/clusters/${c.id}`, { spec: { package: 'ADVANCED', environment: { id: o.env } } }, h())).status).toBe(404);
    // The region cannot be changed (it is not part of the update body, so it is ignored).
    const region = await t.patch(`/srcm/v2/clusters/${c.id}`, { spec: { environment: { id: env }, region: { id: 'sgreg-2' } } }, h());
    expect(region.status).toBe(200);
    expect(region.body.spec.region.id).toBe('sgreg-1');
  });

  it('lists clusters by environment and reads them only in their environment', async () => {
    const env = await newEnv('sr-list');
    const c = (await create(env)).body;
    const list = await t.get(`/srcm/v2/clusters?environment=${env}`, h());
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ api_version: 'srcm/v2', kind: 'ClusterList', metadata: { total_size: 1 } });
    expect(list.body.data.map((x: any) => x.id)).toEqual([c.id]);
    expect((await t.get(`/srcm/v2/clusters?environment=${o.env}`, h())).body.data).toEqual([]);
    expect((await t.get(`/srcm/v2/clusters/${c.id}?environment=${o.env}`, h())).status).toBe(404);
    const other = await t.newOrg();
    expect((await t.get(`/srcm/v2/clusters/${c.id}?environment=${env}`, { authorization: other.auth })).status).toBe(404);
  });

  it('deletes a cluster (204, irreversible), its API keys with it; a deleted environment takes its cluster', async () => {
    const env = await newEnv('sr-delete');
    const c = (await create(env)).body;
    const key = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: c.id } } }, h())).body;
    expect(key.spec.resource).toMatchObject({ id: c.id, kind: 'Cluster', api_version: 'srcm/v2' });
    expect((await t.delete(`/srcm/v2/clusters/${c.id}`, h())).status).toBe(400);
    expect((await t.delete(`/srcm/v2/clusters/${c.id}?environment=${o.env}`, h())).status).toBe(404);
    expect((await t.delete(`/srcm/v2/clusters/${c.id}?environment=${env}`, h())).status).toBe(204);
    expect((await t.get(`/srcm/v2/clusters/${c.id}?environment=${env}`, h())).status).toBe(404);
    expect((await t.get(`/srcm/v3/clusters/${c.id}?environment=${env}`, h())).status).toBe(404);
    expect((await t.get(`/iam/v2/api-keys/${key.id}`, h())).status).toBe(404);
    expect((await t.get('/org/v2/environments', { authorization: basic(key.id, key.spec.secret) })).status).toBe(401);
    // The environment is free again.
    expect((await create(env)).status).toBe(202);

    const env2 = await newEnv('sr-env-delete');
    const c2 = (await create(env2)).body;
    expect((await t.delete(`/org/v2/environments/${env2}`, h())).status).toBe(204);
    expect((await t.get(`/srcm/v2/clusters/${c2.id}?environment=${env2}`, h())).status).toBe(404);
  });

  it('regions: list with total_size, read, and 404 for an unknown one', async () => {
    const list = await t.get('/srcm/v2/regions', h());
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ api_version: 'srcm/v2', kind: 'RegionList' });
    expect(list.body.data).toHaveLength(10);
    expect(list.body.metadata.total_size).toBeGreaterThan(20);
    const first = list.body.data[0];
    expect(first).toEqual({
      api_version: 'srcm/v2',
      kind: 'Region',
      id: 'sgreg-1',
      metadata: expect.objectContaining({ self: 'http://emulator.test/srcm/v2/regions/sgreg-1', resource_name: `crn://confluent.cloud/organization=${o.org}/region=sgreg-1` }),
      spec: { display_name: 'Ohio (us-east-2)', cloud: 'AWS', region_name: 'us-east-2', packages: ['ESSENTIALS', 'ADVANCED'] },
    });
    const read = await t.get('/srcm/v2/regions/sgreg-1', h());
    expect(read.status).toBe(200);
    expect(read.body).toEqual(first);
    const missing = await t.get('/srcm/v2/regions/sgreg-99999', h());
    expect(missing.status).toBe(404);
    expect(errorsOf(missing)[0].code).toBe('not_found');
  });

  it('regions: filters by cloud, region name and packages (repeated or comma-joined)', async () => {
    const aws = await t.get('/srcm/v2/regions?spec.cloud=AWS&page_size=100', h());
    expect(aws.body.data.length).toBeGreaterThan(5);
    expect(aws.body.data.every((r: any) => r.spec.cloud === 'AWS')).toBe(true);
    expect(aws.body.metadata.total_size).toBe(aws.body.data.length);
    const gcp = await t.get('/srcm/v2/regions?spec.cloud=GCP&spec.region_name=us-east4', h());
    expect(gcp.body.data.map((r: any) => r.spec.region_name)).toEqual(['us-east4']);
    expect(gcp.body.data[0].spec.cloud).toBe('GCP');
    expect((await t.get('/srcm/v2/regions?spec.cloud=AWS&spec.region_name=us-east4', h())).body.data).toEqual([]);

    const all = (await t.get('/srcm/v2/regions?page_size=100', h())).body.data;
    const advancedOnly = all.filter((r: any) => !r.spec.packages.includes('ESSENTIALS')).map((r: any) => r.id);
    expect(advancedOnly.length).toBeGreaterThan(0);
    const essentials = await t.get('/srcm/v2/regions?spec.packages=ESSENTIALS&page_size=100', h());
    expect(essentials.body.data.length).toBe(all.length - advancedOnly.length);
    expect(essentials.body.data.every((r: any) => r.spec.packages.includes('ESSENTIALS'))).toBe(true);
    const either = await t.get('/srcm/v2/regions?spec.packages=ESSENTIALS&spec.packages=ADVANCED&page_size=100', h());
    expect(either.body.data.length).toBe(all.length);
    const joined = await t.get('/srcm/v2/regions?spec.packages=ESSENTIALS,ADVANCED&page_size=100', h());
    expect(joined.body.data.length).toBe(all.length);
  });

  it('regions: pages walk forward and back, every region once; tokens are checked', async () => {
    const all = (await t.get('/srcm/v2/regions?page_size=100', h())).body;
    const seen: string[] = [];
    let url: string | undefined = '/srcm/v2/regions?page_size=4';
    let pages = 0;
    let last: any;
    while (url) {
      const page = await t.get(url, h());
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(4);
      expect(page.body.metadata.total_size).toBe(all.metadata.total_size);
      seen.push(...page.body.data.map((r: any) => r.id));
      last = page.body;
      url = page.body.metadata.next ? new URL(page.body.metadata.next).pathname + new URL(page.body.metadata.next).search : undefined;
      pages++;
    }
    expect(seen).toEqual(all.data.map((r: any) => r.id));
    expect(pages).toBe(Math.ceil(all.data.length / 4));
    expect(last.metadata.next).toBeUndefined();
    const prevUrl = new URL(last.metadata.prev);
    const prev = await t.get(prevUrl.pathname + prevUrl.search, h());
    expect(prev.body.data.map((r: any) => r.id)).toEqual(seen.slice(-last.data.length - 4, -last.data.length));
    const lastUrl = new URL(last.metadata.last);
    const lastPage = await t.get(lastUrl.pathname + lastUrl.search, h());
    expect(lastPage.body.data.map((r: any) => r.id)).toEqual(seen.slice(-4));
    // Filters are kept in the links; a token from another list is refused.
    const filtered = await t.get('/srcm/v2/regions?spec.cloud=AZURE&page_size=2', h());
    const next = new URL(filtered.body.metadata.next);
    expect(next.searchParams.get('spec.cloud')).toBe('AZURE');
    const token = next.searchParams.get('page_token')!;
    const foreign = await t.get(`/srcm/v2/regions?spec.cloud=GCP&page_token=${encodeURIComponent(token)}`, h());
    expect(foreign.status).toBe(400);
    expect(errorsOf(foreign)[0].source).toEqual({ parameter: 'page_token' });
    const other = await t.newOrg();
    expect((await t.get(`/srcm/v2/regions?spec.cloud=AZURE&page_token=${encodeURIComponent(token)}`, { authorization: other.auth })).status).toBe(400);
  });

  it('srcm/v3 lists and reads the same clusters in the v3 shape', async () => {
    const env = await newEnv('sr-v3');
    const c = (await create(env, 'ADVANCED', 'sgreg-15')).body;
    const read = await t.get(`/srcm/v3/clusters/${c.id}?environment=${env}`, h());
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      api_version: 'srcm/v3',
      kind: 'Cluster',
      id: c.id,
      metadata: { ...c.metadata, self: `http://emulator.test/srcm/v3/clusters/${c.id}` },
      spec: {
        display_name: 'Stream Governance package',
        package: 'ADVANCED',
        http_endpoint: 'http://emulator.test',
        catalog_http_endpoint: 'http://emulator.test',
        private_http_endpoint: 'http://emulator.test',
        private_networking_config: { regional_endpoints: { 'us-east4': 'http://emulator.test' } },
        cloud: 'GCP',
        region: 'us-east4',
        environment: c.spec.environment,
      },
      status: { phase: 'PROVISIONING' },
    });
    const list = await t.get(`/srcm/v3/clusters?environment=${env}`, h());
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ api_version: 'srcm/v3', kind: 'ClusterList', metadata: { total_size: 1, first: `http://emulator.test/srcm/v3/clusters?environment=${env}` } });
    expect(list.body.data).toEqual([read.body]);
    expect((await t.get(`/srcm/v3/clusters/${c.id}?environment=${o.env}`, h())).status).toBe(404);
    await t.post('/_emulator/clock/advance', { seconds: 11 });
    expect((await t.get(`/srcm/v3/clusters/${c.id}?environment=${env}`, h())).body.status.phase).toBe('PROVISIONED');
  });

  it('http_endpoint is the emulator base URL (the configured public URL when there is one)', async () => {
    const env = await newEnv('sr-endpoint');
    const c = (await create(env)).body;
    expect(c.spec.http_endpoint).toBe('http://emulator.test');
    const withPublicUrl = await TestEmulator.start({ publicUrl: 'https://sr.example.test:8443' });
    try {
      const r = await withPublicUrl.post('/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: withPublicUrl.env }, region: { id: 'sgreg-1' } } });
      expect(r.status).toBe(202);
      expect(r.body.spec.http_endpoint).toBe('https://sr.example.test:8443');
    } finally {
      await withPublicUrl.close();
    }
  });

  it('requires credentials', async () => {
    expect((await t.get('/srcm/v2/regions', { authorization: '' })).status).toBe(401);
    expect((await t.get(`/srcm/v3/clusters?environment=${o.env}`, { authorization: '' })).status).toBe(401);
  });
});
