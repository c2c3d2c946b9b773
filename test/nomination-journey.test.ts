import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub } from './support/hub.js';
import { browserAndHub } from './support/journey.js';
import { fillAndSend, pageStorage } from './support/nomination-form.js';

// The walking skeleton's promise: a person on a partner page nominates a pair through the
// embedded widget, sees a receipt, and the hub keeps the nomination across a restart.

const journey = browserAndHub();

async function status(url: string, reference: string) {
  const res = await fetch(`${url}/api/v1/nominations/${reference}/status`, {
    headers: { authorization: 'Bearer pk_demo' },
  });
  return { code: res.status, body: await res.json() };
}

describe('a nomination from the demo partner page', () => {
  it('travels from the widget into the hub, shows a receipt, and survives a restart', async () => {
    const page = await journey.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${journey.hub.url}/`);
    await expect.poll(() => page.title()).toContain('Demo Besøgstjeneste');

    const reference = await fillAndSend(page);
    await expect
      .poll(() =>
        page.locator('stue-nomination-form').getByText('Tak – indstillingen er sendt').count(),
      )
      .toBe(1);
    expect(await status(journey.hub.url, reference)).toEqual({
      code: 200,
      body: { reference, status: 'received' },
    });

    // Nothing personal stays in the partner page's storage.
    expect(await pageStorage(page)).toEqual({
      local: 0,
      session: 0,
      cookie: '',
      databases: 0,
      caches: 0,
      url: `${journey.hub.url}/`,
    });
    expect(errors).toEqual([]);
    await page.close();

    await journey.hub.stop();
    journey.hub = await startHub(journey.dataDir);
    expect(await status(journey.hub.url, reference)).toEqual({
      code: 200,
      body: { reference, status: 'received' },
    });
    // The logs name routes, never the people.
    expect(journey.hub.output()).not.toMatch(/Inger|Bent|Hanne|20 ?30 ?40 ?50/);
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
      .replaceAll('http://127.0.0.1:8787', journey.hub.url);
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

  it('embeds the widget with one script tag and sends across origins', async () => {
    const page = await journey.browser.newPage();
    await page.goto(siteUrl);
    const reference = await fillAndSend(page);
    expect((await status(journey.hub.url, reference)).code).toBe(200);
    await page.close();
  });
});

describe('the apps the hub serves', () => {
  it.each([
    ['/kiosk/', 'Denne tablet er ikke tilmeldt endnu'],
    ['/console/', 'Stue · Koordinator'],
  ])('%s starts in the browser', async (path, text) => {
    const page = await journey.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${journey.hub.url}${path}`);
    await expect.poll(() => page.getByText(text).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
