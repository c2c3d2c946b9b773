import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { barChart, chartStyles, type Bar } from './charts.js';
import { sharedStyles } from './styles.js';

const texts = {
  labelHeading: 'Følelse',
  valueHeading: 'Antal',
  suppressed: 'Skjult',
  tableSummary: 'Tallene som tabel',
};

class ChartHost extends LitElement {
  static override styles = [sharedStyles, chartStyles];
  static override properties = { bars: { attribute: false } };
  declare bars: Bar[];
  override render() {
    return barChart({ id: 'feelings', caption: 'Hvad mærkede de?', bars: this.bars, texts });
  }
}
customElements.define('chart-host', ChartHost);

const BARS: Bar[] = [
  { label: 'Glad', value: 40 },
  { label: 'Rørt', value: 20 },
  { label: 'Trist', value: null },
  { label: 'Mindet om noget', value: 10 },
  { label: 'Træt', value: 0 },
];

async function render(bars = BARS) {
  const el = await fixture<ChartHost>(html`<chart-host .bars=${bars}></chart-host>`);
  return el.shadowRoot!;
}

describe('barChart', () => {
  it('draws bars in the order given, as long as their counts say', async () => {
    const root = await render();
    const bars = [...root.querySelectorAll('rect.bar:not(.suppressed)')].map((r) =>
      Number(r.getAttribute('width')),
    );
    expect(bars).to.have.length(3);
    expect(bars[0]! / bars[1]!).to.be.closeTo(2, 0.01);
    expect(bars[0]! / bars[2]!).to.be.closeTo(4, 0.01);
    const labels = [...root.querySelectorAll('text.label')].map((t) => t.textContent);
    expect(labels).to.deep.equal(['Glad', 'Rørt', 'Trist', 'Mindet om noget', 'Træt']);
  });

  it('writes every count as text, and a suppressed one in words, never as a number', async () => {
    const root = await render();
    const values = [...root.querySelectorAll('text.value')].map((t) => t.textContent);
    expect(values).to.deep.equal(['40', '20', 'Skjult', '10', '0']);
    const cells = [...root.querySelectorAll('tbody td')].map((td) => td.textContent?.trim());
    expect(cells).to.deep.equal(['40', '20', 'Skjult', '10', '0']);
  });

  it('draws a zero as its number with no bar, where a suppressed count has its outline', async () => {
    const root = await render();
    // Four rectangles for five bars: the zero has none.
    expect(root.querySelectorAll('rect.bar')).to.have.length(4);
    const zero = [...root.querySelectorAll('text.value')].at(-1)!;
    const label = [...root.querySelectorAll('text.label')].at(-1)!;
    expect(Number(zero.getAttribute('x'))).to.equal(Number(label.getAttribute('x')) + 8 + 8);
  });

  it('is one image named by its caption, with the numbers as a table', async () => {
    const root = await render();
    const image = root.querySelector('svg[role="img"]')!;
    expect(root.getElementById(image.getAttribute('aria-labelledby')!)?.textContent).to.equal(
      'Hvad mærkede de?',
    );
    expect(root.querySelector('table caption')?.textContent?.trim()).to.equal('Hvad mærkede de?');
    root.querySelector('details')!.open = true;
    await expect(root.host).to.be.accessible();
  });
});
