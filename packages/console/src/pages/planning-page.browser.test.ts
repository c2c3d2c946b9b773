import { danishInstant } from '@stue/core';
import { expect, html } from '@open-wc/testing';
import type { BookingView, NominationItem } from '../api.js';
import {
  booking,
  dateIn,
  deepActiveElement,
  musician,
  nominationItem,
  SESSION,
  stubHub,
  textOf,
  tourDay,
  until,
} from '../internal/hub.test-support.js';
import { renderPage } from '../internal/page.test-support.js';
import { definePlanningPage, schedulerTourDay, type StuePlanningPage } from './planning-page.js';

definePlanningPage();

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const signe = musician({ name: 'Signe Vang', homeMunicipalityCode: '751' });
const date = dateIn(4);
const otherWeekday = WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 1) % 7]!;
const day = tourDay(signe.id, { date, baseMunicipalityCode: '751' });
const inger = nominationItem({ host: 'Inger', status: 'accepted', daysWaiting: 20 });
const karen = nominationItem({
  host: 'Karen',
  municipalityCode: '730',
  status: 'accepted',
  daysWaiting: 10,
});
const poul = nominationItem({
  host: 'Poul',
  status: 'accepted',
  daysWaiting: 5,
  preferences: { weekdays: [otherWeekday] },
});

function routes(bookings: BookingView[] = [], accepted: NominationItem[] = [inger, karen, poul]) {
  return {
    'GET /api/v1/nominations': { items: accepted, nextCursor: null },
    'GET /api/v1/tour-days': { items: [day], nextCursor: null },
    'GET /api/v1/musicians': { items: [signe], nextCursor: null },
    'GET /api/v1/bookings': { items: bookings, nextCursor: null },
  };
}

async function render(lang: 'da' | 'en' = 'da') {
  const params = new URLSearchParams({ from: dateIn(1), to: dateIn(10) });
  return renderPage<StuePlanningPage>(
    (context) =>
      html`<stue-planning-page .context=${context} .params=${params}></stue-planning-page>`,
    { lang, ready: (el) => el.plan && !el.loading, waitingFor: 'planned' },
  );
}

const button = (root: ShadowRoot, text: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) =>
    typeof text === 'string'
      ? textOf(b) === text || b.getAttribute('aria-label') === text
      : text.test(b.getAttribute('aria-label') ?? textOf(b)),
  )!;

