// Helpers for the kiosk's browser tests: a fresh database seeded as an enrolled tablet, a way
// through shadow roots, waiting for screens, and the checks KIOSK-UX.md asks of every screen
// (contrast, target sizes, type sizes).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { newId } from '@stue/core';
import { generateHubKeyPair, type HubPrivateKeyJwk } from '@stue/core/sealing';
import type { OutboxRecord } from '@stue/core/sync';
import { openStueDb } from '@stue/core/idb';
import { deleteDB, openDB } from 'idb';
import { hashPin } from '../pin/pin-hash.js';
import { KioskStore } from '../store/kiosk-store.js';
import type { DayBooking, Enrolment } from '../store/types.js';
import { danishToday } from '@stue/core';
import { defineKioskApp, type StueKioskApp } from '../kiosk-app.js';

defineKioskApp();

/** The PIN every seeded tablet has. */
export const TEST_PIN = '2468';

/** `time` today in Denmark as an ISO date-time with the offset of the day (summer or winter). */
export function todayAt(time: string): string {
  const date = danishToday();
  for (const offset of ['+01:00', '+02:00']) {
    const at = `${date}T${time}:00${offset}`;
    const shown = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Copenhagen',
    }).format(new Date(at));
    if (shown === time) return at;
  }
  throw new Error(`no offset fits ${time}`);
}

/** Two concerts today: Inger and Bent at ten, Karen and Ole at two. */
export function testBookings(): DayBooking[] {
  return [
    {
      bookingId: newId(),
      start: todayAt('10:00'),
      status: 'confirmed',
      host: { firstName: 'Inger', municipality: 'Aarhus', language: 'da' },
      visitingFriend: { firstName: 'Bent' },
      access: { hearing: true, stairs: true },
      extraGuests: 1,
      musicWishes: 'Gamle danske sange',
      feedbackConsent: 'given',
    },
    {
      bookingId: newId(),
      start: todayAt('14:00'),
      status: 'confirmed',
      host: { firstName: 'Karen', municipality: 'Skanderborg', language: 'da' },
      visitingFriend: { firstName: 'Ole' },
      access: {},
      extraGuests: 0,
      musicWishes: null,
      feedbackConsent: 'given',
    },
  ];
}

/** An enrolled tablet in a database of its own. */
export interface SeededTablet {
  dbName: string;
  enrolment: Enrolment;
  /** The hub's private key, which only the hub has: the tests open envelopes with it. */
  hubPrivateKey: HubPrivateKeyJwk;
  bookings: DayBooking[];
}

/**
 * A database set up as a tablet that is enrolled, has a PIN and has fetched today's concerts.
 * The hub at `api` is unreachable unless a test says otherwise, so records stay queued.
 */
export async function seedTablet(
  options: { pin?: boolean; token?: string } = {},
): Promise<SeededTablet> {
  const dbName = `stue-kiosk-test-${newId()}`;
  const { publicKeyJwk, privateKeyJwk } = await generateHubKeyPair();
  const enrolment: Enrolment = {
    deviceId: `device-${newId()}`,
    deviceName: 'Signes tablet',
    token: options.token ?? 'test-device',
    musician: { id: newId(), name: 'Signe Vang' },
    hubPublicKey: publicKeyJwk,
    enrolledAt: new Date().toISOString(),
  };
  const db = await openStueDb(dbName);
  const store = new KioskStore(db);
  await store.saveEnrolment(enrolment);
  if (options.pin !== false) await store.savePin(await hashPin(TEST_PIN, 1000));
  const bookings = testBookings();
  await store.saveDay({ date: danishToday(), fetchedAt: Date.now(), items: bookings });
  db.close();
  return { dbName, enrolment, hubPrivateKey: privateKeyJwk, bookings };
}

/** An address where nothing answers: records stay queued. */
export const NOWHERE = new URL('http://127.0.0.1:9/');

/** A scripted fake hub of the test runner (see web-test-runner.config.js). */
export function fakeHub(): {
  api: URL;
  state(): Promise<{ rows: { id: string; deviceSeq: number; kind: string; body: unknown }[] }>;
} {
  const id = `kiosk-${newId()}`;
  const api = new URL(`/__stue-test/hub/${id}/`, location.origin);
  return {
    api,
    state: async () => (await fetch(new URL('state', api))).json(),
  };
}

