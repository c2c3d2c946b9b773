import { expect, fixture, html } from '@open-wc/testing';
import type { SessionStartEvent } from '../internal/page.js';
import {
  apiError,
  deepActiveElement,
  restoreFetch,
  SESSION,
  stubHub,
  textOf,
  until,
} from '../internal/hub.test-support.js';
import { defineSignInPage, type StueSignInPage } from './sign-in-page.js';

defineSignInPage();

const api = { api: new URL('/', location.href) };

async function render(language: 'da' | 'en' = 'da') {
  const el = await fixture<StueSignInPage>(
    html`<stue-sign-in-page .language=${language} .api=${api}></stue-sign-in-page>`,
  );
  return { el, root: el.shadowRoot! };
}

function fill(root: ShadowRoot, email: string, password: string) {
  root.querySelector<HTMLInputElement>('#email')!.value = email;
  root.querySelector<HTMLInputElement>('#password')!.value = password;
}

const submit = (root: ShadowRoot) =>
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

/** Submits the form and waits for the error summary. */
async function submitForProblems(root: ShadowRoot) {
  submit(root);
  await until(() => root.querySelector('.error-summary'), 'summary');
}

/** The hub's answer to too many attempts: wait `retryAfter` seconds. */
const rateLimited = (retryAfter: string) => () =>
  new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'x' } }), {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': retryAfter },
  });

const summaryText = (root: ShadowRoot) =>
  [...root.querySelectorAll('.error-summary li')].map((li) => textOf(li));

describe('<stue-sign-in-page>', () => {
  afterEach(restoreFetch);

  it('asks for both fields in an error summary that takes focus and links to each field', async () => {
    const hub = stubHub();
    const { el, root } = await render();
    await submitForProblems(root);
    expect(summaryText(root)).to.deep.equal(['Skriv din e-mailadresse', 'Skriv din adgangskode']);
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(root.querySelector('.error-summary'));
    expect(root.querySelector('#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('#email')!.getAttribute('aria-describedby')).to.equal('email-error');
    root.querySelector<HTMLAnchorElement>('.error-summary a[href="#password"]')!.click();
    expect(deepActiveElement()).to.equal(root.querySelector('#password'));
    expect(location.hash).to.equal('');
    expect(hub.requests.filter((r) => r.path === '/api/v1/session')).to.have.length(0);
  });

  it('signs in and announces the session', async () => {
    const hub = stubHub({ 'POST /api/v1/session': SESSION });
    const { el, root } = await render();
    let started: SessionStartEvent | undefined;
    el.addEventListener('stue-session-start', (e) => (started = e));
    fill(root, ' koordinator@demo.stue.dk ', 'stue-demo-koordinator');
    submit(root);
    await until(() => started, 'session start');
    expect(started!.session).to.deep.equal(SESSION);
    const [request] = hub.calls('POST', '/api/v1/session');
    expect(request!.body).to.deep.equal({
      email: 'koordinator@demo.stue.dk',
      password: 'stue-demo-koordinator',
    });
  });

  it('says kindly that the e-mail address or password is wrong', async () => {
    stubHub({ 'POST /api/v1/session': apiError(401, 'invalid_credentials') });
    const { root } = await render();
    fill(root, 'koordinator@demo.stue.dk', 'forkert');
    await submitForProblems(root);
    expect(summaryText(root)).to.deep.equal([
      'E-mailadressen eller adgangskoden er forkert. Tjek dem, og prøv igen.',
    ]);
  });

  for (const { name, retryAfter, wait } of [
    {
      name: 'says how long to wait after too many attempts (429 with Retry-After)',
      retryAfter: '540',
      wait: '9 minutter',
    },
    {
      name: 'says the wait in seconds when it is under a minute',
      retryAfter: '4',
      wait: '4 sekunder',
    },
  ]) {
    it(name, async () => {
      stubHub({ 'POST /api/v1/session': rateLimited(retryAfter) });
      const { root } = await render();
      fill(root, 'koordinator@demo.stue.dk', 'x');
      await submitForProblems(root);
      expect(summaryText(root)).to.deep.equal([
        `Der er prøvet at logge ind for mange gange. Vent ${wait}, og prøv igen.`,
      ]);
    });
  }

  it('says that the hub does not answer when it cannot be reached', async () => {
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const { root } = await render();
    fill(root, 'a@b.dk', 'x');
    await submitForProblems(root);
    expect(summaryText(root)[0]).to.contain('Stue-serveren svarer ikke');
  });

  it('speaks English', async () => {
    stubHub({ 'POST /api/v1/session': rateLimited('60') });
    const { root } = await render('en');
    expect(textOf(root.querySelector('h1'))).to.equal('Sign in');
    expect(textOf(root.querySelector('label[for=email]'))).to.equal('E-mail address');
    fill(root, 'a@b.dk', 'x');
    await submitForProblems(root);
    expect(textOf(root.querySelector('.error-summary h2'))).to.equal('There is a problem');
    expect(summaryText(root)).to.deep.equal([
      'There have been too many sign-in attempts. Wait 1 minute and try again.',
    ]);
  });

  it('is accessible, also with errors', async () => {
    stubHub();
    const { el, root } = await render();
    await expect(el).to.be.accessible();
    await submitForProblems(root);
    await expect(el).to.be.accessible();
  });
});
