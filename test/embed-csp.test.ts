import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndHub, partnerSite } from './support/journey.js';
import {
  continueEmpty,
  fillToReview,
  nominationsIn,
  pageStorage,
  REFERENCE,
  sendAndWaitForReceipt,
} from './support/nomination-form.js';

// RELIABILITY S2 and fact 6: a partner page with a strict Content-Security-Policy embeds the
// widget with the lines docs/embedding.md gives; the widget renders, validates, sends to a real
// hub, and not one violation is reported. And whatever happens, the partner's origin keeps nothing
// about the people: not after a failed send, not after a receipt.

const journey = browserAndHub();

/** Reports the browser POSTed to the page's `report-uri`. */
const reports: unknown[] = [];

/** The policy of issue 4, plus `default-src 'self'` and the hub for `connect-src`. */
function policy(nonce: string, extra: string[] = []) {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    `connect-src ${journey.hub.url}`,
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    ...extra,
    'report-uri /csp-report',
  ].join('; ');
}

function partnerPage(nonce: string) {
  return `<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8" />
    <title>Streng CSP – partner</title>
    <link rel="stylesheet" href="/site.css" />
    <script nonce="${nonce}">
      window.violations = [];
      addEventListener('securitypolicyviolation', (event) => {
        window.violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
      }, true);
    </script>
    <script nonce="${nonce}" type="module" src="${journey.hub.url}/embed/stue-embed.js"></script>
  </head>
  <body>
    <main>
      <h1>Besøgsvenner med streng CSP</h1>
      <stue-nomination-form partner-key="pk_demo" lang="da"></stue-nomination-form>
    </main>
  </body>
</html>`;
}

const site = partnerSite((req, res) => {
  if (req.method === 'POST' && req.url === '/csp-report') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      reports.push(JSON.parse(body));
      res.writeHead(204).end();
    });
    return;
  }
  if (req.url === '/site.css') {
    res
      .writeHead(200, { 'content-type': 'text/css' })
      .end('main { max-width: 44rem; margin: auto; }');
    return;
  }
  const nonce = randomBytes(16).toString('base64');
  const extra = req.url === '/trusted-types' ? ['trusted-types lit-html'] : [];
  res
    .writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': policy(nonce, extra),
    })
    .end(partnerPage(nonce));
});

/** Opens the partner page, collecting page errors and CSP messages from the console. */
async function open(path = '/') {
  const page = await journey.browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy|Trusted Type/i.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${site.url}${path}`);
  await expect
    .poll(() => page.locator('stue-nomination-form').getByRole('heading').first().textContent())
    .toContain('Indstil en vært');
  return { page, problems };
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { violations: unknown[] }).violations);

async function expectNoPersonalData(page: Page, when: string) {
  expect(await pageStorage(page), when).toEqual({
    local: 0,
    session: 0,
    cookie: '',
    databases: 0,
    caches: 0,
    url: `${site.url}/`,
  });
}

describe('the embed on a page with a strict Content-Security-Policy', () => {
  it('renders, validates and sends to the hub with zero violations', async () => {
    const { page, problems } = await open();
    const form = page.locator('stue-nomination-form');

    // Validation runs (zod, jitless) and shows its summary.
    await continueEmpty(page);
    await form.getByRole('button', { name: 'Tilbage' }).click();

    await fillToReview(page);
    const reference = await sendAndWaitForReceipt(page);
    expect(reference).toMatch(REFERENCE);

    const status = await fetch(`${journey.hub.url}/api/v1/nominations/${reference}/status`, {
      headers: { authorization: 'Bearer pk_demo' },
    });
    expect(status.status).toBe(200);

    await page.waitForTimeout(300); // report-uri POSTs are sent asynchronously
    expect(await violations(page)).toEqual([]);
    expect(reports).toEqual([]);
    expect(problems).toEqual([]);
    await expectNoPersonalData(page, 'after a receipt');

    // The watchers do watch: an inline style attribute and a string to innerHTML are refused.
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await page.evaluate(() => {
      try {
        document.body.innerHTML = '<b>x</b>';
      } catch {
        // Trusted Types throws; the violation is what counts here.
      }
    });
    await expect
      .poll(async () =>
        ((await violations(page)) as { directive: string }[]).map((v) => v.directive),
      )
      .toEqual(['style-src-attr', 'require-trusted-types-for']);
    await expect.poll(() => reports.length).toBe(2);
    reports.length = 0;
    await page.close();
  });

  it('creates no Trusted Types policy but lit-html’s (trusted-types lit-html)', async () => {
    const { page, problems } = await open('/trusted-types');
    await continueEmpty(page);
    await page.waitForTimeout(300);
    expect(await violations(page)).toEqual([]);
    expect(reports).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps nothing when the answer is lost; the retry is answered as a replay: one nomination', async () => {
    const { page, problems } = await open();
    let sentId: string | undefined;
    let lost = 0;
    // The first send reaches the hub, which stores it, but its answer never reaches the page.
    await page.route(`${journey.hub.url}/api/v1/nominations`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      sentId ??= (route.request().postDataJSON() as { id: string }).id;
      expect((route.request().postDataJSON() as { id: string }).id).toBe(sentId);
      if (lost > 0) return route.continue();
      lost++;
      await route.fetch();
      await route.abort('connectionreset');
    });

    await fillToReview(page);
    const form = page.locator('stue-nomination-form');
    await form.getByRole('button', { name: 'Send indstillingen' }).click();
    await expect.poll(() => form.getByText('Ikke sendt – prøv igen').count()).toBe(1);
    expect(nominationsIn(journey.dataDir).filter((row) => row.id === sentId)).toHaveLength(1);
    await expectNoPersonalData(page, 'after a failed send');

    const reference = await sendAndWaitForReceipt(page);
    const rows = nominationsIn(journey.dataDir).filter((row) => row.id === sentId);
    expect(rows).toEqual([{ id: sentId, reference }]);
    await expectNoPersonalData(page, 'after the retry');
    expect(await violations(page)).toEqual([]);
    expect(
      problems.filter((problem) => !/ERR_CONNECTION_RESET|Failed to load/.test(problem)),
    ).toEqual([]);
    await page.close();
  });
});
