import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndHub, partnerSite } from './support/journey.js';
import { fillToReview, nominationsIn, waitForReceipt } from './support/nomination-form.js';

// How the embed behaves on partner pages it cannot control (RELIABILITY S3, issue 4 §6 and §9):
// hostile page CSS does not distort it, it reflows in a 320 px window (400 % zoom of 1280 px),
// every target is at least 44 px, and the whole journey can be done with the keyboard alone.

const journey = browserAndHub();

/** Inherited properties and custom properties a careless or hostile page sets everywhere. */
const HOSTILE_CSS = `
  html { font-size: 62.5%; }
  body { font: italic 30px/3 "Comic Sans MS", cursive; color: lime; direction: rtl; }
  * {
    letter-spacing: 3px !important;
    word-spacing: 12px;
    line-height: 2.5;
    text-transform: uppercase;
    text-align: right;
    font-weight: 900;
    font-size: 11px;
    cursor: crosshair;
    /* Names that collide with the element's own private ones, and common generic ones. */
    --_accent: red;
    --_text: hotpink;
    --_padding: 0px;
    --_radius: 40px;
    --_font: "Comic Sans MS";
    --accent: red;
    --padding: 0;
  }
  stue-nomination-form { line-height: 4; white-space: pre; }
`;

function partnerPage(hostile: boolean) {
  return `<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Partner</title>
    <style>body { margin: 0; } main { max-width: 720px; padding: 0 8px; }</style>
    ${hostile ? `<style>${HOSTILE_CSS}</style>` : ''}
    <script type="module" src="${journey.hub.url}/embed/stue-embed.js"></script>
  </head>
  <body>
    <main><stue-nomination-form partner-key="pk_demo"></stue-nomination-form></main>
  </body>
</html>`;
}

/** A partner page that serves its own copy of the embed script and sets no `api`. */
const SELF_HOSTED_PAGE = `<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8" />
    <title>Partner</title>
    <script type="module" src="/js/stue-embed.js"></script>
  </head>
  <body>
    <main><stue-nomination-form partner-key="pk_demo"></stue-nomination-form></main>
  </body>
</html>`;

/**
 * A partner page that pins one release: the versioned URL with its integrity hash, and the hashes
 * of the chunks it loads in an import map (`chunks` replaces the published ones).
 */
function pinnedPage(integrity: string, chunks = chunkHashes()) {
  return `<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8" />
    <title>Partner</title>
    <script type="importmap">${JSON.stringify({ integrity: chunks })}</script>
    <script type="module" src="${journey.hub.url}/embed/v1/stue-embed.js" integrity="${integrity}" crossorigin="anonymous"></script>
  </head>
  <body>
    <main><stue-nomination-form partner-key="pk_demo"></stue-nomination-form></main>
  </body>
</html>`;
}

const published = JSON.parse(
  readFileSync(new URL('../packages/elements/dist/cdn/integrity.json', import.meta.url), 'utf8'),
) as Record<string, string>;

/** The published hashes of the chunks, by the URL the versioned embed loads them from. */
function chunkHashes(hash = (published: string) => published): Record<string, string> {
  return Object.fromEntries(
    Object.entries(published)
      .filter(([file]) => file.startsWith('chunks/'))
      .map(([file, integrity]) => [`${journey.hub.url}/embed/v1/${file}`, hash(integrity)]),
  );
}

const site = partnerSite((req, res) => {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  if (req.url === '/pinned' || req.url === '/pinned-other') {
    const integrity =
      req.url === '/pinned' ? published['stue-embed.js']! : `sha384-${'A'.repeat(64)}`;
    res.writeHead(200, html).end(pinnedPage(integrity));
    return;
  }
  if (req.url === '/pinned-other-chunks') {
    const other = chunkHashes(() => `sha384-${'A'.repeat(64)}`);
    res.writeHead(200, html).end(pinnedPage(published['stue-embed.js']!, other));
    return;
  }
  if (req.url === '/' || req.url === '/hostile') {
    res.writeHead(200, html).end(partnerPage(req.url === '/hostile'));
  } else if (req.url === '/self-hosted') {
    res.writeHead(200, html).end(SELF_HOSTED_PAGE);
  } else if (/^\/js\/(chunks\/)?[\w.-]+\.js$/.test(req.url ?? '')) {
    // The partner's copy of the whole folder: the script and its chunks.
    const file = new URL(`../packages/elements/dist/cdn/${req.url!.slice(4)}`, import.meta.url);
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
  } else {
    res.writeHead(404, html).end('<h1>Siden findes ikke</h1>');
  }
});

