import { expect, fixture, html } from '@open-wc/testing';
import { defineConsoleApp, type StueConsoleApp } from './console-app.js';
import {
  apiError,
  deepActiveElement,
  nominationItem,
  restoreFetch,
  SESSION,
  stubHub,
  textOf,
  until,
  type StubAnswer,
} from './internal/hub.test-support.js';

defineConsoleApp();

const pageUrl = location.href;
const inger = nominationItem({ host: 'Inger' });

const signedIn = (extra: Record<string, StubAnswer> = {}) =>
  stubHub({
    'GET /api/v1/session': SESSION,
    'GET /api/v1/nominations': { items: [inger], nextCursor: null },
    'GET /api/v1/musicians': { items: [], nextCursor: null },
    'GET /api/v1/devices': { items: [] },
    'GET /api/v1/tour-days': { items: [], nextCursor: null },
    'GET /api/v1/tasks': { items: [], nextCursor: null },
    ...extra,
  });

async function render() {
  const el = await fixture<StueConsoleApp>(html`<stue-console-app></stue-console-app>`);
  await until(() => el.auth !== 'checking', 'session checked');
  await el.updateComplete;
  return { el, root: el.shadowRoot! };
}

/**
 * The page element showing, and its shadow root; the app's own root while the page's module is
 * still loading (it has no heading, so waiting for one goes on).
 */
function page(el: StueConsoleApp) {
  const found = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
    '.page',
  )!;
  return { page: found, root: found?.shadowRoot ?? found ?? el.shadowRoot! };
}

async function pageHeading(el: StueConsoleApp, text: string | RegExp) {
  await until(() => {
    const h1 = page(el).root.querySelector('h1');
    return h1 && (typeof text === 'string' ? textOf(h1) === text : text.test(textOf(h1)));
  }, `heading ${text}`);
  return page(el).root.querySelector('h1')!;
}

