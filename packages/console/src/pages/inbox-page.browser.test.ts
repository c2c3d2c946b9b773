import { expect, html } from '@open-wc/testing';
import type { NominationItem } from '../api.js';
import { nominationItem, stubHub, textOf, until } from '../internal/hub.test-support.js';
import { renderPage } from '../internal/page.test-support.js';
import { defineInboxPage, type StueInboxPage } from './inbox-page.js';

defineInboxPage();

const pageUrl = location.href;

const inger = nominationItem({ host: 'Inger', daysWaiting: 12, status: 'received' });
const karen = nominationItem({
  host: 'Karen',
  municipalityCode: '730',
  daysWaiting: 5,
  status: 'in-review',
  screening: { 'own-home': 'no' },
  partner: { id: 'partner-2', name: 'Ældre Sagen Randers' },
});
const poul = nominationItem({ host: 'Poul', daysWaiting: 1, screening: {} });

const page = (items: NominationItem[], nextCursor: string | null = null) => ({ items, nextCursor });

const render = (params = new URLSearchParams(), lang: 'da' | 'en' = 'da') =>
  renderPage<StueInboxPage>(
    (context) => html`<stue-inbox-page .context=${context} .params=${params}></stue-inbox-page>`,
    { lang },
  );

const rows = (root: ShadowRoot) =>
  [...root.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => textOf(td)),
  );

