import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CallTask } from '../api.js';
import {
  apiError,
  deepActiveElement,
  json,
  restoreFetch,
  SESSION,
  stubHub,
  testId,
  textOf,
  until,
} from '../internal/hub.test-support.js';
import { TasksChangeEvent } from '../internal/page.js';
import { renderPage } from '../internal/page.test-support.js';
import { defineTasksPage, type StueTasksPage } from './tasks-page.js';

defineTasksPage();

function task(name: string, overrides: Partial<CallTask> = {}): CallTask {
  return {
    id: testId(),
    state: 'open',
    musician: { id: testId(), name, phone: '+4540506070' },
    peer: null,
    booking: {
      id: testId(),
      date: '2026-03-10',
      start: '2026-03-10T10:30',
      host: { firstName: 'Inger', municipalityCode: '751' },
    },
    receivedAt: '2026-03-10T11:40:00.000Z',
    howItWent: 'hard',
    done: null,
    ...overrides,
  };
}

const maja = task('Maja Musiker');
const jonas = task('Jonas Lund', { howItWent: 'mixed', booking: null });
const called = task('Signe Vang', {
  state: 'done',
  done: {
    at: '2026-03-09T08:00:00.000Z',
    by: { id: SESSION.coordinator.id, name: 'Demo Koordinator' },
    note: 'Talte om parkering.',
  },
});

const render = (params = '', lang: 'da' | 'en' = 'da') =>
  renderPage<StueTasksPage>(
    (context) =>
      html`<stue-tasks-page
        .context=${context}
        .params=${new URLSearchParams(params)}
      ></stue-tasks-page>`,
    { lang },
  );

const rows = (root: ShadowRoot) =>
  [...root.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell) => textOf(cell)),
  );

