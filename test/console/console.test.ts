import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { call, createScene, type Scene } from './setup.js';
import { basic } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const found = existsSync(CHROMIUM);
/** Waits for what the page shows to settle: generous, because CI machines are shared and slow. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
if (!found) console.warn(`console tests skipped: no chromium at ${CHROMIUM} (CI installs it; set CHROMIUM_PATH to point at another)`);

/** The web console in a real browser, against a listening emulator. */
describe.skipIf(!found)('web console', () => {
  let emu: RunningEmulator;
  let scene: Scene;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    // Each resource's lifecycle is chosen per request (X-Emulator-Lifecycle), whatever the default.
    emu = await startEmulator();
    scene = await createScene(emu);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (r) => new URL(r.url()).origin !== new URL(emu.url).origin && foreignRequests.push(r.url()));
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  const url = (hash: string) => `${emu.url}/ui/#${hash}`;

  it('redirects / to the console and lists the organizations', async () => {
    const res = await page.goto(emu.url + '/');
    expect(new URL(page.url()).pathname).toBe('/ui/');
    expect(res?.status()).toBe(200);
    await page.getByTestId(`org-${scene.org}`).waitFor();
    await shot('organizations');
    await page.getByTestId(`org-${scene.org}`).click();
    await page.getByTestId(`env-${scene.env}`).click();
    await page.getByTestId(`cluster-${scene.kafka}`).waitFor();
    expect(await page.getByTestId(`phase-${scene.kafka}`).textContent()).toBe('PROVISIONED');
  });

  it('shows a cluster change phase live when the clock advances', async () => {
    await call(emu, 'PUT', '/_emulator/clock', {}, { frozen: true });
    await page.goto(url(`/o/${scene.org}/env/${scene.env}`));
    const phase = page.getByTestId(`phase-${scene.slowKafka}`);
    await poll(() => phase.textContent()).toBe('PROVISIONING');
    await page.getByText('frozen at').waitFor();
    const before = await page.getByTestId('clock-now').textContent();
    await page.selectOption('#advance-by', '3600');
    await page.getByTestId('clock-advance').click();
    // The time moves by the hour asked for, and the cluster's phase follows without a reload.
    await poll(() => page.getByTestId('clock-now').textContent()).not.toBe(before);
    const after = await page.getByTestId('clock-now').textContent();
    expect(Date.parse(after!.replace(' UTC', 'Z').replace(' ', 'T')) - Date.parse(before!.replace(' UTC', 'Z').replace(' ', 'T'))).toBe(3_600_000);
    await poll(() => phase.textContent()).toBe('PROVISIONED');
    await poll(() => page.getByText('from PROVISIONING at').count()).toBeGreaterThan(0);
    await shot('environment');
  });

  it('reads the messages of a topic, decoded', async () => {
    await page.getByTestId(`cluster-${scene.kafka}`).click();
    await page.getByTestId(`topic-${scene.topic}`).click();
    const rows = page.getByTestId('message-row');
    await poll(() => rows.count()).toBe(4);
    const text = (await page.locator('table.messages').textContent()) ?? '';
    expect(text).toContain('"item": "espresso"');
    expect(text).toContain('plain text value');
    expect(text).toContain('order-1');
    expect(text).toContain('de ad be ef 01');
    expect(text).toContain('"id": "avro-7"');
    expect(text).toContain('Avro · schema');
    // Headers and timestamps, which REST Proxy v2 does not return, come from the control plane.
    await poll(() => page.getByTestId('message-headers').filter({ hasText: 'trace-id' }).textContent()).toBe('trace-id: abc-123');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(await page.getByTestId('end-offset-0').textContent()).toBe('2');
    await shot('topic');
  });

  it('decodes Protobuf and JSON Schema records through the registry, and says when a key is not decodable with its value', async () => {
    await page.goto(url(`/o/${scene.org}/env/${scene.env}/kafka/${scene.kafka}/topic/shipments`));
    const rows = page.getByTestId('message-row');
    await poll(() => rows.count()).toBe(3);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => (tr.querySelectorAll('td')[3] as HTMLElement).innerText));
    // Newest first: the JSON Schema record, the keyless Protobuf record (decoded by a protobuf
    // consumer), then the one whose string key a protobuf consumer cannot read (shown as hex).
    expect(cells[0]).toContain('JSON Schema · schema');
    expect(cells[0]).toContain('"n": 7');
    expect(cells[1]).toMatch(/Protobuf · schema \d+/);
    expect(cells[1]).toContain('"id": "ship-10"');
    expect(cells[2]).toContain('not decoded');
    expect(cells[2]).toMatch(/^[\s\S]*00 00 01 86/);
  });

  it('decodes an Avro value whose key is a string, every Avro type shown plainly', async () => {
    await page.goto(url(`/o/${scene.org}/env/${scene.env}/kafka/${scene.kafka}/topic/payments`));
    const row = page.getByTestId('message-row');
    await poll(() => row.count()).toBe(1);
    const [key, value] = await row.evaluate((tr) => [...tr.querySelectorAll('td')].slice(2).map((td) => (td as HTMLElement).innerText));
    expect(key).toContain('customer-42');
    expect(value).toMatch(/^Avro · schema \d+/);
    const decoded = JSON.parse(value.slice(value.indexOf('{')));
    expect(decoded).toEqual({ id: 'pay-1', amount: 12.5, currency: 'EUR', tags: ['card', 'web'], attrs: { retries: 2 }, note: 'first', big: 1234567890123 });
  });

  it('shows the configs a topic sets, and an empty topic', async () => {
    await page.goto(url(`/o/${scene.org}/env/${scene.env}/kafka/${scene.kafka}/topic/audit`));
    await page.getByText('No message in this topic yet.').waitFor();
    const row = page.locator('tr', { hasText: 'retention.ms' });
    expect(await row.textContent()).toContain('3600000');
    expect(await page.locator('tr', { hasText: 'cleanup.policy' }).count()).toBe(0);
    await page.getByLabel('Show defaults').check();
    await poll(() => page.locator('tr', { hasText: 'cleanup.policy' }).count()).toBe(1);
  });

  it('draws the lag of a consumer group', async () => {
    await page.goto(url(`/o/${scene.org}/env/${scene.env}/kafka/${scene.kafka}`));
    await page.getByTestId(`group-${scene.group}`).click();
    await page.getByTestId('lag-chart').waitFor();
    const lagBars = page.getByTestId('lag-bar');
    await page.getByRole('link', { name: 'orders-cluster' }).click();
    await poll(() => page.getByTestId('phase-link-dr-link').textContent()).toBe('UNAVAILABLE');
    expect(await page.locator('tr', { hasText: 'User:sa-00000' }).textContent()).toMatch(/ALLOW.*READ.*TOPIC.*orders.*LITERAL/);
    await page.goBack();
    await page.getByTestId('lag-chart').waitFor();
    expect(await lagBars.count()).toBe(2);
    // Each partition holds two records and the group committed after the first: a lag of one each.
    expect(await lagBars.evaluateAll((bars) => bars.map((b) => b.textContent))).toEqual(['lag 1', 'lag 1']);
    const cells = await page.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)));
    expect(cells).toEqual([
      ['orders', '0', '1', '2', '1'],
      ['orders', '1', '1', '2', '1'],
    ]);
    await shot('consumer-group');
  });

  it('shows Schema Registry subjects and their schema text', async () => {
    await page.goto(url(`/o/${scene.org}/env/${scene.env}/schemas`));
    await page.getByTestId(`subject-${scene.subject}`).click();
    await poll(() => page.getByTestId('schema-text').textContent()).toContain('"name": "Order"');
    expect(await page.locator('.props').textContent()).toContain('BACKWARD');
    await page.getByRole('link', { name: 'Schema Registry' }).last().click();
    // The clock moved by an hour earlier on: the exporter has started.
    await poll(() => page.getByTestId('phase-exporter-dr-export').textContent()).toBe('RUNNING');
    await shot('schema');
  });

  it('lists accounts and API keys without any secret', async () => {
    await page.goto(url(`/o/${scene.org}/access`));
    await page.getByText('orders app').waitFor();
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toContain(emu.apiSecret);
    expect(body).not.toMatch(/secret-[0-9]/);
    expect(body).toContain('u-00000');
    await shot('access');
  });

  it('lists the other resources of an environment with their phases', async () => {
    await page.goto(url(`/o/${scene.org}/env/${scene.env}/resources`));
    await poll(() => page.getByTestId(`phase-${scene.pool}`).textContent()).toBe('PROVISIONED');
    for (const empty of ['No connector.', 'No Flink statement.', 'No network.', 'No ksqlDB cluster.', 'No pipeline.']) await page.getByText(empty).waitFor();
    expect(await page.locator('.error').count()).toBe(0);
    await shot('resources');
  });

  it('shows the journal and faults panels exactly when the emulator serves them', async () => {
    const ops = (await call(emu, 'GET', '/_emulator/operations', {})).data as Array<{ path: string; method: string }>;
    const served = (path: string) => ops.some((o) => o.path === path && o.method.toUpperCase() === 'GET');
    await page.goto(url(`/o/${scene.org}`));
    await page.getByTestId(`env-${scene.env}`).waitFor();
    expect(await page.getByRole('link', { name: 'Request journal' }).count()).toBe(served('/_emulator/requests') ? 1 : 0);
    expect(await page.getByRole('link', { name: 'Faults' }).count()).toBe(served('/_emulator/faults') ? 1 : 0);
  });

  it('shows the request journal and manages fault rules through the control plane interface', async () => {
    // The journal and faults of the "Test controls" interface, answered in the browser so that this
    // test pins the console's side of it whether or not this emulator serves them.
    const journalPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    journalPage.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    journalPage.on('pageerror', (e) => consoleErrors.push(String(e)));
    journalPage.on('request', (r) => new URL(r.url()).origin !== new URL(emu.url).origin && foreignRequests.push(r.url()));
    const entry = (i: number, over: Record<string, unknown> = {}) => ({
      request_id: `req-${i}`, time: `2026-12-05T10:00:0${i}.000Z`, method: 'POST', path: '/iam/v2/service-accounts', operation_id: 'createIamV2ServiceAccount',
      status: 201, organization_id: scene.org, api_key: 'EMULATORCLOUDKEY', duration_ms: 3.2, query: {}, request_body: { display_name: `sa-${i}` }, response_body: { id: `sa-${i}` }, ...over,
    });
    const journal = [entry(1), entry(2, { status: 503, operation_id: 'listIamV2ServiceAccounts', method: 'GET' }), entry(3, { api_key: 'CONSOLEAAAAAAAAA', path: '/org/v2/environments' })];
    const faults: Array<Record<string, unknown>> = [];
    const asked: string[] = [];
    await journalPage.route('**/_emulator/operations', async (route) => {
      const real = await (await route.fetch()).json();
      real.data.push(
        { operation_id: 'listEmulatorRequests', group: '_emulator', method: 'GET', path: '/_emulator/requests', implemented: true },
        { operation_id: 'listEmulatorFaults', group: '_emulator', method: 'GET', path: '/_emulator/faults', implemented: true },
      );
      await route.fulfill({ json: real });
    });
    await journalPage.route('**/_emulator/requests?**', (route) => {
      asked.push(route.request().url());
      return route.fulfill({ json: { data: journal } });
    });
    await journalPage.route('**/_emulator/faults**', async (route) => {
      const req = route.request();
      if (req.method() === 'POST') {
        const rule = { id: `flt-${faults.length + 1}`, ...req.postDataJSON() };
        faults.push(rule);
        return route.fulfill({ status: 201, json: rule });
      }
      if (req.method() === 'DELETE') {
        const id = decodeURIComponent(new URL(req.url()).pathname.split('/').pop()!);
        faults.splice(faults.findIndex((f) => f.id === id), 1);
        return route.fulfill({ status: 204 });
      }
      return route.fulfill({ json: { data: faults } });
    });

    await journalPage.goto(url(`/o/${scene.org}/journal`));
    const rows = journalPage.getByTestId('journal-row');
    // The console's own request (its CONSOLE key) is hidden until asked for; the newest comes first.
    await poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('listIamV2ServiceAccounts');
    expect(await rows.first().textContent()).toContain('503');
    expect(asked[0]).toContain(`organization_id=${scene.org}`);
    await rows.nth(1).getByRole('button').click();
    await poll(() => journalPage.locator('tr.detail').textContent()).toContain('"display_name": "sa-1"');
    await journalPage.getByLabel("Show the console's own requests").check();
    await poll(() => rows.count()).toBe(3);
    await journalPage.screenshot({ path: join(SHOTS, 'journal.png'), fullPage: true });

    await journalPage.getByRole('link', { name: 'Faults' }).click();
    await journalPage.getByText('No fault rule').waitFor();
    await journalPage.getByLabel('Operation id').fill('createCmkV2Cluster');
    await journalPage.getByLabel('Status').fill('503');
    await journalPage.getByLabel('Times').fill('1');
    await journalPage.getByTestId('fault-add').click();
    await journalPage.getByText('operation_id=createCmkV2Cluster').waitFor();
    expect(faults).toEqual([{ id: 'flt-1', organization_id: scene.org, operation_id: 'createCmkV2Cluster', status: 503, times: 1 }]);
    await journalPage.screenshot({ path: join(SHOTS, 'faults.png'), fullPage: true });
    await journalPage.getByTestId('fault-remove').click();
    await journalPage.getByText('No fault rule').waitFor();
    expect(faults).toEqual([]);
    await journalPage.close();
  });

  it("shows the emulator's own journal live, and a fault added in the page fails the client's next request", async () => {
    const cloud = { authorization: basic(emu.apiKey, emu.apiSecret) };
    const livePage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    livePage.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    livePage.on('pageerror', (e) => consoleErrors.push(String(e)));
    await livePage.goto(url(`/o/${scene.org}/journal`));
    await call(emu, 'POST', '/iam/v2/service-accounts', cloud, { display_name: 'seen-in-the-journal' });
    const rows = livePage.getByTestId('journal-row').filter({ hasText: 'createIamV2ServiceAccount' });
    await poll(() => rows.count()).toBeGreaterThan(0);

    await livePage.getByRole('link', { name: 'Faults' }).click();
    await livePage.getByText('No fault rule').waitFor();
    await livePage.getByLabel('Operation id').fill('listIamV2ServiceAccounts');
    await livePage.getByLabel('Status').fill('503');
    await livePage.getByLabel('Times').fill('1');
    await livePage.getByTestId('fault-add').click();
    await livePage.getByText('operation_id=listIamV2ServiceAccounts').waitFor();
    await expect(call(emu, 'GET', '/iam/v2/service-accounts', cloud)).rejects.toThrow(/: 503 /);
    // Used up (times: 1): the rule is gone, from the emulator and then from the page.
    await call(emu, 'GET', '/iam/v2/service-accounts', cloud);
    await livePage.getByText('No fault rule').waitFor();
    await livePage.close();
  });

  it('sets, freezes and unfreezes the clock and changes the lifecycle mode', async () => {
    const mode = (await call(emu, 'GET', '/_emulator/clock', {})).lifecycle;
    await page.goto(url(`/o/${scene.org}/clock`));
    await page.getByLabel('Set to').fill('2030-01-02T03:04:05');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await poll(() => page.getByTestId('clock-now').textContent()).toBe('2030-01-02 03:04:05 UTC');
    expect(Date.parse((await call(emu, 'GET', '/_emulator/clock', {})).now)).toBe(Date.parse('2030-01-02T03:04:05Z'));
    await page.getByTestId('clock-freeze').click();
    await poll(async () => (await call(emu, 'GET', '/_emulator/clock', {})).frozen).toBe(false);
    await page.getByTestId('clock-freeze').click();
    await poll(async () => (await call(emu, 'GET', '/_emulator/clock', {})).frozen).toBe(true);
    await page.getByLabel('Mode').selectOption(mode === 'reads=3' ? 'reads=10' : 'reads=3');
    await page.getByRole('button', { name: 'Apply' }).click();
    await poll(async () => (await call(emu, 'GET', '/_emulator/clock', {})).lifecycle).toBe(mode === 'reads=3' ? 'reads=10' : 'reads=3');
    await shot('clock');
    await call(emu, 'PUT', '/_emulator/clock', {}, { lifecycle: mode });
  });

  it('can be used with the keyboard alone, focus visible', async () => {
    await page.goto(url(`/o/${scene.org}`));
    await page.getByTestId(`env-${scene.env}`).waitFor();
    let focused: { testid: string | null; outline: string } | undefined;
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { testid: el.getAttribute('data-testid'), outline: getComputedStyle(el).outlineStyle };
      });
      if (focused.testid === `env-${scene.env}`) break;
    }
    expect(focused).toEqual({ testid: `env-${scene.env}`, outline: 'solid' });
    await page.keyboard.press('Enter');
    await page.getByTestId(`cluster-${scene.kafka}`).waitFor();
  });

  it('listens to the event stream when the emulator serves one', async () => {
    const live = await browser.newPage();
    live.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    const streams: string[] = [];
    await live.route('**/_emulator/operations', async (route) => {
      const real = await (await route.fetch()).json();
      real.data.push({ operation_id: 'streamEmulatorEvents', group: '_emulator', method: 'GET', path: '/_emulator/events', implemented: true });
      await route.fulfill({ json: real });
    });
    await live.route('**/_emulator/events?**', (route) => {
      streams.push(route.request().url());
      const event = { id: scene.slowKafka, kind: 'Cluster', api_version: 'cmk/v2', organization_id: scene.org, phase: 'PROVISIONED', time: new Date().toISOString() };
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }, body: `retry: 60000\nevent: phase\ndata: ${JSON.stringify(event)}\n\n` });
    });
    await live.goto(url(`/o/${scene.org}/env/${scene.env}`));
    await live.getByText('Live: event stream and polling').waitFor();
    await poll(() => streams.length).toBeGreaterThan(0);
    expect(new URL(streams[0]).searchParams.get('organization_id')).toBe(scene.org);
    await live.close();
  });

  it('made no request outside the emulator and logged no console error', () => {
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
