import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { basic } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOKEN = 'console-admin-token-7f3a';
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** The console of an emulator started with --admin-token: it asks for the token and sends it. */
describe.skipIf(!existsSync(CHROMIUM))('web console with --admin-token', () => {
  let emu: RunningEmulator;
  let browser: Browser;
  let page: Page;
  let env: string;
  const urls: string[] = [];
  const controlAuth: string[] = [];

  beforeAll(async () => {
    emu = await startEmulator({ adminToken: TOKEN });
    env = emu.environmentId!;
    const res = await fetch(`${emu.url}/cmk/v2/clusters`, {
      method: 'POST',
      headers: { authorization: basic(emu.apiKey, emu.apiSecret), 'content-type': 'application/json' },
      body: JSON.stringify({ spec: { display_name: 'guarded', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } }),
    });
    expect(res.status).toBe(202);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (r) => {
      urls.push(r.url());
      if (new URL(r.url()).pathname.startsWith('/_emulator/')) controlAuth.push(r.headers().authorization ?? '');
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  it('asks for the token, says when it is refused, and then reads through the control plane with it', async () => {
    await page.goto(`${emu.url}/ui/`);
    await page.getByTestId('admin-token').waitFor();
    expect(await page.getByTestId('admin-token-refused').count()).toBe(0);

    await page.getByTestId('admin-token-input').fill('not-the-token');
    await page.getByTestId('admin-token-submit').click();
    await page.getByTestId('admin-token-refused').waitFor();

    await page.getByTestId('admin-token-input').fill(TOKEN);
    await page.getByTestId('admin-token-submit').click();
    await page.getByTestId(`org-${emu.organizationId}`).click();
    // The organization's data comes through credentials the control plane issued under the token.
    await page.getByTestId(`env-${env}`).click();
    await poll(() => page.getByText('guarded').count()).toBeGreaterThan(0);
    expect(controlAuth).toContain(`Bearer ${TOKEN}`);
  });

  it('keeps the token for the tab across a reload, out of every URL, and polls instead of streaming events', async () => {
    await page.reload();
    await poll(() => page.getByText('guarded').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('admin-token').count()).toBe(0);
    expect(urls.some((u) => u.includes(TOKEN))).toBe(false);
    // An EventSource cannot carry the header, so the page must not open one (it would be refused).
    expect(urls.some((u) => new URL(u).pathname === '/_emulator/events')).toBe(false);
  });
});
