import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { StueField } from './field.js';

const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<stue-field>', () => {
  it('labels its control and describes it with the hint', async () => {
    const field = await fixture<StueField>(
      html`<stue-field label="E-mail" hint="Kun om besøget" optional=" (valgfrit)">
        <input id="email" name="email" type="email" />
      </stue-field>`,
    );
    const input = field.querySelector('input')!;
    expect(field.querySelector('label')!.htmlFor).to.equal('email');
    expect(text(field.querySelector('label'))).to.equal('E-mail (valgfrit)');
    expect(input.labels?.length).to.equal(1);
    expect(input.getAttribute('aria-describedby')).to.equal('email-hint');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    // The pieces come before the control, which stays where the form put it.
    expect(field.lastElementChild).to.equal(input);
    await expect(field).to.be.accessible();
  });

  it('shows the error, marks the control invalid and describes it with both', async () => {
    const field = await fixture<StueField>(
      html`<stue-field label="Navn" hint="Fornavn er nok" error-prefix="Fejl:">
        <select id="name" name="name">
          <option>Ane</option>
        </select>
      </stue-field>`,
    );
    field.error = 'Vælg et navn';
    await field.updateComplete;
    const select = field.querySelector('select')!;
    expect(text(field.querySelector('.error-message'))).to.equal('Fejl: Vælg et navn');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(select.getAttribute('aria-describedby')).to.equal('name-hint name-error');
    await expect(field).to.be.accessible();

    field.error = undefined;
    field.hint = undefined;
    await field.updateComplete;
    expect(field.querySelector('.error-message')).to.equal(null);
    expect(select.getAttribute('aria-invalid')).to.equal('false');
    expect(select.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('keeps its control in the form, so the form sends it', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <stue-field label="Besked"><textarea id="note" name="note">Hej</textarea></stue-field>
      </form>`,
    );
    expect(new FormData(form).get('note')).to.equal('Hej');
  });
});
