import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  isRetryable,
  MUNICIPALITIES,
  nominationIssueMessage,
  newId,
  NOMINATOR_ROLES,
  StueError,
  StueHttpError,
  StueValidationError,
  submitNomination,
  validateNomination,
  type IssueCode,
  type Lang,
  type MunicipalityCode,
  type NominationV2Input,
  type NominationStatus,
  type NominatorRole,
} from '@stue/core';
import {
  StueNominationErrorEvent,
  StueNominationSubmitEvent,
  StueNominationSuccessEvent,
} from './nomination-form.events.js';
import { nominationFormStyles } from './nomination-form.styles.js';
import { nominationFormText, toLang, type NominationFormText } from './nomination-form.text.js';

/** What the person has typed so far. It lives only in this object, never in storage. */
interface Draft {
  role: NominatorRole | '';
  name: string;
  phone: string;
  email: string;
  hostFirstName: string;
  municipalityCode: string;
  friendFirstName: string;
  friendPhone: string;
  consent: boolean;
  /** When the consent box was ticked: the consent record's time. */
  consentAt: string | undefined;
}

type TextKey = Exclude<keyof Draft, 'role' | 'consent' | 'consentAt'>;

const emptyDraft = (): Draft => ({
  role: '',
  name: '',
  phone: '',
  email: '',
  hostFirstName: '',
  municipalityCode: '',
  friendFirstName: '',
  friendPhone: '',
  consent: false,
  consentAt: undefined,
});

/** An issue as the form keeps it: the message is looked up at render, so it follows `lang`. */
interface FormIssue {
  path: string;
  code: IssueCode;
}

/** Why a send failed, as far as the person needs to know. */
interface Failure {
  code: string;
  kind: 'retry' | 'rate-limited' | 'setup' | 'conflict';
}

// Issue paths (from @stue/core and the hub) → the control a summary link focuses, in form order.
const FIELD_IDS: Record<string, string> = {
  'nominator.role': `role-${NOMINATOR_ROLES[0]}`,
  'nominator.name': 'nominator-name',
  'nominator.phone': 'nominator-phone',
  'nominator.email': 'nominator-email',
  'host.firstName': 'host-first-name',
  'host.municipalityCode': 'host-municipality',
  'visitingFriend.firstName': 'friend-first-name',
  'visitingFriend.phone': 'friend-phone',
  consent: 'consent',
};
const FIELD_ORDER = Object.keys(FIELD_IDS);

// Names the wording the person agreed to (the consent box and its hint, version 1 of this form),
// so the consent record can always be matched with what was shown.
const CONSENT_NOTICE_VERSION = 'stue-nomination-form/1';

const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value);

/**
 * The form a visit service puts on its own website so that its people can nominate a host and
 * their visiting friend for a concert in the host's living room.
 *
 * It explains what a concert visit is, validates with `@stue/core` (Danish by default, English
 * with `lang="en"`), shows a GOV.UK-style error summary, sends the nomination to the Stue hub and
 * shows a receipt with the reference. If sending fails, everything typed stays in the form and a
 * retry sends the same nomination id, so the hub never stores it twice. Nothing is written to the
 * page's storage, cookies or URL.
 *
 * @summary Nominate a host and visiting friend for a living-room concert.
 *
 * @event stue-nomination-submit - {@link StueNominationSubmitEvent} A valid nomination is about
 *   to be sent. Cancelable: `preventDefault()` and nothing is sent. Field: `nominationId`.
 * @event stue-nomination-success - {@link StueNominationSuccessEvent} The hub has the nomination;
 *   the receipt is showing. Fields: `reference`, `status`.
 * @event stue-nomination-error - {@link StueNominationErrorEvent} The nomination was not sent.
 *   Fields: `code` (stable), `retryable`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The form's title, and the receipt's.
 * @csspart intro - The sentences on what a concert visit is.
 * @csspart section - Each block of questions (you, the host, the visiting friend, consent).
 * @csspart group - A fieldset of related controls (who you are, how to contact you).
 * @csspart label - A field's label, or a group's legend.
 * @csspart hint - Help text under a label.
 * @csspart control - Every input (text, phone, e-mail, radio, checkbox).
 * @csspart error - The message at a field that needs correcting.
 * @csspart error-summary - The list of problems shown at the top after a send attempt.
 * @csspart notice - The message shown when a nomination was not sent.
 * @csspart button - The send button and the receipt's "nominate another pair" button.
 * @csspart status - The live region that announces "Sending…".
 * @csspart receipt - The panel shown once the hub has the nomination.
 * @csspart reference - The reference inside the receipt.
 *
 * @cssproperty [--stue-accent=#1c5a48] - Buttons, selected radios and checkboxes, the receipt's border.
 * @cssproperty [--stue-accent-text=#ffffff] - Text on the accent colour.
 * @cssproperty [--stue-text=#1f1f1f] - Body text.
 * @cssproperty [--stue-muted=#4d4d4d] - Hints.
 * @cssproperty [--stue-background=#ffffff] - The form's background.
 * @cssproperty [--stue-border=#6b6b6b] - Input borders.
 * @cssproperty [--stue-error=#b0231a] - Error messages and borders.
 * @cssproperty [--stue-focus=#1d4ed8] - The focus outline.
 * @cssproperty [--stue-radius=6px] - Corner radius of inputs, buttons and panels.
 * @cssproperty [--stue-padding=24px] - Space between the form's edge and its content.
 * @cssproperty [--stue-font-family=system-ui] - The typeface; the size is fixed in px on purpose.
 *
 * @example
 * <script type="module" src="https://stue.example.dk/embed/stue-embed.js"></script>
 * <stue-nomination-form partner-key="pk_live_…" lang="da"></stue-nomination-form>
 */
