import { expect, html } from '@open-wc/testing';
import {
  apiError,
  deepActiveElement,
  json,
  partner,
  partnerKey,
  SESSION,
  stubHub,
  textOf,
  until,
  webhookDelivery,
  webhookEndpoint,
} from '../internal/hub.test-support.js';
import { renderPage } from '../internal/page.test-support.js';
import { definePartnersPage, type StuePartnersPage } from './partners-page.js';

definePartnersPage();

const pk = partnerKey({ prefix: 'pk_AbCdEfGh', createdAt: '2026-01-05T09:00:00.000Z' });
const sk = partnerKey({ kind: 'secret', prefix: 'sk_QrStUvWx' });
const oldKey = partnerKey({
  kind: 'secret',
  prefix: null,
  revokedAt: '2026-02-05T10:00:00.000Z',
});
const demo = partner({
  allowedOrigins: ['https://besoeg.example.dk', 'http://127.0.0.1:*'],
  keys: [pk, sk, oldKey],
});
const kommune = partner({
  id: 'aarhus',
  name: 'Aarhus Kommune',
  kind: 'municipality',
  allowedOrigins: [],
  keys: [],
});
const hook = webhookEndpoint({ description: 'Vores CRM' });
const oldHook = webhookEndpoint({
  url: 'https://old.example.dk/hook',
  events: ['booking.cancelled'],
  disabledAt: '2026-02-01T12:00:00.000Z',
});
const delivered = webhookDelivery(hook, { createdAt: '2026-03-02T10:00:00.000Z' });
const retrying = webhookDelivery(hook, {
  createdAt: '2026-03-02T09:00:00.000Z',
  eventType: 'booking.confirmed',
  status: 'pending',
  attemptCount: 2,
  nextAttemptAt: '2026-03-02T09:05:00.000Z',
  payload: {
    type: 'booking.confirmed',
    timestamp: '2026-03-02T09:00:00.000Z',
    data: {
      bookingId: 'b-1',
      nominationId: 'n-1',
      reference: 'STUE-AAAA-BBBB',
      start: '2026-03-10T14:00:00+01:00',
      status: 'confirmed',
      changedAt: '2026-03-02T09:00:00.000Z',
    },
  },
  attempts: [
    {
      attempt: 1,
      at: '2026-03-02T09:00:01.000Z',
      statusCode: null,
      error: 'timeout',
      durationMs: 10000,
    },
    {
      attempt: 2,
      at: '2026-03-02T09:01:00.000Z',
      statusCode: 503,
      error: 'http_status',
      durationMs: 80,
    },
  ],
});
const failed = webhookDelivery(oldHook, {
  createdAt: '2026-02-01T11:00:00.000Z',
  status: 'failed',
  attemptCount: 0,
  attempts: [],
});

const routes = () => ({
  'GET /api/v1/partners': { items: [kommune, demo] },
  'GET /api/v1/webhooks': { items: [hook, oldHook] },
  'GET /api/v1/webhooks/deliveries': { items: [delivered, retrying, failed], nextCursor: null },
});

const render = (lang: 'da' | 'en' = 'da') =>
  renderPage<StuePartnersPage>(
    (context) => html`<stue-partners-page .context=${context}></stue-partners-page>`,
    { lang, ready: (el) => !el.loading && !el.logLoading },
  );

const button = (root: ParentNode, text: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) =>
    typeof text === 'string' ? textOf(b) === text : text.test(textOf(b)),
  )!;

const section = (root: ShadowRoot, name: string) =>
  [...root.querySelectorAll<HTMLElement>('section.partner')].find(
    (s) => textOf(s.querySelector('h2')) === name,
  )!;

const rows = (table: Element | null) =>
  [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell) => textOf(cell)),
  );

const logTable = (root: ShadowRoot) =>
  root.querySelector('section[aria-labelledby="log-heading"] table');

