import { expect, html } from '@open-wc/testing';
import type { NominationItem } from '../api.js';
import {
  apiError,
  deepActiveElement,
  nominationItem,
  SESSION,
  stubHub,
  testContext,
  textOf,
  until,
  type StubRequest,
} from '../internal/hub.test-support.js';
import { renderPage } from '../internal/page.test-support.js';
import {
  defineNominationPage,
  screeningActionsFor,
  type StueNominationPage,
} from './nomination-page.js';

defineNominationPage();

async function render(
  item: NominationItem,
  options: { cached?: boolean; lang?: 'da' | 'en' } = {},
) {
  const context = testContext(options.lang);
  if (options.cached !== false) context.nominations.set(item.id, item);
  const { el, root } = await renderPage<StueNominationPage>(
    () =>
      html`<stue-nomination-page
        .context=${context}
        .nominationId=${item.id}
      ></stue-nomination-page>`,
    { context, ready: (el) => el.item || el.problem },
  );
  return { el, root };
}

const buttons = (root: ShadowRoot) =>
  [...root.querySelectorAll('.decision button')].map((b) => textOf(b));

const button = (root: ShadowRoot, text: string) =>
  [...root.querySelectorAll('button')].find((b) => textOf(b) === text)!;

/** The hub's answer to a screening move. */
const moved = (item: NominationItem, status: NominationItem['status']) => ({
  id: item.id,
  reference: item.reference,
  status,
  allowedActions: [],
});