async function open(path: string, width = 1024) {
  const page = await journey.browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(`${site.url}${path}`);
  await page.locator('stue-nomination-form').getByRole('heading').first().waitFor();
  return page;
}

/** The box and the text styles of every element in the form's shadow root, in order. */
function measure(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('stue-nomination-form')!;
    const base = host.shadowRoot!.querySelector('.base')!;
    // Boxes from the element's own corner: a right-to-left page may place the element elsewhere.
    const origin = host.getBoundingClientRect();
    return [base, ...base.querySelectorAll('*')].map((el) => {
      const rect = el.getBoundingClientRect();
      const box = {
        x: rect.x - origin.x,
        y: rect.y - origin.y,
        width: rect.width,
        height: rect.height,
      };
      const style = getComputedStyle(el);
      return {
        el: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.getAttribute('class') ?? ''}`,
        box: [box.x, box.y, box.width, box.height].map((n) => Math.round(n)),
        style: [
          style.fontSize,
          style.fontFamily,
          style.fontWeight,
          style.fontStyle,
          style.lineHeight,
          style.letterSpacing,
          style.wordSpacing,
          style.textTransform,
          style.textAlign,
          style.color,
          style.backgroundColor,
          style.borderTopLeftRadius,
          style.paddingTop,
          style.whiteSpace,
          style.direction,
        ].join(' | '),
      };
    });
  });
}

/**
 * Moves through the first steps without typing, so each step's layout can be compared. Each step
 * is measured once the form has settled: drawn, and focus moved (`updateComplete`).
 */
async function stepThrough(page: Page, visit: (step: string) => Promise<void>) {
  const form = page.locator('stue-nomination-form');
  const settled = () =>
    page.evaluate(
      () =>
        (document.querySelector('stue-nomination-form') as unknown as { updateComplete: unknown })
          .updateComplete,
    );
  await form.locator('svg.illustration').waitFor();
  await settled();
  await visit('about');
  await form.locator('button[type=submit]').click();
  await form.getByRole('heading', { name: 'Om dig, der indstiller' }).waitFor();
  await settled();
  await visit('nominator');
  await form.locator('button[type=submit]').click();
  await form.locator('.error-message').first().waitFor();
  await settled();
  await visit('nominator with errors');
}

describe('the embed on a hostile page', () => {
  it('looks exactly the same with the page’s inherited styles and colliding custom properties', async () => {
    const plain = await open('/');
    const hostile = await open('/hostile');
    const visits: string[] = [];
    const plainMeasures: Record<string, Awaited<ReturnType<typeof measure>>> = {};
    await stepThrough(plain, async (step) => {
      plainMeasures[step] = await measure(plain);
    });
    await stepThrough(hostile, async (step) => {
      visits.push(step);
      expect(await measure(hostile), step).toEqual(plainMeasures[step]);
    });
    expect(visits).toHaveLength(3);
    // The comparison compares something: the hostile rules do reach the element itself.
    const hostStyle = (page: Page) =>
      page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('stue-nomination-form')!);
        return [
          style.fontSize,
          style.letterSpacing,
          style.direction,
          style.getPropertyValue('--_accent'),
        ];
      });
    expect(await hostStyle(plain)).toEqual(['16px', 'normal', 'ltr', '']);
    expect(await hostStyle(hostile)).toEqual(['11px', '3px', 'ltr', 'red']);
    await plain.close();
    await hostile.close();
  });

  it('still takes the partner’s theme through --stue-* custom properties', async () => {
    const page = await open('/');
    await page.addStyleTag({
      content: 'stue-nomination-form { --stue-accent: rgb(139, 30, 30); --stue-padding: 4px; }',
    });
    const styles = await page.evaluate(() => {
      const root = document.querySelector('stue-nomination-form')!.shadowRoot!;
      return {
        button: getComputedStyle(root.querySelector('button[type=submit]')!).backgroundColor,
        padding: getComputedStyle(root.querySelector('.base')!).paddingTop,
      };
    });
    expect(styles).toEqual({ button: 'rgb(139, 30, 30)', padding: '4px' });
    await page.close();
  });
});

/** Every control, button and link of the current step: its target box (a radio's is its label). */
function targets(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('stue-nomination-form')!.shadowRoot!;
    return [...root.querySelectorAll('input, select, textarea, button, a')].map((el) => {
      const target = el.matches('[type=radio], [type=checkbox]') ? el.closest('label')! : el;
      const box = target.getBoundingClientRect();
      return { el: el.id || el.textContent!.trim(), width: box.width, height: box.height };
    });
  });
}

/** Whether anything is wider than the window, or sticks out of the form. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('stue-nomination-form')!.shadowRoot!;
    const base = root.querySelector('.base')!.getBoundingClientRect();
    const outside = [...root.querySelectorAll('.base *')]
      .filter((el) => el.getBoundingClientRect().right > base.right + 0.5)
      .map((el) => el.id || el.className || el.tagName);
    return { page: document.documentElement.scrollWidth - innerWidth, outside };
  });
}

describe('every step in a 320 px window (400 % zoom of 1280 px)', () => {
  it('reflows without sideways scrolling, with targets of at least 44 px', async () => {
    const page = await open('/', 320);
    const form = page.locator('stue-nomination-form');
    const seen: string[] = [];
    const check = async () => {
      seen.push((await form.locator('.step-heading, #receipt-title').textContent())!.trim());
      expect(await overflow(page), seen.at(-1)).toEqual({ page: 0, outside: [] });
      for (const target of await targets(page)) {
        expect(target.height, target.el).toBeGreaterThanOrEqual(44);
        expect(target.width, target.el).toBeGreaterThanOrEqual(44);
      }
    };
    const next = () => form.locator('button[type=submit]').click();
    await check();
    await next();
    await next(); // the error summary's links count too
    await check();
    await form.locator('#nominator-role').check();
    await form.locator('#nominator-name').fill('Hanne Holm');
    await form.locator('#nominator-phone').fill('20304050');
    await next();
    await check();
    await form.locator('#host-firstName').fill('Inger');
    await form.locator('#host-municipalityCode').fill('a');
    await check(); // the open municipality list reflows too, with 44 px options
    await form.getByRole('option', { name: 'Aarhus' }).click();
    await next();
    await check();
    await form.locator('#visitingFriend-firstName').fill('Bent');
    await form.locator('#visitingFriend-phone').fill('20304050');
    await next();
    await check();
    await next();
    await check();
    await next();
    await check();
    await form.locator('#consent').check();
    await next();
    await check();
    await next();
    await waitForReceipt(page);
    await check();
    expect(seen).toHaveLength(10); // every check above, the open municipality list among them
    await page.close();
  });
});

/** The element inside the form's shadow root that has focus: its id, or its text. */
function focused(page: Page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id || active?.textContent?.trim() || active?.tagName || '';
  });
}

describe('the whole journey with the keyboard alone', () => {
  it('reaches every control with Tab, and sends with Enter and Space', async () => {
    const page = await open('/');
    const keyboard = page.keyboard;
    /** Presses Tab until `name` (an id, or a button's text) has focus. */
    const tabTo = async (name: string) => {
      for (let i = 0; i < 30; i++) {
        await keyboard.press('Tab');
        if ((await focused(page)) === name) return;
      }
      throw new Error(`Tab never reached ${name}`);
    };
    const expectHeadingFocused = async (title: string) =>
      expect.poll(() => focused(page)).toBe(title);
    // Tabs to the control `name` and types `text` into it, as a person does.
    const typeInto = async (name: string, text: string) => {
      await tabTo(name);
      await keyboard.type(text);
    };
    // Tabs to "Fortsæt" and presses Enter on it; focus moves to the next step's heading.
    const continueTo = async (title: string) => {
      await tabTo('Fortsæt');
      await keyboard.press('Enter');
      await expectHeadingFocused(title);
    };

    await tabTo('Start indstillingen');
    await keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName))
      .toBe('STUE-NOMINATION-FORM');

    await tabTo('nominator-role');
    await keyboard.press('Space');
    await typeInto('nominator-name', 'Hanne Holm');
    await typeInto('nominator-email', 'hanne@example.dk');
    await keyboard.press('Enter'); // submits the step, as in any form
    await expectHeadingFocused('Værten');

    await typeInto('host-firstName', 'Inger');
    await typeInto('host-municipalityCode', 'Aa'); // the list opens, filtered, none active yet
    await keyboard.press('ArrowDown'); // Aabenraa, the first match
    await keyboard.press('ArrowDown'); // Aalborg
    await keyboard.press('ArrowDown'); // Aarhus
    await keyboard.press('Enter'); // chooses, and does not send the step
    expect(await focused(page)).toBe('host-municipalityCode');
    expect(await page.locator('stue-nomination-form #host-municipalityCode').inputValue()).toBe(
      'Aarhus',
    );
    await typeInto('host-postcode', '8000');
    await keyboard.press('Enter');
    await expectHeadingFocused('Besøgsvennen');

    await typeInto('visitingFriend-firstName', 'Bent');
    await typeInto('visitingFriend-phone', '20 30 40 50');
    await keyboard.press('Enter');
    await expectHeadingFocused('Et par spørgsmål om værten');

    // A radio group is one Tab stop; the arrow keys choose within it.
    await tabTo('screening-own-home');
    await keyboard.press('Space');
    await keyboard.press('Tab');
    await keyboard.press('ArrowRight');
    await keyboard.press('ArrowRight'); // "Ved ikke"
    await continueTo('Ønsker og praktiske forhold');

    await tabTo('preferences-weekdays-wed');
    await keyboard.press('Space');
    await tabTo('access');
    await keyboard.press('Space');
    await continueTo('Værtens ja');

    await tabTo('consent');
    await keyboard.press('Space');
    await continueTo('Tjek indstillingen');

    await tabTo('Send indstillingen');
    await keyboard.press('Enter');
    const reference = await waitForReceipt(page);
    await expect.poll(() => focused(page)).toBe('receipt-title');

    const [row] = nominationsIn(journey.dataDir).filter(
      (nomination) => nomination.reference === reference,
    );
    expect(row).toBeDefined();
    await page.close();
  });
});

describe('a copy of the embed on the partner’s own server, without api', () => {
  it('tells the developer that no hub answers there, and the person that it cannot be sent from this page', async () => {
    const page = await open('/self-hosted');
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await fillToReview(page);
    const form = page.locator('stue-nomination-form');
    await form.getByRole('button', { name: 'Send indstillingen' }).click();
    await expect
      .poll(() =>
        form
          .getByRole('heading', { name: 'Formularen kan ikke sendes fra denne side lige nu' })
          .count(),
      )
      .toBe(1);
    expect(await form.getByText('Prøv at sende igen').count()).toBe(0);
    expect(await form.locator('.notice code').textContent()).toBe('no_hub');
    expect(warnings).toEqual([
      `<stue-nomination-form>: no Stue hub answers at ${site.url}/. Set the api attribute to your hub's address, for example api="https://stue.example.dk/".`,
    ]);
    // What was typed is still there: the review shows it.
    expect(await form.getByText('Hanne Holm').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('a page that pins a release with Subresource Integrity', () => {
  it('loads /embed/v1/stue-embed.js and its chunks with the published hashes, and refuses other bytes', async () => {
    const served = await fetch(`${journey.hub.url}/embed/v1/stue-embed.js`);
    const digest = createHash('sha384')
      .update(Buffer.from(await served.arrayBuffer()))
      .digest('base64');
    expect(published['stue-embed.js']).toBe(`sha384-${digest}`);
    expect(await (await fetch(`${journey.hub.url}/embed/v1/integrity.json`)).json()).toEqual(
      published,
    );

    const pinned = await open('/pinned');
    expect(await pinned.evaluate(() => Boolean(customElements.get('stue-nomination-form')))).toBe(
      true,
    );
    // The chunks the page pinned in its import map load too: the journey goes on.
    const form = pinned.locator('stue-nomination-form');
    await form.getByRole('button', { name: 'Start indstillingen' }).click();
    await form.getByRole('heading', { name: 'Om dig, der indstiller' }).waitFor();
    await pinned.close();

    // Chunks whose bytes are not the pinned ones are refused: "Start" says so and goes nowhere.
    const otherChunks = await open('/pinned-other-chunks');
    const refused = otherChunks.locator('stue-nomination-form');
    await refused.getByRole('button', { name: 'Start indstillingen' }).click();
    await refused.getByRole('alert').filter({ hasText: 'kunne ikke hentes' }).waitFor();
    expect(await refused.getByRole('heading', { name: 'Om dig, der indstiller' }).count()).toBe(0);
    await otherChunks.close();

    const other = await journey.browser.newPage();
    await other.goto(`${site.url}/pinned-other`);
    await other.waitForLoadState('load');
    expect(await other.evaluate(() => Boolean(customElements.get('stue-nomination-form')))).toBe(
      false,
    );
    await other.close();
  });
});

describe('what the embed loads, and when', () => {
  it('shows the first step from its script alone, then loads the later steps and the page’s language only', async () => {
    const page = await journey.browser.newPage();
    const loaded: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/embed/')) loaded.push(path.replace(/-[\w-]{8}\.js$/, '.js'));
    });
    // The chunks wait until the first step is on screen: it must not need them.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/embed/chunks/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.url}/`);
    const form = page.locator('stue-nomination-form');
    await form.getByRole('heading', { name: /Indstil en vært og besøgsven/ }).waitFor();
    await form.getByRole('button', { name: 'Start indstillingen' }).waitFor();
    release();
    // Fetched while the person reads: the later steps and the Danish words, not the English.
    await expect.poll(() => loaded.length).toBe(3);
    expect(loaded.toSorted()).toEqual([
      '/embed/chunks/nomination-form.journey.js',
      '/embed/chunks/nomination-form.text.da.js',
      '/embed/stue-embed.js',
    ]);
    await form.getByRole('button', { name: 'Start indstillingen' }).click();
    await form.getByRole('heading', { name: 'Om dig, der indstiller' }).waitFor();
    await form.getByLabel('Dit navn').fill('Hanne Holm');
    // The English words load when the person asks for them, and what was typed stays.
    await form.getByRole('button', { name: 'English' }).click();
    await form.getByRole('heading', { name: 'About you' }).waitFor();
    expect(loaded).toContain('/embed/chunks/nomination-form.text.en.js');
    expect(await form.getByLabel('Your name').inputValue()).toBe('Hanne Holm');
    await page.close();
  });

  it('says so when the rest of the form cannot be fetched, and goes on once it can', async () => {
    const page = await journey.browser.newPage();
    await page.route('**/embed/chunks/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${site.url}/`);
    const form = page.locator('stue-nomination-form');
    await form.getByRole('button', { name: 'Start indstillingen' }).click();
    const alert = form.getByRole('alert').filter({ hasText: 'kunne ikke hentes' });
    await alert.waitFor();
    expect(await form.locator('.notice').evaluate((notice) => notice.matches(':focus'))).toBe(true);
    await page.unroute('**/embed/chunks/**');
    await form.getByRole('button', { name: 'Start indstillingen' }).click();
    await form.getByRole('heading', { name: 'Om dig, der indstiller' }).waitFor();
    await page.close();
  });
});
