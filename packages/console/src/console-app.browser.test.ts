import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { defineConsoleApp, type StueConsoleApp } from './console-app.js';

defineConsoleApp();

const pageUrl = location.href;
const realFetch = globalThis.fetch;

/** Every request the console made while a stub stood in for fetch. */
let requests: string[] = [];

/** Stands in for fetch: each call gets the next of `answers` (the last one repeats). */
function stubFetch(...answers: Array<() => Promise<Response>>): void {
  requests = [];
  globalThis.fetch = (input: RequestInfo | URL) => {
    requests.push(input instanceof Request ? input.url : String(input));
    const answer = answers[Math.min(requests.length, answers.length) - 1];
    if (!answer) throw new Error('stubFetch needs at least one answer');
    return answer();
  };
}

const healthy = (): Promise<Response> =>
  Promise.resolve(
    new Response(JSON.stringify({ ok: true }), {
      headers: { 'content-type': 'application/json' },
    }),
  );
const refused = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));

function shadow(el: StueConsoleApp): ShadowRoot {
  if (!el.shadowRoot) throw new Error('<stue-console-app> has no shadow root');
  return el.shadowRoot;
}

function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function answerText(el: StueConsoleApp): string {
  return textOf(shadow(el).querySelector('[role="status"] .answer'));
}

function button(el: StueConsoleApp): HTMLButtonElement {
  const found = shadow(el).querySelector('button');
  if (!found) throw new Error('no button');
  return found;
}

async function render(): Promise<StueConsoleApp> {
  return fixture<StueConsoleApp>(html`<stue-console-app></stue-console-app>`);
}

/** Presses the button and waits until the panel shows that it is asking. */
async function press(el: StueConsoleApp): Promise<void> {
  button(el).click();
  await el.updateComplete;
}

async function settled(el: StueConsoleApp): Promise<void> {
  await waitUntil(
    () => shadow(el).querySelector('.panel')?.getAttribute('data-state') !== 'checking',
    'the check did not finish',
  );
}

describe('<stue-console-app>', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
    history.replaceState(null, '', pageUrl);
  });

  it('is the coordinator console shell in Danish: header, main, status panel', async () => {
    stubFetch(healthy);
    const el = await render();
    const root = shadow(el);
    expect(textOf(root.querySelector('header'))).to.equal('Stue · Koordinator');
    expect(root.querySelector('main'), 'main landmark').not.to.equal(null);
    expect(textOf(root.querySelector('main h1'))).to.equal('Status');
    expect(textOf(root.querySelector('.panel h2'))).to.equal('Forbindelse');
    expect(textOf(button(el))).to.equal('Tjek igen');
    expect(root.querySelector('.shell')?.getAttribute('lang')).to.equal('da');
  });

  it('asks the hub at ../api/health, resolved against the page, and says that it answers', async () => {
    stubFetch(healthy);
    const el = await render();
    await settled(el);
    expect(requests).to.deep.equal([new URL('../api/health', document.baseURI).href]);
    expect(answerText(el)).to.equal('Stue-serveren svarer.');
    expect(textOf(shadow(el).querySelector('.checked'))).to.match(
      /^Tjekket kl\. \d\d\.\d\d\.\d\d$/,
    );
  });

  it('says that the hub does not answer when the request fails', async () => {
    stubFetch(refused);
    const el = await render();
    await settled(el);
    expect(answerText(el)).to.equal('Stue-serveren svarer ikke.');
    expect(textOf(shadow(el).querySelector('[role="status"] .hint'))).to.equal(
      'Tjek internetforbindelsen, og prøv igen.',
    );
  });

  it('does not count an error status or another body as an answer', async () => {
    stubFetch(
      () => Promise.resolve(new Response('{"ok":true}', { status: 503 })),
      () => Promise.resolve(new Response('{"ok":false}')),
      () => Promise.resolve(new Response('<!doctype html><title>Not the hub</title>')),
    );
    const el = await render();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await settled(el);
      expect(answerText(el), `answer ${attempt}`).to.equal('Stue-serveren svarer ikke.');
      if (attempt < 3) await press(el);
    }
    expect(requests).to.have.length(3);
  });

  it('asks again when "Tjek igen" is pressed, and says so while it waits', async () => {
    let release: (response: Response) => void = () => undefined;
    const pending = (): Promise<Response> =>
      new Promise((resolve) => {
        release = resolve;
      });
    stubFetch(refused, pending);
    const el = await render();
    await settled(el);
    expect(answerText(el)).to.contain('svarer ikke');

    await press(el);
    expect(requests).to.have.length(2);
    expect(answerText(el)).to.equal('Spørger Stue-serveren …');

    release(await healthy());
    await settled(el);
    expect(answerText(el)).to.equal('Stue-serveren svarer.');
  });

  it('lets a newer check win over an older one that answers late', async () => {
    let releaseFirst: (response: Response) => void = () => undefined;
    stubFetch(
      () =>
        new Promise((resolve) => {
          releaseFirst = resolve;
        }),
      refused,
    );
    const el = await render();
    await press(el);
    await settled(el);
    expect(answerText(el)).to.contain('svarer ikke');
    releaseFirst(await healthy());
    await new Promise((resolve) => setTimeout(resolve, 20));
    await el.updateComplete;
    expect(answerText(el)).to.contain('svarer ikke');
  });

  it('speaks English when the page address has ?lang=en', async () => {
    history.replaceState(null, '', '?lang=en');
    stubFetch(healthy, refused);
    const el = await render();
    const root = shadow(el);
    expect(textOf(root.querySelector('header'))).to.equal('Stue · Coordinator');
    expect(textOf(root.querySelector('.panel h2'))).to.equal('Connection');
    expect(textOf(button(el))).to.equal('Check again');
    expect(root.querySelector('.shell')?.getAttribute('lang')).to.equal('en');
    await settled(el);
    expect(answerText(el)).to.equal('The Stue server answers.');
    expect(textOf(root.querySelector('.checked'))).to.match(/^Checked at \d\d:\d\d:\d\d$/);

    await press(el);
    expect(answerText(el)).to.equal('Asking the Stue server …');
    await settled(el);
    expect(answerText(el)).to.equal('The Stue server does not answer.');
    expect(textOf(root.querySelector('[role="status"] .hint'))).to.equal(
      'Check the internet connection and try again.',
    );
  });

  it('announces the answer in a polite live region', async () => {
    stubFetch(healthy);
    const el = await render();
    const region = shadow(el).querySelector('[role="status"]');
    await settled(el);
    // The same node carries the news from "asking" to the answer, so it is announced.
    expect(shadow(el).querySelector('[role="status"]')).to.equal(region);
    expect(textOf(region)).to.contain('Stue-serveren svarer.');
  });

  it('shows a visible focus ring on the button', async () => {
    stubFetch(healthy);
    const el = await render();
    const target = button(el);
    target.focus();
    expect(shadow(el).activeElement).to.equal(target);
    const style = getComputedStyle(target);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('is accessible in Danish when the hub answers', async () => {
    stubFetch(healthy);
    const el = await render();
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('is accessible in English when the hub does not answer', async () => {
    history.replaceState(null, '', '?lang=en');
    stubFetch(refused);
    const el = await render();
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('can be registered twice without throwing', () => {
    expect(() => defineConsoleApp()).not.to.throw();
  });
});