export class StueNominationForm extends LitElement {
  static override styles = nominationFormStyles;

  /**
   * The hub used when the element has no `api`. The CDN bundle sets it to the hub it was loaded
   * from; npm users set `api` (or this) themselves.
   */
  static defaultApi = '';

  /** The partner's publishable key (`pk_…`), given by the programme. */
  @property({ attribute: 'partner-key' }) accessor partnerKey = '';

  /** `da` (default) or `en`. Anything starting with `en` shows English; anything else Danish. */
  @property() override accessor lang = 'da';

  /** The hub's base URL, e.g. `https://stue.example.dk/`. Defaults to {@link defaultApi}. */
  @property() accessor api = '';

  @state() private accessor phase: 'editing' | 'sending' | 'sent' = 'editing';
  @state() private accessor issues: FormIssue[] = [];
  @state() private accessor failure: Failure | undefined = undefined;
  @state() private accessor receipt: { reference: string; status: NominationStatus } | undefined =
    undefined;

  #draft: Draft = emptyDraft();
  // Made at the first send attempt and kept until the hub has the nomination, so every retry
  // carries the same id and the hub answers a repeat as a replay instead of storing it twice.
  #nominationId: string | undefined;

  get #lang(): Lang {
    return toLang(this.lang);
  }

  override render() {
    const lang = this.#lang;
    const t = nominationFormText(lang);
    return html`<div class="base" part="base" lang=${lang}>
      ${
        this.phase === 'sent' && this.receipt
          ? this.#renderReceipt(t, this.receipt.reference)
          : this.#renderForm(t)
      }
    </div>`;
  }

  #renderForm(t: NominationFormText) {
    const sending = this.phase === 'sending';
    const retry = this.failure?.kind === 'retry' || this.failure?.kind === 'rate-limited';
    return html`
      <h2 id="title" part="heading" tabindex="-1">${t.title}</h2>
      <div class="intro" part="intro">${t.intro.map((line) => html`<p>${line}</p>`)}</div>
      ${this.#renderSummary(t)} ${this.#renderFailure(t)}
      <!-- method="dialog": should a submit ever slip past the handler, the browser goes nowhere,
           so nothing typed can end up in the page's URL or on the partner's server. -->
      <form
        method="dialog"
        novalidate
        @submit=${this.#onSubmit}
        @input=${this.#onInput}
        @change=${this.#onInput}
      >
        <div class="section" part="section">
          <h3 id="nominator-heading">${t.nominator.legend}</h3>
          ${this.#renderRoles(t)}
          ${this.#textField('nominator.name', 'name', t.nominator.name, { autocomplete: 'name' })}
          <fieldset class="field" part="group" aria-describedby="contact-hint">
            <legend class="label" part="label">${t.nominator.contactLegend}</legend>
            <span id="contact-hint" class="hint" part="hint">${t.nominator.contactHint}</span>
            ${this.#textField('nominator.phone', 'phone', t.nominator.phone, {
              type: 'tel',
              autocomplete: 'tel',
              short: true,
            })}
            ${this.#textField('nominator.email', 'email', t.nominator.email, {
              type: 'email',
              autocomplete: 'email',
            })}
          </fieldset>
        </div>

        <div class="section" part="section">
          <h3 id="host-heading">${t.host.legend}</h3>
          <p class="hint" part="hint">${t.host.hint}</p>
          ${this.#textField('host.firstName', 'hostFirstName', t.host.firstName, {
            hint: t.host.firstNameHint,
          })}
          ${this.#municipalityField(t)}
        </div>

        <div class="section" part="section">
          <h3 id="friend-heading">${t.friend.legend}</h3>
          <p class="hint" part="hint" id="friend-why">${t.friend.why}</p>
          ${this.#textField('visitingFriend.firstName', 'friendFirstName', t.friend.firstName)}
          ${this.#textField('visitingFriend.phone', 'friendPhone', t.friend.phone, {
            type: 'tel',
            short: true,
          })}
        </div>

        <div class="section" part="section">
          <h3 id="consent-heading">${t.consent.legend}</h3>
          ${this.#renderConsent(t)}
        </div>

        <div class="actions">
          <button type="submit" part="button" aria-disabled=${sending ? 'true' : nothing}>
            ${retry ? t.retry : t.submit}
          </button>
          <p class="status" part="status" role="status">${sending ? t.sending : ''}</p>
        </div>
      </form>
    `;
  }

  #renderRoles(t: NominationFormText) {
    const error = this.#errorFor('nominator.role');
    return html`<fieldset
      class="field ${error ? 'invalid' : ''}"
      part="group"
      aria-describedby=${error ? 'role-error' : nothing}
    >
      <legend class="label" part="label">${t.nominator.roleLegend}</legend>
      ${this.#renderError('role-error', error, t)}
      <div class="choices">
        ${NOMINATOR_ROLES.map(
          (role) =>
            html`<label class="choice">
              <input
                id="role-${role}"
                type="radio"
                name="role"
                part="control"
                value=${role}
                .checked=${this.#draft.role === role}
              />
              <span>${t.nominator.roles[role]}</span>
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderConsent(t: NominationFormText) {
    const error = this.#errorFor('consent');
    return html`<div class="field ${error ? 'invalid' : ''}">
      <span id="consent-hint" class="hint" part="hint">${t.consent.hint}</span>
      ${this.#renderError('consent-error', error, t)}
      <label class="choice" part="label">
        <input
          id="consent"
          type="checkbox"
          name="consent"
          part="control"
          aria-describedby=${error ? 'consent-hint consent-error' : 'consent-hint'}
          aria-invalid=${error ? 'true' : nothing}
          .checked=${this.#draft.consent}
        />
        <span>${t.consent.label}</span>
      </label>
    </div>`;
  }

  #municipalityField(t: NominationFormText) {
    const id = FIELD_IDS['host.municipalityCode']!;
    const error = this.#errorFor('host.municipalityCode');
    const collator = new Intl.Collator('da');
    const municipalities = [...MUNICIPALITIES].sort((a, b) => collator.compare(a.name, b.name));
    return html`<div class="field ${error ? 'invalid' : ''}">
      <label for=${id} part="label">${t.host.municipality}</label>
      ${this.#renderError(`${id}-error`, error, t)}
      <select
        id=${id}
        name="municipalityCode"
        part="control"
        autocomplete="off"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${error ? `${id}-error` : nothing}
      >
        <option value="" ?selected=${this.#draft.municipalityCode === ''}>
          ${t.host.municipalityChoose}
        </option>
        ${municipalities.map(
          (m) =>
            html`<option value=${m.code} ?selected=${this.#draft.municipalityCode === m.code}>
              ${m.name}
            </option>`,
        )}
      </select>
    </div>`;
  }

  #textField(
    path: string,
    key: TextKey,
    label: string,
    options: {
      type?: 'text' | 'tel' | 'email';
      autocomplete?: string;
      hint?: string;
      short?: boolean;
    } = {},
  ) {
    const id = FIELD_IDS[path] ?? key;
    const error = this.#errorFor(path);
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    const t = nominationFormText(this.#lang);
    return html`<div class="field ${error ? 'invalid' : ''}">
      <label for=${id} part="label">${label}</label>
      ${
        options.hint
          ? html`<span id="${id}-hint" class="hint" part="hint">${options.hint}</span>`
          : nothing
      }
      ${this.#renderError(`${id}-error`, error, t)}
      <input
        id=${id}
        name=${key}
        type=${options.type ?? 'text'}
        class=${options.short ? 'short' : ''}
        part="control"
        autocomplete=${options.autocomplete ?? 'off'}
        spellcheck="false"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy || nothing}
        .value=${this.#draft[key]}
      />
    </div>`;
  }

  #renderError(id: string, message: string | undefined, t: NominationFormText) {
    return message
      ? html`<span id=${id} class="error" part="error"
          ><span class="visually-hidden">${t.errorPrefix}</span> ${message}</span
        >`
      : nothing;
  }

  #renderSummary(t: NominationFormText) {
    if (this.issues.length === 0) return nothing;
    return html`<div class="summary" part="error-summary" tabindex="-1">
      <div role="alert">
        <h2 class="summary-title">${t.summaryTitle}</h2>
        <ul>
          ${this.issues.map((issue) => {
            const message = nominationIssueMessage(issue.path, issue.code, this.#lang);
            const id = FIELD_IDS[issue.path];
            return html`<li>
              ${
                id
                  ? html`<a href="#${id}" @click=${(event: Event) => this.#followLink(event, id)}
                      >${message}</a
                    >`
                  : message
              }
            </li>`;
          })}
        </ul>
      </div>
    </div>`;
  }

  #renderFailure(t: NominationFormText) {
    const failure = this.failure;
    if (!failure) return nothing;
    const text: Record<Failure['kind'], string> = {
      retry: t.notSent.retryable,
      'rate-limited': t.notSent.rateLimited,
      setup: t.notSent.setup,
      conflict: t.notSent.conflict,
    };
    return html`<div class="notice" part="notice" tabindex="-1">
      <div role="alert">
        <h2 id="notice-title">${t.notSent.title}</h2>
        <p>${text[failure.kind]}</p>
        <p class="code">${t.notSent.code}: <code>${failure.code}</code></p>
      </div>
    </div>`;
  }

  #renderReceipt(t: NominationFormText, reference: string): TemplateResult {
    return html`<section class="receipt" part="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" part="heading" tabindex="-1">${t.receipt.title}</h2>
      <p>
        ${t.receipt.reference}<br /><span class="reference" part="reference">${reference}</span>
      </p>
      <h3>${t.receipt.nextTitle}</h3>
      <ul>
        ${t.receipt.next.map((line) => html`<li>${line}</li>`)}
      </ul>
      <button type="button" part="button" class="secondary" @click=${this.#startAgain}>
        ${t.receipt.again}
      </button>
    </section>`;
  }

  #errorFor(path: string): string | undefined {
    const issue = this.issues.find((candidate) => candidate.path === path);
    return issue && nominationIssueMessage(issue.path, issue.code, this.#lang);
  }

  #onInput(event: Event) {
    const input = event.target as HTMLInputElement;
    if (input.name === 'consent') {
      this.#draft.consent = input.checked;
      this.#draft.consentAt = input.checked ? new Date().toISOString() : undefined;
    } else if (input.name === 'role') this.#draft.role = input.value as NominatorRole;
    else if (input.name in this.#draft) this.#draft[input.name as TextKey] = input.value;
  }

  #followLink(event: Event, id: string) {
    // A `#id` link cannot reach into shadow DOM (and must not touch the page's URL), so the
    // summary moves focus itself, showing the field's label or legend with it.
    event.preventDefault();
    const control = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (!control) return;
    control.closest('fieldset.field, .field')?.scrollIntoView({ block: 'center' });
    control.focus({ preventScroll: true });
  }

  #input(id: string): NominationV2Input {
    const draft = this.#draft;
    return {
      schemaVersion: 2,
      id,
      nominator: {
        // An unanswered question is sent as missing, so it reads "choose who you are".
        role: (draft.role || undefined) as NominatorRole,
        name: draft.name,
        phone: blankToUndefined(draft.phone),
        email: blankToUndefined(draft.email),
      },
      host: {
        firstName: draft.hostFirstName,
        municipalityCode: (draft.municipalityCode || undefined) as MunicipalityCode,
      },
      visitingFriend: { firstName: draft.friendFirstName, phone: draft.friendPhone },
      // The tick box is the statement that the host said yes through the visiting friend; the
      // record says who, via whom, when, and which wording the person agreed to.
      consent: (draft.consentAt
        ? {
            agreedBy: 'host',
            via: 'visiting-friend',
            at: draft.consentAt,
            noticeVersion: CONSENT_NOTICE_VERSION,
          }
        : undefined) as NominationV2Input['consent'],
    };
  }

  #check(input: NominationV2Input): FormIssue[] {
    const result = validateNomination(input, { lang: this.#lang });
    if (result.ok) return [];
    return result.issues;
  }

  #showIssues(issues: FormIssue[]) {
    // One message per field (the first is the most basic, e.g. "required" before "invalid"),
    // listed in the order the fields appear.
    const first = new Map<string, FormIssue>();
    for (const issue of issues) if (!first.has(issue.path)) first.set(issue.path, issue);
    const rank = (path: string) => {
      const index = FIELD_ORDER.indexOf(path);
      return index === -1 ? FIELD_ORDER.length : index;
    };
    this.issues = [...first.values()]
      .map(({ path, code }) => ({ path, code }))
      .sort((a, b) => rank(a.path) - rank(b.path));
    void this.#focusAfterRender('.summary');
  }

  async #focusAfterRender(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.phase === 'sending') return;
    this.#nominationId ??= newId();
    const input = this.#input(this.#nominationId);

    const issues = this.#check(input);
    if (issues.length > 0) {
      this.failure = undefined;
      this.#showIssues(issues);
      return;
    }
    this.issues = [];

    if (!this.dispatchEvent(new StueNominationSubmitEvent(this.#nominationId))) return;

    const key = this.partnerKey.trim();
    const api = withTrailingSlash(this.api.trim() || StueNominationForm.defaultApi);
    if (!key || !api) {
      this.#fail({ code: key ? 'missing_api' : 'missing_partner_key', kind: 'setup' }, false);
      return;
    }

    this.failure = undefined;
    this.phase = 'sending';
    try {
      const result = await submitNomination(input, { api, key, lang: this.#lang });
      this.#nominationId = undefined;
      this.#draft = emptyDraft();
      this.receipt = { reference: result.reference, status: result.status };
      this.phase = 'sent';
      await this.#focusAfterRender('#receipt-title');
      this.dispatchEvent(new StueNominationSuccessEvent(result.reference, result.status));
    } catch (error) {
      this.phase = 'editing';
      if (error instanceof StueValidationError) {
        this.#showIssues(error.issues);
        this.dispatchEvent(new StueNominationErrorEvent(error.code, false));
      } else {
        this.#fail(failureOf(error), isRetryable(error));
      }
    }
  }

  #fail(failure: Failure, retryable: boolean) {
    this.failure = failure;
    if (failure.kind === 'setup') {
      // For the site owner, who will look in the console first. Codes only, never what was typed.
      console.warn(
        `<stue-nomination-form> is not set up correctly on this page (${failure.code}): check its partner-key and api.`,
      );
    }
    void this.#focusAfterRender('.notice');
    this.dispatchEvent(new StueNominationErrorEvent(failure.code, retryable));
  }

  #startAgain() {
    this.receipt = undefined;
    this.failure = undefined;
    this.issues = [];
    this.phase = 'editing';
    void this.#focusAfterRender('#title');
  }
}

// `https://example.dk/stue` must mean the folder: URL resolution would otherwise drop `stue`.
function withTrailingSlash(url: string): string {
  return url === '' || url.endsWith('/') ? url : `${url}/`;
}

function failureOf(error: unknown): Failure {
  if (!(error instanceof StueError)) return { code: 'unexpected', kind: 'retry' };
  if (error instanceof StueHttpError) {
    if (error.status === 401 || error.status === 403) return { code: error.code, kind: 'setup' };
    if (error.status === 409) return { code: error.code, kind: 'conflict' };
    if (error.status === 429) return { code: error.code, kind: 'rate-limited' };
  }
  return { code: error.code, kind: 'retry' };
}
