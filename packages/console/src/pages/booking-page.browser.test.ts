import { expect, fixture, html } from '@open-wc/testing';
import type { BookingFeedback, DebriefView, FeedbackResponseView } from '../api.js';
import {
  apiError,
  auditEntry,
  booking,
  deepActiveElement,
  musician,
  nominationItem,
  stubHub,
  testContext,
  textOf,
  tourDay,
  until,
} from '../internal/hub.test-support.js';
import { renderPage } from '../internal/page.test-support.js';
import { defineBookingPage, type StueBookingPage } from './booking-page.js';

defineBookingPage();

const signe = musician({ name: 'Signe Vang' });
const day = tourDay(signe.id, { date: '2026-03-10' });
const inger = nominationItem({ host: 'Inger', status: 'completed' });
const held = booking(inger, day, {
  status: 'held',
  history: [
    auditEntry('2026-03-01T09:00:00.000Z', 'created'),
    auditEntry('2026-03-10T12:00:00.000Z', 'hold', { actor: 'coordinator:other' }),
  ],
});

const hostResponse: FeedbackResponseView = {
  id: 'r1',
  receivedAt: '2026-03-10T10:40:00.000Z',
  readable: true,
  role: 'host',
  answeredWithHelp: true,
  instrument: { id: 'stue-home-concert', version: 1, title: 'Efter koncerten' },
  answers: [
    {
      questionId: 'visit',
      question: 'Hvordan var besøget?',
      state: 'answered',
      choices: [{ id: 'good', label: 'Godt', pictogram: 'face-happy' }],
    },
    {
      questionId: 'feelings',
      question: 'Hvad mærkede du under musikken?',
      state: 'answered',
      choices: [
        { id: 'moved', label: 'Rørt', pictogram: 'heart' },
        { id: 'sad', label: 'Trist', pictogram: 'tear' },
        { id: 'reminded', label: 'Mindet om noget', pictogram: 'memory' },
      ],
    },
    { questionId: 'seen', question: 'Følte du dig set?', state: 'skipped', choices: [] },
    {
      questionId: 'another-visit',
      question: 'Vil du gerne have besøg igen?',
      state: 'not-reached',
      choices: [],
    },
  ],
};

const debrief: DebriefView = {
  id: 'd1',
  receivedAt: '2026-03-10T10:55:00.000Z',
  howItWent: 'hard',
  wasAnythingHard: null,
  anythingHard: '<b>Fjernsynet</b> kørte hele tiden.',
  wouldLikeACall: true,
  note: null,
  call: { state: 'open', done: null },
};

const feedback = (extra: Partial<BookingFeedback> = {}): BookingFeedback => ({
  bookingId: held.id,
  responses: [hostResponse, { id: 'r2', receivedAt: '2026-03-10T10:45:00.000Z', readable: false }],
  debriefs: [debrief],
  ...extra,
});

const routes = (answer: object = feedback()) => ({
  [`GET /api/v1/bookings/${held.id}/feedback`]: answer,
  [`GET /api/v1/bookings/${held.id}`]: held,
  [`GET /api/v1/tour-days/${day.id}`]: day,
  [`GET /api/v1/musicians/${signe.id}`]: signe,
});

const render = (lang: 'da' | 'en' = 'da') =>
  renderPage<StueBookingPage>(
    (context) =>
      html`<stue-booking-page .context=${context} .bookingId=${held.id}></stue-booking-page>`,
    { lang, ready: (el) => !el.loading && el.booking },
  );

/** The definition list's terms and descriptions as pairs of text. */
const pairs = (dl: Element) =>
  [...dl.querySelectorAll('dt')].map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]);

