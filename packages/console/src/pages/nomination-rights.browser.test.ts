import { danishInstant } from '@stue/core';
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsentView, NominationDetail, NominationItem, NominationNote } from '../api.js';
import {
  apiError,
  deepActiveElement,
  json,
  nominationItem,
  SESSION,
  stubHub,
  testContext,
  textOf,
  until,
} from '../internal/hub.test-support.js';
import { renderPage } from '../internal/page.test-support.js';
import { defineNominationPage, type StueNominationPage } from './nomination-page.js';

defineNominationPage();

// The nomination page's notes and its "consent and data" section, against the stub hub.

const render = (item: NominationDetail, lang: 'da' | 'en' = 'da') =>
  renderPage<StueNominationPage>(
    (context) =>
      html`<stue-nomination-page
        .context=${context}
        .nominationId=${item.id}
      ></stue-nomination-page>`,
    { lang, ready: (el) => (el.item || el.problem) && (el.consents || el.consentsProblem) },
  );

const button = (root: ShadowRoot, text: string) =>
  [...root.querySelectorAll('button')].find((b) => textOf(b) === text)!;

const consent = (overrides: Partial<ConsentView> = {}): ConsentView => ({
  id: 'consent-1',
  person: 'host',
  scope: 'nomination-contact',
  via: 'visiting-friend',
  givenAt: '2026-03-01T09:00:00.000Z',
  noticeVersion: '2026-01',
  recordedAt: '2026-03-01T09:05:00.000Z',
  recordedBy: 'coordinator:coordinator-1',
  withdrawnAt: null,
  ...overrides,
});

const note = (text: string, overrides: Partial<NominationNote> = {}): NominationNote => ({
  id: '01955000-0000-7000-8000-00000000aaaa',
  nominationId: '01955000-0000-7000-8000-000000000001',
  text,
  createdAt: '2026-11-24T12:15:00.000Z',
  author: { id: 'coordinator-2', name: 'Mette Madsen' },
  ...overrides,
});

/** A nomination as the hub answers it once the host has withdrawn consent. */
const hiddenItem = (item: NominationItem): NominationDetail => ({
  ...item,
  status: 'withdrawn',
  nomination: null,
  consentWithdrawnAt: '2026-11-26T10:00:00.000Z',
  notes: [],
});

function hubFor(item: NominationDetail, consents: ConsentView[] = [consent()]) {
  return stubHub({
    [`GET /api/v1/nominations/${item.id}`]: item,
    [`GET /api/v1/nominations/${item.id}/consents`]: { items: consents },
  });
}

/**
 * A nomination without notes, and a hub that refuses its `action` (`notes`, `consents`) with a
 * 400 about `issue`.
 */
function refusedAt(action: string, issue: { path: string; code: string; message: string }) {
  const item = { ...nominationItem(), notes: [] };
  const hub = hubFor(item);
  hub.route(
    `POST /api/v1/nominations/${item.id}/${action}`,
    apiError(400, 'invalid_body', 'x', { issues: [issue] }),
  );
  return { item, hub };
}

