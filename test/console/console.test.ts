import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { call, createScene, type Scene } from './setup.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const found = existsSync(CHROMIUM);
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
    emu = await startEmulator({ lifecycle: { mode: 'timed', reads: 3 } });
    scene = await createScene(emu);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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

  it('redirects / to the console and lists the organizations', async () => {
    const res = await page.goto(emu.url + '/');
    expect(new URL(page.url()).pathname).toBe('/ui/');
    expect(res?.status()).toBe(200);
    await page.getByTestId(`org-${scene.org}`).click();
    await page.getByTestId(`env-${scene.env}`).click();
    await expect.poll(() => page.getByTestId(`cluster-${scene.kafka}`).isVisible()).toBe(true);
    await shot('environment');
  });
});