describe('<stue-console-app>', () => {
  afterEach(() => {
    restoreFetch();
    history.replaceState(null, '', pageUrl);
    document.title = '';
  });

  it('shows sign-in when nobody is signed in, with the hub status in the footer', async () => {
    stubHub({ 'GET /api/v1/session': apiError(401, 'unauthorized') });
    const { el, root } = await render();
    expect(el.auth).to.equal('signed-out');
    expect(page(el).page.localName).to.equal('stue-sign-in-page');
    expect(textOf(root.querySelector('header .product'))).to.equal('Stue · Koordinator');
    expect(root.querySelector('nav')).to.equal(null);
    expect(root.querySelector('main')).not.to.equal(null);
    expect(root.querySelector('footer stue-hub-status')).not.to.equal(null);
    await until(() => document.title === 'Log ind · Stue · Koordinator', 'title');
  });

  it('restores the session on reload and opens the inbox, with the main menu', async () => {
    const hub = signedIn();
    const { el, root } = await render();
    expect(hub.calls('GET', '/api/v1/session')).to.have.length(1);
    expect(textOf(root.querySelector('.who'))).to.equal('Logget ind som Demo Koordinator');
    await pageHeading(el, 'Indbakke');
    const nav = root.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).to.equal('Hovedmenu');
    expect([...nav.querySelectorAll('a')].map((a) => textOf(a))).to.deep.equal([
      'Indbakke',
      'Opgaver',
      'Planlægning',
      'Musikere',
      'Turnédage',
      'Tablets',
      'Rapporter',
      'Partnere',
      'Programmer',
    ]);
    expect(textOf(nav.querySelector('[aria-current=page]'))).to.equal('Indbakke');
    await until(() => document.title === 'Indbakke · Stue · Koordinator', 'title');
  });

  it('counts the musicians waiting for a call in the menu, in words for a screen reader', async () => {
    const task = { id: 'task-1', state: 'open', musician: { id: 'm', name: 'Maja' } };
    signedIn({
      'GET /api/v1/tasks': { items: [task, { ...task, id: 'task-2' }], nextCursor: null },
    });
    const { el, root } = await render();
    await pageHeading(el, 'Indbakke');
    await until(() => root.querySelector('nav .badge'), 'badge');
    const link = [...root.querySelectorAll('nav a')].find(
      (a) => a.getAttribute('href') === '#/tasks',
    )!;
    expect(textOf(link.querySelector('.badge'))).to.equal('2');
    expect(link.querySelector('.badge')!.getAttribute('aria-hidden')).to.equal('true');
    expect(textOf(link.querySelector('.visually-hidden'))).to.equal(': 2 åbne opgaver');
  });

  it('signs in, and moves focus to the inbox’s heading', async () => {
    stubHub({
      'GET /api/v1/session': apiError(401, 'unauthorized'),
      'POST /api/v1/session': SESSION,
      'GET /api/v1/nominations': { items: [inger], nextCursor: null },
    });
    const { el } = await render();
    const signIn = page(el).root as ShadowRoot;
    await until(() => signIn.querySelector('#email'), 'form');
    signIn.querySelector<HTMLInputElement>('#email')!.value = 'koordinator@demo.stue.dk';
    signIn.querySelector<HTMLInputElement>('#password')!.value = 'stue-demo-koordinator';
    signIn.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const heading = await pageHeading(el, 'Indbakke');
    await until(() => deepActiveElement() === heading, 'focus on heading');
  });

  it('moves focus to the new page’s heading on navigation, and the title follows', async () => {
    signedIn();
    const { el, root } = await render();
    await pageHeading(el, 'Indbakke');
    location.hash = '#/musicians';
    const heading = await pageHeading(el, 'Musikere');
    await until(() => deepActiveElement() === heading, 'focus on heading');
    expect(textOf(root.querySelector('nav [aria-current=page]'))).to.equal('Musikere');
    await until(() => document.title === 'Musikere · Stue · Koordinator', 'title');

    location.hash = `#/nominations/${inger.id}`;
    const nomination = await pageHeading(el, `Indstilling ${inger.reference}`);
    await until(() => deepActiveElement() === nomination, 'focus on nomination heading');
    expect(textOf(root.querySelector('nav [aria-current=page]'))).to.equal('Indbakke');
    await until(
      () => document.title === `Indstilling ${inger.reference} · Stue · Koordinator`,
      'title',
    );
  });

  it('loads the planning page when first asked for, and focuses its heading', async () => {
    signedIn();
    const { el } = await render();
    await pageHeading(el, 'Indbakke');
    location.hash = '#/planning';
    const heading = await pageHeading(el, 'Planlægning');
    await until(() => deepActiveElement() === heading, 'focus on heading');
  });

  it('loads the partners page from the menu, and focuses its heading', async () => {
    const hub = signedIn({
      'GET /api/v1/partners': { items: [] },
      'GET /api/v1/webhooks': { items: [] },
      'GET /api/v1/webhooks/deliveries': { items: [], nextCursor: null },
    });
    const { el, root } = await render();
    await pageHeading(el, 'Indbakke');
    const link = [...root.querySelectorAll<HTMLAnchorElement>('nav a')].find(
      (a) => textOf(a) === 'Partnere',
    )!;
    expect(link.getAttribute('href')).to.equal('#/partners');
    location.hash = link.getAttribute('href')!;
    const heading = await pageHeading(el, 'Partnere');
    await until(() => deepActiveElement() === heading, 'focus on heading');
    expect(textOf(root.querySelector('nav [aria-current=page]'))).to.equal('Partnere');
    await until(() => document.title === 'Partnere · Stue · Koordinator', 'title');
    // The page module arrives after its element was made: it still loads with the context.
    await until(() => hub.calls('GET', '/api/v1/partners').length === 1, 'partners asked');
    await until(() => hub.calls('GET', '/api/v1/webhooks/deliveries').length === 1, 'log asked');
    await until(() => textOf(page(el).root.querySelector('.empty')) !== '', 'empty log');
    expect(page(el).root.querySelector('.notice.problem')).to.equal(null);
  });

  it('says when an address matches no page', async () => {
    signedIn();
    location.hash = '#/nowhere';
    const { el } = await render();
    await pageHeading(el, 'Siden findes ikke');
  });

  it('signs out with the CSRF token and shows sign-in', async () => {
    const hub = signedIn({ 'DELETE /api/v1/session': () => new Response(null, { status: 204 }) });
    const { el, root } = await render();
    root.querySelector<HTMLButtonElement>('.sign-out')!.click();
    await until(() => el.auth === 'signed-out', 'signed out');
    expect(hub.calls('DELETE', '/api/v1/session')[0]!.headers.get('x-csrf-token')).to.equal(
      SESSION.csrfToken,
    );
    await el.updateComplete;
    expect(page(el).page.localName).to.equal('stue-sign-in-page');
    expect(root.querySelector('.who')).to.equal(null);
  });

  it('shows sign-in with a notice when the session ends mid-work', async () => {
    signedIn({ 'GET /api/v1/nominations': apiError(401, 'unauthorized') });
    const { el } = await render();
    await until(() => el.auth === 'signed-out', 'signed out');
    await el.updateComplete;
    const signIn = page(el).root as ShadowRoot;
    await until(() => signIn.querySelector('.notice'), 'notice');
    expect(textOf(signIn.querySelector('.notice'))).to.equal(
      'Du er blevet logget ud. Log ind igen for at fortsætte.',
    );
  });

  it('has a skip link to the main area, and a link to the other language', async () => {
    signedIn();
    const { el, root } = await render();
    const skip = root.querySelector<HTMLButtonElement>('.skip-link')!;
    expect(textOf(skip)).to.equal('Gå til indhold');
    skip.click();
    expect(deepActiveElement()).to.equal(root.querySelector('main'));
    expect(location.hash).to.equal('');
    const other = root.querySelector<HTMLAnchorElement>('.account a[hreflang]')!;
    expect(textOf(other)).to.equal('English');
    expect(new URL(other.href).searchParams.get('lang')).to.equal('en');
    await el.updateComplete;
  });

  it('speaks English with ?lang=en, and asks the hub for English messages', async () => {
    history.replaceState(null, '', '?lang=en');
    const hub = signedIn();
    const { el, root } = await render();
    await pageHeading(el, 'Inbox');
    expect(textOf(root.querySelector('header .product'))).to.equal('Stue · Coordinator');
    expect(textOf(root.querySelector('.sign-out'))).to.equal('Sign out');
    expect(root.querySelector('.shell')!.getAttribute('lang')).to.equal('en');
    expect(hub.calls('GET', '/api/v1/nominations')[0]!.headers.get('accept-language')).to.equal(
      'en',
    );
    const other = root.querySelector<HTMLAnchorElement>('.account a[hreflang]')!;
    expect(textOf(other)).to.equal('Dansk');
    expect(new URL(other.href).searchParams.has('lang')).to.equal(false);
  });

  it('is accessible signed out', async () => {
    stubHub({ 'GET /api/v1/session': apiError(401, 'unauthorized') });
    const { el } = await render();
    await until(() => (page(el).root as ShadowRoot).querySelector('form'), 'form');
    await expect(el).to.be.accessible();
  });

  it('is accessible signed in', async () => {
    signedIn();
    const { el } = await render();
    await pageHeading(el, 'Indbakke');
    await until(() => (page(el).root as ShadowRoot).querySelector('tbody tr'), 'rows');
    await expect(el).to.be.accessible();
  });

  it('can be registered twice without throwing', () => {
    expect(() => defineConsoleApp()).not.to.throw();
  });
});
