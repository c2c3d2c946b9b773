// `embed-interactive`: how long after a plain HTML form would have shown the embed's first step is
// ready to use. Two pages, alike but for the form: one with the CDN embed (one script tag and the
// element), one with a plain no-JavaScript HTML form. Both are served by a local server this
// benchmark starts and stops, and opened in headless Chromium with the CPU slowed down four times
// (a modest phone), each run in a fresh context so nothing is cached. The figure is the median
// time to the embed's first step (its heading and its enabled button rendered) minus the median
// time to the plain form (its button rendered), over 10 runs of each; the goal is 100 ms. Run after
// `pnpm build` (it serves packages/elements/dist/cdn/stue-embed.js).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { nominationFormText } from '../packages/elements/dist/nomination-form/nomination-form.text.js';
import { launchBrowser } from '../test/support/browser.ts';
import { median } from './stats.ts';

const RUNS = 10;
const CPU_SLOWDOWN = 4;

const page = (body: string) => `<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Demo Besøgstjeneste</title>
    <style>body { max-width: 720px; margin: 0 auto; font-family: system-ui; }</style>
  </head>
  <body>
    <h1>Indstil til en koncert i stuen</h1>
    <p>Kender du en, der ville glæde sig over en koncert i sin egen stue?</p>
    ${body}
  </body>
</html>`;

const embedPage = page(`<script type="module" src="/embed/stue-embed.js"></script>
    <stue-nomination-form partner-key="pk_demo" lang="da"></stue-nomination-form>`);

// The plain form: the same first step a person meets (its title, its sentences, its button, from
// the element's own texts), as HTML without JavaScript. Only the drawing is left out.
const about = nominationFormText('da').about;
const plainPage = page(`<form method="post" action="/nominate">
      <h2>${about.title}</h2>
      ${about.lines.map((line) => `<p>${line}</p>`).join('\n      ')}
      <button type="submit">${about.start}</button>
    </form>`);

// Runs in each page before its own scripts: records, on `window.__ready`, the first frame after the
// form is ready to use. A plain form is ready once its button is in the document; the embed once
// its first render has committed a heading and an enabled submit button.
const readyProbe = () => {
  const w = window as unknown as { __ready?: number };
  const frame = () => requestAnimationFrame(() => (w.__ready ??= performance.now()));
  const embedReady = (form: Element) => {
    const root = form.shadowRoot;
    const button = root?.querySelector<HTMLButtonElement>('button[type=submit]');
    return Boolean(root?.querySelector('h2') && button && !button.disabled);
  };
  const check = () => {
    const form = document.querySelector('stue-nomination-form');
    if (form) {
      void customElements
        .whenDefined('stue-nomination-form')
        .then(() => (form as unknown as { updateComplete: Promise<unknown> }).updateComplete)
        .then(() => embedReady(form) && frame());
      return true;
    }
    if (document.querySelector('form button')) {
      frame();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => check() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true });
};

function serve(): Promise<Server> {
  const embed = readFileSync(
    new URL('../packages/elements/dist/cdn/stue-embed.js', import.meta.url),
  );
  const server = createServer((request, response) => {
    const html = (body: string) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body);
    };
    if (request.url === '/embed.html') return html(embedPage);
    if (request.url === '/plain.html') return html(plainPage);
    if (request.url === '/embed/stue-embed.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return response.end(embed);
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function timeToReady(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await tab.addInitScript(readyProbe);
    await tab.goto(url);
    await tab.waitForFunction(() => (window as unknown as { __ready?: number }).__ready);
    return await tab.evaluate(() => (window as unknown as { __ready: number }).__ready);
  } finally {
    await context.close();
  }
}

/** The figure in the shape bench/run.ts prints (it adds the ratio). */
export async function embedInteractive() {
  const [server, browser] = await Promise.all([serve(), launchBrowser()]);
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const embed: number[] = [];
    const plain: number[] = [];
    // Alternate, so that a slow moment of the machine falls on both pages alike.
    for (let run = 0; run < RUNS; run += 1) {
      plain.push(await timeToReady(browser, `${base}/plain.html`));
      embed.push(await timeToReady(browser, `${base}/embed.html`));
    }
    const difference = median(embed) - median(plain);
    console.log(
      `  embed first step ${median(embed).toFixed(0)} ms, plain form ${median(plain).toFixed(0)} ms (medians of ${RUNS}, CPU ×${CPU_SLOWDOWN}): +${difference.toFixed(0)} ms, goal ≤ 100 ms`,
    );
    return {
      // How much later than the plain form the embed's first step is ready.
      name: 'embed-interactive',
      value: Math.round(difference),
      unit: 'ms',
      reference: 'a plain HTML form, time to rendered',
      referenceValue: Math.round(median(plain)),
      goal: '<= 100 ms after the plain form',
      met: difference <= 100,
    };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
