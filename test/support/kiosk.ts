// Helpers for the kiosk's journeys against a real hub: planning a concert for today through the
// coordinator API, reading what the hub stored, and driving the kiosk with Playwright (whose CSS
// selectors pierce open shadow roots).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { HubPrivateKeyJwk } from '../../packages/core/dist/sealing.js';

import { PIN } from './planning.js';

export { coordinator, PIN, planToday, todayAt } from './planning.js';

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
  await tapThen(page, '[data-action="finish"]', 'Vil du stoppe her?');
  await tapThen(page, '[data-action="stop-yes"]', 'Tusind tak!');
}

/** Enrols the tablet from its first screen with a coordinator's code, as the musician types it. */
export async function enrol(page: Page, code: string, name: string): Promise<void> {
  await page.locator('[data-action="enrol"]').click();
  await untilHeading(page, 'Tilmeld tabletten');
  await page.locator('#code').fill(code);
  await page.locator('#name').fill(name);
  await page.locator('button[type="submit"]').click();
  await untilHeading(page, 'Tabletten er tilmeldt');
}

/** From "enrolled", chooses the journeys' PIN twice and arrives at today's concerts. */
export async function choosePin(page: Page): Promise<void> {
  await page.locator('[data-action="continue"]').click();
  await untilHeading(page, 'Vælg en PIN-kode til musikeren');
  await typePin(page, PIN);
  await untilHeading(page, 'Skriv PIN-koden igen');
  await typePin(page, PIN);
  await untilHeading(page, 'Dagens koncerter');
}

/**
 * Starts `bookingId`'s feedback session (Inger and Bent's, as `planToday` plans it); the host
 * answers (moved, sad), then the visiting friend (calm), and the tablet is handed back.
 */
export async function answerForIngerAndBent(page: Page, bookingId: string): Promise<void> {
  await page.locator(`[data-booking="${bookingId}"] [data-action="start"]`).click();
  await untilHeading(page, 'Giv tabletten til Inger og Bent');
  await tapThen(page, '.primary', 'Hvem svarer nu?');
  await answerAs(page, 'host', ['moved', 'sad']);
  await tapThen(page, '[data-action="another"]', 'Hvem svarer nu?');
  await answerAs(page, 'visiting-friend', ['calm']);
  await tapThen(page, '[data-action="done"]', 'Tabletten er klar');
}
