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