describe('<stue-nomination-page> notes', () => {
  it('shows the notes with author and time, and adds one', async () => {
    const item: NominationItem = {
      ...nominationItem(),
      notes: [note('Ringede tirsdag, ring igen torsdag')],
    };
    const hub = hubFor(item);
    hub.route(`POST /api/v1/nominations/${item.id}/notes`, (request) => {
      const body = request.body as { id: string; text: string };
      return json(
        note(body.text, {
          id: body.id,
          author: { id: SESSION.coordinator.id, name: 'Demo Koordinator' },
        }),
        201,
      );
    });
    const { el, root } = await render(item);
    const list = root.querySelector('section[aria-labelledby=notes-heading] ol.notes')!;
    expect(textOf(list)).to.contain('Ringede tirsdag, ring igen torsdag');
    expect(textOf(list)).to.contain('Mette Madsen, 24.');
    expect(list.querySelector('time')!.getAttribute('datetime')).to.equal(
      '2026-11-24T12:15:00.000Z',
    );
    root.querySelector<HTMLTextAreaElement>('#note-text')!.value =
      '  Talte med Bent. Ring fredag.  ';
    button(root, 'Gem noten').click();
    await until(() => root.querySelectorAll('ol.notes li').length === 2, 'note added');
    await el.updateComplete;
    const posted = hub.calls('POST', `/api/v1/nominations/${item.id}/notes`)[0]!;
    expect(posted.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect((posted.body as { text: string }).text).to.equal('Talte med Bent. Ring fredag.');
    expect((posted.body as { id: string }).id).to.match(/^[0-9a-f-]{36}$/);
    expect(textOf(root.querySelectorAll('ol.notes li')[1])).to.contain('Demo Koordinator');
    expect(root.querySelector<HTMLTextAreaElement>('#note-text')!.value).to.equal('');
    expect(textOf(root.querySelector('.note-notice'))).to.equal('Noten er gemt.');
    expect(textOf(root.querySelector('ol.history'))).to.contain('Note skrevet af Demo Koordinator');
    expect(textOf(root.querySelector('ol.history'))).not.to.contain('Talte med Bent');
  });

  it('refuses a CPR number at the field, without asking the hub', async () => {
    const item = { ...nominationItem(), notes: [] };
    const hub = hubFor(item);
    const { el, root } = await render(item);
    root.querySelector<HTMLTextAreaElement>('#note-text')!.value = 'Hans CPR er 010150-1234';
    button(root, 'Gem noten').click();
    await until(() => root.querySelector('#note-text-error'), 'error');
    await el.updateComplete;
    expect(textOf(root.querySelector('#note-text-error'))).to.contain('CPR-numre');
    expect(root.querySelector('#note-text')!.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()).to.equal(root.querySelector('#note-text'));
    expect(hub.calls('POST', `/api/v1/nominations/${item.id}/notes`)).to.have.length(0);
  });

  it("shows the hub's refusal at the field, and sends the same id again after a failure", async () => {
    const { item, hub } = refusedAt('notes', {
      path: 'text',
      code: 'cpr_not_allowed',
      message: 'Teksten ligner et CPR-nummer',
    });
    const { root } = await render(item);
    root.querySelector<HTMLTextAreaElement>('#note-text')!.value = 'Noget';
    button(root, 'Gem noten').click();
    await until(() => root.querySelector('#note-text-error'), 'error');
    expect(textOf(root.querySelector('#note-text-error'))).to.equal('Teksten ligner et CPR-nummer');
    button(root, 'Gem noten').click();
    await until(
      () => hub.calls('POST', `/api/v1/nominations/${item.id}/notes`).length === 2,
      'resend',
    );
    const [first, second] = hub.calls('POST', `/api/v1/nominations/${item.id}/notes`);
    expect((second!.body as { id: string }).id).to.equal((first!.body as { id: string }).id);
  });

  it('reads the notes from the hub when the inbox record has none', async () => {
    const listed = nominationItem();
    const hub = hubFor({ ...listed, notes: [note('Fra hubben')] });
    const context = testContext();
    context.nominations.set(listed.id, listed);
    const { root } = await renderPage<StueNominationPage>(
      () =>
        html`<stue-nomination-page
          .context=${context}
          .nominationId=${listed.id}
        ></stue-nomination-page>`,
      { context, ready: (el) => el.item?.notes, waitingFor: 'notes' },
    );
    expect(textOf(root.querySelector('ol.notes'))).to.contain('Fra hubben');
    expect(hub.calls('GET', `/api/v1/nominations/${listed.id}`)).to.have.length(1);
  });
});

describe('<stue-nomination-page> consent and data', () => {
  it('lists the consents: who, what for, via whom, when, notice version, withdrawn', async () => {
    const item = { ...nominationItem(), notes: [] };
    hubFor(item, [
      consent(),
      consent({
        id: 'consent-2',
        scope: 'quote',
        person: 'visiting-friend',
        via: 'self',
        withdrawnAt: '2026-11-20T10:00:00.000Z',
      }),
      consent({ id: 'consent-3', scope: 'feedback', via: 'tablet' }),
    ]);
    const { root } = await render(item);
    const rows = [...root.querySelectorAll('table.consents tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => textOf(cell)),
    );
    expect(rows[0]!.slice(0, 3)).to.deep.equal([
      'Værten',
      'Indstilling og kontakt',
      'gennem besøgsvennen',
    ]);
    expect(rows[0]![4]).to.equal('2026-01');
    expect(rows[0]![5]).to.equal('Nej');
    expect(rows[1]!.slice(0, 3)).to.deep.equal(['Besøgsvennen', 'At blive citeret', 'selv']);
    expect(rows[1]![5]).to.contain('20.');
    // Given on the musician's tablet before the first question.
    expect(rows[2]![2]).to.equal('på tabletten');
    expect(textOf(root.querySelector('table.consents caption'))).to.equal('Samtykker');
  });

  it('offers the export as a download of the hub’s JSON', async () => {
    const item = { ...nominationItem(), notes: [] };
    hubFor(item);
    const { root } = await render(item);
    const link = root.querySelector<HTMLAnchorElement>('#export-link')!;
    expect(textOf(link)).to.equal('Hent alle data om parret (JSON)');
    expect(link.getAttribute('href')).to.equal(`/api/v1/nominations/${item.id}/export`);
    expect(link.getAttribute('download')).to.equal(`stue-${item.reference}.json`);
  });

  it('confirms a withdrawal, saying what will happen, and then shows the date of erasure', async () => {
    const item = { ...nominationItem({ status: 'accepted' }), notes: [] };
    const hub = hubFor(item);
    hub.route(`POST /api/v1/nominations/${item.id}/consents/withdraw`, () => {
      // What the hub answers once consent is withdrawn: the nomination, nothing about the pair.
      hub.route(`GET /api/v1/nominations/${item.id}`, hiddenItem(item));
      hub.route(`GET /api/v1/nominations/${item.id}/consents`, {
        items: [consent({ withdrawnAt: '2026-11-26T10:00:00.000Z' })],
      });
      return { hidden: true, erasureDueAt: '2026-12-26T10:00:00.000Z', withdrawn: [] };
    });
    const { el, root } = await render(item);
    button(root, 'Registrér, at værten trækker samtykket tilbage').click();
    await el.updateComplete;
    await until(
      () => deepActiveElement() === root.querySelector('#consent-withdraw-heading'),
      'focus',
    );
    const form = textOf(root.querySelector('form.confirm'));
    expect(form).to.contain('Indstillingen skjules');
    expect(form).to.contain('koncerter aflyses');
    expect(form).to.contain('slettes efter 30 dage');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLTextAreaElement>('#consent-withdraw-reason')!.value = 'Sagde nej tak';
    button(root, 'Ja, registrér tilbagetrækningen').click();
    await until(() => textOf(root.querySelector('.rights-notice')) !== '', 'notice');
    await el.updateComplete;
    const posted = hub.calls('POST', `/api/v1/nominations/${item.id}/consents/withdraw`)[0]!;
    expect(posted.body).to.deep.equal({ person: 'host', reason: 'Sagde nej tak' });
    expect(textOf(root.querySelector('.rights-notice'))).to.contain('slettes 26. dec');
    expect(el.item!.status).to.equal('withdrawn');
    expect(root.querySelector('#open-consent-withdraw')).to.equal(null);
    // The page says what happened and keeps the consent section; the pair is no longer shown.
    expect(textOf(root.querySelector('#hidden-heading'))).to.equal(
      'Værten har trukket sit samtykke tilbage',
    );
    expect(textOf(root.querySelector('.hidden-pair'))).to.contain('26. nov. 2026');
    expect(root.querySelector('section.rights')).not.to.equal(null);
    expect(root.querySelector('#export-link')).not.to.equal(null);
    expect(root.querySelector('#call-heading')).to.equal(null);
    expect(textOf(root)).not.to.contain('Hanne Holm');
    await expect(el).to.be.accessible();
  });

  it('opens a nomination whose host withdrew consent without failing, and shows no pair', async () => {
    const item = { ...nominationItem({ status: 'withdrawn' }), notes: [] };
    const hidden = {
      ...hiddenItem(item),
      history: [
        { at: item.receivedAt, actor: 'partner-key:k1', action: 'received' },
        { at: '2026-11-26T10:00:00.000Z', actor: 'coordinator:c2', action: 'hidden' },
      ],
    };
    hubFor(hidden, [consent({ withdrawnAt: '2026-11-26T10:00:00.000Z' })]);
    const { el, root } = await render(hidden, 'en');
    expect(el.problem).to.equal('');
    expect(textOf(root.querySelector('h1'))).to.equal(`Nomination ${item.reference}`);
    expect(textOf(root.querySelector('#hidden-heading'))).to.equal(
      'The host has withdrawn consent',
    );
    expect(root.querySelector('#open-consent-record')).not.to.equal(null);
    expect(root.querySelector('#open-erase')).not.to.equal(null);
    expect(textOf(root.querySelector('ol.history'))).to.contain(
      'Hidden: the host withdrew consent by a coordinator',
    );
    expect(textOf(root)).not.to.contain('Hanne Holm');
    await expect(el).to.be.accessible();
  });

  it('erase: a wrong reference is refused at the field; the right one erases and says so', async () => {
    const item = { ...nominationItem(), notes: [] };
    const hub = hubFor(item);
    hub.route(`POST /api/v1/nominations/${item.id}/erase`, (request) =>
      (request.body as { reference: string }).reference.toUpperCase() === item.reference
        ? { erasureId: 'e-1', erasedAt: '2026-11-26T10:00:00.000Z', nominationId: item.id }
        : apiError(400, 'invalid_body', 'x', {
            issues: [
              {
                path: 'reference',
                code: 'invalid',
                message: 'Skriv indstillingens reference for at bekræfte sletningen',
              },
            ],
          }),
    );
    const { el, root, context } = await render(item);
    context.nominations.set(item.id, item);
    button(root, 'Slet parret').click();
    await el.updateComplete;
    expect(textOf(root.querySelector('form.confirm'))).to.contain('Det kan ikke fortrydes');
    expect(textOf(root.querySelector('label[for=erase-reference]'))).to.equal(
      `Skriv referencen ${item.reference} for at bekræfte`,
    );
    button(root, 'Slet parret for altid').click();
    await until(() => root.querySelector('#erase-reference-error'), 'required');
    expect(hub.calls('POST', `/api/v1/nominations/${item.id}/erase`)).to.have.length(0);
    root.querySelector<HTMLInputElement>('#erase-reference')!.value = 'STUE-AAAA-BBBB';
    button(root, 'Slet parret for altid').click();
    await until(
      () =>
        textOf(root.querySelector('#erase-reference-error')).includes('indstillingens reference'),
      'wrong',
    );
    await el.updateComplete;
    expect(root.querySelector('.error-summary a')!.getAttribute('href')).to.equal(
      '#erase-reference',
    );
    await expect(el).to.be.accessible();
    root.querySelector<HTMLInputElement>('#erase-reference')!.value = item.reference.toLowerCase();
    button(root, 'Slet parret for altid').click();
    await until(() => el.erased, 'erased');
    await el.updateComplete;
    expect(textOf(root.querySelector('h1'))).to.equal('Parret er slettet');
    expect(root.querySelector('a[href="#/inbox"]')).not.to.equal(null);
    expect(context.nominations.has(item.id)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('with the keyboard: opens the erasure, types the reference and erases', async () => {
    const item = { ...nominationItem(), notes: [] };
    const hub = hubFor(item);
    hub.route(`POST /api/v1/nominations/${item.id}/erase`, {
      erasureId: 'e-1',
      erasedAt: '2026-11-26T10:00:00.000Z',
    });
    const { el, root } = await render(item);
    root.querySelector<HTMLButtonElement>('#open-erase')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActiveElement() === root.querySelector('#erase-heading'), 'heading');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(root.querySelector('#erase-reference'));
    await sendKeys({ type: item.reference });
    await sendKeys({ press: 'Enter' });
    await until(() => el.erased, 'erased');
    await until(() => deepActiveElement() === root.querySelector('h1'), 'h1 focused');
    expect(hub.calls('POST', `/api/v1/nominations/${item.id}/erase`)[0]!.body).to.deep.equal({
      reference: item.reference,
    });
  });

  it('cancelling returns focus to the button that opened the confirmation', async () => {
    const item = { ...nominationItem(), notes: [] };
    hubFor(item);
    const { el, root } = await render(item);
    button(root, 'Slet parret').click();
    await el.updateComplete;
    button(root, 'Fortryd').click();
    await until(() => deepActiveElement() === root.querySelector('#open-erase'), 'back');
  });

  it('says in words when the pair was erased (410 person_erased)', async () => {
    const item = nominationItem();
    stubHub({
      [`GET /api/v1/nominations/${item.id}`]: apiError(410, 'person_erased', 'gone'),
    });
    const { root } = await renderPage<StueNominationPage>(
      (context) =>
        html`<stue-nomination-page
          .context=${context}
          .nominationId=${item.id}
        ></stue-nomination-page>`,
      { lang: 'en', ready: (el) => el.problem, waitingFor: 'problem' },
    );
    expect(textOf(root.querySelector('.notice.problem'))).to.contain('erased at their own request');
  });

  it('speaks English, and is accessible with the withdrawal open', async () => {
    const item = { ...nominationItem(), notes: [note('Called Tuesday')] };
    hubFor(item);
    const { el, root } = await render(item, 'en');
    expect(textOf(root.querySelector('#rights-heading'))).to.equal('Consent and data');
    expect(textOf(root.querySelector('#notes-heading'))).to.equal('Notes');
    expect(textOf(root.querySelector('table.consents tbody td'))).to.equal('The host');
    await expect(el).to.be.accessible();
    button(root, 'Record that the host withdraws consent').click();
    await el.updateComplete;
    expect(textOf(root.querySelector('form.confirm'))).to.contain('erased after 30 days');
    await expect(el).to.be.accessible();
  });
});

describe('<stue-nomination-page> recording a consent', () => {
  const input = (root: ShadowRoot, id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
  const checked = (root: ShadowRoot, name: string) =>
    root.querySelector<HTMLInputElement>(`form.record input[name=${name}]:checked`)?.value;

  /** A hub that records consents as the real one does, and lists them afterwards. */
  function recordingHub(item: NominationDetail, consents: ConsentView[] = [consent()]) {
    const hub = hubFor(item, consents);
    hub.route(`POST /api/v1/nominations/${item.id}/consents`, (request) => {
      const body = request.body as Record<string, string>;
      const made = consent({
        id: `consent-${consents.length + 1}`,
        person: body['person'] as ConsentView['person'],
        scope: body['scope'] as ConsentView['scope'],
        via: body['via']!,
        givenAt: new Date(body['at']!).toISOString(),
        noticeVersion: body['noticeVersion']!,
      });
      consents = [...consents, made];
      hub.route(`GET /api/v1/nominations/${item.id}/consents`, { items: consents });
      return json({ ...made, recordedAt: new Date().toISOString(), recordedBy: 'x' }, 201);
    });
    return hub;
  }

  async function openForm(el: StueNominationPage, root: ShadowRoot, text = 'Registrér samtykke') {
    button(root, text).click();
    await el.updateComplete;
    await until(
      () => deepActiveElement() === root.querySelector('#consent-record-heading'),
      'open',
    );
  }

  it('records the host’s yes to be quoted; the list shows it and the notice is focused', async () => {
    const item = { ...nominationItem(), notes: [] };
    const hub = recordingHub(item);
    const { el, root } = await render(item);
    await openForm(el, root);
    // Whose and how are preset to the usual (the host, through the visiting friend); what for
    // is never assumed.
    expect(checked(root, 'person')).to.equal('host');
    expect(checked(root, 'via')).to.equal('visiting-friend');
    expect(checked(root, 'scope')).to.equal(undefined);
    expect(textOf(root.querySelector('form.record'))).to.contain('Gennem besøgsvennen');
    input(root, 'consent-scope-quote').click();
    input(root, 'consent-at').value = '2026-11-20T14:30';
    button(root, 'Registrér samtykket').click();
    await until(() => textOf(root.querySelector('.rights-notice')) !== '', 'notice');
    await until(() => deepActiveElement() === root.querySelector('.rights-notice'), 'focus');
    const posted = hub.calls('POST', `/api/v1/nominations/${item.id}/consents`);
    expect(posted).to.have.length(1);
    expect(posted[0]!.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    // Danish winter time: 14:30 in Copenhagen is +01:00.
    expect(posted[0]!.body).to.deep.equal({
      person: 'host',
      scope: 'quote',
      via: 'visiting-friend',
      at: '2026-11-20T14:30:00+01:00',
      noticeVersion: '2026-01',
    });
    expect(textOf(root.querySelector('.rights-notice'))).to.equal(
      'Værtens samtykke til at blive citeret er registreret.',
    );
    const rows = [...root.querySelectorAll('table.consents tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => textOf(cell)),
    );
    expect(rows).to.have.length(2);
    expect(rows[1]!.slice(0, 3)).to.deep.equal([
      'Værten',
      'At blive citeret',
      'gennem besøgsvennen',
    ]);
    expect(rows[1]![3]).to.contain('20. nov. 2026');
    expect(rows[1]![3]).to.contain('14.30');
    expect(root.querySelector('form.record')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sends summer time with +02:00, and takes now and the nomination’s notice version by default', async () => {
    const item = { ...nominationItem(), notes: [] };
    const hub = recordingHub(item);
    const { el, root } = await render(item);
    const before = Date.now();
    await openForm(el, root);
    const at = input(root, 'consent-at');
    expect(at.type).to.equal('datetime-local');
    // The default is now, in Danish time, to the minute.
    const shown = Date.parse(danishInstant(at.value));
    expect(shown).to.be.at.most(Date.now());
    expect(shown).to.be.greaterThan(before - 61_000);
    expect(input(root, 'consent-notice').value).to.equal('2026-01');
    expect(textOf(root.querySelector('#consent-notice-hint'))).to.contain('version 2026-01');
    input(root, 'consent-person-visiting-friend').click();
    input(root, 'consent-scope-feedback').click();
    input(root, 'consent-via-self').click();
    at.value = '2026-06-02T09:05';
    input(root, 'consent-notice').value = ' 2026-02 ';
    button(root, 'Registrér samtykket').click();
    await until(() => hub.calls('POST', `/api/v1/nominations/${item.id}/consents`)[0], 'posted');
    expect(hub.calls('POST', `/api/v1/nominations/${item.id}/consents`)[0]!.body).to.deep.equal({
      person: 'visiting-friend',
      scope: 'feedback',
      via: 'self',
      at: '2026-06-02T09:05:00+02:00',
      noticeVersion: '2026-02',
    });
  });

  it('a 400 at noticeVersion is shown at that field, and keeps everything typed', async () => {
    const { item } = refusedAt('consents', {
      path: 'noticeVersion',
      code: 'too_long',
      message: 'Teksten er for lang',
    });
    const { el, root } = await render(item);
    await openForm(el, root);
    input(root, 'consent-person-visiting-friend').click();
    input(root, 'consent-scope-quote').click();
    input(root, 'consent-via-relative').click();
    input(root, 'consent-at').value = '2026-11-20T14:30';
    input(root, 'consent-notice').value = 'version-fra-telefonen';
    button(root, 'Registrér samtykket').click();
    await until(() => root.querySelector('#consent-notice-error'), 'error');
    await el.updateComplete;
    expect(textOf(root.querySelector('#consent-notice-error'))).to.equal('Teksten er for lang');
    const notice = input(root, 'consent-notice');
    expect(notice.getAttribute('aria-invalid')).to.equal('true');
    expect(notice.getAttribute('aria-describedby')).to.equal(
      'consent-notice-hint consent-notice-error',
    );
    expect(root.querySelector('.error-summary a')!.getAttribute('href')).to.equal(
      '#consent-notice',
    );
    expect(deepActiveElement()).to.equal(root.querySelector('.error-summary'));
    // Nothing typed is lost.
    expect(checked(root, 'person')).to.equal('visiting-friend');
    expect(checked(root, 'scope')).to.equal('quote');
    expect(checked(root, 'via')).to.equal('relative');
    expect(input(root, 'consent-at').value).to.equal('2026-11-20T14:30');
    expect(notice.value).to.equal('version-fra-telefonen');
    expect(root.querySelector('#consent-scope-error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  /**
   * Records a consent for quotes while the hub refuses its time (`at`) with `code`; answers once
   * the time field shows the refusal.
   */
  async function submitRefusedTime(code: string, message: string) {
    const { item } = refusedAt('consents', { path: 'at', code, message });
    const { el, root } = await render(item);
    await openForm(el, root);
    input(root, 'consent-scope-quote').click();
    button(root, 'Registrér samtykket').click();
    await until(() => root.querySelector('#consent-at-error'), 'error');
    return { el, root };
  }

  it('says in its own words what the hub found missing, at the field it names', async () => {
    const { root } = await submitRefusedTime('invalid_datetime', 'Skriv et tidspunkt');
    expect(textOf(root.querySelector('#consent-at-error'))).to.equal(
      'Skriv dato og klokkeslæt for, hvornår samtykket blev givet',
    );
  });

  it('shows the hub’s refusal of a time in the future at the time field (the hub’s clock decides)', async () => {
    const { el, root } = await submitRefusedTime(
      'consent_in_future',
      'Samtykket er dateret ud i fremtiden.',
    );
    await el.updateComplete;
    expect(textOf(root.querySelector('#consent-at-error'))).to.equal(
      'Tidspunktet ligger i fremtiden. Skriv, hvornår samtykket blev givet',
    );
    expect(input(root, 'consent-at').getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('.error-summary a')!.getAttribute('href')).to.equal('#consent-at');
    await expect(el).to.be.accessible();
  });

  it('checks the form before asking the hub: a choice, a time not in the future, a version', async () => {
    const item = { ...nominationItem(), notes: [] };
    const hub = hubFor(item);
    const { el, root } = await render(item);
    await openForm(el, root);
    input(root, 'consent-at').value = '2099-01-01T10:00';
    input(root, 'consent-notice').value = '';
    button(root, 'Registrér samtykket').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    await el.updateComplete;
    expect(textOf(root.querySelector('#consent-scope-error'))).to.equal(
      'Vælg, hvad samtykket gælder',
    );
    expect(textOf(root.querySelector('#consent-at-error'))).to.contain('i fremtiden');
    expect(textOf(root.querySelector('#consent-notice-error'))).to.equal(
      'Skriv versionen af den oplysning, der blev læst op',
    );
    const scope = root.querySelector('#consent-scope')!.closest('fieldset')!;
    expect(scope.getAttribute('aria-describedby')).to.equal('consent-scope-error');
    expect(textOf(scope.querySelector('legend'))).to.equal('Hvad siger de ja til?');
    expect(hub.calls('POST', `/api/v1/nominations/${item.id}/consents`)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows other failures as a problem, keeps the form, and cancelling returns focus', async () => {
    const item = { ...nominationItem(), notes: [] };
    const hub = hubFor(item);
    hub.route(`POST /api/v1/nominations/${item.id}/consents`, () => {
      throw new TypeError('Failed to fetch');
    });
    const { el, root } = await render(item);
    await openForm(el, root);
    input(root, 'consent-scope-quote').click();
    button(root, 'Registrér samtykket').click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    expect(textOf(root.querySelector('.error-summary li'))).not.to.equal('');
    expect(root.querySelector('.error-summary a')).to.equal(null);
    expect(checked(root, 'scope')).to.equal('quote');
    button(root, 'Fortryd').click();
    await until(() => deepActiveElement() === root.querySelector('#open-consent-record'), 'back');
  });

  it('consent given again after a withdrawal: the nomination is shown again', async () => {
    const item = { ...nominationItem({ status: 'withdrawn' }), notes: [] };
    const hub = recordingHub(hiddenItem(item), [
      consent({ withdrawnAt: '2026-11-20T10:00:00.000Z' }),
    ]);
    hub.route(`POST /api/v1/nominations/${item.id}/consents`, (request) => {
      hub.route(`GET /api/v1/nominations/${item.id}`, item);
      const body = request.body as Record<string, string>;
      const made = consent({
        id: 'consent-2',
        scope: body['scope'] as ConsentView['scope'],
        givenAt: body['at']!,
      });
      hub.route(`GET /api/v1/nominations/${item.id}/consents`, {
        items: [consent({ withdrawnAt: '2026-11-20T10:00:00.000Z' }), made],
      });
      return json({ ...made, recordedAt: new Date().toISOString(), recordedBy: 'x' }, 201);
    });
    const { el, root } = await render(hiddenItem(item));
    expect(root.querySelector('#open-consent-withdraw')).to.equal(null);
    await openForm(el, root);
    input(root, 'consent-scope').click();
    input(root, 'consent-at').value = '2026-11-22T10:00';
    button(root, 'Registrér samtykket').click();
    await until(() => textOf(root.querySelector('.rights-notice')) !== '', 'notice');
    await el.updateComplete;
    expect(textOf(root.querySelector('.rights-notice'))).to.equal(
      'Værtens samtykke til indstilling og kontakt er registreret. Indstillingen vises igen og bliver ikke slettet. Den står stadig som trukket tilbage.',
    );
    expect(hub.calls('GET', `/api/v1/nominations/${item.id}`).length).to.be.greaterThan(0);
    // The pair is shown again.
    expect(root.querySelector('#hidden-heading')).to.equal(null);
    expect(textOf(root.querySelector('#call-heading'))).not.to.equal('');
    // The host can withdraw the new consent again.
    expect(root.querySelector('#open-consent-withdraw')).not.to.equal(null);
  });

  it('with the keyboard: opens the form, chooses with the arrow keys and records', async () => {
    const item = { ...nominationItem(), notes: [] };
    const hub = recordingHub(item);
    const { root } = await render(item);
    root.querySelector<HTMLButtonElement>('#open-consent-record')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActiveElement() === root.querySelector('#consent-record-heading'), 'h3');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(root.querySelector('#consent-person'));
    await sendKeys({ press: 'Tab' });
    // No scope chosen yet: Tab lands on the first, and the arrow key chooses the next.
    expect(deepActiveElement()).to.equal(root.querySelector('#consent-scope'));
    await sendKeys({ press: 'ArrowDown' });
    expect(checked(root, 'scope')).to.equal('feedback');
    input(root, 'consent-notice').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActiveElement() === root.querySelector('.rights-notice'), 'recorded');
    const body = hub.calls('POST', `/api/v1/nominations/${item.id}/consents`)[0]!.body;
    expect((body as { scope: string }).scope).to.equal('feedback');
    expect((body as { at: string }).at).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00$/);
  });

  it('speaks English, and is accessible with the form open', async () => {
    const item = { ...nominationItem(), notes: [] };
    const hub = recordingHub(item);
    const { el, root } = await render(item, 'en');
    await openForm(el, root, 'Record a consent');
    const form = root.querySelector('form.record')!;
    const legends = [...form.querySelectorAll('legend')].map((l) => textOf(l));
    expect(legends).to.deep.equal([
      'Whose consent is it?',
      'What are they agreeing to?',
      'How was the consent given?',
    ]);
    expect(textOf(form)).to.contain('Being quoted');
    expect(textOf(form)).to.contain('Through the visiting friend');
    expect(textOf(root.querySelector('label[for=consent-at]'))).to.equal('When was it given?');
    expect(textOf(root.querySelector('#consent-at-hint'))).to.equal('Date and time, Danish time.');
    await expect(el).to.be.accessible();
    button(root, 'Record the consent').click();
    await until(() => root.querySelector('#consent-scope-error'), 'error');
    expect(textOf(root.querySelector('#consent-scope-error'))).to.equal(
      'Choose what the consent is for',
    );
    await expect(el).to.be.accessible();
    input(root, 'consent-scope-quote').click();
    button(root, 'Record the consent').click();
    await until(() => textOf(root.querySelector('.rights-notice')) !== '', 'notice');
    expect(textOf(root.querySelector('.rights-notice'))).to.equal(
      "The host's consent to being quoted is recorded.",
    );
    expect(hub.calls('POST', `/api/v1/nominations/${item.id}/consents`)).to.have.length(1);
  });
});