describe('<stue-nomination-page>', () => {
  it('shows how to reach the visiting friend and the nominator, for the call', async () => {
    stubHub();
    const item = nominationItem({ host: 'Inger', status: 'received' });
    const { root } = await render(item);
    expect(textOf(root.querySelector('h1'))).to.equal(`Indstilling ${item.reference}`);
    const call = root.querySelector('section[aria-labelledby=call-heading]')!;
    expect(textOf(call)).to.contain('Besøgsven Fornavn Bent Telefon 20 30 40 50');
    expect(call.querySelector('a.phone')!.getAttribute('href')).to.equal('tel:+4520304050');
    expect(textOf(call)).to.contain('Navn Hanne Holm Rolle Lokal ekspert');
    expect(call.querySelector('a[href="mailto:hanne@example.dk"]')).not.to.equal(null);
    const host = textOf(root.querySelector('section[aria-labelledby=host-heading]'));
    expect(host).to.contain('Kommune Aarhus');
    expect(host).to.contain('Musikønsker Gerne sange fra Højskolesangbogen');
    expect(host).to.contain('Værten hører dårligt');
    expect(host).to.contain('Trapper og ingen elevator');
    expect(host).to.contain('Værten sagde selv ja, gennem besøgsvennen');
  });

  it('gives the eligibility outcome with its reasons, in kind words', async () => {
    stubHub();
    const item = nominationItem({
      screening: {
        'own-home': 'yes',
        'little-access-to-concerts': 'yes',
        'risk-of-loneliness': 'not-sure',
        'enjoys-music': 'yes',
        'takes-part-in-conversation': 'yes',
        'said-yes': 'yes',
      },
    });
    const { root } = await render(item);
    const section = root.querySelector('section[aria-labelledby=eligibility-heading]')!;
    expect(textOf(section.querySelector('.tag'))).to.equal('Tal sammen først');
    expect(textOf(section)).to.contain('Det er ikke et nej.');
    expect(section.querySelectorAll('.reasons li')).to.have.length(1);
    expect(textOf(section.querySelector('.reasons li'))).to.match(/^Besøgsvennen er ikke sikker/);
  });

  it('has the booking-call checklist: one musician, acoustic, about an hour, coffee', async () => {
    stubHub();
    const { root } = await render(nominationItem());
    const list = textOf(root.querySelector('section[aria-labelledby=checklist-heading]'));
    expect(list).to.contain(
      'Én musiker kommer og spiller akustisk – ikke et band, ingen højttalere.',
    );
    expect(list).to.contain('omkring en time');
    expect(list).to.contain('Kaffen står på bordet');
  });

  it('offers only the moves the lifecycle allows', async () => {
    expect(screeningActionsFor('received')).to.deep.equal(['review', 'withdraw']);
    expect(screeningActionsFor('in-review')).to.deep.equal(['accept', 'decline', 'withdraw']);
    expect(screeningActionsFor('declined')).to.deep.equal([]);
    stubHub();
    const { root } = await render(nominationItem({ status: 'in-review' }));
    expect(buttons(root)).to.deep.equal(['Godkend', 'Afslå …', 'Træk tilbage …']);
    const done = await render(nominationItem({ status: 'completed' }));
    expect(buttons(done.root)).to.deep.equal([]);
    expect(textOf(done.root.querySelector('.decision'))).to.contain('Koncerten er holdt.');
  });

  it('starts the review and accepts, with the CSRF token, and says what happened', async () => {
    const item = nominationItem({ status: 'received' });
    const hub = stubHub({
      [`POST /api/v1/nominations/${item.id}/review`]: moved(item, 'in-review'),
      [`POST /api/v1/nominations/${item.id}/accept`]: moved(item, 'accepted'),
    });
    const { el, root } = await render(item);
    button(root, 'Start vurdering').click();
    await until(() => el.item?.status === 'in-review', 'in review');
    await el.updateComplete;
    const review = hub.calls('POST', `/api/v1/nominations/${item.id}/review`)[0]!;
    expect(review.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect(review.body).to.deep.equal({});
    expect(textOf(root.querySelector('.notice'))).to.equal('Indstillingen er nu: Under vurdering.');
    expect(deepActiveElement()).to.equal(root.querySelector('.notice'));
    expect(textOf(root.querySelector('h1 + .tag'))).to.equal('Under vurdering');

    button(root, 'Godkend').click();
    await until(() => el.item?.status === 'accepted', 'accepted');
    await el.updateComplete;
    expect(textOf(root.querySelector('.notice'))).to.equal('Indstillingen er nu: Godkendt.');
    expect(buttons(root)).to.deep.equal(['Træk tilbage …']);
    // Accepted, it waits for a concert: the decision links on to planning.
    const onward = root.querySelector<HTMLAnchorElement>('.decision a.onward')!;
    expect(textOf(onward)).to.equal('Gå til Planlægning');
    expect(onward.getAttribute('href')).to.equal('#/planning');
    await expect(el).to.be.accessible();
    expect(el.context.nominations.get(item.id)!.status).to.equal('accepted');
    const history = [...root.querySelectorAll('ol.history li')].map((li) => textOf(li));
    expect(history).to.have.length(3);
    expect(history[2]).to.contain('Godkendt af Demo Koordinator');
  });

  it('declines with a reason, a kind message and a referral, then offers the e-mail', async () => {
    const item = nominationItem({ status: 'in-review', host: 'Ruth' });
    const hub = stubHub({
      [`POST /api/v1/nominations/${item.id}/decline`]: moved(item, 'declined'),
    });
    const { el, root } = await render(item);
    button(root, 'Afslå …').click();
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(root.querySelector('#decline-heading'));
    const message = root.querySelector<HTMLTextAreaElement>('#decline-message')!;
    expect(message.value).to.match(/^Kære Hanne Holm\n\nTak, fordi I tænkte på Ruth/);

    button(root, 'Afslå indstillingen').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    await el.updateComplete;
    expect(textOf(root.querySelector('.error-summary li'))).to.equal('Skriv en begrundelse');
    expect(deepActiveElement()).to.equal(root.querySelector('.error-summary'));
    expect(hub.calls('POST', `/api/v1/nominations/${item.id}/decline`)).to.have.length(0);

    root.querySelector<HTMLTextAreaElement>('#decline-reason')!.value = 'Bor på plejehjem';
    root.querySelector<HTMLTextAreaElement>('#decline-referral')!.value = 'Plejehjemmets musikcafé';
    button(root, 'Afslå indstillingen').click();
    await until(() => el.item?.status === 'declined', 'declined');
    await el.updateComplete;
    expect(hub.calls('POST', `/api/v1/nominations/${item.id}/decline`)[0]!.body).to.deep.equal({
      reason: 'Bor på plejehjem',
      referral: 'Plejehjemmets musikcafé',
    });
    const mail = root.querySelector<HTMLAnchorElement>('a[href^="mailto:hanne@example.dk?"]')!;
    expect(textOf(mail)).to.equal('Skriv e-mailen');
    const body = new URLSearchParams(mail.href.split('?')[1]).get('body')!;
    expect(body).to.contain('Tak, fordi I tænkte på Ruth');
    expect(body).to.contain('Måske kan dette være noget: Plejehjemmets musikcafé');
    expect(textOf(root.querySelector('.decision'))).to.contain('Eller ring på 86 12 34 56');
  });

  it('refuses a CPR number in the reason before sending', async () => {
    const item = nominationItem({ status: 'in-review' });
    const hub = stubHub();
    const { el, root } = await render(item);
    button(root, 'Træk tilbage …').click();
    await el.updateComplete;
    root.querySelector<HTMLTextAreaElement>('#withdraw-reason')!.value =
      'Værten 010150-1234 flytter';
    button(root, 'Træk indstillingen tilbage').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    expect(textOf(root.querySelector('.error-summary li'))).to.equal(
      'Skriv ikke CPR-numre. Stue må ikke gemme dem.',
    );
    expect(hub.requests.filter((r: StubRequest) => r.method === 'POST')).to.have.length(0);
  });

  it('shows the hub’s own field messages in the summary', async () => {
    const item = nominationItem({ status: 'in-review' });
    stubHub({
      [`POST /api/v1/nominations/${item.id}/withdraw`]: apiError(400, 'invalid_body', 'x', {
        issues: [{ path: 'reason', code: 'too_long', message: 'Skriv højst 300 tegn' }],
      }),
    });
    const { el, root } = await render(item);
    button(root, 'Træk tilbage …').click();
    await el.updateComplete;
    root.querySelector<HTMLTextAreaElement>('#withdraw-reason')!.value = 'Parret har sagt nej tak';
    button(root, 'Træk indstillingen tilbage').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    const link = root.querySelector<HTMLAnchorElement>('.error-summary a')!;
    expect(textOf(link)).to.equal('Skriv højst 300 tegn');
    expect(link.getAttribute('href')).to.equal('#withdraw-reason');
  });

  it('shows what can be done when someone else moved the nomination meanwhile', async () => {
    const item = nominationItem({ status: 'received' });
    const now: NominationItem = { ...item, status: 'withdrawn' };
    stubHub({
      [`POST /api/v1/nominations/${item.id}/review`]: apiError(409, 'illegal_transition'),
      [`GET /api/v1/nominations/${item.id}`]: now,
    });
    const { el, root } = await render(item);
    button(root, 'Start vurdering').click();
    await until(() => el.item?.status === 'withdrawn', 'reloaded');
    await el.updateComplete;
    expect(textOf(root.querySelector('.notice'))).to.contain('ændret imens');
    expect(buttons(root)).to.deep.equal([]);
  });

  it('reads a nomination it has not seen from the hub, with its history', async () => {
    const item = nominationItem({ host: 'Else' });
    const history = [
      { at: '2026-11-20T09:00:00.000Z', actor: 'partner-key:k1', action: 'received' },
      { at: '2026-11-21T10:00:00.000Z', actor: 'coordinator:c1', action: 'review' },
    ];
    const hub = stubHub({ [`GET /api/v1/nominations/${item.id}`]: { ...item, history } });
    const { root } = await render(item, { cached: false });
    expect(hub.calls('GET', `/api/v1/nominations/${item.id}`)).to.have.length(1);
    expect(hub.calls('GET', '/api/v1/nominations')).to.have.length(0);
    expect(textOf(root.querySelector('h1'))).to.equal(`Indstilling ${item.reference}`);
    expect(root.querySelectorAll('ol.history li')).to.have.length(2);
  });

  it('says when there is no such nomination', async () => {
    stubHub();
    const { root } = await render(nominationItem(), { cached: false });
    expect(textOf(root.querySelector('h1'))).to.equal('Siden findes ikke');
  });

  it('speaks English', async () => {
    stubHub();
    const { root } = await render(nominationItem({ status: 'in-review' }), { lang: 'en' });
    expect(textOf(root.querySelector('h1'))).to.match(/^Nomination STUE-/);
    expect(buttons(root)).to.deep.equal(['Accept', 'Decline …', 'Withdraw …']);
    expect(textOf(root.querySelector('#checklist-heading'))).to.equal('Checklist for the call');
    expect(
      textOf(root.querySelector('section[aria-labelledby=eligibility-heading] .tag')),
    ).to.equal('Fits the format');
  });

  it('is accessible, with the decline form and its errors open', async () => {
    const item = nominationItem({ status: 'in-review' });
    stubHub();
    const { el, root } = await render(item);
    await expect(el).to.be.accessible();
    button(root, 'Afslå …').click();
    await el.updateComplete;
    button(root, 'Afslå indstillingen').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    await expect(el).to.be.accessible();
  });
});
