// Helpers for the kiosk's journeys against a real hub: planning a concert for today through the
// coordinator API, reading what the hub stored, and driving the kiosk with Playwright (whose CSS
// selectors pierce open shadow roots).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  exampleBookingInput,
  exampleMusicianInput,
  exampleNominationV2,
  exampleTourDayInput,
  newId,
  type HubPrivateKeyJwk,
} from '../../packages/core/dist/index.js';

/** The PIN the journeys set. */
export const PIN = '2468';

/** Today in Denmark, and a time on it with the day's offset (summer or winter). */
export function todayAt(time: string): { date: string; at: string } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(),
  );
  for (const offset of ['+01:00', '+02:00']) {
    const at = `${date}T${time}:00${offset}`;
    const shown = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Copenhagen',
    }).format(new Date(at));
    if (shown === time) return { date, at };
  }
  throw new Error(`no offset fits ${time}`);
}

/** The demo coordinator's session, as the console would hold it. */
export async function coordinator(url: string) {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'koordinator@demo.stue.dk', password: 'stue-demo-koordinator' }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken, coordinator: me } = (await res.json()) as {
    csrfToken: string;
    coordinator: { id: string };
  };
  const send = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  return { id: me.id, send };
}

/** A musician with a concert today at 14:00 for Inger and Bent, and an enrolment code. */
export async function planToday(url: string) {
  const c = await coordinator(url);
  const musician = await c.send('POST', '/api/v1/musicians', {
    ...exampleMusicianInput(),
    id: newId(),
    name: 'Signe Vang',
  });
  const { date, at } = todayAt('14:00');
  const tourDay = await c.send('POST', '/api/v1/tour-days', {
    ...exampleTourDayInput(),
    id: newId(),
    musicianId: musician['id'],
    date,
    windowStart: '08:00',
    windowEnd: '20:00',
    baseMunicipalityCode: '751',
  });
  const nomination = {
    ...exampleNominationV2(),
    id: newId(),
    host: { firstName: 'Inger', municipalityCode: '751' },
    visitingFriend: { firstName: 'Bent', phone: '20304050' },
    preferences: { musicWishes: 'Gamle danske sange', extraGuests: 0 },
  };
  const sent = await fetch(`${url}/api/v1/nominations`, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' },
    body: JSON.stringify(nomination),
  });
  expect(sent.status).toBe(201);
  await c.send('POST', `/api/v1/nominations/${nomination.id}/review`);
  await c.send('POST', `/api/v1/nominations/${nomination.id}/accept`);
  const booking = await c.send('POST', '/api/v1/bookings', {
    ...exampleBookingInput(),
    id: newId(),
    nominationId: nomination.id,
    tourDayId: tourDay['id'],
    start: at,
    contactCoordinatorId: c.id,
  });
  await c.send('POST', `/api/v1/bookings/${String(booking['id'])}/confirm`);
  const code = await c.send('POST', '/api/v1/devices/enrolment-codes', {
    musicianId: musician['id'],
  });
  return { coordinator: c, bookingId: String(booking['id']), code: String(code['code']) };
}

/** What the hub stored from tablets, read from its SQLite file. */
export function deviceRecords(dataDir: string) {
  const db = new DatabaseSync(join(dataDir, 'stue.sqlite'), { readOnly: true });
  try {
    const records = db
      .prepare(
        'SELECT id, device_id, kind, device_seq, booking_id, body FROM device_records ORDER BY device_seq',
      )
      .all() as {
      id: string;
      device_id: string;
      kind: string;
      device_seq: number;
      booking_id: string;
      body: string;
    }[];
    const gaps = db
      .prepare("SELECT reason FROM audit_events WHERE action = 'sequence-gap'")
      .all() as { reason: string }[];
    return { records, gaps };
  } finally {
    db.close();
  }
}

export const hubKey = (dataDir: string) =>
  JSON.parse(readFileSync(join(dataDir, 'hub-key.json'), 'utf8')) as HubPrivateKeyJwk;

export async function untilHeading(page: Page, text: string | RegExp): Promise<void> {
  await expect
    .poll(async () => (await page.locator('h1').allTextContents()).map((t) => t.trim()).at(-1), {
      timeout: 15_000,
    })
    .toMatch(typeof text === 'string' ? new RegExp(`^${escape(text)}$`) : text);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.locator('.pad button', { hasText: digit }).first().click();
  await page.locator('.pad button', { hasText: 'OK' }).click();
}

export async function unlock(page: Page): Promise<void> {
  await untilHeading(page, 'Tabletten er klar');
  await page.locator('[data-action="unlock"]').click();
  await untilHeading(page, 'Musikerens PIN-kode');
  await typePin(page, PIN);
  await untilHeading(page, 'Dagens koncerter');
}

export async function tapThen(page: Page, selector: string, next: string | RegExp): Promise<void> {
  await page.locator(selector).first().click();
  await untilHeading(page, next);
}

export async function answerAs(page: Page, role: 'host' | 'visiting-friend', feelings: string[]) {
  await tapThen(page, `[data-role="${role}"]`, /^Svarer du selv/);
  await tapThen(page, '[data-help="false"]', 'Hvordan var besøget?');
  await tapThen(page, '[data-option="good"]', 'Hvad mærkede du under musikken?');
  for (const feeling of feelings) {
    await page.locator(`[data-option="${feeling}"]`).click();
    await expect
      .poll(() => page.locator(`[data-option="${feeling}"]`).getAttribute('aria-pressed'))
      .toBe('true');
  }
  await tapThen(page, '[data-action="next"]', 'Følte du dig set?');
  await tapThen(page, '[data-option="yes"]', /^Delte du oplevelsen/);
  await tapThen(page, '[data-action="finish"]', 'Tusind tak!');
}
