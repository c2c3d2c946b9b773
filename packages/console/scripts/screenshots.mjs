// Screenshots of every console page, at 1280 × 800 and 390 wide, against a fresh demo hub.
//
//   node packages/console/scripts/screenshots.mjs [out-dir]   (default: .stue/screenshots/console)
//
// Needs the built hub and console (`packages/hub/dist`, `packages/console/dist`) and Chromium
// (`CHROME_PATH`, default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { seedDemo, seedDemoWebhooks } from './demo-data.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = process.argv[2] ?? join(root, '.stue/screenshots/console');
mkdirSync(out, { recursive: true });

function startHub(dataDir) {
  const child = spawn(
    process.execPath,
    [join(root, 'packages/hub/dist/bin/stue-hub.js'), 'serve', '--demo'],
    {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', STUE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ url: match[1], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`hub exited ${code}: ${output}`)));
  });
}

/** The demo partner's webhook receiver: `/ok` takes every event, anything else is down. */
function startReceiver() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(req.url === '/ok' ? 204 : 503).end());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, server }),
    );
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'stue-shots-'));
const hub = await startHub(dataDir);
const receiver = await startReceiver();
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const webhooks = await seedDemoWebhooks(hub.url, receiver.url);
  const seeded = await seedDemo(hub.url);
  // Let the dispatcher make its first attempts, then remove an address with events still due.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await webhooks.removeOld();
  const widths = [
    { name: 'wide', viewport: { width: 1280, height: 800 } },
    { name: 'narrow', viewport: { width: 390, height: 844 } },
  ];
  for (const { name, viewport } of widths) {
    const context = await browser.newContext({ viewport, locale: 'da-DK' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    // Every page in full; the wide ones also as the 1280 × 800 window a coordinator sees.
    const shot = async (label) => {
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `${label}-${name}.png`), fullPage: true });
      if (name === 'wide') {
        // The window where focus is, as the coordinator sees it.
        await page.screenshot({ path: join(out, `${label}-1280x800.png`) });
      }
    };
    await page.goto(`${hub.url}/console/`);
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    await page.getByRole('button', { name: 'Log ind' }).click();
    await shot('sign-in-errors');
    await page.getByLabel('E-mailadresse').fill('koordinator@demo.stue.dk');
    await page.getByLabel('Adgangskode').fill('stue-demo-koordinator');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { name: 'Indbakke' }).waitFor();
    await page.getByText(/indstilling(er)? vises/).waitFor();
    await shot('inbox');

    const grethe = seeded.byHost.get('Grethe');
    await page.goto(`${hub.url}/console/#/nominations/${grethe.id}`);
    await page.getByRole('heading', { name: /Indstilling STUE-/ }).waitFor();
    await shot('nomination');
    // The consent section with the form to record a further consent open.
    await page.getByRole('button', { name: 'Registrér samtykke' }).click();
    await page.getByRole('radio', { name: 'At blive citeret' }).check();
    await page.getByRole('heading', { name: 'Samtykke og data' }).evaluate((heading) => {
      heading.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -24);
    });
    await shot('nomination-consent');
    // The section alone, for the coordinator's guide.
    await page
      .locator('section.rights')
      .screenshot({ path: join(out, `nomination-consent-section-${name}.png`) });
    const ruth = seeded.byHost.get('Ruth');
    await page.goto(`${hub.url}/console/#/nominations/${ruth.id}`);
    await page.getByRole('heading', { name: /Indstilling STUE-/ }).waitFor();
    await page.getByRole('button', { name: 'Afslå …' }).click();
    await page.getByRole('button', { name: 'Afslå indstillingen' }).click();
    await shot('nomination-decline-errors');

    await page.goto(`${hub.url}/console/#/planning`);
    await page.getByRole('button', { name: 'Lav forslag' }).click();
    await page.getByRole('heading', { name: 'Forslag dag for dag' }).waitFor();
    await shot('planning');
    if (name === 'wide') {
      await page.getByRole('button', { name: /Opret \d+ booking/ }).click();
      await page.getByRole('heading', { name: 'Bookinger i perioden' }).waitFor();
      await page.getByText(/er oprettet/).waitFor();
      await page
        .getByRole('button', { name: /^Bekræft – / })
        .first()
        .click();
      await page.getByText(/er nu: Bekræftet/).waitFor();
      await page
        .getByRole('button', { name: /^Aflys – / })
        .first()
        .click();
      // The section from its heading, so the window shows the notice and the whole first booking.
      await page.getByRole('heading', { name: 'Bookinger i perioden' }).evaluate((heading) => {
        heading.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -24);
      });
      await shot('planning-bookings');
      await page.getByRole('button', { name: 'Fortryd' }).click();
    }

    await page.goto(`${hub.url}/console/#/musicians`);
    await page.getByRole('table').waitFor();
    await shot('musicians');
    await page.goto(`${hub.url}/console/#/tour-days`);
    await page.getByRole('table').waitFor();
    await shot('tour-days');
    await page.goto(`${hub.url}/console/#/devices`);
    await page.getByRole('table').waitFor();
    await page.getByLabel('Musiker').selectOption({ label: 'Maja Lund' });
    await page.getByRole('button', { name: 'Lav engangskode' }).click();
    await page.getByRole('heading', { name: 'Engangskode' }).waitFor();
    await shot('devices');
    await page
      .getByRole('button', { name: /^Spær / })
      .first()
      .click();
    await shot('devices-revoke');

    await page.goto(`${hub.url}/console/#/partners`);
    await page.getByRole('heading', { name: 'Leveringslog' }).waitFor();
    await page.getByRole('table', { name: /^Leveringer/ }).waitFor();
    await shot('partners');
    await page.getByRole('button', { name: /^Ny nøgle/ }).click();
    await page.getByLabel('Hemmelig nøgle (sk_…)').check();
    await page.getByRole('button', { name: 'Lav nøglen' }).click();
    await page.getByRole('heading', { name: 'Ny hemmelig nøgle' }).waitFor();
    await shot('partners-new-key');
    await page.getByRole('button', { name: 'Luk – jeg har gemt nøglen' }).click();
    await page
      .getByRole('button', { name: /^Tilbagekald / })
      .last()
      .click();
    await shot('partners-revoke');
    await page.getByRole('button', { name: 'Fortryd' }).click();
    if (name === 'wide') {
      // The delivery log, as the coordinator scrolls to it.
      await page
        .getByRole('heading', { name: 'Leveringslog' })
        .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(out, 'partners-log-1280x800.png') });
    }

    await page.goto(`${hub.url}/console/#/bookings/${seeded.bookings.elsesConcert}`);
    await page.getByRole('heading', { name: 'Feedback fra tabletten' }).waitFor();
    await page.getByRole('heading', { name: 'Besøgsvennen' }).waitFor();
    await shot('booking');
    if (name === 'wide') {
      // The feedback itself, as the coordinator scrolls to it.
      await page.evaluate(() => window.scrollTo(0, 420));
      await page.screenshot({ path: join(out, 'booking-feedback-1280x800.png') });
    }
    await page.goto(`${hub.url}/console/#/tasks`);
    await page.getByRole('table').waitFor();
    await shot('tasks');
    if (name === 'wide') {
      await page
        .getByRole('button', { name: /^Opkald gennemført – / })
        .first()
        .click();
      await page
        .getByLabel(/Note fra opkaldet/)
        .fill('Talte om at afslutte, når nogen bliver rørt.');
      await shot('tasks-call-done');
      await page.getByRole('button', { name: 'Markér som gennemført' }).click();
      await page.getByText(/er markeret som gennemført/).waitFor();
      await page.goto(`${hub.url}/console/#/tasks?state=done`);
      await page.getByRole('table').waitFor();
      await shot('tasks-done');
      await page.goto(`${hub.url}/console/?lang=en#/bookings/${seeded.bookings.elsesConcert}`);
      await page.getByRole('heading', { name: 'Feedback from the tablet' }).waitFor();
      await page.getByRole('heading', { name: 'The visiting friend' }).waitFor();
      await shot('booking-en');
    }

    await page.goto(`${hub.url}/console/?lang=en#/inbox`);
    await page.getByText(/nominations? shown/).waitFor();
    await shot('inbox-en');
    await context.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  hub.child.kill('SIGTERM');
  receiver.server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