describe('<stue-booking-page>', () => {
  it('shows the concert: when, the musician, the contact person, the status and the history', async () => {
    stubHub(routes());
    const { root } = await render();
    expect(textOf(root.querySelector('h1'))).to.equal('Koncert hos Inger, Aarhus');
    const facts = pairs(root.querySelector('dl.facts')!);
    expect(facts[0]![0]).to.equal('Dato og tid');
    expect(facts[0]![1]).to.match(/10\. mar\. 2026/);
    expect(facts[1]).to.deep.equal(['Musiker', 'Signe Vang']);
    expect(facts[2]).to.deep.equal(['Kontaktperson', 'Demo Koordinator (dig)']);
    expect(facts[3]).to.deep.equal(['Status', 'Afholdt']);
    expect(root.querySelector<HTMLAnchorElement>('dl.facts a')!.getAttribute('href')).to.equal(
      `#/nominations/${inger.id}`,
    );
    const history = [...root.querySelectorAll('ol.history li')].map((li) => textOf(li));
    expect(history[0]).to.match(/Foreslået af Demo Koordinator$/);
    expect(history[1]).to.match(/Afholdt$/);
  });

  it('names nobody once the host has withdrawn consent (the hub sends host: null)', async () => {
    stubHub({
      ...routes(),
      [`GET /api/v1/bookings/${held.id}`]: {
        ...held,
        nomination: { ...held.nomination, host: null },
      },
    });
    const { el, root } = await render();
    expect(textOf(root.querySelector('h1'))).to.equal(
      'Koncert hos en vært, der har trukket sit samtykke tilbage',
    );
    expect(el.pageTitle).not.to.contain('Inger');
  });

  it('shows each respondent’s answers in words, with help, skipped and not reached as such', async () => {
    stubHub(routes());
    const { root } = await render();
    expect(textOf(root.querySelector('.logged'))).to.match(/skrives det i loggen/);
    const [host, unreadable] = root.querySelectorAll(
      'section[aria-labelledby=feedback-heading] > ol > li',
    );
    expect(textOf(host!.querySelector('h3'))).to.equal('Værten');
    expect(textOf(host!.querySelector('.tag'))).to.equal('Svarede med hjælp');
    const answers = pairs(host!.querySelector('dl.answers')!);
    expect(answers[0]).to.deep.equal(['Hvordan var besøget?', 'Godt']);
    // Every feeling in the same list, none singled out.
    const feelings = [...host!.querySelectorAll('ul.choices-given li')];
    expect(feelings.map((li) => textOf(li))).to.deep.equal(['Rørt', 'Trist', 'Mindet om noget']);
    expect(new Set(feelings.map((li) => li.className)).size).to.equal(1);
    expect(answers[2]).to.deep.equal(['Følte du dig set?', 'Sprunget over']);
    expect(answers[3]).to.deep.equal(['Vil du gerne have besøg igen?', 'Ikke nået']);
    expect(textOf(unreadable)).to.match(/kan ikke åbnes/);
  });

  it('shows the debrief as text, and a call that waits with a way to the tasks', async () => {
    stubHub(routes());
    const { root } = await render();
    const item = root.querySelector('section[aria-labelledby=debrief-heading] li')!;
    const answers = pairs(item.querySelector('dl')!);
    expect(answers).to.deep.equal([
      ['Hvordan gik det for musikeren', 'Svært'],
      ['Hvad var svært', '<b>Fjernsynet</b> kørte hele tiden.'],
      ['Vil gerne ringes op', 'Ja'],
      ['Note', 'Intet skrevet'],
    ]);
    expect(item.querySelector('b')).to.equal(null);
    expect(textOf(item.querySelector('.tag'))).to.equal('Venter på et opkald.');
    expect(item.querySelector('a')!.getAttribute('href')).to.equal('#/tasks');
  });

  it('reads a newer debrief’s yes/no, and shows a call that was made', async () => {
    const done: DebriefView = {
      ...debrief,
      wasAnythingHard: false,
      anythingHard: null,
      call: {
        state: 'done',
        done: {
          at: '2026-03-11T08:00:00.000Z',
          by: { id: 'c', name: 'Mette Koordinator' },
          note: 'Talte om parkering.',
        },
      },
    };
    stubHub(routes(feedback({ responses: [], debriefs: [done] })));
    const { root } = await render();
    expect(textOf(root.querySelector('section[aria-labelledby=feedback-heading]'))).to.contain(
      'Der er ingen feedback fra tabletten endnu.',
    );
    const item = root.querySelector('section[aria-labelledby=debrief-heading] li')!;
    expect(pairs(item.querySelector('dl')!)[1]).to.deep.equal(['Var noget svært', 'Nej']);
    expect(textOf(item)).not.to.contain('Hvad var svært');
    expect(textOf(item)).to.match(/Ringet op 11\. mar\. 2026, 09\.00 af Mette Koordinator\./);
    expect(textOf(item)).to.contain('Note fra opkaldet: Talte om parkering.');
  });

  it('says so when the feedback cannot be loaded, and still shows the booking', async () => {
    stubHub(routes(apiError(500, 'internal')));
    const { root } = await render();
    expect(textOf(root.querySelector('h1'))).to.equal('Koncert hos Inger, Aarhus');
    expect(textOf(root.querySelector('.notice.problem'))).to.match(/^Feedbacken kunne ikke hentes/);
  });

  it('says so when the booking does not exist', async () => {
    stubHub({});
    const { root } = await renderPage<StueBookingPage>(
      (context) =>
        html`<stue-booking-page .context=${context} .bookingId=${'nope'}></stue-booking-page>`,
      { ready: (el) => el.problem, waitingFor: 'problem' },
    );
    expect(textOf(root.querySelector('.notice.problem'))).to.match(/^Bookingen kunne ikke hentes/);
  });

  it('keeps focus on its heading while it loads', async () => {
    stubHub(routes());
    const el = await fixture<StueBookingPage>(
      html`<stue-booking-page .context=${testContext()} .bookingId=${held.id}></stue-booking-page>`,
    );
    await el.focusHeading();
    await until(() => el.booking && !el.loading, 'loaded');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('h1'));
  });

  it('speaks English', async () => {
    stubHub(routes());
    const { root } = await render('en');
    expect(textOf(root.querySelector('h1'))).to.equal('Concert with Inger, Aarhus');
    expect(textOf(root.querySelector('#feedback-heading'))).to.equal('Feedback from the tablet');
    expect(textOf(root.querySelector('.respondent-head h3'))).to.equal('The host');
    expect(textOf(root.querySelector('section[aria-labelledby=debrief-heading] dd'))).to.equal(
      'Hard',
    );
  });

  it('is accessible', async () => {
    stubHub(routes());
    const { el } = await render();
    await expect(el).to.be.accessible();
  });
});