describe('<stue-partners-page>', () => {
  it('lists each partner with its kind, allowed websites and keys', async () => {
    stubHub(routes());
    const { root } = await render();
    expect([...root.querySelectorAll('section.partner h2')].map((h) => textOf(h))).to.deep.equal([
      'Aarhus Kommune',
      'Demo Besøgstjeneste',
    ]);
    const demoSection = section(root, 'Demo Besøgstjeneste');
    expect(textOf(demoSection.querySelector('dl'))).to.equal(
      'Type Besøgstjeneste Tilladte hjemmesider https://besoeg.example.dk http://127.0.0.1:*',
    );
    const keys = demoSection.querySelector('table')!;
    expect(textOf(keys.querySelector('caption'))).to.equal('Nøgler for Demo Besøgstjeneste');
    const keyRows = rows(keys);
    expect(keyRows[0]!.slice(0, 2)).to.deep.equal(['pk_AbCdEfGh…', 'Offentlig']);
    expect(keyRows[0]![2]).to.match(/^5\. jan\. 2026/);
    expect(keyRows[0]![3]).to.equal('Aktiv');
    expect(keyRows[0]![4]).to.equal('Tilbagekald nøglen »pk_AbCdEfGh…«');
    expect(keyRows[1]!.slice(0, 2)).to.deep.equal(['sk_QrStUvWx…', 'Hemmelig']);
    expect(keyRows[2]![0]).to.equal('Ældre nøgle');
    expect(keyRows[2]![3]).to.match(/^Tilbagekaldt 5\. feb\. 2026/);
    expect(keyRows[2]![4]).to.equal('');
    const aarhus = section(root, 'Aarhus Kommune');
    expect(textOf(aarhus.querySelector('dl'))).to.equal('Type Kommune Tilladte hjemmesider Ingen');
    expect(textOf(aarhus)).to.contain('Partneren har ingen nøgler.');
    expect(textOf(aarhus)).to.contain('Partneren har ingen webhook-adresser.');
  });

  it('shows the webhook addresses with their events and whether active', async () => {
    stubHub(routes());
    const { root } = await render();
    const tables = section(root, 'Demo Besøgstjeneste').querySelectorAll('table');
    const hooks = rows(tables[1]!);
    expect(textOf(tables[1]!.querySelector('caption'))).to.equal(
      'Webhook-adresser for Demo Besøgstjeneste',
    );
    expect(hooks[0]![0]).to.equal('https://besoeg.example.dk/stue/webhook Vores CRM');
    expect(hooks[0]![1]).to.equal('Indstillingens status ændret Koncert bekræftet');
    expect(hooks[0]![3]).to.equal('Aktiv');
    expect(hooks[1]![1]).to.equal('Koncert aflyst');
    expect(hooks[1]![3]).to.match(/^Fjernet 1\. feb\. 2026/);
  });

  it('makes a key and shows it once, with a warning, a copy button and a way to close it', async () => {
    const hub = stubHub({
      ...routes(),
      'POST /api/v1/partners/demo-partner/keys': () =>
        json(
          {
            id: 'new-key',
            kind: 'secret',
            prefix: 'sk_NyNoegle',
            createdAt: '2026-03-02T09:00:00.000Z',
            revokedAt: null,
            key: 'sk_NyNoegleMedMangeTegn1234567890abcdefghijk',
          },
          201,
        ),
    });
    const { el, root } = await render();
    const demoSection = section(root, 'Demo Besøgstjeneste');
    const open = button(demoSection, /^Ny nøgle/);
    expect(textOf(open)).to.equal('Ny nøgle … – Demo Besøgstjeneste');
    open.click();
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(root.querySelector('#new-key-heading'));
    expect(textOf(root.querySelector('#new-key-heading'))).to.equal(
      'Ny nøgle til Demo Besøgstjeneste',
    );

    // No kind chosen: the form asks, and nothing is sent.
    button(root, 'Lav nøglen').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    expect(textOf(root.querySelector('.error-summary a'))).to.equal(
      'Vælg, hvilken slags nøgle partneren skal have',
    );
    expect(deepActiveElement()).to.equal(root.querySelector('.error-summary'));
    expect(hub.calls('POST', '/api/v1/partners/demo-partner/keys')).to.have.length(0);

    root.querySelector<HTMLInputElement>('#new-key-kind-secret')!.click();
    button(root, 'Lav nøglen').click();
    await until(() => root.querySelector('#made-key'), 'key shown');
    await el.updateComplete;
    const request = hub.calls('POST', '/api/v1/partners/demo-partner/keys')[0]!;
    expect(request.body).to.deep.equal({ kind: 'secret' });
    expect(request.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect(deepActiveElement()).to.equal(root.querySelector('#made-heading'));
    expect(textOf(root.querySelector('#made-heading'))).to.equal('Ny hemmelig nøgle');
    expect(textOf(root.querySelector('#made-key'))).to.equal(
      'sk_NyNoegleMedMangeTegn1234567890abcdefghijk',
    );
    expect(textOf(root.querySelector('#made-warning'))).to.contain('Den bliver ikke vist igen');
    // The table has the new key, by its prefix only.
    expect(rows(demoSection.querySelector('table'))[3]!.slice(0, 2)).to.deep.equal([
      'sk_NyNoegle…',
      'Hemmelig',
    ]);
    expect(textOf(demoSection.querySelector('table'))).not.to.contain('MedMangeTegn');

    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void (copied = text) },
    });
    try {
      button(root, 'Kopiér nøglen').click();
      await until(() => copied !== '', 'copied');
      await el.updateComplete;
      expect(copied).to.equal('sk_NyNoegleMedMangeTegn1234567890abcdefghijk');
      expect(textOf(root.querySelector('.made [role="status"]'))).to.equal('Nøglen er kopieret.');
      // Where the browser refuses the clipboard, the key is selected for copying by hand.
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
      button(root, 'Kopiér nøglen').click();
      await until(() => el.copyState === 'failed', 'copy failed');
      await el.updateComplete;
      expect(textOf(root.querySelector('.made [role="status"]'))).to.equal(
        'Nøglen kunne ikke kopieres. Markér den, og kopiér den selv.',
      );
      expect(deepActiveElement()).to.equal(root.querySelector('#made-key'));
      expect(String(getSelection())).to.contain('sk_NyNoegleMedMangeTegn1234567890abcdefghijk');
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['clipboard'];
    }

    button(root, 'Luk – jeg har gemt nøglen').click();
    await el.updateComplete;
    expect(root.querySelector('#made-key')).to.equal(null);
    expect(textOf(root)).not.to.contain('MedMangeTegn');
    expect(deepActiveElement()).to.equal(root.querySelector('#new-key-demo-partner'));
  });

  it('keeps a new key on show while another is revoked, and drops it when it is revoked itself', async () => {
    const made = partnerKey({ id: 'made-1', kind: 'secret', prefix: 'sk_LigeLavet' });
    stubHub({
      ...routes(),
      'POST /api/v1/partners/demo-partner/keys': json(
        { ...made, key: 'sk_LigeLavetOgVistEnGang1234567890abcdefghi' },
        201,
      ),
      [`POST /api/v1/partners/demo-partner/keys/${pk.id}/revoke`]: {
        ...pk,
        revokedAt: '2026-03-02T11:00:00.000Z',
      },
      'POST /api/v1/partners/demo-partner/keys/made-1/revoke': {
        ...made,
        revokedAt: '2026-03-02T11:00:00.000Z',
      },
    });
    const { el, root } = await render();
    button(section(root, 'Demo Besøgstjeneste'), /^Ny nøgle/).click();
    await el.updateComplete;
    root.querySelector<HTMLInputElement>('#new-key-kind-secret')!.click();
    button(root, 'Lav nøglen').click();
    await until(() => root.querySelector('#made-key'), 'key shown');

    button(root, 'Tilbagekald nøglen »pk_AbCdEfGh…«').click();
    await el.updateComplete;
    expect(root.querySelector('#made-key')).not.to.equal(null);
    button(root, 'Ja, tilbagekald nøglen').click();
    await until(() => el.notice !== undefined, 'first revoked');
    await el.updateComplete;
    expect(root.querySelector('#made-key')).not.to.equal(null);

    button(root, 'Tilbagekald nøglen »sk_LigeLavet…«').click();
    await el.updateComplete;
    button(root, 'Ja, tilbagekald nøglen').click();
    await until(() => root.querySelector('#made-key') === null, 'key dropped');
    await el.updateComplete;
    expect(textOf(root)).not.to.contain('OgVistEnGang');
    expect(textOf(section(root, 'Demo Besøgstjeneste').querySelector('.notice'))).to.equal(
      'Nøglen »sk_LigeLavet…« er tilbagekaldt.',
    );
  });

  it('says in the form why the hub refused a key, keeping the choice', async () => {
    stubHub({
      ...routes(),
      'POST /api/v1/partners/demo-partner/keys': apiError(404, 'not_found'),
    });
    const { el, root } = await render();
    button(section(root, 'Demo Besøgstjeneste'), /^Ny nøgle/).click();
    await el.updateComplete;
    root.querySelector<HTMLInputElement>('#new-key-kind')!.click();
    button(root, 'Lav nøglen').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    expect(textOf(root.querySelector('.error-summary li'))).to.equal(
      'Partneren findes ikke længere. Hent siden igen.',
    );
    expect(root.querySelector<HTMLInputElement>('#new-key-kind')!.checked).to.equal(true);
    expect(root.querySelector('#made-key')).to.equal(null);
  });

  it('revokes a key only after a confirmation naming it, and cancelling keeps it', async () => {
    const hub = stubHub({
      ...routes(),
      [`POST /api/v1/partners/demo-partner/keys/${sk.id}/revoke`]: {
        ...sk,
        revokedAt: '2026-03-02T11:00:00.000Z',
      },
    });
    const { el, root } = await render();
    const demoSection = section(root, 'Demo Besøgstjeneste');
    const revokeButton = () => button(demoSection, 'Tilbagekald nøglen »sk_QrStUvWx…«');
    revokeButton().click();
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(root.querySelector('#confirm-question'));
    expect(textOf(root.querySelector('#confirm-question'))).to.match(
      /^Tilbagekald nøglen »sk_QrStUvWx…«\? /,
    );
    button(root, 'Fortryd').click();
    await el.updateComplete;
    expect(root.querySelector('#confirm-question')).to.equal(null);
    expect(deepActiveElement()).to.equal(revokeButton());
    expect(hub.calls('POST', `/api/v1/partners/demo-partner/keys/${sk.id}/revoke`)).to.have.length(
      0,
    );

    revokeButton().click();
    await el.updateComplete;
    button(root, 'Ja, tilbagekald nøglen').click();
    await until(() => textOf(demoSection.querySelector('.notice')) !== '', 'notice');
    await el.updateComplete;
    const request = hub.calls('POST', `/api/v1/partners/demo-partner/keys/${sk.id}/revoke`)[0]!;
    expect(request.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect(textOf(demoSection.querySelector('.notice'))).to.equal(
      'Nøglen »sk_QrStUvWx…« er tilbagekaldt.',
    );
    expect(deepActiveElement()).to.equal(demoSection.querySelector('.notice'));
    const keyRows = rows(demoSection.querySelector('table'));
    expect(keyRows[1]![3]).to.match(/^Tilbagekaldt 2\. mar\. 2026/);
    expect(keyRows[1]![4]).to.equal('');
  });

  it('keeps the confirmation open with the hub’s reason when a revoke fails', async () => {
    stubHub({
      ...routes(),
      [`POST /api/v1/partners/demo-partner/keys/${pk.id}/revoke`]: apiError(404, 'not_found'),
    });
    const { el, root } = await render();
    button(root, 'Tilbagekald nøglen »pk_AbCdEfGh…«').click();
    await el.updateComplete;
    button(root, 'Ja, tilbagekald nøglen').click();
    await until(() => root.querySelector('#revoke-problem'), 'problem');
    await el.updateComplete;
    expect(textOf(root.querySelector('#revoke-problem'))).to.equal(
      'Nøglen findes ikke længere hos partneren. Hent siden igen.',
    );
    expect(deepActiveElement()).to.equal(root.querySelector('#revoke-problem'));
    expect(root.querySelector('#confirm-question')).not.to.equal(null);
    expect(rows(section(root, 'Demo Besøgstjeneste').querySelector('table'))[0]![3]).to.equal(
      'Aktiv',
    );
  });

  it('shows the delivery log in words, filters it by status and pages on', async () => {
    const hub = stubHub(routes());
    const { el, root } = await render();
    const log = rows(logTable(root));
    expect(textOf(logTable(root)!.querySelector('caption'))).to.equal(
      'Leveringer, nyeste først (3 leveringer vist)',
    );
    expect(log[0]![0]).to.match(/^2\. mar\. 2026/);
    expect(log[0]![1]).to.equal(
      'Indstillingens status ændret STUE-7KQ3-9XZD: Under vurdering → Godkendt',
    );
    expect(log[0]![2]).to.equal('https://besoeg.example.dk/stue/webhook Demo Besøgstjeneste');
    expect(log[0]![3]).to.equal('Leveret');
    expect(log[0]![4]).to.equal('1');
    expect(log[0]![5]).to.equal('Svarede 204 kl. 11.00');
    expect(log[1]![1]).to.equal('Koncert bekræftet STUE-AAAA-BBBB');
    expect(log[1]![3]).to.equal('Prøver igen Næste forsøg kl. 10.05');
    expect(log[1]![5]).to.equal('Svarede 503 kl. 10.01');
    expect(log[2]![3]).to.equal('Mislykket');
    expect(log[2]![5]).to.equal('Ikke forsøgt endnu');
    expect(root.querySelector('section[aria-labelledby="log-heading"] button.secondary')).to.equal(
      null,
    );

    // Filter: failed deliveries of the demo partner, a page at a time.
    const page1 = [webhookDelivery(hook, { status: 'failed' })];
    const page2 = [
      webhookDelivery(hook, { status: 'failed', createdAt: '2026-03-01T08:00:00.000Z' }),
    ];
    hub.route('GET /api/v1/webhooks/deliveries', (request) =>
      request.search.get('cursor') === 'next-1'
        ? { items: page2, nextCursor: null }
        : { items: page1, nextCursor: 'next-1' },
    );
    root.querySelector<HTMLSelectElement>('#log-partner')!.value = 'demo-partner';
    root.querySelector<HTMLSelectElement>('#log-status')!.value = 'failed';
    button(root, 'Vis leveringer').click();
    await until(() => rows(logTable(root)).length === 1, 'filtered');
    await el.updateComplete;
    const asked = hub.calls('GET', '/api/v1/webhooks/deliveries').at(-1)!;
    expect(asked.search.get('partner')).to.equal('demo-partner');
    expect(asked.search.getAll('status')).to.deep.equal(['failed']);
    expect(asked.search.get('cursor')).to.equal(null);

    button(root, 'Vis flere').click();
    await until(() => rows(logTable(root)).length === 2, 'next page');
    await el.updateComplete;
    expect(hub.calls('GET', '/api/v1/webhooks/deliveries').at(-1)!.search.get('cursor')).to.equal(
      'next-1',
    );
    expect(hub.calls('GET', '/api/v1/webhooks/deliveries').at(-1)!.search.get('status')).to.equal(
      'failed',
    );
    expect(deepActiveElement()).to.equal(
      root.querySelector(`#delivery-${CSS.escape(page2[0]!.id)}`),
    );
    expect(button(root, 'Vis flere')).to.equal(undefined);
    expect(root.querySelector<HTMLSelectElement>('#log-status')!.value).to.equal('failed');

    hub.route('GET /api/v1/webhooks/deliveries', { items: [], nextCursor: null });
    root.querySelector<HTMLSelectElement>('#log-status')!.value = 'pending';
    button(root, 'Vis leveringer').click();
    await until(() => logTable(root) === null, 'empty');
    await el.updateComplete;
    expect(textOf(root.querySelector('.empty'))).to.equal(
      'Ingen leveringer med status »Venter eller prøver igen«.',
    );
  });

  it('says so when there are no deliveries yet, and shows one partner’s log on request', async () => {
    const hub = stubHub({
      ...routes(),
      'GET /api/v1/webhooks/deliveries': { items: [], nextCursor: null },
    });
    const { el, root } = await render();
    expect(textOf(root.querySelector('.empty'))).to.equal('Ingen leveringer endnu.');
    button(root, 'Vis leveringsloggen for Aarhus Kommune').click();
    await until(() => hub.calls('GET', '/api/v1/webhooks/deliveries').length === 2, 'asked');
    await el.updateComplete;
    expect(hub.calls('GET', '/api/v1/webhooks/deliveries')[1]!.search.get('partner')).to.equal(
      'aarhus',
    );
    expect(root.querySelector<HTMLSelectElement>('#log-partner')!.value).to.equal('aarhus');
    expect(deepActiveElement()).to.equal(root.querySelector('#log-heading'));
  });

  it('says what went wrong where it happened, and tries again on request', async () => {
    const hub = stubHub({
      ...routes(),
      'GET /api/v1/partners': apiError(500, 'internal'),
      'GET /api/v1/webhooks/deliveries': apiError(400, 'invalid_parameter', 'Ugyldig parameter.'),
    });
    const { el, root } = await render();
    expect(textOf(root.querySelector('.notice.problem p'))).to.equal(
      'Noget gik galt. Prøv igen – og kontakt support, hvis det bliver ved.',
    );
    expect(textOf(root.querySelector('#log-problem p'))).to.equal(
      'Leveringsloggen kunne ikke hentes. Ugyldig parameter.',
    );
    hub.route('GET /api/v1/partners', { items: [demo] });
    button(root.querySelector('.notice.problem')!, 'Prøv igen').click();
    await until(() => root.querySelectorAll('section.partner').length === 1, 'retried');
    await el.updateComplete;
    expect(root.querySelector('.notice.problem:not(#log-problem)')).to.equal(null);
    expect(root.querySelector('#log-problem')).not.to.equal(null);
  });

  it('speaks English', async () => {
    stubHub(routes());
    const { root } = await render('en');
    expect(textOf(root.querySelector('h1'))).to.equal('Partners');
    const demoSection = section(root, 'Demo Besøgstjeneste');
    expect(rows(demoSection.querySelector('table'))[0]!.slice(1, 2)).to.deep.equal(['Publishable']);
    expect(textOf(button(demoSection, /^Revoke/))).to.equal('Revoke the key “pk_AbCdEfGh…”');
    expect(textOf(button(demoSection, /^New key/))).to.equal('New key … – Demo Besøgstjeneste');
    const log = rows(logTable(root));
    expect(log[0]![1]).to.equal('Nomination status changed STUE-7KQ3-9XZD: In review → Accepted');
    expect(log[1]![3]).to.equal('Trying again Next attempt at 10:05');
    expect(log[2]![3]).to.equal('Failed');
  });

  it('is accessible with a new key showing, and with a confirmation showing', async () => {
    stubHub({
      ...routes(),
      'POST /api/v1/partners/demo-partner/keys': json(
        { ...partnerKey(), key: 'pk_NyNoegleMedMangeTegn1234567890abcdefghijk' },
        201,
      ),
    });
    const { el, root } = await render();
    button(section(root, 'Demo Besøgstjeneste'), /^Ny nøgle/).click();
    await el.updateComplete;
    button(root, 'Lav nøglen').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLInputElement>('#new-key-kind')!.click();
    button(root, 'Lav nøglen').click();
    await until(() => root.querySelector('#made-key'), 'key shown');
    await expect(el).to.be.accessible();
    button(root, 'Tilbagekald nøglen »sk_QrStUvWx…«').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
