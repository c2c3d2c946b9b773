import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME } from '../packages/core/dist/index.js';
import { browserAndHub } from './support/journey.js';
import { waitForReceipt } from './support/nomination-form.js';
import { coordinator } from './support/planning.js';

// Issue 15's promise: a coordinator creates a second programme, a singing visit; a partner page
// nominates for it; the notice, the questions, the receipt and the stored consents all say what
// that programme says.

const journey = browserAndHub();
let site: Server;
let siteUrl: string;

const singing = {
  slug: 'syngende-besoeg',
  name: { da: 'Syngende besøg', en: 'Singing visits' },
  format: {
    kind: 'singing-visit',
    minutes: 45,
    description: {
      da: 'En sanger kommer hjem til værten og synger kendte sange sammen med værten og besøgsvennen.',
      en: 'A singer visits the host and sings well-known songs together with the host and the visiting friend.',
    },
  },
  controller: {
    name: 'Sangforeningen Stemmer',
    address: 'Korvej 2, 5000 Odense C',
    contact: 'data@stemmer.example.dk',
  },
  notice: {
    da: 'Sangforeningen Stemmer bruger oplysningerne til at planlægge et syngende besøg.\n\nVærten kan altid sige nej.',
    en: 'Sangforeningen Stemmer uses the details to plan a singing visit.\n\nThe host can always say no.',
  },
  nominatorContact: { phone: '66 11 22 33' },
  callWithin: {
    da: 'En koordinator fra Stemmer ringer til besøgsvennen inden for en uge.',
    en: 'A coordinator from Stemmer phones the visiting friend within a week.',
  },
  criteria: [
    {
      id: 'likes-singing',
      kind: 'required',
      question: {
        da: 'Kan den, du besøger, lide at synge med?',
        en: 'Does the person you visit like singing along?',
      },
      thirdPerson: {
        question: { da: 'Kan værten lide at synge med?', en: 'Does the host like singing along?' },
      },
    },
  ],
  feedbackInstrumentId: DEFAULT_PROGRAMME.feedbackInstrumentId,
  feedbackConsent: 'kiosk',
};

beforeAll(async () => {
  site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Stemmer</title>
<script type="module" src="${journey.hub.url}/embed/stue-embed.js"></script></head>
<body><main><h1>Syngende besøg</h1>
<stue-nomination-form partner-key="pk_demo" api="${journey.hub.url}/" programme="syngende-besoeg"></stue-nomination-form>
</main></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

describe('a second programme, from the coordinator to the stored consent', () => {
  it('a singing visit created by a coordinator is what the partner page shows, sends and stores', async () => {
    const c = await coordinator(journey.hub.url);
    expect(await c.send('POST', '/api/v1/programmes', singing)).toMatchObject({
      noticeVersion: 'syngende-besoeg/1',
    });

    const page = await journey.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(siteUrl);
    const form = page.locator('stue-nomination-form');
    const next = () => form.getByRole('button', { name: 'Fortsæt' }).click();
    await expect
      .poll(() => form.getByRole('heading', { level: 2 }).textContent())
      .toBe('Indstil en vært og besøgsven til Syngende besøg');
    await expect.poll(() => form.getByText('En sanger kommer hjem til værten').count()).toBe(1);
    await form.getByRole('button', { name: 'Start indstillingen' }).click();

    await form.getByLabel('Jeg er pårørende').check();
    await form.getByLabel('Dit navn').fill('Hanne Holm');
    await form.getByLabel('E-mail', { exact: true }).fill('hanne@example.dk');
    await next();
    await form.getByLabel('Værtens fornavn').fill('Inger');
    // Typed out in full, as many people do, then straight on to "Fortsæt".
    await form.getByRole('combobox', { name: 'Kommune' }).fill('Odense');
    await next();
    await form.getByLabel('Besøgsvennens fornavn').fill('Bent');
    await form.getByLabel('Besøgsvennens telefonnummer').fill('20 30 40 50');
    await next();
    // The programme's own question, about "the host" for a relative.
    await expect.poll(() => form.getByText('Kan værten lide at synge med?').count()).toBe(1);
    await form.getByRole('radio', { name: 'Ja', exact: true }).check();
    await next();
    await next();

    // Its notice, controller and contact; no question about feedback (the tablet asks it).
    await expect
      .poll(() => form.getByText('Sangforeningen Stemmer bruger oplysningerne').count())
      .toBe(1);
    expect(
      await form
        .getByText('Dataansvarlig: Sangforeningen Stemmer, Korvej 2, 5000 Odense C')
        .count(),
    ).toBe(1);
    expect(await form.getByText('66 11 22 33').count()).toBe(1);
    expect(await form.getByText('syngende-besoeg/1').count()).toBe(0);
    expect(await form.getByRole('checkbox').count()).toBe(1);
    await form.getByLabel('Værten har sagt ja til besøget gennem sin besøgsven').check();
    await next();
    await form.getByRole('button', { name: 'Send indstillingen' }).click();
    const reference = await waitForReceipt(page);
    await expect
      .poll(() =>
        form
          .getByText('En koordinator fra Stemmer ringer til besøgsvennen inden for en uge.')
          .count(),
      )
      .toBe(1);
    expect(await form.getByText('Spørgsmål? Kontakt 66 11 22 33').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();

    // Stored: the programme, and exactly the consent that was shown and ticked, with its version.
    const list = (await c.send('GET', '/api/v1/nominations?limit=100')) as {
      items: { id: string; reference: string; nomination: { programmeId: string } }[];
    };
    const stored = list.items.find((item) => item.reference === reference)!;
    expect(stored.nomination.programmeId).toBe('syngende-besoeg');
    const consents = (await c.send('GET', `/api/v1/nominations/${stored.id}/consents`)) as {
      items: Record<string, unknown>[];
    };
    expect(consents.items).toEqual([
      expect.objectContaining({
        person: 'host',
        scope: 'nomination-contact',
        via: 'relative',
        noticeVersion: 'syngende-besoeg/1',
      }),
    ]);
  });
});
