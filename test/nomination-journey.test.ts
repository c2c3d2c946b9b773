import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';

// The walking skeleton's promise: a person on a partner page nominates a pair through the
// embedded widget, sees a receipt, and the hub keeps the nomination across a restart.

let browser: Browser;
let hub: TestHub;
let dataDir: string;

beforeAll(async () => {
  dataDir = newDataDir();
  [browser, hub] = await Promise.all([launchBrowser(), startHub(dataDir)]);
});
afterAll(async () => {
  await hub?.stop();
  await browser?.close();
  removeDataDir(dataDir);
});

async function fillAndSend(page: Page) {
  const form = page.locator('stue-nomination-form');
  await form.getByLabel('Jeg arbejder i en besøgstjeneste eller kommune').check();
  await form.getByLabel('Dit navn').fill('Hanne Holm');
  await form.getByLabel('E-mail', { exact: true }).fill('hanne@example.dk');
  await form.getByLabel('Værtens fornavn').fill('Inger');
  await form.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Aarhus' });
  await form.getByLabel('Besøgsvennens fornavn').fill('Bent');
  await form.getByLabel('Besøgsvennens telefonnummer').fill('20 30 40 50');
  await form.getByLabel('Værten har sagt ja til besøget gennem sin besøgsven').check();
  await form.getByRole('button', { name: 'Send indstillingen' }).click();
  const receipt = form.getByText(/STUE-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  await expect.poll(() => receipt.count(), { timeout: 15_000 }).toBe(1);
  return (await receipt.textContent())!.match(/STUE-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
}

async function status(url: string, reference: string) {
  const res = await fetch(`${url}/api/v1/nominations/${reference}/status`, {
    headers: { authorization: 'Bearer pk_demo' },
  });
  return { code: res.status, body: await res.json() };
}

describe('a nomination from the demo partner page', () => {
  it('travels from the widget into the hub, shows a receipt, and survives a restart', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${hub.url}/`);
    await expect.poll(() => page.title()).toContain('Demo Besøgstjeneste');

    const reference = await fillAndSend(page);
    await expect
      .poll(() =>
        page.locator('stue-nomination-form').getByText('Tak – indstillingen er sendt').count(),
      )
      .toBe(1);
    expect(await status(hub.url, reference)).toEqual({
      code: 200,
      body: { reference, status: 'received' },
    });

    // Nothing personal stays in the partner page's storage.
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).length,
      url: location.href,
    }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: '', databases: 0, url: `${hub.url}/` });
    expect(errors).toEqual([]);
    await page.close();

    await hub.stop();
    hub = await startHub(dataDir);
    expect(await status(hub.url, reference)).toEqual({
      code: 200,
      body: { reference, status: 'received' },
    });
    // The logs name routes, never the people.
    expect(hub.output()).not.toMatch(/Inger|Bent|Hanne|20 ?30 ?40 ?50/);
  });
});

describe('the partner-site example on another origin', () => {
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    const html = readFileSync(
      new URL('../examples/partner-site/index.html', import.meta.url),
      'utf8',
    )
      // The example points at a hub on the default port; this test's hub has its own.
      .replaceAll('http://127.0.0.1:8787', hub.url);
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

  it('embeds the widget with one script tag and sends across origins', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl);
    const reference = await fillAndSend(page);
    expect((await status(hub.url, reference)).code).toBe(200);
    await page.close();
  });
});

describe('the apps the hub serves', () => {
  it.each([
    ['/kiosk/', 'Denne tablet er ikke tilmeldt endnu'],
    ['/console/', 'Stue · Koordinator'],
  ])('%s starts in the browser', async (path, text) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${hub.url}${path}`);
    await expect.poll(() => page.getByText(text).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
