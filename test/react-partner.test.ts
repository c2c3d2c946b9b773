import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';
import { nominationsIn, waitForReceipt } from './support/nomination-form.js';

// examples/react-partner, built with Vite against a real hub: React 19 sets the element's
// properties (partnerKey, lang, prefill, lockPrefill) and hears its events through `on…` props.

const exampleRoot = fileURLToPath(new URL('../examples/react-partner/', import.meta.url));
let browser: Browser;
let hub: TestHub;
let dataDir: string;
let outDir: string;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  dataDir = newDataDir();
  outDir = mkdtempSync(join(tmpdir(), 'stue-react-'));
  [browser, hub] = await Promise.all([launchBrowser(), startHub(dataDir)]);
  // Built as `vite build` builds it: for production (vitest sets NODE_ENV to `test`).
  const env = { ...process.env };
  Object.assign(process.env, { VITE_STUE_API: `${hub.url}/`, NODE_ENV: 'production' });
  try {
    await build({ root: exampleRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env.NODE_ENV;
    delete process.env.VITE_STUE_API;
  }
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  site = createServer((req, res) => {
    const path = req.url === '/' ? '/index.html' : req.url!.split('?')[0]!;
    try {
      const body = readFileSync(join(outDir, path.replace(/\.\./g, '')));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => site?.close(() => resolve()));
  await hub?.stop();
  await browser?.close();
  removeDataDir(dataDir);
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the React 19 example', () => {
  it('passes properties, switches language, hears the events, and sends one nomination', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(siteUrl);
    const form = page.locator('stue-nomination-form');
    const status = page.locator('.portal-status');

    await form.getByRole('button', { name: 'Start indstillingen' }).click();
    await expect.poll(() => status.textContent()).toBe('2/8');
    // prefill and lockPrefill arrived as properties: the volunteer's details, read-only.
    expect(await form.locator('#nominator-name').inputValue()).toBe('Hanne Holm');
    expect(await form.locator('#nominator-name').getAttribute('readonly')).toBe('');
    expect(await form.locator('.locked-value').textContent()).toContain('besøgstjeneste');

    // The app switches the element's language.
    await page.locator('header').getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => form.getByRole('heading', { level: 2 }).textContent())
      .toBe('About you');
    const next = () => form.getByRole('button', { name: 'Continue' }).click();
    await next();
    await expect.poll(() => status.textContent()).toBe('3/8');

    await form.getByLabel("Host's first name").fill('Inger');
    await form.getByRole('combobox', { name: 'Municipality' }).fill('Oden');
    await form.getByRole('option', { name: 'Odense' }).click();
    await next();
    await form.getByLabel("Visiting friend's first name").fill('Bent');
    await form.getByLabel("Visiting friend's phone number").fill('20 30 40 50');
    await next();
    await next();
    await next();
    await form
      .getByLabel('The host has said yes to the visit, through their visiting friend')
      .check();
    await next();
    await form.getByRole('button', { name: 'Send the nomination' }).click();
    const reference = await waitForReceipt(page);
    await expect.poll(() => status.textContent()).toBe(`Sent: ${reference}`);

    expect(nominationsIn(dataDir).filter((row) => row.reference === reference)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
