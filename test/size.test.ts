import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  consoleScriptSizes,
  CORE_NOMINATION_CEILING,
  embedSizes,
  gzipSizeOfFile,
  gzipSizeOfImport,
  kioskDownloadSize,
  kioskFirstScreenSize,
} from './support/bundle-size.js';

// Size ceilings, set just above the measured size and lowered as things shrink. A rise past a
// ceiling fails the suite: find what grew before raising it.
const KB = 1024;

/**
 * The console's entry chunk, and its largest chunk loaded on a page's first visit. The Programmes
 * page's place in the shell (issue 15) took the entry just past 32 KB; starting the session check
 * and the inbox's first page before the rest of the entry is evaluated, without Vite's
 * `modulepreload` polyfill (issue 17): 32.22 KB.
 */
const ENTRY_CEILING = 32.25 * KB;
const PAGE_CEILING = 16.5 * KB;
/** What the inbox, where the console opens, loads before it can be used (issue 17): 45.19 KB. */
const INBOX_CEILING = 45.25 * KB;

/** Everything the embed can load; issue 18's budget is 28 KB (ADR 18 says what would close the gap). */
const WHOLE_EMBED_CEILING = 32.5 * KB;

/** The CDN embed's script and every chunk, as one text. */
const embedCode = () =>
  Object.keys(embedSizes().files)
    .map((file) =>
      readFileSync(new URL(`../packages/elements/dist/cdn/${file}`, import.meta.url), 'utf8'),
    )
    .join('\n');

const appScripts = (app: string) => {
  const dir = new URL(`../packages/${app}/dist/assets/`, import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSizeOfFile(new URL(file, dir)), 0);
};

