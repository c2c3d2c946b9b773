import { describe, expect, it } from 'vitest';
import { focused, signInToConsole, signInWithKeyboard, tabTo } from './support/console.js';
import { browserAndHub } from './support/journey.js';
import { screenedNomination } from './support/planning.js';

// The coordinator's first promise (issue 7): a nomination a partner sent is screened in the
// console — signed in, found in the inbox, opened, reviewed and accepted with the keyboard alone
// — and the partner's status endpoint shows the new status at once.

const journey = browserAndHub();

async function sendNomination(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/nominations`, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' },
    body: JSON.stringify(
      screenedNomination({
        nominator: { role: 'local-expert', name: 'Hanne Holm', email: 'hanne@example.dk' },
        host: { firstName: 'Karen', municipalityCode: '730', postcode: '8900' },
        visitingFriend: { firstName: 'Lise', phone: '20 30 40 51' },
      }),
    ),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { reference: string }).reference;
}

async function partnerStatus(url: string, reference: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/nominations/${reference}/status`, {
    headers: { authorization: 'Bearer pk_demo' },
  });
  return ((await res.json()) as { status: string }).status;
}

describe('the coordinator console', () => {
  it('screens a partner’s nomination with the keyboard alone, and the partner sees it', async () => {
    const reference = await sendNomination(journey.hub.url);
    expect(await partnerStatus(journey.hub.url, reference)).toBe('received');

    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${journey.hub.url}/console/`);
    await expect.poll(() => page.title()).toBe('Log ind · Stue · Koordinator');

    await signInWithKeyboard(page);

    // Signed in: focus lands on the inbox's heading, and the nomination is listed.
    await expect.poll(() => focused(page)).toBe('h1 Indbakke');
    await expect.poll(() => page.getByRole('link', { name: reference }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'vises' }).textContent())
      .toMatch(/^1 indstilling vises\.$/);

    await tabTo(page, new RegExp(`^a ${reference}$`));
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe(`h1 Indstilling ${reference}`);
    await expect.poll(() => page.title()).toBe(`Indstilling ${reference} · Stue · Koordinator`);

    await tabTo(page, /^button#action-review/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('p Indstillingen er nu: Under vurdering.');
    expect(await partnerStatus(journey.hub.url, reference)).toBe('in-review');

    await tabTo(page, /^button#action-accept/);
    await page.keyboard.press('Space');
    await expect.poll(() => focused(page)).toBe('p Indstillingen er nu: Godkendt.');
    expect(await partnerStatus(journey.hub.url, reference)).toBe('accepted');

    // The session survives a reload, and the inbox shows the new status.
    await page.goto(`${journey.hub.url}/console/#/inbox?f=1&status=accepted`);
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: reference }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Log ud' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Log ind' }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Log ind' }).count()).toBe(1);

    expect(errors).toEqual([]);
    // The hub's logs name routes, never the people.
    expect(journey.hub.output()).not.toMatch(/Karen|Lise|20 ?30 ?40 ?51/);
    await page.close();
  });

  // Issue 17: the console opens on the inbox without waiting for one request after another. The
  // session check and the inbox's first page are asked for at once, before the app has run (so
  // before the menu's count of call tasks, which the app asks for once the session is known), and
  // the app takes those answers instead of asking again.
  it('opens on the inbox asking for the session and its first page at once, each once', async () => {
    const reference = await sendNomination(journey.hub.url);
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInToConsole(page, journey.hub.url);
    const asked: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/v1/')) asked.push(pathname);
    });
    await page.goto(`${journey.hub.url}/console/`);
    await expect.poll(() => page.getByRole('link', { name: reference }).count()).toBe(1);
    await expect.poll(() => asked.includes('/api/v1/tasks')).toBe(true);
    expect(asked.filter((path) => path === '/api/v1/session')).toHaveLength(1);
    expect(asked.filter((path) => path === '/api/v1/nominations')).toHaveLength(1);
    expect(asked.indexOf('/api/v1/nominations')).toBeLessThan(asked.indexOf('/api/v1/tasks'));
    await page.close();
  });
});
