import { expect, html } from '@open-wc/testing';
import {
  deepActiveElement,
  device,
  musician,
  SESSION,
  stubHub,
  textOf,
  until,
} from '../internal/hub.test-support.js';
import { renderPage } from '../internal/page.test-support.js';
import { defineDevicesPage, type StueDevicesPage } from './devices-page.js';

defineDevicesPage();

const signe = musician({ name: 'Signe Vang' });
const jakob = musician({ name: 'Jakob Holm' });
const tablet = device({ name: 'Signes tablet', musician: { id: signe.id, name: signe.name } });
const old = device({
  name: 'Gammel tablet',
  musician: { id: jakob.id, name: jakob.name },
  revokedAt: '2026-02-05T10:00:00.000Z',
  lastSeenAt: null,
});

const routes = () => ({
  'GET /api/v1/devices': { items: [tablet, old] },
  'GET /api/v1/musicians': { items: [jakob, signe], nextCursor: null },
});

const render = (lang: 'da' | 'en' = 'da') =>
  renderPage<StueDevicesPage>(
    (context) => html`<stue-devices-page .context=${context}></stue-devices-page>`,
    { lang },
  );

const button = (root: ShadowRoot, text: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) =>
    typeof text === 'string' ? textOf(b) === text : text.test(textOf(b)),
  )!;

