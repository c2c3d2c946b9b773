import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** What a receipt's reference looks like. */
export const REFERENCE = /STUE-[0-9A-Z]{4}-[0-9A-Z]{4}/;

/** Waits for the form's error summary ("Der er et problem") to show, once. */
async function expectErrorSummary(form: Locator) {
  await expect.poll(() => form.getByText('Der er et problem').count()).toBe(1);
}

/**
 * Starts the Danish journey of `<stue-nomination-form>` on `page` and continues with nothing
 * filled in, then waits for the error summary: proof that validation runs on this page. The form
 * stays on its first step.
 */
export async function continueEmpty(page: Page) {
  const form = page.locator('stue-nomination-form');
  await form.getByRole('button', { name: 'Start indstillingen' }).click();
  await form.getByRole('button', { name: 'Fortsæt' }).click();
  await expectErrorSummary(form);
}

/**
 * Goes through the Danish journey of `<stue-nomination-form>` on `page` up to the review, the way
 * a person does: by the labels they read. Every label used here is also a check that it exists.
 * The pair prefers `weekday` (its Danish name). With `cprFirst`, the host's name is first typed
 * as that CPR-shaped text, which the form must refuse, and then corrected.
 */
export async function fillToReview(
  page: Page,
  {
    weekday = 'Tirsdag',
    host = 'Inger',
    friend = 'Bent',
    phone = '20 30 40 50',
    cprFirst = '',
  } = {},
) {
  const form = page.locator('stue-nomination-form');
  const next = () => form.getByRole('button', { name: 'Fortsæt' }).click();
  await form.getByRole('button', { name: 'Start indstillingen' }).click();

  await form.getByLabel('Jeg arbejder i en besøgstjeneste eller kommune').check();
  await form.getByLabel('Dit navn').fill('Hanne Holm');
  await form.getByLabel('E-mail', { exact: true }).fill('hanne@example.dk');
  await next();

  const chooseAarhus = async () => {
    await form.getByRole('combobox', { name: 'Kommune' }).fill('Aar');
    await form.getByRole('option', { name: 'Aarhus' }).click();
  };
  if (cprFirst) {
    await form.getByLabel('Værtens fornavn').fill(cprFirst);
    await chooseAarhus();
    await next();
    await expectErrorSummary(form);
  }
  await form.getByLabel('Værtens fornavn').fill(host);
  await chooseAarhus();
  await form.getByLabel('Postnummer (valgfrit)').fill('8000');
  await next();

  await form.getByLabel('Besøgsvennens fornavn').fill(friend);
  await form.getByLabel('Besøgsvennens telefonnummer').fill(phone);
  await next();

  for (const yes of await form.getByRole('radio', { name: 'Ja', exact: true }).all()) {
    await yes.check();
  }
  await next();

  await form.getByLabel(weekday).check();
  await form.getByLabel('Værten hører dårligt').check();
  await next();

  await form.getByLabel('Værten har sagt ja til besøget gennem sin besøgsven').check();
  await next();
  await expect
    .poll(() => form.getByRole('heading', { name: 'Tjek indstillingen' }).count())
    .toBe(1);
}

/** Sends from the review and waits for the receipt; returns its reference. */
export async function sendAndWaitForReceipt(page: Page): Promise<string> {
  const form = page.locator('stue-nomination-form');
  await form.getByRole('button', { name: /Send indstillingen|Prøv at sende igen/ }).click();
  return waitForReceipt(page);
}

export async function waitForReceipt(page: Page): Promise<string> {
  const receipt = page.locator('stue-nomination-form').getByText(REFERENCE);
  await expect.poll(() => receipt.count(), { timeout: 15_000 }).toBe(1);
  return REFERENCE.exec((await receipt.textContent())!)![0];
}

/** The whole journey: fills every step and sends; returns the receipt's reference. */
export async function fillAndSend(page: Page): Promise<string> {
  await fillToReview(page);
  return sendAndWaitForReceipt(page);
}

/** Everything a page could keep about a person: its storage, cookies and address. */
export function pageStorage(page: Page) {
  return page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    databases: (await indexedDB.databases()).length,
    caches: 'caches' in window ? (await caches.keys()).length : 0,
    url: location.href,
  }));
}

/** The nominations a test hub holds, read from its database file. */
export function nominationsIn(dataDir: string): { id: string; reference: string }[] {
  const db = new DatabaseSync(join(dataDir, 'stue.sqlite'), { readOnly: true });
  try {
    return db.prepare('SELECT id, reference FROM nominations').all() as {
      id: string;
      reference: string;
    }[];
  } finally {
    db.close();
  }
}
