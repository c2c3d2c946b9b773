import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { defineHubStatus, type StueHubStatus } from './hub-status.js';
import { json, restoreFetch, textOf } from './internal/hub.test-support.js';

defineHubStatus();

let requests: string[] = [];

/** Stands in for fetch: each call gets the next of `answers` (the last one repeats). */
function stubFetch(...answers: Array<() => Promise<Response>>): void {
  requests = [];
  globalThis.fetch = (input: RequestInfo | URL) => {
    requests.push(input instanceof Request ? input.url : String(input));
    return answers[Math.min(requests.length, answers.length) - 1]!();
  };
}

const healthy = () => Promise.resolve(json({ ok: true }));
const refused = () => Promise.reject(new TypeError('Failed to fetch'));

async function render(language: 'da' | 'en' = 'da') {
  const el = await fixture<StueHubStatus>(
    html`<stue-hub-status .language=${language}></stue-hub-status>`,
  );
  return { el, root: el.shadowRoot! };
}

const settled = (root: ShadowRoot) =>
  waitUntil(() => root.querySelector('section')?.getAttribute('data-state') !== 'checking');

describe('<stue-hub-status>', () => {
  afterEach(restoreFetch);

  it('asks the hub at ../api/health and says in a live region that it answers', async () => {
    stubFetch(healthy);
    const { root } = await render();
    await settled(root);
    expect(requests).to.deep.equal([new URL('../api/health', document.baseURI).href]);
    expect(textOf(root.querySelector('[role=status] .answer'))).to.equal('Stue-serveren svarer.');
    expect(textOf(root.querySelector('.checked'))).to.match(/^Tjekket kl\. \d\d\.\d\d\.\d\d$/);
  });

  it('says that the hub does not answer, and asks again on request', async () => {
    stubFetch(refused, healthy);
    const { el, root } = await render();
    await settled(root);
    expect(textOf(root.querySelector('[role=status]'))).to.contain('Stue-serveren svarer ikke.');
    root.querySelector('button')!.click();
    await el.updateComplete;
    await settled(root);
    expect(requests).to.have.length(2);
    expect(textOf(root.querySelector('[role=status] .answer'))).to.equal('Stue-serveren svarer.');
  });

  it('does not count an error status or another body as an answer', async () => {
    stubFetch(() => Promise.resolve(json({ ok: false })));
    const { root } = await render();
    await settled(root);
    expect(textOf(root.querySelector('.answer'))).to.equal('Stue-serveren svarer ikke.');
  });

  it('tells a hub that answers but cannot save (503 not_writable) from one that does not answer', async () => {
    const full = () => Promise.resolve(json({ ok: false, database: 'not_writable' }, 503));
    stubFetch(full, () => Promise.resolve(json({ ok: false }, 503)));
    const { el, root } = await render();
    await settled(root);
    expect(root.querySelector('section')!.getAttribute('data-state')).to.equal('cannot-save');
    expect(textOf(root.querySelector('[role=status] .answer'))).to.equal(
      'Stue-serveren svarer, men kan ikke gemme lige nu.',
    );
    expect(textOf(root.querySelector('.hint'))).to.contain('ikke mere plads');
    await expect(el).to.be.accessible();
    // Another 503 is no answer.
    root.querySelector('button')!.click();
    await el.updateComplete;
    await settled(root);
    expect(textOf(root.querySelector('.answer'))).to.equal('Stue-serveren svarer ikke.');
  });

  it('says in English that the hub cannot save', async () => {
    stubFetch(() => Promise.resolve(json({ ok: false, database: 'not_writable' }, 503)));
    const { el, root } = await render('en');
    await settled(root);
    expect(textOf(root.querySelector('.answer'))).to.equal(
      'The Stue server answers but cannot save right now.',
    );
    expect(textOf(root.querySelector('.hint'))).to.equal(
      'The server has run out of space, so nothing new is saved. Tell whoever runs the server.',
    );
    await expect(el).to.be.accessible();
  });

  it('speaks English, and is accessible', async () => {
    stubFetch(refused);
    const { el, root } = await render('en');
    await settled(root);
    expect(textOf(root.querySelector('h2'))).to.equal('Connection');
    expect(textOf(root.querySelector('.answer'))).to.equal('The Stue server does not answer.');
    expect(textOf(root.querySelector('button'))).to.equal('Check again');
    await expect(el).to.be.accessible();
  });
});