describe('<stue-devices-page>', () => {
  it('lists the tablets with their musician, when seen and whether revoked', async () => {
    stubHub(routes());
    const { root } = await render();
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => textOf(cell)),
    );
    expect(rows[0]![0]).to.equal('Signes tablet');
    expect(rows[0]![1]).to.equal('Signe Vang');
    expect(rows[0]![4]).to.equal('Aktiv');
    expect(rows[0]![5]).to.equal('Spær Signes tablet');
    expect(rows[1]![3]).to.equal('Ikke endnu');
    expect(rows[1]![4]).to.match(/^Spærret 5\. feb\. 2026/);
    expect(rows[1]![5]).to.equal('');
  });

  it('makes a one-time code for a musician and shows it large with its expiry', async () => {
    const hub = stubHub({
      ...routes(),
      'POST /api/v1/devices/enrolment-codes': () =>
        new Response(JSON.stringify({ code: 'K7QM-3XZD', expiresAt: '2026-03-02T09:00:00.000Z' }), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        }),
    });
    const { el, root } = await render();
    const select = root.querySelector<HTMLSelectElement>('#enrol-musician')!;
    expect([...select.options].map((o) => textOf(o))).to.deep.equal([
      'Vælg musiker',
      'Jakob Holm',
      'Signe Vang',
    ]);
    select.value = signe.id;
    button(root, 'Lav engangskode').click();
    await until(() => root.querySelector('.code'), 'code');
    await el.updateComplete;
    const request = hub.calls('POST', '/api/v1/devices/enrolment-codes')[0]!;
    expect(request.body).to.deep.equal({ musicianId: signe.id });
    expect(request.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect(textOf(root.querySelector('.code'))).to.equal('K7QM-3XZD');
    const qr = root.querySelector('.qr svg[role="img"]');
    expect(qr?.getAttribute('aria-label')).to.equal('QR-kode med engangskoden');
    expect(qr!.getBoundingClientRect().width).to.be.at.least(150);
    expect(parseFloat(getComputedStyle(root.querySelector('.code')!).fontSize)).to.be.at.least(36);
    expect(textOf(root.querySelector('.code-panel'))).to.contain('Til tabletten hos Signe Vang');
    expect(textOf(root.querySelector('.code-panel'))).to.match(/Gælder til 2\. mar\. 2026/);
    expect(deepActiveElement()).to.equal(root.querySelector('#code-heading'));
  });

  it('asks which musician when none is chosen', async () => {
    const hub = stubHub(routes());
    const { root } = await render();
    button(root, 'Lav engangskode').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    expect(textOf(root.querySelector('.error-summary a'))).to.equal(
      'Vælg den musiker, tabletten skal høre til',
    );
    expect(hub.calls('POST', '/api/v1/devices/enrolment-codes')).to.have.length(0);
  });

  it('revokes a tablet only after a confirmation, and cancelling keeps it', async () => {
    const hub = stubHub({
      ...routes(),
      [`POST /api/v1/devices/${tablet.id}/revoke`]: () => new Response(null, { status: 204 }),
    });
    const { el, root } = await render();
    button(root, 'Spær Signes tablet').click();
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(root.querySelector('#confirm-question'));
    expect(textOf(root.querySelector('#confirm-question'))).to.match(/^Spær »Signes tablet«\?/);
    button(root, 'Fortryd').click();
    await el.updateComplete;
    expect(root.querySelector('#confirm-question')).to.equal(null);
    expect(deepActiveElement()).to.equal(button(root, 'Spær Signes tablet'));

    button(root, 'Spær Signes tablet').click();
    await el.updateComplete;
    hub.route('GET /api/v1/devices', {
      items: [{ ...tablet, revokedAt: '2026-03-01T10:00:00.000Z' }, old],
    });
    button(root, 'Ja, spær tabletten').click();
    await until(() => textOf(root.querySelector('.notice')) !== '', 'notice');
    await el.updateComplete;
    const revoke = hub.calls('POST', `/api/v1/devices/${tablet.id}/revoke`)[0]!;
    expect(revoke.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect(textOf(root.querySelector('.notice'))).to.equal('Tabletten »Signes tablet« er spærret.');
    expect(root.querySelectorAll('tbody .tag.ok')).to.have.length(0);
  });

  it('warns about a tablet that reused a sequence number: it may be restored or copied', async () => {
    const copied = device({
      name: 'Jakobs tablet',
      musician: { id: jakob.id, name: jakob.name },
      sequenceReusedAt: '2026-03-01T09:30:00.000Z',
    });
    const revokedCopy = device({
      name: 'Spærret kopi',
      revokedAt: '2026-03-01T10:00:00.000Z',
      sequenceReusedAt: '2026-02-28T09:30:00.000Z',
    });
    stubHub({ ...routes(), 'GET /api/v1/devices': { items: [tablet, copied, revokedCopy] } });
    const { el, root } = await render();
    const warnings = [...root.querySelectorAll('.sequence-warning li')].map((li) => textOf(li));
    // Only the tablet still in use: a revoked one can do no more harm.
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(
      /^»Jakobs tablet« har sendt et løbenummer, den har brugt før — den kan være gendannet eller kopieret\. Sidst 1\. mar\. 2026/,
    );
    expect(warnings[0]).to.contain('Jakob Holm');
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(textOf(rows[1]!.querySelector('.tag.problem'))).to.equal('Tjek tabletten');
    expect(rows[0]!.querySelector('.tag.problem')).to.equal(null);
    expect(rows[2]!.querySelector('.tag.problem')).to.equal(null);
    await expect(el).to.be.accessible();

    el.remove();
    const english = await render('en');
    const text = textOf(english.root.querySelector('.sequence-warning'));
    expect(text).to.contain(
      '“Jakobs tablet” sent a sequence number it had used before — it may have been restored or copied.',
    );
    expect(textOf(english.root.querySelector('tbody .tag.problem'))).to.equal('Check the tablet');
    await expect(english.el).to.be.accessible();
  });

  it('shows no warning while every tablet counts up', async () => {
    stubHub(routes());
    const { root } = await render();
    expect(root.querySelector('.sequence-warning')).to.equal(null);
    expect(root.querySelector('tbody .tag.problem')).to.equal(null);
  });

  it('speaks English', async () => {
    stubHub(routes());
    const { root } = await render('en');
    expect(textOf(root.querySelector('h1'))).to.equal('Tablets');
    expect(textOf(button(root, /^Make/))).to.equal('Make a one-time code');
    expect(textOf(root.querySelector('tbody .tag'))).to.equal('Active');
  });

  it('is accessible, with a code and a confirmation showing', async () => {
    stubHub({
      ...routes(),
      'POST /api/v1/devices/enrolment-codes': {
        code: 'K7QM-3XZD',
        expiresAt: '2026-03-02T09:00:00.000Z',
      },
    });
    const { el, root } = await render();
    root.querySelector<HTMLSelectElement>('#enrol-musician')!.value = signe.id;
    button(root, 'Lav engangskode').click();
    await until(() => root.querySelector('.code'), 'code');
    button(root, 'Spær Signes tablet').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