describe('size budgets (gzip)', () => {
  // The embed is its script, which draws the first step, and chunks it loads while the person
  // reads it (issue 18): the later steps with the checks and the sending, and each language's
  // words for them. As one bundle it had grown to 30,231 B: Lit ≈ 5.7 KB, the @stue/core it uses
  // ≈ 5.5 KB, the element's code, texts and styles ≈ 14 KB, the programme read from the hub (issue
  // 15) ≈ 1.5 KB, core's visit-language names, other spellings of the municipalities and foreign
  // phone numbers ≈ 0.7 KB. `pnpm --filter @stue/elements size` prints each file's bytes per
  // source module.
  //
  // Before the first step can be used (issue 18's budget: 16 KB): Lit, the element, the first
  // step's words in both languages, the styles, the drawing and reading the programme.
  it('the CDN embed before its first step can be used', () => {
    const { critical, files } = embedSizes();
    expect(Object.keys(files).length, 'the later steps are chunks of their own').toBeGreaterThan(3);
    expect(critical).toBeLessThanOrEqual(16 * KB);
  });

  // Everything any path through the embed can load, both languages included (issue 18's budget:
  // 28 KB). Split in four files, the same code gzips ≈ 1.3 KB larger than in one. Saying a
  // programme the hub does not hold as the page's setup took it to 33,337 B; the stylesheet
  // without Lit's `css` checks (−154 B) and the CPR check's quick answer (+58 B) brought it to
  // 33,236 B, and preparing the second step in three pieces (+41 B) to 33,277 B. ADR 18 lists the
  // designs tried and their bytes.
  it('the CDN embed, every chunk and both languages', () => {
    expect(embedSizes().whole).toBeLessThanOrEqual(WHOLE_EMBED_CEILING);
  });

  it('the CDN embed keeps the names of its event and error classes', () => {
    const code = embedCode();
    for (const name of [
      'StueNominationStepEvent',
      'StueNominationSubmitEvent',
      'StueNominationSuccessEvent',
      'StueNominationErrorEvent',
      'StueHttpError',
      'StueNetworkError',
    ]) {
      expect(code).toContain(`class ${name} extends`);
    }
  });

  it('the CDN embed carries nothing it must not', () => {
    const code = embedCode();
    // The municipalities' coordinates and regions stay out (names, and the six other names people
    // type, such as "Copenhagen", only).
    expect(code).not.toMatch(/lat:|hovedstaden/);
    // No schema library (the zod-free check), nor the texts only a coordinator reads.
    expect(code).not.toMatch(/\$Zod|ZodError|jitless/);
    expect(code).not.toMatch(/Ikke besvaret|whenNo|Værten bor ikke i eget hjem/);
    // Nothing that a strict CSP forbids or that could reach the partner's storage.
    expect(code).not.toMatch(/unsafeHTML|new Function|localStorage|sessionStorage|indexedDB/);
    expect(code).not.toMatch(/document\.cookie/);
  });

  // What an app pays for an import of @stue/core, bundled for browsers as its bundler would.
  it.each([
    [
      '@stue/core for a browser that only validates and submits nominations',
      `import { validateNomination, nominationIssueMessage } from '@stue/core';
       import { submitNomination } from '@stue/core/client';
       console.log(submitNomination, validateNomination, nominationIssueMessage);`,
      // The CPR check for every spelling (issue 16) ≈ 0.4 KB; the answer read through the one
      // request path every client of core shares (issue 13) ≈ 20 B; a missing key refused before
      // sending, in both languages, and the hub's error code kept (issue 14) ≈ 130 B; foreign phone
      // numbers in E.164 and the longer message that explains them (issue 15) ≈ 80 B; text with
      // fewer than ten digits passed without normalising it for the CPR check (issue 17) ≈ 65 B.
      CORE_NOMINATION_CEILING,
    ],
    [
      '@stue/core for a browser that sends nominations without zod (the embed’s path)',
      `import { validateNominationLight, nominationFormMessage } from '@stue/core';
       import { submitNominationLight } from '@stue/core/client';
       console.log(submitNominationLight, validateNominationLight, nominationFormMessage);`,
      // The CPR check for every spelling (issue 16) ≈ 0.4 KB; the answer read through the one
      // request path every client of core shares (issue 13) ≈ 7 B; a missing key refused before
      // sending, in both languages, and the hub's error code kept (issue 14) ≈ 130 B; a
      // nomination's own feedbackConsent (issue 15) ≈ 10 B; foreign phone numbers in E.164 and the
      // longer message that explains them (issue 15) ≈ 115 B; text with fewer than ten digits
      // passed without normalising it for the CPR check (issue 17) ≈ 60 B.
      5.9 * KB,
    ],
    [
      '@stue/core errors alone carry no validation code',
      `import { StueError } from '@stue/core'; console.log(StueError);`,
      0.25 * KB,
    ],
    [
      'the outbox engine with its HTTP transport',
      `import { Outbox, httpTransport } from '@stue/core/sync'; console.log(Outbox, httpTransport);`,
      9 * KB,
    ],
    [
      'the browser store, @stue/core/idb',
      `import { openStueDb } from '@stue/core/idb'; console.log(openStueDb);`,
      3.25 * KB,
    ],
    ['sealing', `import { seal } from '@stue/core/sealing'; console.log(seal);`, 7 * KB],
    [
      '@stue/core tree-shakes to its ids alone when only ids are used',
      `import { newId } from '@stue/core'; console.log(newId());`,
      0.75 * KB,
    ],
  ])('%s', async (_name, source, ceiling) => {
    expect(await gzipSizeOfImport(source)).toBeLessThanOrEqual(ceiling);
  });

  it.each([
    // The kiosk: the PIN pad's wait, debrief version 2, "cancelled at the door", reading the
    // enrolment code from a QR code and showing concerts the coordinator cancelled took it past
    // 63 KB. Refusing a CPR number in the tablet's name at enrolment (issue 16) ≈ 0.4 KB; the
    // Trusted Types policy that registers the service worker under the strict CSP ≈ 0.1 KB; the
    // debrief's text limits from core's shared `TEXT_LIMITS` (issue 13) ≈ 0.05 KB; the shared
    // `<stue-error-summary>` and `<stue-field>` from @stue/elements (issue 13) ≈ 0.65 KB; the
    // client's missing-key check and typed codes (issue 14) ≈ 0.14 KB. Issue 15 for the old person:
    // the "stop here?" question, the last sending kept across restarts, who answered today, and the
    // one folding warning, in both languages, ≈ 1.2 KB; asking the pair before the first question
    // whether their answers may be kept ("Må vi gemme jeres svar?"), in both languages, ≈ 1.4 KB.
    // The debrief's choice of the coordinator or a peer the programme names (issue 15 item 9):
    // debrief version 3 with its upgrade from 2, the question and its help in both languages, and
    // the peers' buttons, ≈ 0.65 KB. The concerts' programmes on the tablet (their part of the day
    // in the device client's schema, the controller, contact and notice on that question, the
    // musician's note when a programme names questions the tablet lacks), in both languages,
    // ≈ 0.85 KB. Issue 17 split it so that a cold start loads only what its first screen needs
    // (see the kiosk's first screen below): the same code in nine chunks compresses ≈ 6 KB less
    // well than in one (79,555 B; it was 73,527 B).
    ['kiosk', 78 * KB],
  ])('the %s app’s scripts', (app, ceiling) => {
    expect(appScripts(app)).toBeLessThanOrEqual(ceiling);
  });

  // The console loads each page's code on its first visit (issue 13). It was one ≈ 80 KB entry with
  // every page but three, under a 110 KB ceiling for all that every feature raised. Now the entry
  // carries the shell, sign-in, Lit, core's coordinator client and the shared texts (≈ 31 KB); a
  // page its own code and words (planning, with the scheduler, ≈ 16.5 KB; nomination ≈ 15.5 KB).
  // The footer telling "cannot save" (503 `not_writable`) from "no answer", in both languages, took
  // the entry past 32 KB (≈ 0.25 KB).
  it('the console’s entry: the shell and sign-in, no page', () => {
    expect(consoleScriptSizes().entry).toBeLessThanOrEqual(ENTRY_CEILING);
  });

  // The inbox, where the console opens, is preloaded by the page (issue 17): its chunk, and the
  // labels, table and time chunks it shares with other pages, fetched and compiled while the entry
  // runs. Not evaluated until the session is known, so the sign-in page does not run them.
  it('the console’s inbox as it first opens: the entry and the chunks the page preloads', () => {
    const { entry, preloaded } = consoleScriptSizes();
    expect(
      preloaded.map(({ file }) => file.replace(/-[\w-]{8}\.js$/, '')).sort(),
      'the page preloads the inbox and what it imports',
    ).toEqual(['inbox-page', 'labels', 'table', 'time']);
    expect(entry + preloaded.reduce((sum, { size }) => sum + size, 0)).toBeLessThanOrEqual(
      INBOX_CEILING,
    );
  });

  it('the console’s largest chunk loaded on a page’s first visit (planning, with the scheduler)', () => {
    const [largest] = consoleScriptSizes().lazy;
    expect(largest, 'the pages load on first visit').toBeDefined();
    expect(largest!.size, largest!.file).toBeLessThanOrEqual(PAGE_CEILING);
  });

  // Issue 17: what a cold start loads before the first screen — the entry (it opens the database),
  // the app's chunk it preloads (Lit, the app, the session's screens, both languages, the
  // pictures, core's default instrument and roles) and the styles. The other screens, validation
  // with zod, sealing, the HTTP client and the outbox load after it. The budget is 60 KB; the
  // ceiling sits just above what it is (43,802 B; all of it was 73,527 B).
  it('the kiosk’s first screen: the scripts and styles loaded before it', () => {
    const { size, files } = kioskFirstScreenSize();
    expect(
      files.some((file) => file.includes('later-screens')),
      'the other screens wait',
    ).toBe(false);
    expect(size).toBeLessThanOrEqual(43 * KB);
  });

  it('the kiosk as a tablet downloads it: page, scripts, styles, pictures, service worker', () => {
    // Issue 5's budget is 80 KB for all of it; the ceiling sits just above what it is. Issue 13
    // took it past 73 KB: core's device client checking each answer against the contract's schema
    // (≈ 0.6 KB) and the shared error summary and field (≈ 0.4 KB). Issue 15's kiosk changes
    // (see the kiosk's scripts above) took it to 78,482 B; the debrief's choice of a peer
    // (issue 15 item 9) to 79,277 B, and the concerts' programmes on the tablet to 80,349 B.
    // Issue 17's split into chunks loaded when first needed (a faster first screen) to 86,152 B:
    // nine chunks compress less well than one. The service worker's early start of the database
    // and the first screen drawn without "One moment …" took it to 86,314 B.
    expect(kioskDownloadSize()).toBeLessThanOrEqual(84.5 * KB);
    const dist = new URL('../packages/kiosk/dist/', import.meta.url);
    // Our outbox sends queued records; Workbox's background sync (7-day expiry) must not.
    expect(readFileSync(new URL('sw.js', dist), 'utf8')).not.toMatch(/BackgroundSync|bgSync/);
  });
});
