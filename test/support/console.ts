import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Signs the demo coordinator in to the console at `url`, by the labels a person reads. */
export async function signInToConsole(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/console/`);
  await page.getByLabel('E-mail').fill('koordinator@demo.stue.dk');
  await page.getByLabel('Adgangskode').fill('stue-demo-koordinator');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect.poll(() => page.getByText('Logget ind som Demo Koordinator').count()).toBe(1);
}

/** What has focus, looking into shadow roots: its id, or its text. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    const text = (active.textContent ?? '').replace(/\s+/g, ' ').trim();
    return `${active.localName}${active.id ? `#${active.id}` : ''} ${text}`.trim();
  });
}

/** Presses Tab until what has focus matches, as a keyboard user moves through the page. */
export async function tabTo(page: Page, target: RegExp, limit = 60): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (target.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}; last: ${await focused(page)}`);
}

/**
 * Signs the demo coordinator in on the console's sign-in page with the keyboard alone: Tab to the
 * e-mail field, type, Tab to the password (checked), type, Enter.
 */
export async function signInWithKeyboard(page: Page): Promise<void> {
  await tabTo(page, /^input#email/);
  await page.keyboard.type('koordinator@demo.stue.dk');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^input#password/);
  await page.keyboard.type('stue-demo-koordinator');
  await page.keyboard.press('Enter');
}