describe('<stue-inbox-page>', () => {
  afterEach(() => {
    history.replaceState(null, '', pageUrl);
  });

  it('lists what needs screening, longest waiting first, in a table with a caption', async () => {
    const hub = stubHub({ 'GET /api/v1/nominations': page([inger, karen, poul]) });
    const { root } = await render();
    const [request] = hub.calls('GET', '/api/v1/nominations');
    expect(request!.search.getAll('status')).to.deep.equal(['received', 'in-review']);
    expect(request!.search.get('limit')).to.equal('50');
    expect(textOf(root.querySelector('caption'))).to.equal('Indstillinger, længst ventende først');
    expect(
      [...root.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
    ).to.deep.equal(Array(7).fill('col'));
    expect(rows(root)).to.deep.equal([
      [
        inger.reference,
        'Inger',
        'Aarhus',
        'Demo Besøgstjeneste',
        '12 dage',
        'Modtaget',
        'Passer til formatet',
      ],
      [
        karen.reference,
        'Karen',
        'Randers',
        'Ældre Sagen Randers',
        '5 dage',
        'Under vurdering',
        'Uden for formatet',
      ],
      [
        poul.reference,
        'Poul',
        'Aarhus',
        'Demo Besøgstjeneste',
        '1 dag',
        'Modtaget',
        'Tal sammen først',
      ],
    ]);
    expect(root.querySelector('td a')!.getAttribute('href')).to.equal(`#/nominations/${inger.id}`);
  });

  it('announces how many are shown in a live region', async () => {
    stubHub({ 'GET /api/v1/nominations': page([inger, karen], 'cursor-2') });
    const { root } = await render();
    const region = root.querySelector('[role=status]');
    expect(textOf(region)).to.equal('2 indstillinger vises – der er flere.');
  });

  it('filters by status, partner and waiting time at the hub, and keeps the filter in the address', async () => {
    const hub = stubHub({ 'GET /api/v1/nominations': page([inger, karen]) });
    const { el, root } = await render();
    const box = (value: string) =>
      root.querySelector<HTMLInputElement>(`input[name=status][value="${value}"]`)!;
    box('received').checked = false;
    box('accepted').checked = true;
    const partner = root.querySelector<HTMLSelectElement>('#filter-partner')!;
    expect([...partner.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Alle partnere',
      'Demo Besøgstjeneste',
      'Ældre Sagen Randers',
    ]);
    partner.value = 'partner-2';
    root.querySelector<HTMLSelectElement>('#filter-waiting')!.value = '14';
    hub.route('GET /api/v1/nominations', page([karen]));
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => hub.calls('GET', '/api/v1/nominations').length === 2, 'second request');
    await until(() => !el.loading, 'loaded');
    const request = hub.calls('GET', '/api/v1/nominations')[1]!;
    expect(request.search.getAll('status')).to.deep.equal(['in-review', 'accepted']);
    expect(request.search.get('partner')).to.equal('partner-2');
    expect(request.search.get('waitingDays')).to.equal('14');
    expect(location.hash).to.equal(
      '#/inbox?f=1&status=in-review&status=accepted&partner=partner-2&waiting=14',
    );
  });

  it('reads its filters from the address', async () => {
    const hub = stubHub({ 'GET /api/v1/nominations': page([]) });
    const { root } = await render(new URLSearchParams('f=1&status=accepted&waiting=30'));
    const request = hub.calls('GET', '/api/v1/nominations')[0]!;
    expect(request.search.getAll('status')).to.deep.equal(['accepted']);
    expect(request.search.get('waitingDays')).to.equal('30');
    expect(root.querySelector<HTMLInputElement>('input[value=accepted]')!.checked).to.equal(true);
    expect(root.querySelector<HTMLInputElement>('input[value=received]')!.checked).to.equal(false);
    expect(textOf(root.querySelector('[role=status]'))).to.equal('0 indstillinger vises.');
    expect([...root.querySelectorAll('p')].map((p) => textOf(p))).to.include(
      'Ingen indstillinger passer til filtrene.',
    );
  });

  it('filters by municipality on the records it has', async () => {
    stubHub({ 'GET /api/v1/nominations': page([inger, karen, poul]) });
    const { el, root } = await render();
    root.querySelector<HTMLSelectElement>('#filter-municipality')!.value = '730';
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => rows(root).length === 1, 'one row');
    await el.updateComplete;
    expect(rows(root)[0]![1]).to.equal('Karen');
    expect(textOf(root.querySelector('[role=status]'))).to.equal('1 indstilling vises.');
  });

  it('loads the next page with the cursor and adds it', async () => {
    const hub = stubHub({
      'GET /api/v1/nominations': ({ search }) =>
        search.get('cursor') === 'cursor-2' ? page([poul]) : page([inger, karen], 'cursor-2'),
    });
    const { el, root } = await render();
    const more = [...root.querySelectorAll('button')].find((b) => textOf(b) === 'Hent flere')!;
    more.click();
    await until(() => rows(root).length === 3, 'three rows');
    await el.updateComplete;
    expect(hub.calls('GET', '/api/v1/nominations')[1]!.search.get('cursor')).to.equal('cursor-2');
    expect(rows(root).map((r) => r[1])).to.deep.equal(['Inger', 'Karen', 'Poul']);
    expect([...root.querySelectorAll('button')].some((b) => textOf(b) === 'Hent flere')).to.equal(
      false,
    );
  });

  it('remembers the records for the nomination page', async () => {
    stubHub({ 'GET /api/v1/nominations': page([inger]) });
    const { el } = await render();
    expect(el.context.nominations.get(inger.id)).to.deep.equal(inger);
  });

  it('says so when the hub does not answer, and tries again', async () => {
    let fail = true;
    stubHub({
      'GET /api/v1/nominations': () =>
        fail ? Promise.reject(new TypeError('Failed to fetch')) : page([inger]),
    });
    const { el, root } = await render();
    expect(textOf(root.querySelector('.notice.problem p'))).to.contain('Stue-serveren svarer ikke');
    fail = false;
    root.querySelector<HTMLButtonElement>('.notice.problem button')!.click();
    await until(() => rows(root).length === 1, 'row');
    await el.updateComplete;
    expect(root.querySelector('.notice.problem')).to.equal(null);
  });

  it('speaks English', async () => {
    stubHub({ 'GET /api/v1/nominations': page([inger, karen]) });
    const { root } = await render(new URLSearchParams(), 'en');
    expect(textOf(root.querySelector('h1'))).to.equal('Inbox');
    expect(textOf(root.querySelector('caption'))).to.equal('Nominations, longest waiting first');
    expect(rows(root)[0]!.slice(1)).to.deep.equal([
      'Inger',
      'Aarhus',
      'Demo Besøgstjeneste',
      '12 days',
      'Received',
      'Fits the format',
    ]);
    expect(textOf(root.querySelector('[role=status]'))).to.equal('2 nominations shown.');
  });

  it('is accessible', async () => {
    stubHub({ 'GET /api/v1/nominations': page([inger, karen, poul], 'next') });
    const { el } = await render();
    await expect(el).to.be.accessible();
  });
});
