import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestEmulator, errorsOf } from '../helpers.js';

const NOW = { 'x-emulator-lifecycle': 'immediate' };
const TIMED = { 'x-emulator-lifecycle': 'timed' };

describe('networking/v1', () => {
  let t: TestEmulator;
  let env: string;

  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  // A fresh environment per test keeps each under dedicated_networks_per_environment.
  beforeEach(async () => {
    env = (await t.post('/org/v2/environments', { display_name: `net-env-${Math.random()}` })).body.id;
  });
  afterAll(() => t.close());

  const networkSpec = (over: Record<string, unknown> = {}) => ({
    display_name: 'net',
    cloud: 'AWS',
    region: 'us-east-1',
    connection_types: ['PEERING'],
    cidr: '10.200.0.0/16',
    environment: { id: env },
    ...over,
  });

  async function network(over: Record<string, unknown> = {}, headers = NOW, inEnv = env) {
    const r = await t.post('/networking/v1/networks', { spec: networkSpec({ environment: { id: inEnv }, ...over }) }, headers);
    expect(r.status, r.raw).toBe(202);
    return r.body;
  }

  const awsPeering = (networkId: string, over: Record<string, unknown> = {}) => ({
    spec: {
      display_name: 'peer',
      cloud: { kind: 'AwsPeering', account: '000000000000', vpc: 'vpc-abcdef0123456789a', routes: ['10.0.0.0/16'], customer_region: 'us-east-1' },
      environment: { id: env },
      network: { id: networkId },
      ...over,
    },
  });

  const tgwSpec = (networkId: string, over: Record<string, unknown> = {}) => ({
    spec: {
      display_name: 'tgw',
      cloud: {
        kind: 'AwsTransitGatewayAttachment',
        ram_share_arn: 'arn:aws:ram:us-east-1:000000000000:resource-share/12345678-1234-1234-1234-123456789012',
        transit_gateway_id: 'tgw-0123456789abcdef0',
        routes: ['10.1.0.0/16', '100.64.0.0/10'],
      },
      environment: { id: env },
      network: { id: networkId },
      ...over,
    },
  });

  describe('networks', () => {
    it('creates a network PROVISIONING with 202, ids, CRN, defaults and a gateway; READY on the clock with the cloud side', async () => {
      const r = await t.post('/networking/v1/networks', { spec: networkSpec() }, TIMED);
      expect(r.status).toBe(202);
      const n = r.body;
      expect(n.id).toMatch(/^n-[a-z0-9]{6}$/);
      expect(r.headers.location).toBe(`http://emulator.test/networking/v1/networks/${n.id}`);
      expect(n.metadata.self).toBe(`http://emulator.test/networking/v1/networks/${n.id}`);
      expect(n.metadata.resource_name).toMatch(new RegExp(`^crn://confluent.cloud/organization=[^/]+/environment=${env}/network=${n.id}$`));
      // Confluent documents active_connection_types as the types requested for the network: never empty.
      expect(n.status).toEqual({ phase: 'PROVISIONING', supported_connection_types: ['PEERING'], active_connection_types: ['PEERING'] });
      expect(n.spec.zones).toEqual(['use1-az1', 'use1-az2', 'use1-az3']);
      expect(n.spec.reserved_cidr).toBe('172.20.255.0/24');
      expect(n.spec.gateway).toMatchObject({ id: expect.stringMatching(/^gw-/), environment: env, kind: 'Gateway', api_version: 'networking/v1' });
      expect(n.spec.environment).toMatchObject({ id: env, resource_name: expect.stringContaining(`environment=${env}`) });

      expect((await t.get(`/networking/v1/networks/${n.id}?environment=${env}`)).body.status.phase).toBe('PROVISIONING');
      await t.post('/_emulator/clock/advance', { seconds: 61 });
      const ready = (await t.get(`/networking/v1/networks/${n.id}?environment=${env}`)).body;
      expect(ready.status.phase).toBe('READY');
      expect(ready.status.cloud).toMatchObject({ kind: 'AwsNetwork', vpc: expect.stringMatching(/^vpc-[0-9a-f]{17}$/), account: expect.stringMatching(/^\d{12}$/) });
      expect(ready.status.cloud.private_link_endpoint_service).toBeUndefined();
    });

    it('fills PrivateLink DNS, GCP and Azure zones and cloud sides', async () => {
      const pl = await network({ cloud: 'AWS', connection_types: ['PRIVATELINK'], cidr: undefined });
      expect(pl.spec.dns_config).toEqual({ resolution: 'CHASED_PRIVATE' });
      expect(pl.spec.reserved_cidr).toBeUndefined();
      expect(pl.status.dns_domain).toBe(`${pl.id}.us-east-1.aws.ccloud-emulator.local`);
      expect(pl.status.zonal_subdomains['use1-az2']).toBe(`use1-az2.${pl.status.dns_domain}`);
      expect(pl.status.cloud.private_link_endpoint_service).toMatch(/^com\.amazonaws\.vpce\.us-east-1\.vpce-svc-/);

      const gcp = await network({ cloud: 'GCP', region: 'us-central1', connection_types: ['PRIVATELINK'], cidr: undefined, dns_config: { resolution: 'PRIVATE' } });
      expect(gcp.spec.dns_config).toEqual({ resolution: 'PRIVATE' });
      expect(gcp.spec.zones).toEqual(['us-central1-a', 'us-central1-b', 'us-central1-c']);
      expect(gcp.status.cloud.kind).toBe('GcpNetwork');
      expect(Object.keys(gcp.status.cloud.private_service_connect_service_attachments)).toEqual(gcp.spec.zones);

      const az = await network({ cloud: 'AZURE', region: 'eastus', connection_types: ['PEERING', 'PRIVATELINK'], zones: undefined });
      expect(az.spec.zones).toEqual(['1', '2', '3']);
      expect(az.spec.reserved_cidr).toBeUndefined();
      expect(az.status.cloud).toMatchObject({ kind: 'AzureNetwork', subscription: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(az.status.cloud.private_link_service_aliases['2']).toContain('.eastus.azure.privatelinkservice');

      const chosen = await network({ region: 'ap-southeast-1', zones: ['apse1-az1', 'apse1-az2', 'apse1-az3'] });
      expect(chosen.spec.zones).toEqual(['apse1-az1', 'apse1-az2', 'apse1-az3']);
      expect((await network({ region: 'ap-southeast-1' })).spec.zones[0]).toBe('apse1-az1');
    });

    it('ends FAILED with an error code when asked to', async () => {
      const r = await t.post('/networking/v1/networks', { spec: networkSpec() }, { ...NOW, 'x-emulator-outcome': 'failed' });
      expect(r.body.status).toMatchObject({ phase: 'FAILED', error_code: 'insufficient_capacity', error_message: expect.any(String) });
    });

    it('refuses invalid networks with 422 and source.pointer, including bodies that do not fit the schema', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ cloud: 'GCP', region: 'us-central1', connection_types: ['TRANSITGATEWAY'] }, '/spec/connection_types'],
        [{ cidr: undefined }, '/spec/cidr'],
        [{ cidr: '10.200.0.0/24' }, '/spec/cidr'],
        [{ cidr: '300.1.0.0/16' }, '/spec/cidr'],
        [{ reserved_cidr: '172.20.0.0/16' }, '/spec/reserved_cidr'],
        [{ reserved_cidr: '10.200.1.0/24' }, '/spec/reserved_cidr'],
        [{ cloud: 'GCP', region: 'us-central1', reserved_cidr: '172.20.255.0/24' }, '/spec/reserved_cidr'],
        [{ zones_info: [{ zone_id: 'use1-az1', cidr: '10.0.0.0/24' }, { zone_id: 'use1-az2', cidr: '10.0.0.32/27' }, { zone_id: 'use1-az3', cidr: '10.0.0.64/27' }] }, '/spec/zones_info/0/cidr'],
      ];
      for (const [over, pointer] of cases) {
        const r = await t.post('/networking/v1/networks', { spec: networkSpec(over) });
        expect(r.status, JSON.stringify(over)).toBe(422);
        expect(errorsOf(r)[0].source).toEqual({ pointer });
      }
      const missingEnv = await t.post('/networking/v1/networks', { spec: networkSpec({ environment: { id: 'env-nothere' } }) });
      expect(missingEnv.status).toBe(422);
      expect((await t.post('/networking/v1/networks', { spec: networkSpec({ cloud: 'IBM' }) })).status).toBe(422);
      expect((await t.post('/networking/v1/networks', { spec: networkSpec({ connection_types: [] }) })).status).toBe(422);
      expect((await t.post('/networking/v1/networks', { spec: networkSpec({ zones: ['a', 'b'] }) })).status).toBe(422);
      expect((await t.post('/networking/v1/networks', { spec: { cloud: 'AWS' } })).status).toBe(422);
      expect((await t.post('/networking/v1/networks', '{not json')).status).toBe(400);
    });

    it('updates only the display name; create-only fields answer 400; environment from the body or the query', async () => {
      const n = await network();
      const r = await t.patch(`/networking/v1/networks/${n.id}`, { spec: { display_name: 'renamed', environment: { id: env } } });
      expect(r.status, r.raw).toBe(200);
      expect(r.body.spec.display_name).toBe('renamed');
      expect(r.body.spec.cidr).toBe('10.200.0.0/16');
      expect((await t.patch(`/networking/v1/networks/${n.id}?environment=${env}`, { spec: { display_name: 'again' } })).body.spec.display_name).toBe('again');
      // Sending the same value of a create-only field is accepted; a different one is refused.
      expect((await t.patch(`/networking/v1/networks/${n.id}?environment=${env}`, { spec: { cloud: 'AWS', cidr: '10.200.0.0/16' } })).status).toBe(200);
      for (const spec of [{ cloud: 'GCP' }, { region: 'us-west-2' }, { cidr: '10.201.0.0/16' }, { connection_types: ['PRIVATELINK'] }, { zones: ['a', 'b', 'c'] }]) {
        const bad = await t.patch(`/networking/v1/networks/${n.id}?environment=${env}`, { spec });
        expect(bad.status, JSON.stringify(spec)).toBe(400);
        expect(errorsOf(bad)[0].source.pointer).toBe(`/spec/${Object.keys(spec)[0]}`);
      }
      // Server-set fields are ignored on input.
      const ro = await t.patch(`/networking/v1/networks/${n.id}?environment=${env}`, { spec: { gateway: { id: 'gw-mine' } }, status: { phase: 'FAILED' } });
      expect(ro.body.spec.gateway.id).toBe(n.spec.gateway.id);
      expect(ro.body.status.phase).toBe('READY');
      const noEnv = await t.patch(`/networking/v1/networks/${n.id}`, { spec: { display_name: 'x' } });
      expect(noEnv.status).toBe(400);
      expect(errorsOf(noEnv)[0].source).toEqual({ parameter: 'environment' });
    });

    it('is scoped to its environment: 404 in another, 400 without one', async () => {
      const n = await network();
      const other = (await t.post('/org/v2/environments', { display_name: 'net-other' })).body.id;
      expect((await t.get(`/networking/v1/networks/${n.id}?environment=${other}`)).status).toBe(404);
      expect((await t.delete(`/networking/v1/networks/${n.id}?environment=${other}`)).status).toBe(404);
      expect((await t.get(`/networking/v1/networks?environment=${other}`)).body.data).toEqual([]);
      expect((await t.get(`/networking/v1/networks/${n.id}`)).status).toBe(400);
      expect((await t.get('/networking/v1/networks')).status).toBe(400);
      expect((await t.get(`/networking/v1/networks/n-nothere?environment=${env}`)).status).toBe(404);
    });

    it('lists with multi-value filters (repeated or comma-joined), array filters, phases as of now, and paging', async () => {
      const e = (await t.post('/org/v2/environments', { display_name: 'net-list' })).body.id;
      const a = await network({ display_name: 'a', connection_types: ['PEERING', 'TRANSITGATEWAY'] }, NOW, e);
      const b = await network({ display_name: 'b', cloud: 'GCP', region: 'us-central1', connection_types: ['PRIVATELINK'], cidr: undefined }, TIMED, e);
      const c = await network({ display_name: 'c', cloud: 'AZURE', region: 'eastus', connection_types: ['PRIVATELINK'], cidr: undefined }, NOW, e);
      const names = async (qs: string) => {
        const r = await t.get(`/networking/v1/networks?environment=${e}&${qs}`);
        expect(r.status, r.raw).toBe(200);
        return r.body.data.map((n: any) => n.spec.display_name);
      };
      expect(await names('')).toEqual(['a', 'b', 'c']);
      expect(await names('spec.cloud=GCP,AZURE')).toEqual(['b', 'c']);
      expect(await names('spec.cloud=GCP&spec.cloud=AWS')).toEqual(['a', 'b']);
      expect(await names('spec.region=eastus')).toEqual(['c']);
      expect(await names('spec.display_name=a,c&spec.cloud=AZURE')).toEqual(['c']);
      expect(await names('spec.cidr=10.200.0.0/16')).toEqual(['a']);
      expect(await names('spec.connection_types=TRANSITGATEWAY')).toEqual(['a']);
      expect(await names('spec.connection_types=PRIVATELINK')).toEqual(['b', 'c']);
      expect(await names('spec.connection_types=PEERING,PRIVATELINK')).toEqual(['a', 'b', 'c']);
      expect(await names('spec.connection_types=PEER')).toEqual([]);
      expect(await names('status.phase=PROVISIONING')).toEqual(['b']);
      await t.post('/_emulator/clock/advance', { seconds: 61 });
      // b became READY without being read: the phase filter sees it.
      expect(await names('status.phase=READY')).toEqual(['a', 'b', 'c']);
      expect(await names('status.phase=PROVISIONING')).toEqual([]);

      const p1 = await t.get(`/networking/v1/networks?environment=${e}&page_size=2`);
      expect(p1.body.metadata.total_size).toBe(3);
      expect(p1.body.data.map((n: any) => n.id)).toEqual([a.id, b.id]);
      const p2 = await t.get(new URL(p1.body.metadata.next).pathname + new URL(p1.body.metadata.next).search);
      expect(p2.body.data.map((n: any) => n.id)).toEqual([c.id]);
      expect(p2.body.metadata.next).toBeUndefined();
      const f1 = await t.get(`/networking/v1/networks?environment=${e}&spec.connection_types=PRIVATELINK&page_size=1`);
      expect(f1.body.metadata.total_size).toBe(2);
      const f2 = await t.get(new URL(f1.body.metadata.next).pathname + new URL(f1.body.metadata.next).search);
      expect(f2.status, f2.raw).toBe(200);
      expect(f2.body.data.map((n: any) => n.id)).toEqual([c.id]);
      expect((await t.get(`/networking/v1/networks?environment=${e}&page_token=garbage`)).status).toBe(400);
    });

    it('enforces dedicated_networks_per_environment with 402', async () => {
      const q = await TestEmulator.start({ quotas: { dedicated_networks_per_environment: 1 } });
      try {
        const e = q.env;
        const spec = { ...networkSpec(), environment: { id: e } };
        expect((await q.post('/networking/v1/networks', { spec })).status).toBe(202);
        const r = await q.post('/networking/v1/networks', { spec });
        expect(r.status).toBe(402);
        expect(errorsOf(r)[0].code).toBe('quota_exceeded');
      } finally {
        await q.close();
      }
    });

    it('deletes through DEPROVISIONING, taking its peerings, attachments and DNS forwarders', async () => {
      const n = await network({ connection_types: ['PEERING', 'TRANSITGATEWAY'] });
      const p = (await t.post('/networking/v1/peerings', awsPeering(n.id), NOW)).body;
      const a = (await t.post('/networking/v1/transit-gateway-attachments', tgwSpec(n.id), NOW)).body;
      const f = (await t.post('/networking/v1/dns-forwarders', { spec: { domains: ['corp.example'], config: { kind: 'ForwardViaIp', dns_server_ips: ['10.0.0.2'] }, environment: { id: env }, gateway: { id: n.spec.gateway.id } } }, NOW)).body;
      const d = await t.delete(`/networking/v1/networks/${n.id}?environment=${env}`, TIMED);
      expect(d.status).toBe(204);
      expect(d.raw).toBe('');
      expect((await t.get(`/networking/v1/networks/${n.id}?environment=${env}`)).body.status.phase).toBe('DEPROVISIONING');
      expect((await t.get(`/networking/v1/peerings/${p.id}?environment=${env}`)).status).toBe(404);
      expect((await t.get(`/networking/v1/transit-gateway-attachments/${a.id}?environment=${env}`)).status).toBe(404);
      expect((await t.get(`/networking/v1/dns-forwarders/${f.id}?environment=${env}`)).status).toBe(404);
      await t.post('/_emulator/clock/advance', { seconds: 61 });
      expect((await t.get(`/networking/v1/networks/${n.id}?environment=${env}`)).status).toBe(404);
    });

    it('refuses to delete a network a Kafka cluster uses (400, as Confluent declares), but deleting the environment takes both', async () => {
      const e = (await t.post('/org/v2/environments', { display_name: 'net-kafka' })).body.id;
      const n = await network({}, NOW, e);
      const cluster = await t.post(
        '/cmk/v2/clusters',
        { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-1', config: { kind: 'Dedicated', cku: 1 }, environment: { id: e }, network: { id: n.id } } },
        NOW,
      );
      expect(cluster.status, cluster.raw).toBe(202);
      const r = await t.delete(`/networking/v1/networks/${n.id}?environment=${e}`);
      expect(r.status).toBe(400);
      expect(errorsOf(r)[0].detail).toContain(cluster.body.id);
      expect((await t.delete(`/cmk/v2/clusters/${cluster.body.id}?environment=${e}`, NOW)).status).toBe(204);
      expect((await t.delete(`/networking/v1/networks/${n.id}?environment=${e}`, NOW)).status).toBe(204);

      const e2 = (await t.post('/org/v2/environments', { display_name: 'net-kafka-2' })).body.id;
      const n2 = await network({}, NOW, e2);
      const c2 = await t.post(
        '/cmk/v2/clusters',
        { spec: { display_name: 'k2', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-1', config: { kind: 'Dedicated', cku: 1 }, environment: { id: e2 }, network: { id: n2.id } } },
        NOW,
      );
      expect((await t.delete(`/org/v2/environments/${e2}`)).status).toBe(204);
      expect(t.rt.resources.get(c2.body.metadata.resource_name.match(/organization=([^/]+)/)[1], 'Network', n2.id)).toBeUndefined();
    });
  });

  describe('peerings', () => {
    it('creates a peering on a READY peering network; 202 PROVISIONING then READY; CRN under the network; active types follow', async () => {
      const n = await network();
      const r = await t.post('/networking/v1/peerings', awsPeering(n.id), TIMED);
      expect(r.status, r.raw).toBe(202);
      const p = r.body;
      expect(p.id).toMatch(/^peer-[a-z0-9]{6}$/);
      expect(p.metadata.resource_name).toMatch(new RegExp(`/environment=${env}/network=${n.id}/peering=${p.id}$`));
      expect(p.spec.network).toEqual({ id: n.id, environment: env, related: `http://emulator.test/networking/v1/networks/${n.id}`, resource_name: n.metadata.resource_name });
      expect(p.status.phase).toBe('PROVISIONING');
      expect((await t.get(`/networking/v1/networks/${n.id}?environment=${env}`)).body.status.active_connection_types).toEqual(['PEERING']);
      await t.post('/_emulator/clock/advance', { seconds: 61 });
      expect((await t.get(`/networking/v1/peerings/${p.id}?environment=${env}`)).body.status.phase).toBe('READY');
      expect((await t.get(`/networking/v1/peerings?environment=${env}&spec.network=${n.id}&status.phase=READY`)).body.data.map((x: any) => x.id)).toEqual([p.id]);
      expect((await t.get(`/networking/v1/peerings?environment=${env}&spec.network=n-other,${n.id}`)).body.data).toHaveLength(1);
      expect((await t.get(`/networking/v1/peerings?environment=${env}&spec.display_name=nope`)).body.data).toHaveLength(0);

      const u = await t.patch(`/networking/v1/peerings/${p.id}?environment=${env}`, { spec: { display_name: 'renamed' } });
      expect(u.status).toBe(200);
      expect(u.body.spec.display_name).toBe('renamed');
      expect((await t.patch(`/networking/v1/peerings/${p.id}?environment=${env}`, { spec: { network: { id: 'n-other' } } })).status).toBe(400);
      const cloud = await t.patch(`/networking/v1/peerings/${p.id}?environment=${env}`, { spec: { cloud: { ...p.spec.cloud, vpc: 'vpc-other' } } });
      expect(cloud.status).toBe(400);
      expect(errorsOf(cloud)[0].source.pointer).toBe('/spec/cloud');

      expect((await t.delete(`/networking/v1/peerings/${p.id}?environment=${env}`, NOW)).status).toBe(204);
      expect((await t.get(`/networking/v1/peerings/${p.id}?environment=${env}`)).status).toBe(404);
      expect((await t.get(`/networking/v1/networks/${n.id}?environment=${env}`)).body.status.active_connection_types).toEqual(['PEERING']);
    });

    it('takes GCP and Azure peerings on networks of their cloud', async () => {
      const gcp = await network({ cloud: 'GCP', region: 'us-central1' });
      const g = await t.post('/networking/v1/peerings', { spec: { cloud: { kind: 'GcpPeering', project: 'p', vpc_network: 'v' }, environment: { id: env }, network: { id: gcp.id } } }, NOW);
      expect(g.status, g.raw).toBe(202);
      expect(g.body.spec.cloud.import_custom_routes).toBe(false);
      const az = await network({ cloud: 'AZURE', region: 'eastus' });
      const a = await t.post('/networking/v1/peerings', { spec: { cloud: { kind: 'AzurePeering', tenant: 't', vnet: '/subscriptions/s/vnet', customer_region: 'eastus' }, environment: { id: env }, network: { id: az.id } } }, NOW);
      expect(a.status, a.raw).toBe(202);
      expect(a.body.status.phase).toBe('READY');
      const failed = await t.post('/networking/v1/peerings', { spec: { ...a.body.spec, network: { id: az.id } } }, { ...NOW, 'x-emulator-outcome': 'failed' });
      expect(failed.body.status).toMatchObject({ phase: 'FAILED', error_code: 'insufficient_capacity' });
    });

    it('refuses peerings the network cannot take and bodies that do not fit (422)', async () => {
      const n = await network();
      const provisioning = await network({}, TIMED);
      const privateLink = await network({ connection_types: ['PRIVATELINK'], cidr: undefined });
      const other = (await t.post('/org/v2/environments', { display_name: 'net-peer-other' })).body.id;
      const elsewhere = await network({}, NOW, other);
      const cases: Array<[unknown, string]> = [
        [awsPeering('n-nothere'), '/spec/network/id'],
        [awsPeering(provisioning.id), '/spec/network/id'],
        [awsPeering(privateLink.id), '/spec/network/id'],
        [awsPeering(elsewhere.id), '/spec/network/id'],
        [awsPeering(n.id, { cloud: { kind: 'GcpPeering', project: 'p', vpc_network: 'v' } }), '/spec/cloud/kind'],
        [awsPeering(n.id, { cloud: { kind: 'AwsPeering', account: '000000000000', vpc: 'vpc-1', routes: ['10.200.0.0/24'], customer_region: 'us-east-1' } }), '/spec/cloud/routes/0'],
        [awsPeering(n.id, { cloud: { kind: 'AwsPeering', account: '000000000000', vpc: 'vpc-1', routes: ['8.8.8.0/24'], customer_region: 'us-east-1' } }), '/spec/cloud/routes/0'],
        [awsPeering(n.id, { cloud: { kind: 'AwsPeering', account: '000000000000', vpc: 'vpc-1', routes: ['10.0.0.0/16', '10.0.1.0/24'], customer_region: 'us-east-1' } }), '/spec/cloud/routes/1'],
        [awsPeering(n.id, { cloud: { kind: 'AwsPeering', account: '000000000000', vpc: 'vpc-1', routes: ['nonsense'], customer_region: 'us-east-1' } }), '/spec/cloud/routes/0'],
      ];
      for (const [body, pointer] of cases) {
        const r = await t.post('/networking/v1/peerings', body);
        expect(r.status, `${JSON.stringify(body)} ${r.raw}`).toBe(422);
        expect(errorsOf(r)[0].source).toEqual({ pointer });
      }
      expect((await t.post('/networking/v1/peerings', awsPeering(n.id, { cloud: { kind: 'AwsPeering', account: '123', vpc: 'v', routes: [], customer_region: 'r' } }))).status).toBe(422);
      expect((await t.post('/networking/v1/peerings', awsPeering(n.id, { cloud: { kind: 'OciPeering' } }))).status).toBe(422);
      expect((await t.post('/networking/v1/peerings', { spec: { environment: { id: env } } })).status).toBe(422);
    });

    it('enforces peerings_per_network with 402', async () => {
      const q = await TestEmulator.start({ quotas: { peerings_per_network: 1 }, lifecycle: { mode: 'immediate', reads: 1 } });
      try {
        const e = q.env;
        const n = (await q.post('/networking/v1/networks', { spec: { ...networkSpec(), environment: { id: e } } })).body;
        const body = { spec: { ...awsPeering(n.id).spec, environment: { id: e } } };
        expect((await q.post('/networking/v1/peerings', body)).status).toBe(202);
        const r = await q.post('/networking/v1/peerings', body);
        expect(r.status).toBe(402);
        expect(errorsOf(r)[0].detail).toContain('peerings_per_network');
        // Another network has its own count.
        const n2 = (await q.post('/networking/v1/networks', { spec: { ...networkSpec(), environment: { id: e } } })).body;
        expect((await q.post('/networking/v1/peerings', { spec: { ...body.spec, network: { id: n2.id } } })).status).toBe(202);
      } finally {
        await q.close();
      }
    });
  });

  describe('transit gateway attachments', () => {
    it('attaches an AWS TRANSITGATEWAY network: 202, READY with the AWS attachment id, one per network', async () => {
      const n = await network({ connection_types: ['TRANSITGATEWAY'] });
      const r = await t.post('/networking/v1/transit-gateway-attachments', tgwSpec(n.id), TIMED);
      expect(r.status, r.raw).toBe(202);
      const a = r.body;
      expect(a.id).toMatch(/^tgwa-[a-z0-9]{6}$/);
      expect(a.metadata.resource_name).toMatch(new RegExp(`/network=${n.id}/transit-gateway-attachment=${a.id}$`));
      expect(a.status).toEqual({ phase: 'PROVISIONING' });
      await t.post('/_emulator/clock/advance', { seconds: 61 });
      const ready = (await t.get(`/networking/v1/transit-gateway-attachments/${a.id}?environment=${env}`)).body;
      expect(ready.status).toEqual({ phase: 'READY', cloud: { kind: 'AwsTransitGatewayAttachmentStatus', transit_gateway_attachment_id: expect.stringMatching(/^tgw-attach-[0-9a-f]{17}$/) } });
      expect((await t.get(`/networking/v1/networks/${n.id}?environment=${env}`)).body.status.active_connection_types).toEqual(['TRANSITGATEWAY']);

      const second = await t.post('/networking/v1/transit-gateway-attachments', tgwSpec(n.id));
      expect(second.status).toBe(402);
      expect(errorsOf(second)[0].detail).toContain('tgw_attachments_per_network');

      const list = await t.get(`/networking/v1/transit-gateway-attachments?environment=${env}&spec.network=${n.id}&status.phase=READY,PROVISIONING`);
      expect(list.body.data.map((x: any) => x.id)).toEqual([a.id]);
      expect(list.body.kind).toBe('TransitGatewayAttachmentList');
      const u = await t.patch(`/networking/v1/transit-gateway-attachments/${a.id}`, { spec: { display_name: 'renamed', environment: { id: env } } });
      expect(u.body.spec.display_name).toBe('renamed');
      expect((await t.patch(`/networking/v1/transit-gateway-attachments/${a.id}?environment=${env}`, { spec: { network: { id: 'n-x' } } })).status).toBe(400);
      expect((await t.delete(`/networking/v1/transit-gateway-attachments/${a.id}?environment=${env}`, NOW)).status).toBe(204);
      expect((await t.get(`/networking/v1/transit-gateway-attachments/${a.id}?environment=${env}`)).status).toBe(404);
    });

    it('refuses attachments the network cannot take or with bad AWS names (422)', async () => {
      const peeringOnly = await network();
      const tgw = await network({ connection_types: ['TRANSITGATEWAY'] });
      const cloud = tgwSpec(tgw.id).spec.cloud;
      const cases: Array<[unknown, string]> = [
        [tgwSpec(peeringOnly.id), '/spec/network/id'],
        [tgwSpec('n-nothere'), '/spec/network/id'],
        [tgwSpec(tgw.id, { cloud: { ...cloud, ram_share_arn: 'arn:aws:s3:::bucket' } }), '/spec/cloud/ram_share_arn'],
        [tgwSpec(tgw.id, { cloud: { ...cloud, transit_gateway_id: 'vpc-123' } }), '/spec/cloud/transit_gateway_id'],
        [tgwSpec(tgw.id, { cloud: { ...cloud, routes: ['10.200.5.0/33'] } }), '/spec/cloud/routes/0'],
      ];
      for (const [body, pointer] of cases) {
        const r = await t.post('/networking/v1/transit-gateway-attachments', body);
        expect(r.status, r.raw).toBe(422);
        expect(errorsOf(r)[0].source).toEqual({ pointer });
      }
      expect((await t.post('/networking/v1/transit-gateway-attachments', tgwSpec(tgw.id, { cloud: { kind: 'AwsTransitGatewayAttachment' } }))).status).toBe(422);
    });
  });

  describe('DNS forwarders', () => {
    const forwarder = (gateway: string, over: Record<string, unknown> = {}) => ({
      spec: { display_name: 'dns', domains: ['corp.example', 'int.example'], config: { kind: 'ForwardViaIp', dns_server_ips: ['10.0.0.2', '10.0.0.3'] }, environment: { id: env }, gateway: { id: gateway }, ...over },
    });

    it('creates a forwarder on a network gateway: 202 PROVISIONING then READY; updates domains and config', async () => {
      const n = await network({ connection_types: ['PRIVATELINK'], cidr: undefined, dns_config: { resolution: 'PRIVATE' } });
      const gw = n.spec.gateway.id;
      const r = await t.post('/networking/v1/dns-forwarders', forwarder(gw), TIMED);
      expect(r.status, r.raw).toBe(202);
      const f = r.body;
      expect(f.id).toMatch(/^dnsf-[a-z0-9]{6}$/);
      expect(f.metadata.resource_name).toMatch(new RegExp(`/environment=${env}/gateway=${gw}/dns-forwarder=${f.id}$`));
      expect(f.spec.gateway).toEqual({ id: gw, environment: env, related: `http://emulator.test/networking/v1/gateways/${gw}`, resource_name: n.spec.gateway.resource_name });
      expect(f.status.phase).toBe('PROVISIONING');
      await t.post('/_emulator/clock/advance', { seconds: 61 });
      expect((await t.get(`/networking/v1/dns-forwarders/${f.id}?environment=${env}`)).body.status.phase).toBe('READY');

      const u = await t.patch(`/networking/v1/dns-forwarders/${f.id}?environment=${env}`, { spec: { domains: ['only.example'], config: { kind: 'ForwardViaIp', dns_server_ips: ['10.0.0.9'] } } });
      expect(u.status, u.raw).toBe(200);
      expect(u.body.spec.domains).toEqual(['only.example']);
      expect(u.body.spec.config).toEqual({ kind: 'ForwardViaIp', dns_server_ips: ['10.0.0.9'] });
      expect(u.body.spec.display_name).toBe('dns');
      expect((await t.patch(`/networking/v1/dns-forwarders/${f.id}?environment=${env}`, { spec: { gateway: { id: 'gw-other' } } })).status).toBe(400);

      const list = await t.get(`/networking/v1/dns-forwarders?environment=${env}&page_size=100`);
      expect(list.body.kind).toBe('DnsForwarderList');
      expect(list.body.data.map((x: any) => x.id)).toContain(f.id);
      expect((await t.delete(`/networking/v1/dns-forwarders/${f.id}?environment=${env}`, NOW)).status).toBe(204);
      expect((await t.get(`/networking/v1/dns-forwarders/${f.id}?environment=${env}`)).status).toBe(404);
    });

    it('refuses an unknown gateway, one of another environment and bodies that do not fit (422)', async () => {
      const other = (await t.post('/org/v2/environments', { display_name: 'net-dns-other' })).body.id;
      const elsewhere = await network({}, NOW, other);
      for (const gw of ['gw-nothere', elsewhere.spec.gateway.id]) {
        const r = await t.post('/networking/v1/dns-forwarders', forwarder(gw));
        expect(r.status).toBe(422);
        expect(errorsOf(r)[0].source).toEqual({ pointer: '/spec/gateway/id' });
      }
      const n = await network();
      const bad = [
        forwarder(n.spec.gateway.id, { config: { kind: 'ForwardViaIp', dns_server_ips: [] } }),
        forwarder(n.spec.gateway.id, { config: { kind: 'ForwardViaName' } }),
        forwarder(n.spec.gateway.id, { domains: ['a', 'a'] }),
        forwarder(n.spec.gateway.id, { domains: Array.from({ length: 11 }, (_, i) => `d${i}.example`) }),
        { spec: { domains: [], environment: { id: env } } },
      ];
      for (const body of bad) expect((await t.post('/networking/v1/dns-forwarders', body)).status, JSON.stringify(body)).toBe(422);
    });
  });

  describe('IP addresses', () => {
    it('lists the catalogue without ids, filtered by every field, with paging', async () => {
      const all = await t.get('/networking/v1/ip-addresses?page_size=100');
      expect(all.status, all.raw).toBe(200);
      expect(all.body.kind).toBe('IpAddressList');
      expect(all.body.metadata.total_size).toBe(37);
      for (const a of all.body.data) {
        expect(a.id).toBeUndefined();
        expect(a.ip_prefix).toMatch(/^\d+\.\d+\.\d+\.\d+\/28$/);
      }
      const get = async (qs: string) => (await t.get(`/networking/v1/ip-addresses?page_size=100&${qs}`)).body.data;
      expect((await get('cloud=GCP')).every((a: any) => a.cloud === 'GCP')).toBe(true);
      expect(await get('cloud=GCP,AZURE')).toHaveLength(18);
      expect(await get('cloud=GCP&cloud=AZURE')).toHaveLength(18);
      expect(await get('region=us-east-1&address_type=EGRESS')).toHaveLength(2);
      expect(await get('services=CONNECT')).toHaveLength(12);
      expect(await get('services=EXTERNAL_OAUTH')).toEqual([{ api_version: 'networking/v1', kind: 'IpAddress', ip_prefix: expect.any(String), cloud: 'ANY', region: 'global', services: ['EXTERNAL_OAUTH'], address_type: 'EGRESS' }]);
      expect(await get('services=KAFKA&address_type=INGRESS&region=westeurope')).toHaveLength(1);
      expect(await get('cloud=IBM')).toEqual([]);

      const p1 = await t.get('/networking/v1/ip-addresses');
      expect(p1.body.data).toHaveLength(10);
      const next = new URL(p1.body.metadata.next);
      const p2 = await t.get(next.pathname + next.search);
      expect(p2.body.data[0]).toEqual(all.body.data[10]);
      const last = new URL(p1.body.metadata.last);
      expect((await t.get(last.pathname + last.search)).body.data).toHaveLength(10);
      expect((await t.get('/networking/v1/ip-addresses?page_token=nope')).status).toBe(400);
    });

    it('requires credentials', async () => {
      expect((await t.request('GET', '/networking/v1/ip-addresses', undefined, { authorization: '' })).status).toBe(401);
    });
  });
});