describe('<stue-planning-page>', () => {
  it('plans the accepted nominations on the period’s tour days, day by day', async () => {
    const hub = stubHub(routes());
    const { root } = await render();
    expect(hub.calls('GET', '/api/v1/nominations')[0]!.search.getAll('status')).to.deep.equal([
      'accepted',
    ]);
    expect(hub.calls('GET', '/api/v1/tour-days')[0]!.search.get('from')).to.equal(dateIn(1));
    const summary = textOf(root.querySelector('.summary'));
    expect(summary).to.match(
      /^2 koncerter foreslået, 1 indstilling uden plads, \d+ minutters kørsel i alt\./,
    );
    const dayHeading = textOf(root.querySelector('.day h3'));
    expect(dayHeading).to.match(/– Signe Vang$/);
    expect(textOf(root.querySelector('.day p'))).to.match(
      /^Starter fra Aarhus, 10\.00–16\.00\. 2 koncerter/,
    );
    const proposals = [...root.querySelectorAll('.proposal')].map((li) => textOf(li));
    expect(proposals).to.have.length(2);
    expect(proposals[0]).to.match(
      /^Tag med: \d\d\.\d\d–\d\d\.\d\d Inger, Aarhus \d+ min\. kørsel hertil/,
    );
    expect(proposals[1]).to.contain('Karen, Randers');
    const left = textOf(root.querySelector('section[aria-labelledby=left-over-heading] li'));
    expect(left).to.contain(poul.reference);
    expect(left).to.contain('Poul, Aarhus');
  });

  it('warns about a long drive for one concert, and only then', async () => {
    // Hjørring is far from Aarhus: one concert there is hours on the road.
    const far = nominationItem({ host: 'Aase', municipalityCode: '860', status: 'accepted' });
    stubHub(routes([], [far]));
    const { root } = await render();
    expect(root.querySelectorAll('.proposal')).to.have.length(1);
    expect(textOf(root.querySelector('.day .long-drive'))).to.match(
      /^Lang køretur for én koncert: \d{3,} min\. i bil i alt\. Overvej at vente/,
    );
    await expect(root.host).to.be.accessible();

    // Two concerts near the base: no warning.
    stubHub(routes([], [inger, karen]));
    const near = await render();
    expect(near.root.querySelectorAll('.proposal')).to.have.length(2);
    expect(near.root.querySelector('.long-drive')).to.equal(null);

    // One concert close by: no warning either.
    stubHub(routes([], [inger]));
    const one = await render();
    expect(one.root.querySelectorAll('.proposal')).to.have.length(1);
    expect(one.root.querySelector('.long-drive')).to.equal(null);
  });

  it('gives a tour day only the room its bookings leave, and leaves booked nominations out', () => {
    expect(schedulerTourDay(day, signe, 1)!.maxConcerts).to.equal(2);
    expect(schedulerTourDay(day, signe, 3)).to.equal(undefined);
    expect(schedulerTourDay(day, { ...signe, active: false }, 0)).to.equal(undefined);
    expect(schedulerTourDay(day, signe, 0)!.musicianLanguages).to.deep.equal(['da', 'en']);
  });

  it('plans around bookings already made', async () => {
    stubHub(routes([booking(inger, day, { status: 'confirmed' })]));
    const { root } = await render();
    expect(textOf(root.querySelector('.day'))).to.contain('Dagen har 1 booking i forvejen');
    const proposals = [...root.querySelectorAll('.proposal')].map((li) => textOf(li));
    expect(proposals.join(' ')).not.to.contain('Inger');
  });

  it('creates the chosen proposals as bookings with Danish times and the coordinator as contact', async () => {
    const created: BookingView[] = [];
    const hub = stubHub({
      ...routes(),
      'POST /api/v1/bookings': ({ body }) => {
        const input = body as BookingView;
        const item = [inger, karen].find((n) => n.id === input.nominationId)!;
        const made = booking(item, day, { ...input, status: 'proposed' });
        created.push(made);
        return new Response(JSON.stringify(made), { status: 201 });
      },
      'GET /api/v1/bookings': () => ({ items: created, nextCursor: null }),
    });
    const { el, root } = await render();
    // Leave Karen out.
    const karenBox = [...root.querySelectorAll<HTMLInputElement>('.proposal input')][1]!;
    karenBox.click();
    await el.updateComplete;
    button(root, 'Opret 1 booking som forslag').click();
    await until(() => textOf(root.querySelector('#plan-notice')) !== '', 'created');
    await el.updateComplete;
    const [request] = hub.calls('POST', '/api/v1/bookings');
    expect(hub.calls('POST', '/api/v1/bookings')).to.have.length(1);
    const proposal = el.plan!.result.proposals[0]!;
    expect(request!.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect(request!.body).to.deep.include({
      schemaVersion: 1,
      nominationId: inger.id,
      tourDayId: day.id,
      start: danishInstant(proposal.start),
      contactCoordinatorId: SESSION.coordinator.id,
    });
    expect((request!.body as { start: string }).start).to.match(/T\d\d:\d\d:00\+0[12]:00$/);
    expect(textOf(root.querySelector('#plan-notice'))).to.equal(
      '1 booking er oprettet. Ring til besøgsvennerne, og bekræft tiderne.',
    );
    expect(deepActiveElement()).to.equal(root.querySelector('#plan-notice'));
    expect(textOf(root.querySelector('.proposal .outcome'))).to.equal(
      'Booking oprettet som forslag',
    );
    expect(textOf(root.querySelector('.booking h3'))).to.contain('Inger, Aarhus');
  });

  it('says beside a proposal why the hub refused it', async () => {
    stubHub({
      ...routes(),
      'POST /api/v1/bookings': () =>
        new Response(JSON.stringify({ error: { code: 'booking_overlap', message: 'x' } }), {
          status: 409,
        }),
    });
    const { el, root } = await render();
    button(root, 'Opret 2 bookinger som forslag').click();
    await until(() => textOf(root.querySelector('#plan-notice')) !== '', 'done');
    await el.updateComplete;
    expect(textOf(root.querySelector('.proposal .outcome'))).to.equal(
      'Tiden overlapper en anden koncert på dagen.',
    );
    expect(textOf(root.querySelector('#plan-notice'))).to.equal(
      '2 forslag kunne ikke oprettes – se ved forslaget.',
    );
  });

  it('confirms a booking, and offers its calendar file', async () => {
    const proposed = booking(inger, day);
    const hub = stubHub({
      ...routes([proposed]),
      [`POST /api/v1/bookings/${proposed.id}/confirm`]: {
        ...proposed,
        status: 'confirmed',
        history: [
          { at: '2026-03-01T10:00:00Z', actor: 'coordinator:coordinator-1', action: 'confirm' },
        ],
      },
    });
    const { el, root } = await render();
    const card = root.querySelector('.booking')!;
    expect(textOf(card.querySelector('.tag'))).to.equal('Foreslået');
    expect(textOf(card)).to.contain('Kontaktperson Demo Koordinator (dig)');
    const ics = card.querySelector<HTMLAnchorElement>('a[download]')!;
    // In the console's language: a download link cannot send it any other way.
    expect(ics.getAttribute('href')).to.equal(`/api/v1/bookings/${proposed.id}.ics?lang=da`);
    // A concert in the future cannot have been held or missed yet.
    expect([...card.querySelectorAll('button')].map((b) => textOf(b))).to.deep.equal([
      'Bekræft',
      'Aflys …',
      'Flyt …',
    ]);
    button(root, 'Bekræft – Inger, Aarhus').click();
    await until(() => el.bookings[0]!.status === 'confirmed', 'confirmed');
    await el.updateComplete;
    const request = hub.calls('POST', `/api/v1/bookings/${proposed.id}/confirm`)[0]!;
    expect(request.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect(textOf(root.querySelector('#bookings-notice'))).to.equal(
      'Koncerten hos Inger, Aarhus er nu: Bekræftet.',
    );
    expect(textOf(root.querySelector('.booking .tag'))).to.equal('Bekræftet');
    expect(deepActiveElement()).to.equal(root.querySelector(`#booking-${proposed.id}`));
  });

  it('cancels only with a reason', async () => {
    const confirmed = booking(inger, day, { status: 'confirmed' });
    const hub = stubHub({
      ...routes([confirmed]),
      [`POST /api/v1/bookings/${confirmed.id}/cancel`]: { ...confirmed, status: 'cancelled' },
    });
    const { el, root } = await render();
    button(root, 'Aflys – Inger, Aarhus').click();
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(root.querySelector('#booking-form-heading'));
    button(root, 'Aflys').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    expect(textOf(root.querySelector('.error-summary a'))).to.equal('Skriv en begrundelse');
    root.querySelector<HTMLInputElement>('#booking-reason')!.value = 'Værten er syg';
    button(root, 'Aflys').click();
    await until(() => el.bookings[0]!.status === 'cancelled', 'cancelled');
    expect(hub.calls('POST', `/api/v1/bookings/${confirmed.id}/cancel`)[0]!.body).to.deep.equal({
      reason: 'Værten er syg',
    });
  });

  it('moves a booking to a new Danish time', async () => {
    const confirmed = booking(inger, day, { status: 'confirmed' });
    const hub = stubHub({
      ...routes([confirmed]),
      [`POST /api/v1/bookings/${confirmed.id}/reschedule`]: ({ body }) => ({
        ...confirmed,
        start: (body as { start: string }).start,
      }),
    });
    const { el, root } = await render();
    button(root, 'Flyt – Inger, Aarhus').click();
    await el.updateComplete;
    const start = root.querySelector<HTMLInputElement>('#booking-start')!;
    expect(start.value).to.equal(`${date}T10:30`);
    start.value = `${date}T13:00`;
    root.querySelector<HTMLInputElement>('#booking-reason')!.value = 'Ønsker eftermiddag';
    button(root, 'Gem').click();
    await until(
      () => hub.calls('POST', `/api/v1/bookings/${confirmed.id}/reschedule`).length,
      'sent',
    );
    expect(hub.calls('POST', `/api/v1/bookings/${confirmed.id}/reschedule`)[0]!.body).to.deep.equal(
      {
        start: danishInstant(`${date}T13:00`),
        reason: 'Ønsker eftermiddag',
      },
    );
  });

  it('speaks English', async () => {
    stubHub(routes());
    const { root } = await render('en');
    expect(textOf(root.querySelector('h1'))).to.equal('Planning');
    expect(textOf(root.querySelector('.summary'))).to.match(
      /^2 concerts proposed, 1 nomination without a place/,
    );
    expect(textOf(root.querySelector('.proposal'))).to.match(/min drive here/);
  });

  it('is accessible, with proposals, left-overs, bookings and a form open', async () => {
    stubHub(routes([booking(karen, day, { status: 'confirmed' })]));
    const { el, root } = await render();
    button(root, 'Aflys – Karen, Randers').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
