import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { StueErrorSummary } from './error-summary.js';

const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A form in a shadow root, as the widget and the console's pages have it. */
async function formInShadowRoot() {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `
    <stue-error-summary heading="Der er et problem"></stue-error-summary>
    <form>
      <stue-field label="Navn"><input id="name" name="name" /></stue-field>
      <fieldset><legend>Dage</legend><input type="checkbox" id="days" name="days" /></fieldset>
    </form>`;
  const summary = root.querySelector<StueErrorSummary>('stue-error-summary')!;
  await summary.updateComplete;
  return { root, summary };
}

describe('<stue-error-summary>', () => {
  it('renders nothing without problems', async () => {
    const { summary } = await formInShadowRoot();
    expect(summary.querySelector('.error-summary')).to.equal(null);
  });

  it('lists each problem, linked to its field when it has one, under the heading', async () => {
    const { summary } = await formInShadowRoot();
    summary.errors = [
      { field: 'name', message: 'Skriv et navn' },
      { message: 'Hubben svarer ikke' },
    ];
    await summary.updateComplete;
    const box = summary.querySelector('.error-summary')!;
    expect(text(box.querySelector('h2'))).to.equal('Der er et problem');
    expect(box.getAttribute('aria-labelledby')).to.equal(box.querySelector('h2')!.id);
    expect([...box.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      '#name',
    ]);
    expect([...box.querySelectorAll('li')].map(text)).to.deep.equal([
      'Skriv et navn',
      'Hubben svarer ikke',
    ]);
    await expect(summary).to.be.accessible();
  });

  it('takes focus when problems appear, and a link focuses its field in the same root', async () => {
    const { root, summary } = await formInShadowRoot();
    summary.errors = [
      { field: 'name', message: 'Skriv et navn' },
      { field: 'days', message: 'Vælg en dag' },
    ];
    await summary.updateComplete;
    expect(root.activeElement?.className).to.equal('error-summary');
    // The same problems rendered again (a new array) leave focus where the person is.
    root.querySelector<HTMLInputElement>('#name')!.focus();
    summary.errors = [...summary.errors];
    await summary.updateComplete;
    expect(root.activeElement?.id).to.equal('name');
    const before = location.href;
    summary.querySelectorAll('a')[1]!.click();
    expect(root.activeElement?.id).to.equal('days');
    expect(location.href).to.equal(before);
  });

  it('does not take focus when it is first shown with problems already set', async () => {
    const summary = await fixture<StueErrorSummary>(
      html`<stue-error-summary
        heading="There is a problem"
        heading-level="3"
        .errors=${[{ message: 'Something went wrong' }]}
      ></stue-error-summary>`,
    );
    expect(text(summary.querySelector('h3'))).to.equal('There is a problem');
    expect(document.activeElement).not.to.equal(summary.querySelector('.error-summary'));
  });
});
