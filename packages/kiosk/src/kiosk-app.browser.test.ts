import { expect, fixture, html } from '@open-wc/testing';
import { defineKioskApp, type StueKioskApp } from './kiosk-app.js';

defineKioskApp();

const pageUrl = location.href;

function shadow(el: StueKioskApp): ShadowRoot {
  if (!el.shadowRoot) throw new Error('<stue-kiosk-app> has no shadow root');
  return el.shadowRoot;
}

function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function connection(el: StueKioskApp): HTMLElement {
  const region = shadow(el).querySelector<HTMLElement>('[role="status"]');
  if (!region) throw new Error('no status region');
  return region;
}

async function render(): Promise<StueKioskApp> {
  return fixture<StueKioskApp>(html`<stue-kiosk-app></stue-kiosk-app>`);
}

function px(element: Element | null): number {
  if (!element) throw new Error('element missing');
  return parseFloat(getComputedStyle(element).fontSize);
}

describe('<stue-kiosk-app>', () => {
  afterEach(() => {
    history.replaceState(null, '', pageUrl);
  });

  it('tells in Danish that the tablet is not enrolled yet and how it is', async () => {
    const el = await render();
    const root = shadow(el);
    expect(textOf(root.querySelector('.brand'))).to.equal('Stue');
    expect(textOf(root.querySelector('main h1'))).to.equal('Denne tablet er ikke tilmeldt endnu');
    expect(textOf(root.querySelector('main p'))).to.equal(
      'Musikeren tilmelder den med en kode fra koordinatoren.',
    );
    expect(root.querySelector('.screen')?.getAttribute('lang')).to.equal('da');
  });

  it('speaks English when the page address has ?lang=en', async () => {
    history.replaceState(null, '', '?lang=en');
    const el = await render();
    const root = shadow(el);
    expect(textOf(root.querySelector('main h1'))).to.equal('This tablet is not enrolled yet');
    expect(textOf(root.querySelector('main p'))).to.equal(
      'The musician enrols it with a code from the coordinator.',
    );
    expect(textOf(connection(el))).to.equal('The tablet is online.');
    expect(root.querySelector('.screen')?.getAttribute('lang')).to.equal('en');
  });

  it('stays Danish for any other language in the address', async () => {
    history.replaceState(null, '', '?lang=fr');
    const el = await render();
    expect(textOf(shadow(el).querySelector('h1'))).to.equal('Denne tablet er ikke tilmeldt endnu');
  });

  it('says in a polite live region when the tablet goes offline and online again', async () => {
    const el = await render();
    const region = connection(el);
    expect(region.getAttribute('role')).to.equal('status');
    expect(textOf(region)).to.equal('Tabletten er online.');

    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(textOf(connection(el))).to.equal('Tabletten er offline.');
    expect(connection(el).dataset['state']).to.equal('offline');
    // The same node carries the news, so assistive technology announces the change.
    expect(connection(el)).to.equal(region);

    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(textOf(connection(el))).to.equal('Tabletten er online.');
  });

  it('stops listening for the connection once removed from the page', async () => {
    const el = await render();
    el.remove();
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(el.online).to.equal(true);
    window.dispatchEvent(new Event('online'));
  });

  it('uses very large type: body at least 28 px, the heading about 40 px', async () => {
    const el = await render();
    const root = shadow(el);
    expect(px(root.querySelector('main p'))).to.be.at.least(28);
    expect(px(connection(el))).to.be.at.least(28);
    expect(px(root.querySelector('h1'))).to.be.within(36, 44);
  });

  it('is accessible in Danish', async () => {
    await expect(await render()).to.be.accessible();
  });

  it('is accessible in English, also when offline', async () => {
    history.replaceState(null, '', '?lang=en');
    const el = await render();
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
  });

  it('keeps every text and the connection dot at 7:1 contrast or more, online and offline', async () => {
    // WCAG counts 28 px as large text and asks only 4.5:1 of it (so axe does too); the kiosk
    // asks 7:1 of everything.
    const el = await render();
    const root = shadow(el);
    const check = (): void => {
      for (const selector of ['.brand', 'h1', 'main p', '.connection']) {
        const node = root.querySelector(selector);
        if (!node) throw new Error(`${selector} missing`);
        const ratio = contrast(getComputedStyle(node).color, backgroundOf(node));
        expect(ratio, selector).to.be.at.least(7);
      }
      const dot = root.querySelector('.dot');
      if (!dot?.parentElement) throw new Error('.dot missing');
      expect(
        contrast(getComputedStyle(dot).borderTopColor, backgroundOf(dot.parentElement)),
        'dot',
      ).to.be.at.least(7);
    };
    check();
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    check();
    window.dispatchEvent(new Event('online'));
  });

  it('can be registered twice without throwing', () => {
    expect(() => defineKioskApp()).not.to.throw();
  });
});

function channels(color: string): [number, number, number] {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}

function luminance(color: string): number {
  const [r, g, b] = channels(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two CSS colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The first opaque background behind a node, looking through shadow roots to their hosts. */
function backgroundOf(node: Element): string {
  for (let at: Element | null = node; at;) {
    const background = getComputedStyle(at).backgroundColor;
    if (background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent') return background;
    const root = at.getRootNode();
    at = at.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return 'rgb(255, 255, 255)';
}