/** Renders the app on `dbName` and waits until it has read the tablet's storage. */
export async function renderApp(dbName: string, api: URL = NOWHERE): Promise<StueKioskApp> {
  const el = await fixture<StueKioskApp>(
    html`<stue-kiosk-app db-name=${dbName} .api=${api}></stue-kiosk-app>`,
  );
  await el.ready;
  await el.updateComplete;
  return el;
}

/** Every element matching `selector` in `root` and in every shadow root below it. */
export function deepAll<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  const found: E[] = [...root.querySelectorAll<E>(selector)];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) found.push(...deepAll<E>(el.shadowRoot, selector));
  }
  return found;
}

/** The first element matching `selector` anywhere below `root`, through shadow roots. */
export function deep<E extends Element = HTMLElement>(root: ParentNode, selector: string): E {
  const found = deepAll<E>(root, selector)[0];
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Whether something matches. */
export function has(root: ParentNode, selector: string): boolean {
  return deepAll(root, selector).length > 0;
}

/** The screen's text, whitespace collapsed, through shadow roots. */
export function textIn(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The heading on screen now. */
export function heading(app: StueKioskApp): string {
  const headings = deepAll(app.shadowRoot!, 'h1');
  return (headings.at(-1)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the screen's heading is `text` (or matches it). */
export async function untilHeading(app: StueKioskApp, text: string | RegExp): Promise<void> {
  await waitUntil(
    () => (typeof text === 'string' ? heading(app) === text : text.test(heading(app))),
    `heading never became ${String(text)} (it is "${heading(app)}")`,
    { timeout: 5000 },
  );
}

/** Clicks the first button whose text contains `text` (or matching `selector`). */
export function tap(app: StueKioskApp, what: string | { selector: string }): void {
  const target =
    typeof what === 'string'
      ? deepAll<HTMLButtonElement>(app.shadowRoot!, 'button').find((b) =>
          (b.textContent ?? '').replace(/\s+/g, ' ').includes(what),
        )
      : deep<HTMLElement>(app.shadowRoot!, what.selector);
  if (!target) throw new Error(`no button "${typeof what === 'string' ? what : what.selector}"`);
  target.click();
}

/** Types the PIN on the pad and presses OK. */
export function typePin(app: StueKioskApp, pin: string): void {
  for (const digit of pin)
    tap(app, { selector: `.pad button:nth-child(${digit === '0' ? 11 : Number(digit)})` });
  tap(app, 'OK');
}

/** From the locked screen, types the test PIN and waits for today's concerts. */
export async function unlock(app: StueKioskApp): Promise<void> {
  await untilHeading(app, 'Tabletten er klar');
  tap(app, { selector: '[data-action="unlock"]' });
  await untilHeading(app, 'Musikerens PIN-kode');
  typePin(app, TEST_PIN);
  await untilHeading(app, 'Dagens koncerter');
}

/** Starts the feedback session of `bookingId` from today's concerts. */
export async function startFeedback(app: StueKioskApp, bookingId: string): Promise<void> {
  tap(app, { selector: `[data-booking="${bookingId}"] [data-action="start"]` });
  await untilHeading(app, /^Giv tabletten til /);
}

/** Opens the musician's debrief of `bookingId` from today's concerts. */
export async function startDebrief(app: StueKioskApp, bookingId: string): Promise<void> {
  tap(app, { selector: `[data-booking="${bookingId}"] [data-action="debrief"]` });
  await untilHeading(app, 'Din evaluering');
}

/** Taps and waits for the next screen (every tap is saved before the screen moves). */
export async function tapThen(
  app: StueKioskApp,
  selector: string,
  next: string | RegExp,
): Promise<void> {
  tap(app, { selector });
  await untilHeading(app, next);
}

/**
 * From a started session's hand-over screen to the first question, answered by the host without
 * help.
 */
export async function hostToFirstQuestion(app: StueKioskApp): Promise<void> {
  await tapThen(app, '.primary', 'Hvem svarer nu?');
  await tapThen(app, '[data-role="host"]', 'Svarer du selv, eller får du hjælp?');
  await tapThen(app, '[data-help="false"]', 'Hvordan var besøget?');
}

/** Reads a database as a reloaded page would: the raw stores. */
export async function rawStores(dbName: string): Promise<{
  outbox: OutboxRecord[];
  drafts: { sessionId: string; value: unknown }[];
  meta: Record<string, unknown>;
}> {
  const db = await openDB(dbName);
  const outbox = (await db.getAll('outbox')) as OutboxRecord[];
  const drafts = (await db.getAll('drafts')) as { sessionId: string; value: unknown }[];
  const keys = (await db.getAllKeys('meta')) as string[];
  const meta: Record<string, unknown> = {};
  for (const key of keys) meta[key] = await db.get('meta', key);
  db.close();
  return { outbox, drafts, meta };
}

export const removeDb = (dbName: string) => deleteDB(dbName);

// --- What KIOSK-UX.md asks of every screen ---------------------------------------------------

function channels(color: string): [number, number, number, number] {
  const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, a];
}

function luminance(color: string): number {
  const [r, g, b] = channels(color)
    .slice(0, 3)
    .map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two CSS colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The first opaque background behind a node, looking through shadow roots to their hosts. */
export function backgroundOf(node: Element): string {
  for (let at: Element | null = node; at;) {
    const background = getComputedStyle(at).backgroundColor;
    if (channels(background)[3] > 0 && background !== 'transparent') return background;
    const root = at.getRootNode();
    at = at.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return 'rgb(255, 255, 255)';
}

/** Elements that carry text of their own (a text node child that is not blank). */
function textElements(root: ParentNode): Element[] {
  return deepAll<Element>(root, '*').filter((el) => {
    if (el.closest('svg') || el.matches('style, script, title')) return false;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
    if (el.matches('.visually-hidden')) return false;
    return [...el.childNodes].some(
      (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
    );
  });
}

/** Every text on screen: ≥ 7:1 against its background and at least 24 px. */
export function expectReadable(root: ParentNode, where = ''): void {
  const texts = textElements(root);
  expect(texts.length, `${where}: texts on screen`).to.be.greaterThan(0);
  for (const el of texts) {
    const style = getComputedStyle(el);
    const label = `${where} ${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    expect(contrast(style.color, backgroundOf(el)), `${label} contrast`).to.be.at.least(7);
    expect(parseFloat(style.fontSize), `${label} size`).to.be.at.least(24);
  }
}

/** Every button: at least 96 × 96 CSS px, at least 24 px from its neighbours, 7:1 border. */
export function expectLargeTargets(root: ParentNode, where = ''): void {
  const buttons = deepAll<HTMLElement>(root, 'button, input, textarea').filter(
    (b) => getComputedStyle(b).display !== 'none' && b.getClientRects().length > 0,
  );
  expect(buttons.length, `${where}: targets on screen`).to.be.greaterThan(0);
  const rects = buttons.map((b) => b.getBoundingClientRect());
  buttons.forEach((button, i) => {
    const rect = rects[i]!;
    const label = `${where} "${(button.textContent ?? button.id).replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
    expect(rect.height, `${label} height`).to.be.at.least(96 - 0.5);
    if (button.matches('button')) expect(rect.width, `${label} width`).to.be.at.least(96 - 0.5);
    const border = getComputedStyle(button).borderTopColor;
    expect(
      contrast(border, backgroundOf(button.parentElement ?? button)),
      `${label} border`,
    ).to.be.at.least(7);
    rects.forEach((other, j) => {
      if (j <= i) return;
      const dx = Math.max(0, Math.max(other.left - rect.right, rect.left - other.right));
      const dy = Math.max(0, Math.max(other.top - rect.bottom, rect.top - other.bottom));
      expect(Math.max(dx, dy), `${label} to its neighbour`).to.be.at.least(24 - 0.5);
    });
  });
}

/** Every emoji picture has an ink outline of 7:1 against its card. */
export function expectOutlinedPictures(root: ParentNode, where = ''): void {
  for (const picture of deepAll<SVGElement>(root, 'svg.pictogram.emoji')) {
    const filter = getComputedStyle(picture).filter;
    const colours = filter.match(/rgba?\([^)]+\)/g) ?? [];
    expect(colours.length, `${where} emoji outline`).to.equal(4);
    for (const colour of colours) {
      expect(
        contrast(colour, backgroundOf(picture.parentElement!)),
        `${where} outline`,
      ).to.be.at.least(7);
    }
  }
}