describe('<stue-tasks-page>', () => {
  it('lists the musicians waiting for a call, with their concert linked to its booking', async () => {
    const hub = stubHub({ 'GET /api/v1/tasks': { items: [maja, jonas], nextCursor: null } });
    const { root } = await render();
    expect(hub.calls('GET', '/api/v1/tasks')[0]!.search.get('state')).to.equal('open');
    expect(textOf(root.querySelector('caption'))).to.equal('2 musikere vil gerne ringes op');
    const [first, second] = rows(root);
    expect(first![0]).to.equal('Maja Musiker');
    expect(first![1]).to.equal('Koordinator Ring til Maja Musiker på 40 50 60 70.');
    expect(first![2]).to.match(/^10\. mar\. 2026, 10\.30 hos Inger, Aarhus$/);
    expect(first![4]).to.equal('Svært');
    expect(first![5]).to.equal('Opkald gennemført …');
    expect(root.querySelector('tbody a')!.getAttribute('href')).to.equal(
      `#/bookings/${maja.booking!.id}`,
    );
    expect(second![2]).to.equal('Ukendt koncert');
    expect(root.querySelector('nav [aria-current=page]')!.getAttribute('href')).to.equal('#/tasks');
  });

  it('names no host for a concert whose host has withdrawn consent', async () => {
    const withdrawn = task('Maja Musiker', {
      booking: { ...maja.booking!, host: null },
    });
    stubHub({ 'GET /api/v1/tasks': { items: [withdrawn], nextCursor: null } });
    const { root } = await render('', 'en');
    expect(rows(root)[0]![2]).to.match(/^10 Mar 2026, 10:30, the host has withdrawn consent$/);
  });

  it('with the keyboard: opens a task’s form, writes a note and marks the call done', async () => {
    const hub = stubHub({
      'GET /api/v1/tasks': { items: [maja, jonas], nextCursor: null },
      [`POST /api/v1/tasks/${maja.id}/call-done`]: (request) => {
        hub.route('GET /api/v1/tasks', { items: [jonas], nextCursor: null });
        return json({ ...maja, state: 'done', done: { at: '', by: {}, note: request.body } });
      },
    });
    const { el, root } = await render();
    let changes = 0;
    el.addEventListener(TasksChangeEvent.type, () => (changes += 1));
    const button = root.querySelector<HTMLButtonElement>(`#done-${CSS.escape(maja.id)}`)!;
    expect(button.getAttribute('aria-label')).to.equal('Opkald gennemført – Maja Musiker');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root.querySelector('#call-form-heading'), 'form');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(root.querySelector('#call-form-heading'));
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(root.querySelector('#call-note'));
    await sendKeys({ type: 'Talte om parkering.' });
    await sendKeys({ press: 'Tab' });
    expect(textOf(deepActiveElement())).to.equal('Markér som gennemført');
    await sendKeys({ press: 'Enter' });
    await until(() => textOf(root.querySelector('#tasks-notice')) !== '', 'notice');
    await el.updateComplete;
    const posted = hub.calls('POST', `/api/v1/tasks/${maja.id}/call-done`)[0]!;
    expect(posted.body).to.deep.equal({ note: 'Talte om parkering.' });
    expect(posted.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect(textOf(root.querySelector('#tasks-notice'))).to.equal(
      'Opkaldet til Maja Musiker er markeret som gennemført.',
    );
    await until(() => deepActiveElement() === root.querySelector('#tasks-notice'), 'focus');
    expect(rows(root).map((r) => r[0])).to.deep.equal(['Jonas Lund']);
    expect(root.querySelector('#call-form-heading')).to.equal(null);
    expect(changes).to.equal(1);
  });

  it('cancelling the form returns focus to the task’s button and sends nothing', async () => {
    const hub = stubHub({ 'GET /api/v1/tasks': { items: [maja], nextCursor: null } });
    const { el, root } = await render();
    root.querySelector<HTMLButtonElement>('tbody button')!.click();
    await el.updateComplete;
    [...root.querySelectorAll('button')].find((b) => textOf(b) === 'Fortryd')!.click();
    await el.updateComplete;
    await until(() => deepActiveElement() === root.querySelector('tbody button'), 'focus back');
    expect(hub.calls('POST', `/api/v1/tasks/${maja.id}/call-done`)).to.have.length(0);
  });

  it('refuses a note with a CPR number before sending, and shows the hub’s refusal', async () => {
    const hub = stubHub({
      'GET /api/v1/tasks': { items: [maja], nextCursor: null },
      [`POST /api/v1/tasks/${maja.id}/call-done`]: apiError(400, 'invalid_body', 'Ret fejlene', {
        issues: [{ path: 'note', code: 'too_long', message: 'Skriv højst 300 tegn' }],
      }),
    });
    const { el, root } = await render();
    root.querySelector<HTMLButtonElement>('tbody button')!.click();
    await el.updateComplete;
    const note = root.querySelector<HTMLTextAreaElement>('#call-note')!;
    note.value = 'Ring på 010203-1234';
    root.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    expect(textOf(root.querySelector('.error-summary a'))).to.equal(
      'Skriv ikke CPR-numre. Stue må ikke gemme dem.',
    );
    expect(hub.calls('POST', `/api/v1/tasks/${maja.id}/call-done`)).to.have.length(0);
    note.value = 'En note';
    root.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await until(
      () => textOf(root.querySelector('.error-summary a')) === 'Skriv højst 300 tegn',
      'hub',
    );
    expect(root.querySelector('#call-note')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows the calls made, with when, by whom and the note', async () => {
    const hub = stubHub({ 'GET /api/v1/tasks': { items: [called], nextCursor: null } });
    const { root } = await render('state=done');
    expect(hub.calls('GET', '/api/v1/tasks')[0]!.search.get('state')).to.equal('done');
    const [row] = rows(root);
    expect(row![0]).to.equal('Signe Vang');
    expect(row![1]).to.equal('Koordinator');
    expect(row![4]).to.match(/^9\. mar\. 2026, 09\.00 af Demo Koordinator$/);
    expect(row![5]).to.equal('Talte om parkering.');
    expect(textOf(root.querySelector('nav [aria-current=page]'))).to.equal('Gennemførte');
    expect(root.querySelectorAll('tbody button')).to.have.length(0);
  });

  it('says when nobody waits, and fetches more when there are more', async () => {
    stubHub({ 'GET /api/v1/tasks': { items: [], nextCursor: null } });
    const { root } = await render();
    expect(textOf(root.querySelector('p:not(.lead):not(.notice)'))).to.equal(
      'Ingen musikere venter på et opkald.',
    );
    restoreFetch();
    const hub = stubHub({
      'GET /api/v1/tasks': (request) =>
        request.search.get('cursor')
          ? { items: [jonas], nextCursor: null }
          : { items: [maja], nextCursor: 'next' },
    });
    const { el, root: more } = await render();
    [...more.querySelectorAll('button')].find((b) => textOf(b) === 'Hent flere')!.click();
    await until(() => rows(more).length === 2, 'second page');
    await el.updateComplete;
    expect(hub.calls('GET', '/api/v1/tasks')[1]!.search.get('cursor')).to.equal('next');
  });

  it('speaks English', async () => {
    stubHub({ 'GET /api/v1/tasks': { items: [maja], nextCursor: null } });
    const { root } = await render('', 'en');
    expect(textOf(root.querySelector('h1'))).to.equal('Tasks');
    expect(rows(root)[0]![2]).to.match(/ with Inger, Aarhus$/);
    expect(rows(root)[0]![5]).to.equal('Call done …');
  });

  it('is accessible, with the form open and on the calls made', async () => {
    stubHub({ 'GET /api/v1/tasks': { items: [maja, jonas], nextCursor: null } });
    const { el, root } = await render();
    root.querySelector<HTMLButtonElement>('tbody button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    restoreFetch();
    stubHub({ 'GET /api/v1/tasks': { items: [called], nextCursor: null } });
    const { el: done } = await render('state=done');
    await expect(done).to.be.accessible();
  });

  it('says whom each task is for, and what to pass on to a peer: only the wish, the date and the phone', async () => {
    const forMads = task('Maja Musiker', {
      peer: { id: testId(), name: 'Mads Holm', phone: '+4522334455' },
    });
    stubHub({ 'GET /api/v1/tasks': { items: [forMads, jonas], nextCursor: null } });
    const { el, root } = await render();
    const [peer, coordinator] = rows(root);
    expect(textOf(root.querySelectorAll('thead th')[1]!)).to.equal('Til');
    expect(peer![1]).to.equal(
      'Mads Holm Giv videre: ring til Mads Holm på 22 33 44 55, og sig: ' +
        'Maja Musiker vil gerne tale med dig efter koncerten tirsdag den 10. marts 2026. Ring på 40 50 60 70.',
    );
    expect(coordinator![1]).to.equal('Koordinator Ring til Jonas Lund på 40 50 60 70.');
    await expect(el).to.be.accessible();

    restoreFetch();
    stubHub({ 'GET /api/v1/tasks': { items: [forMads], nextCursor: null } });
    const { root: english } = await render('', 'en');
    expect(rows(english)[0]![1]).to.equal(
      'Mads Holm Pass on: phone Mads Holm on 22 33 44 55 and say: ' +
        'Maja Musiker would like to talk to you after the concert on Tuesday, 10 March 2026. Phone them on 40 50 60 70.',
    );
  });

  it('filters by whom the tasks are for, keeping open or done', async () => {
    const forMads = task('Maja Musiker', {
      peer: { id: testId(), name: 'Mads Holm', phone: '+4522334455' },
    });
    const hub = stubHub({ 'GET /api/v1/tasks': { items: [forMads], nextCursor: null } });
    const { el, root } = await render('state=done&for=peer');
    const sent = hub.calls('GET', '/api/v1/tasks')[0]!.search;
    expect([sent.get('state'), sent.get('for')]).to.deep.equal(['done', 'peer']);
    const navs = [...root.querySelectorAll('nav')];
    expect(navs.map((nav) => nav.getAttribute('aria-label'))).to.deep.equal([
      'Vis opgaver',
      'Vis opgaver til',
    ]);
    const links = (nav: Element) =>
      [...nav.querySelectorAll('a')].map((a) => [
        textOf(a),
        a.getAttribute('href'),
        a.getAttribute('aria-current'),
      ]);
    expect(links(navs[1]!)).to.deep.equal([
      ['Alle', '#/tasks?state=done', null],
      ['Til koordinator', '#/tasks?state=done&for=coordinator', null],
      ['Til kollega', '#/tasks?state=done&for=peer', 'page'],
    ]);
    expect(links(navs[0]!)).to.deep.equal([
      ['Åbne', '#/tasks?for=peer', null],
      ['Gennemførte', '#/tasks?state=done&for=peer', 'page'],
    ]);
    expect(rows(root)[0]![1]).to.equal('Mads Holm');
    await expect(el).to.be.accessible();

    restoreFetch();
    const all = stubHub({ 'GET /api/v1/tasks': { items: [], nextCursor: null } });
    const { root: plain } = await render('for=everyone');
    expect(all.calls('GET', '/api/v1/tasks')[0]!.search.has('for')).to.equal(false);
    expect(textOf(plain.querySelectorAll('nav')[1]!.querySelector('[aria-current=page]'))).to.equal(
      'Alle',
    );
  });
});
