import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
// The zod-free validation and sending (the same rules and texts as `validateNomination` and
// `submitNomination`, proved equal in core's tests): the CDN bundle carries no schema library.
import {
  ACCESS_NEEDS,
  DEFAULT_PROGRAMME_ID,
  DEFAULT_SCREENING_QUESTIONS,
  isRetryable,
  MAX_EXTRA_GUESTS,
  municipalityNamed,
  municipalityNames,
  MUSIC_GENRES,
  newId,
  nominationFormMessage,
  NOMINATOR_ROLES,
  readablePhone,
  SCREENING_ANSWERS,
  screeningWording,
  searchMunicipalityNames,
  StueError,
  StueHttpError,
  StueValidationError,
  TIMES_OF_DAY,
  validateNominationLight,
  VISIT_LANGUAGES,
  WEEKDAYS,
  type IssueCode,
  type Lang,
  type MunicipalityCode,
  type NominationStatus,
  type NominationV2Input,
  type NominatorRole,
  type ProgrammePublic,
  type ScreeningAnswer,
  type ScreeningQuestion,
  type VisitLanguage,
  visitLanguageName,
} from '@stue/core';
import { fetchProgrammePublic, submitNominationLight } from '@stue/core/client';
import {
  NOMINATION_STEPS,
  StueNominationErrorEvent,
  StueNominationStepEvent,
  StueNominationSubmitEvent,
  StueNominationSuccessEvent,
  type NominationStep,
} from './nomination-form.events.js';
import { StueErrorSummary } from '../error-summary/error-summary.js';
import { StueField } from '../field/field.js';
import { ensureDefined } from '../internal/define-element.js';
import { illustration } from './nomination-form.illustration.js';
import { nominationFormStyles } from './nomination-form.styles.js';
import {
  NOTICE_VERSION,
  nominationFormText,
  toLang,
  type FeedbackAsker,
  type NominationFormText,
} from './nomination-form.text.js';

/** The nominator's details a partner page may fill in for the person (see `prefill`). */
export interface NominationFormPrefill {
  nominator?: {
    role?: NominatorRole;
    name?: string;
    organisation?: string;
    phone?: string;
    email?: string;
  };
}

type NominatorKey = keyof NonNullable<NominationFormPrefill['nominator']>;
const NOMINATOR_KEYS: readonly NominatorKey[] = ['role', 'name', 'organisation', 'phone', 'email'];

/** What the person has typed so far. It lives only in this object, never in storage. */
interface Draft {
  role: NominatorRole | '';
  name: string;
  organisation: string;
  phone: string;
  email: string;
  hostFirstName: string;
  municipalityCode: string;
  postcode: string;
  language: VisitLanguage;
  friendFirstName: string;
  friendPhone: string;
  screening: Record<string, ScreeningAnswer>;
  weekdays: string[];
  timesOfDay: string[];
  genres: string[];
  access: string[];
  musicWishes: string;
  extraGuests: number;
  /** When the consent box was ticked (the consent record's time); unticked when undefined. */
  consentAt: string | undefined;
  /** The notice version on screen when it was ticked: what the person read. */
  consentNotice: string;
  /** When the separate yes to keeping feedback was ticked; unticked when undefined. */
  feedbackAt: string | undefined;
  feedbackNotice: string;
}

type TextKey = {
  [K in keyof Draft]: Draft[K] extends string ? (K extends 'role' | 'language' ? never : K) : never;
}[keyof Draft];
type ListKey = 'weekdays' | 'timesOfDay' | 'genres' | 'access';
const LIST_KEYS: readonly string[] = ['weekdays', 'timesOfDay', 'genres', 'access'];

const emptyDraft = (): Draft => ({
  role: '',
  name: '',
  organisation: '',
  phone: '',
  email: '',
  hostFirstName: '',
  municipalityCode: '',
  postcode: '',
  language: 'da',
  friendFirstName: '',
  friendPhone: '',
  screening: {},
  weekdays: [],
  timesOfDay: [],
  genres: [],
  access: [],
  musicWishes: '',
  extraGuests: 0,
  consentAt: undefined,
  consentNotice: NOTICE_VERSION,
  feedbackAt: undefined,
  feedbackNotice: NOTICE_VERSION,
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

// The fields each step asks for, in the order they appear. An issue belongs to the field whose
// path is its own or a prefix of it (`consent.at` → `consent`); issues that belong to no field
// (a malformed `programme`, say) are shown on the review.
const STEP_FIELDS: Partial<Record<NominationStep, readonly string[]>> = {
  nominator: [
    'nominator.role',
    'nominator.name',
    'nominator.organisation',
    'nominator.phone',
    'nominator.email',
  ],
  host: ['host.firstName', 'host.municipalityCode', 'host.postcode', 'host.language'],
  friend: ['visitingFriend.firstName', 'visitingFriend.phone'],
  screening: ['screening'],
  wishes: [
    'preferences.weekdays',
    'preferences.timesOfDay',
    'preferences.genres',
    'preferences.musicWishes',
    'preferences.extraGuests',
    'access',
  ],
  consent: ['consent', 'feedbackConsent'],
};
const FIELD_ORDER = Object.values(STEP_FIELDS).flat();

const fieldOf = (path: string) =>
  FIELD_ORDER.find((field) => path === field || path.startsWith(`${field}.`));
const stepOf = (path: string): NominationStep => {
  const field = fieldOf(path);
  const entry = Object.entries(STEP_FIELDS).find(([, fields]) => field && fields.includes(field));
  return (entry?.[0] as NominationStep | undefined) ?? 'review';
};
// A control's id is its issue path with dashes (`host.postcode` → `host-postcode`); a group's
// first control carries the group's id, so a summary link lands on it.
const idOf = (path: string) => path.replaceAll('.', '-');

const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value);
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** A name from the browser's own tables (weekdays, languages), or `fallback` without them. */
function displayName(make: () => string | undefined, fallback: string): string {
  try {
    return capitalise(make() ?? fallback);
  } catch {
    return fallback;
  }
}

/** A visit language's name, capitalised as an item on its own: core's words, not the browser's. */
const languageName = (code: string, lang: Lang) =>
  capitalise(visitLanguageName(code, lang) ?? code);

/**
 * The form a visit service puts on its own website so that its people can nominate a host and
 * their visiting friend for a concert in the host's living room.
 *
 * One topic per step, with a progress indicator and a way back: what a concert visit is, who is
 * nominating, the host, the visiting friend, screening questions (answers never block), wishes and
 * practical matters, the host's yes with the privacy notice, and a review with "change" links.
 * Each step is validated with `@stue/core` before the next (Danish by default, English with
 * `lang="en"`), with a GOV.UK-style error summary. If sending fails, everything typed stays in
 * memory and a retry sends the same nomination id, so the hub never stores it twice. Nothing is
 * written to the page's storage, cookies or URL.
 *
 * Removing the element from the page and adding it again keeps where the person was and what they
 * typed (the element object holds it); a new element starts empty, and `reset()` empties this one.
 *
 * @tagname stue-nomination-form
 * @summary Nominate a host and visiting friend for a living-room concert.
 *
 * @event {StueNominationStepEvent} stue-nomination-step - The person moved to another step (not
 *   fired for the first step shown). Fields: `step`, `index` (from 1), `total`.
 * @event {StueNominationSubmitEvent} stue-nomination-submit - A valid nomination is about to be
 *   sent. Cancelable: `preventDefault()` and nothing is sent. Field: `nominationId`.
 * @event {StueNominationSuccessEvent} stue-nomination-success - The hub has the nomination; the
 *   receipt is showing. Fields: `reference`, `status`.
 * @event {StueNominationErrorEvent} stue-nomination-error - The nomination was not sent. Fields:
 *   `code` (stable), `retryable`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart languages - The "Dansk | English" switch.
 * @csspart progress - "Trin 2 af 8" and the bar under it.
 * @csspart heading - The step's title, and the receipt's.
 * @csspart intro - The sentences under a step's title.
 * @csspart illustration - The picture of a concert visit on the first step.
 * @csspart group - A fieldset of related controls (radio buttons, checkboxes, contact details).
 * @csspart label - A field's label, or a group's legend.
 * @csspart hint - Help text under a label.
 * @csspart control - Every input, select and text area.
 * @csspart error - The message at a field that needs correcting.
 * @csspart error-summary - The list of problems shown at the top of a step.
 * @csspart note - The kind word shown when a coordinator will talk the screening answers through.
 * @csspart notice - The message shown when a nomination was not sent.
 * @csspart review - Each block of answers on the review step.
 * @csspart listbox - The list of municipalities under the municipality field, while it is open.
 * @csspart option - One municipality in that list.
 * @csspart change - The review's "change" buttons.
 * @csspart button - The main button of each step (continue, send, nominate another pair).
 * @csspart back - The back button.
 * @csspart status - The live region that announces "Sending…".
 * @csspart receipt - The panel shown once the hub has the nomination.
 * @csspart reference - The reference inside the receipt.
 *
 * @cssproperty [--stue-accent=#1c5a48] - Buttons, selected radios and checkboxes, the progress bar, the receipt's border.
 * @cssproperty [--stue-accent-text=#ffffff] - Text on the accent colour.
 * @cssproperty [--stue-text=#1f1f1f] - Body text.
 * @cssproperty [--stue-muted=#4d4d4d] - Hints.
 * @cssproperty [--stue-background=#ffffff] - The form's background.
 * @cssproperty [--stue-border=#6b6b6b] - Input borders.
 * @cssproperty [--stue-error=#b0231a] - Error messages and borders.
 * @cssproperty [--stue-focus=#1d4ed8] - The focus outline.
 * @cssproperty [--stue-radius=6px] - Corner radius of inputs, buttons and panels.
 * @cssproperty [--stue-padding=24px] - Space between the form's edge and its content.
 * @cssproperty [--stue-font-family=system-ui] - The typeface, named (`inherit` would not reach
 *   the page's font); the size is fixed in px on purpose.
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

  // Reactive properties are declared here rather than with decorators: the CDN build targets
  // ES2022, where decorators would be compiled into a helper runtime and every private member
  // of the class into WeakMap calls (about 2 KB gzip). The fields below only declare types.
  static override properties = {
    partnerKey: { attribute: 'partner-key' },
    lang: {},
    api: {},
    programme: {},
    criteria: { attribute: false },
    prefill: { converter: { fromAttribute: parsePrefill } },
    lockPrefill: { type: Boolean, attribute: 'lock-prefill' },
    stepIndex: { state: true },
    phase: { state: true },
    issues: { state: true },
    failure: { state: true },
    receipt: { state: true },
    announcement: { state: true },
    chosenLang: { state: true },
    info: { state: true },
  };

  /** The partner's publishable key (`pk_…`), given by the programme. */
  declare partnerKey: string;

  /** `da` (default) or `en`. Anything starting with `en` shows English; anything else Danish. */
  declare lang: string;

  /** The hub's base URL, e.g. `https://stue.example.dk/`. Defaults to {@link defaultApi}. */
  declare api: string;

  /**
   * The slug of the programme nominated for (sent as `programmeId`); empty means the default,
   * Musikalske Besøgsvenner. The form reads the programme's public part from the hub beside the
   * first step, never before it: its description, privacy notice, data controller, contact,
   * screening questions in the nominator's words, the yes to feedback where the programme asks it
   * here, and the receipt's promise. Until it comes, or if it cannot, the built-in texts show, and
   * the consent records the version of the words that were on screen.
   */
  declare programme: string;

  /**
   * The screening questions, to override the programme's (from a record's
   * `eligibility.criteria`). Without them or the programme from the hub, a programme the element
   * does not know skips the screening step: answers never block a nomination, and the
   * coordinator asks on the phone.
   */
  declare criteria: readonly ScreeningQuestion[] | undefined;

  /**
   * The nominator's details, filled in for the person: `{ nominator: { role, name,
   * organisation, phone, email } }`, every key optional. As an attribute, JSON.
   */
  declare prefill: NominationFormPrefill | undefined;

  /**
   * Show prefilled details read-only. A prefilled value that does not validate is made editable,
   * so the person is never stuck.
   */
  declare lockPrefill: boolean;

  declare private stepIndex: number;
  declare private phase: 'editing' | 'sending' | 'sent';
  declare private issues: FormIssue[];
  declare private failure: Failure | undefined;
  declare private receipt: Receipt | undefined;
  /** The programme's public part, once the hub has sent it; the built-in texts until then. */
  declare private info: ProgrammePublic | undefined;
  declare private announcement: string;

  constructor() {
    super();
    ensureDefined('stue-error-summary', StueErrorSummary);
    ensureDefined('stue-field', StueField);
    this.partnerKey = '';
    this.lang = 'da';
    this.api = '';
    this.programme = '';
    this.criteria = undefined;
    this.prefill = undefined;
    this.lockPrefill = false;
    this.stepIndex = 0;
    this.phase = 'editing';
    this.issues = [];
    this.announcement = '';
  }

  #draft: Draft = emptyDraft();
  // Made before the first send and kept until the hub has the nomination, so every retry
  // carries the same id and the hub answers a repeat as a replay instead of storing it twice.
  #nominationId: string | undefined;
  #prefilled = new Set<NominatorKey>();
  #unlocked = new Set<NominatorKey>();
  // Set by a "change" link on the review: continuing from that step returns to the review.
  #returnToReview = false;
  // The municipality combobox: whether its list is open, and the option the arrow keys are on.
  #listOpen = false;
  #activeCode: string | undefined;
  // The text as typed, shown until the field is left: "Copenhagen" becomes "København" then, not
  // under the person's fingers.
  #typed: string | undefined;

  /** The language the person chose with the form's own switch; until then, `lang`'s. */
  declare chosenLang: Lang | undefined;

  get #lang(): Lang {
    return this.chosenLang ?? toLang(this.lang);
  }

  get #slug(): string {
    return this.programme.trim() || DEFAULT_PROGRAMME_ID;
  }

  get #criteria(): readonly ScreeningQuestion[] {
    if (this.criteria) return this.criteria;
    if (this.info) return this.info.criteria;
    return this.#slug === DEFAULT_PROGRAMME_ID ? DEFAULT_SCREENING_QUESTIONS : [];
  }

  /** Whether the form asks the host's yes to keeping feedback, and in whose words. */
  get #feedbackAsker(): FeedbackAsker | undefined {
    const role = this.#draft.role;
    return this.info?.feedbackConsent === 'widget' &&
      (role === 'visiting-friend' || role === 'self')
      ? role
      : undefined;
  }

  // The programme is read beside the first step, never before it: until it comes (or if it never
  // does) the form shows its built-in texts and records their version.
  #loading: string | undefined;
  #loadProgramme() {
    const api = withTrailingSlash(this.api.trim() || StueNominationForm.defaultApi);
    const slug = this.#slug;
    const key = `${api} ${slug}`;
    if (!api || this.#loading === key) return;
    this.#loading = key;
    this.info = undefined;
    fetchProgrammePublic(slug, { api }).then(
      (info) => {
        if (this.#loading === key) this.info = info;
      },
      () => undefined,
    );
  }

  get #steps(): readonly NominationStep[] {
    const screening = this.#criteria.length > 0;
    return NOMINATION_STEPS.filter((step) => screening || step !== 'screening');
  }

  get #step(): NominationStep {
    const steps = this.#steps;
    return steps[Math.min(this.stepIndex, steps.length - 1)]!;
  }

  /**
   * Starts over with an empty form on the first step and a new nomination id. Prefilled details
   * are filled in again. Nothing is sent.
   */
  reset(): void {
    this.#draft = emptyDraft();
    this.#nominationId = undefined;
    this.#unlocked.clear();
    this.#returnToReview = false;
    this.#applyPrefill();
    this.stepIndex = 0;
    this.phase = 'editing';
    this.issues = [];
    this.failure = undefined;
    this.receipt = undefined;
    this.announcement = '';
  }

  override willUpdate(changed: PropertyValues) {
    if (changed.has('prefill')) this.#applyPrefill();
    if (changed.has('api') || changed.has('programme')) this.#loadProgramme();
  }

  #applyPrefill() {
    const given = this.prefill?.nominator ?? {};
    this.#prefilled.clear();
    for (const key of NOMINATOR_KEYS) {
      const value = given[key];
      if (typeof value !== 'string' || value.trim() === '') continue;
      if (key === 'role') {
        if (!(NOMINATOR_ROLES as readonly string[]).includes(value)) continue;
        this.#draft.role = value as NominatorRole;
      } else this.#draft[key] = value;
      this.#prefilled.add(key);
    }
  }

  #locked(key: NominatorKey): boolean {
    return this.lockPrefill && this.#prefilled.has(key) && !this.#unlocked.has(key);
  }

  override render() {
    const lang = this.#lang;
    const t = nominationFormText(lang);
    const sent = this.phase === 'sent' && this.receipt;
    // The direction follows the form's language (Danish and English run left to right), not the
    // page's: a page set right to left would otherwise mirror the form.
    return html`<div class="base" part="base" lang=${lang} dir="ltr">
      ${this.#renderLanguages(t, lang)}
      ${sent ? this.#renderReceipt(t, this.receipt!) : this.#renderStep(t)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  /** "Dansk | English": each name in its own language; what was typed stays. */
  #renderLanguages(t: NominationFormText, lang: Lang) {
    const choice = (value: Lang, name: string) =>
      html`<button
        type="button"
        class="link"
        lang=${value}
        aria-pressed=${lang === value ? 'true' : 'false'}
        @click=${() => (this.chosenLang = value)}
      >
        ${name}
      </button>`;
    return html`<div class="languages" part="languages" role="group" aria-label=${t.language}>
      ${choice('da', 'Dansk')}<span aria-hidden="true">|</span>${choice('en', 'English')}
    </div>`;
  }

  #renderStep(t: NominationFormText) {
    const steps = this.#steps;
    const step = this.#step;
    const index = steps.indexOf(step);
    const review = step === 'review';
    const sending = this.phase === 'sending';
    const retry = this.failure?.kind === 'retry' || this.failure?.kind === 'rate-limited';
    const titles: Record<NominationStep, string> = {
      about: this.info ? t.about.titleFor(this.info.name[this.#lang]) : t.about.title,
      nominator: t.nominator.title,
      host: t.host.title,
      friend: t.friend.title,
      screening: this.#draft.role === 'self' ? t.screening.titleSelf : t.screening.title,
      wishes: t.wishes.title,
      consent: t.consent.title,
      review: t.review.title,
    };
    return html`
      <div class="progress" part="progress">
        <p>${t.step(index + 1, steps.length)}</p>
        <ol aria-hidden="true">
          ${steps.map((_, i) => html`<li class=${i <= index ? 'done' : ''}></li>`)}
        </ol>
      </div>
      <h2 class="step-heading" part="heading" tabindex="-1">${titles[step]}</h2>
      ${this.#renderSummary(t)} ${review ? this.#renderFailure(t) : nothing}
      <!-- method="dialog": should a submit ever slip past the handler, the browser goes nowhere,
           so nothing typed can end up in the page's URL or on the partner's server. -->
      <form
        method="dialog"
        novalidate
        @submit=${this.#onSubmit}
        @input=${this.#onInput}
        @change=${this.#onInput}
      >
        ${this.#renderFields(step, t)}
        <div class="actions">
          <button type="submit" part="button" aria-disabled=${sending ? 'true' : nothing}>
            ${review ? (retry ? t.retry : t.review.send) : index === 0 ? t.about.start : t.next}
          </button>
          ${
            index > 0
              ? html`<button type="button" class="secondary" part="back" @click=${this.#back}>
                  ${t.back}
                </button>`
              : nothing
          }
          <p class="status" part="status" role="status">${sending ? t.sending : ''}</p>
        </div>
      </form>
    `;
  }

  #renderFields(step: NominationStep, t: NominationFormText) {
    const lang = this.#lang;
    switch (step) {
      case 'about': {
        // The programme's own description of its visit, then how long nominating takes.
        const lines = this.info
          ? [this.info.format.description[lang], t.about.lines.at(-1)!]
          : t.about.lines;
        return html`${illustration(t.about.picture)}
          <div class="intro" part="intro">${lines.map((line) => html`<p>${line}</p>`)}</div>`;
      }
      case 'nominator':
        return html`${this.#roleField(t)}
          ${this.#textField('nominator.name', 'name', t.nominator.name, { autocomplete: 'name' })}
          ${this.#textField('nominator.organisation', 'organisation', t.nominator.organisation, {
            autocomplete: 'organization',
            hint: t.nominator.organisationHint,
            optional: true,
          })}
          <fieldset class="field" part="group" aria-describedby="contact-hint">
            <legend class="label" part="label">${t.nominator.contact}</legend>
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
          </fieldset>`;
      case 'host':
        return html`<p class="intro" part="intro">${t.host.intro}</p>
          ${this.#textField('host.firstName', 'hostFirstName', t.host.firstName, {
            hint: t.host.firstNameHint,
          })}
          ${this.#renderMunicipality(t)}
          ${this.#textField('host.postcode', 'postcode', t.host.postcode, {
            short: true,
            numeric: true,
            optional: true,
          })}
          ${this.#select(
            'host.language',
            'language',
            t.host.language,
            VISIT_LANGUAGES.map((code) => [code, languageName(code, lang)]),
            this.#draft.language,
            t.host.languageHint,
          )}`;
      case 'friend':
        return html`<p class="intro" part="intro">${t.friend.why}</p>
          ${this.#textField('visitingFriend.firstName', 'friendFirstName', t.friend.firstName)}
          ${this.#textField('visitingFriend.phone', 'friendPhone', t.friend.phone, {
            type: 'tel',
            short: true,
          })}`;
      case 'screening':
        return html`<p class="intro" part="intro">${t.screening.intro}</p>
          ${this.#criteria.map((criterion) => {
            const wording = screeningWording(criterion, this.#draft.role);
            return this.#choiceGroup(
              `screening.${criterion.id}`,
              `screening:${criterion.id}`,
              'radio',
              wording.question[lang],
              SCREENING_ANSWERS.map((answer) => [answer, t.screening.answers[answer]]),
              [this.#draft.screening[criterion.id] ?? ''],
              wording.help?.[lang],
              true,
            );
          })}
          ${this.#renderTalkFirst(t)}`;
      case 'wishes':
        return this.#renderWishes(t);
      case 'consent':
        return this.#renderConsent(t);
      case 'review':
        return this.#renderReview(t);
    }
  }

  /**
   * The municipality, as an ARIA 1.2 combobox with a list (see docs/adr/0007): typing filters the
   * 98 names, the arrow keys move through them, Enter or a click chooses, Escape closes the list
   * (or, when it is closed, empties the field). A name typed out in full counts as chosen, so
   * typing "Aarhus" and moving on works without the list. The draft holds the code; text that
   * names no municipality is kept as typed, so the check says "choose from the list".
   */
  #renderMunicipality(t: NominationFormText) {
    const path = 'host.municipalityCode';
    const id = idOf(path);
    const error = this.#errorFor(path);
    const value = this.#draft.municipalityCode;
    const chosen = municipalityNames().find(([code]) => code === value);
    const options = this.#listOpen ? this.#matches(this.#comboText()) : [];
    const open = options.length > 0;
    const typed = this.#typed?.trim() ?? '';
    const none = this.#listOpen && !open && typed !== '';
    const active = open ? this.#activeCode : undefined;
    return this.#field(
      t.host.municipality,
      t.host.municipalityHint,
      error,
      t,
      html`<div class="combo">
        <input
          id=${id}
          type="text"
          role="combobox"
          part="control"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="${id}-list"
          aria-activedescendant=${active ? `municipality-${active}` : nothing}
          .value=${this.#typed ?? chosen?.[1] ?? value}
          @input=${this.#onMunicipalityInput}
          @keydown=${this.#onMunicipalityKey}
          @blur=${() => {
            this.#typed = undefined;
            this.#listOpen = false;
            this.requestUpdate();
          }}
        />
        <ul
          id="${id}-list"
          role="listbox"
          part="listbox"
          aria-label=${t.host.municipality}
          ?hidden=${!open}
          @mousedown=${(event: Event) => event.preventDefault()}
        >
          ${options.map(
            ([code, name]) =>
              html`<li
                id="municipality-${code}"
                role="option"
                part="option"
                aria-selected=${code === active ? 'true' : 'false'}
                @click=${() => this.#chooseMunicipality(code)}
              >
                ${name}
              </li>`,
          )}
        </ul>
        <p class="combo-status" role="status">${none ? t.host.municipalityNone(typed) : ''}</p>
      </div>`,
    );
  }

  #comboText(): string {
    return this.renderRoot.querySelector<HTMLInputElement>('#host-municipalityCode')?.value ?? '';
  }

  /** The names (or common other names) containing `text`, in any spelling, those starting with it first. */
  #matches(text: string) {
    return searchMunicipalityNames(text);
  }

  #onMunicipalityInput(event: Event) {
    const text = (event.target as HTMLInputElement).value;
    const named = municipalityNamed(text);
    this.#draft.municipalityCode = named ?? text;
    this.#typed = text;
    // A name typed out in full that names one municipality only closes the list: had it stayed
    // open under the field, closing it as the field loses focus would move "Fortsæt" away from
    // under the press that was meant for it.
    const matches = named ? this.#matches(text) : [];
    this.#listOpen = !(matches.length === 1 && matches[0]![0] === named);
    // No option is active until an arrow key moves to one, so ArrowDown lands on the first.
    this.#activeCode = named;
    this.requestUpdate();
  }

  #onMunicipalityKey(event: KeyboardEvent) {
    const options = this.#matches(this.#comboText());
    const at = options.findIndex(([code]) => code === this.#activeCode);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!this.#listOpen || event.altKey) {
        this.#listOpen = true;
        this.#activeCode ??= options[0]?.[0];
      } else {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const from = at < 0 && step < 0 ? options.length : at;
        const next = Math.min(Math.max(from + step, 0), options.length - 1);
        this.#activeCode = options[next]?.[0];
      }
      this.requestUpdate();
      void this.updateComplete.then(() =>
        this.renderRoot
          .querySelector(`#municipality-${this.#activeCode}`)
          ?.scrollIntoView({ block: 'nearest' }),
      );
    } else if (event.key === 'Enter' && this.#listOpen && at >= 0) {
      // Enter chooses from the open list; with the list closed it sends the step, as in a form.
      event.preventDefault();
      this.#chooseMunicipality(options[at]![0]);
    } else if (event.key === 'Escape') {
      if (this.#listOpen) this.#closeList();
      else {
        this.#draft.municipalityCode = '';
        this.#typed = undefined;
        (event.target as HTMLInputElement).value = '';
        this.requestUpdate();
      }
    }
  }

  #chooseMunicipality(code: string) {
    this.#draft.municipalityCode = code;
    this.#typed = undefined;
    this.#activeCode = code;
    this.#closeList();
    this.renderRoot.querySelector<HTMLInputElement>('#host-municipalityCode')?.focus();
  }

  #closeList() {
    if (!this.#listOpen) return;
    this.#listOpen = false;
    this.requestUpdate();
  }

  #renderTalkFirst(t: NominationFormText) {
    // "Talk first" or "outside the format" is advice for a coordinator, never a verdict: the
    // person hears only that a coordinator will talk it through, and may always send.
    // (Eligibility's outcome is not "fits" exactly when a question is answered no or not sure.)
    const show = this.#criteria.some(({ id }) => {
      const answer = this.#draft.screening[id];
      return answer === 'no' || answer === 'not-sure';
    });
    return html`<div class="note-region" role="status">
      ${show ? html`<p class="note" part="note">${t.screening.talkFirst}</p>` : nothing}
    </div>`;
  }

  #renderWishes(t: NominationFormText) {
    const w = t.wishes;
    const lang = this.#lang;
    const d = this.#draft;
    const weekdays = WEEKDAYS.map((day, i) => [day, this.#weekdayName(i, lang)] as const);
    const guests = Array.from(
      { length: MAX_EXTRA_GUESTS + 1 },
      (_, n) => [String(n), n === 0 ? t.review.none : String(n)] as const,
    );
    return html`<p class="intro" part="intro">${w.intro}</p>
      ${this.#choiceGroup('preferences.weekdays', 'weekdays', 'checkbox', w.weekdays, weekdays, d.weekdays, w.anyHint)}
      ${this.#choiceGroup(
        'preferences.timesOfDay',
        'timesOfDay',
        'checkbox',
        w.times,
        TIMES_OF_DAY.map((time) => [time, w.timesOfDay[time]]),
        d.timesOfDay,
        w.anyHint,
      )}
      ${this.#choiceGroup(
        'preferences.genres',
        'genres',
        'checkbox',
        w.genres,
        MUSIC_GENRES.map((genre) => [genre, w.genreNames[genre]]),
        d.genres,
      )}
      ${this.#textField('preferences.musicWishes', 'musicWishes', w.musicWishes, {
        hint: w.musicWishesHint,
        optional: true,
        multiline: true,
      })}
      ${this.#select('preferences.extraGuests', 'extraGuests', w.extraGuests, guests, String(d.extraGuests), w.extraGuestsHint)}
      ${this.#choiceGroup(
        'access',
        'access',
        'checkbox',
        w.access,
        ACCESS_NEEDS.map((need) => [need, w.accessNeeds[need]]),
        d.access,
        w.accessHint,
      )}`;
  }

  #weekdayName(index: number, lang: Lang): string {
    // 1 January 2024 was a Monday.
    return displayName(
      () =>
        new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(
          Date.UTC(2024, 0, 1 + index),
        ),
      WEEKDAYS[index]!,
    );
  }

  #renderConsent(t: NominationFormText) {
    const error = this.#errorFor('consent');
    const info = this.info;
    const lang = this.#lang;
    const asker = this.#feedbackAsker;
    const notice = info ? info.notice[lang].split(/\n\s*\n/) : t.consent.notice;
    return html`<div class="intro" part="intro">
        ${notice.map((line) => html`<p>${line}</p>`)}
        ${
          info
            ? html`<p>
                  ${t.consent.controller(
                    info.controller.name,
                    info.controller.address,
                    info.controller.contact,
                  )}
                </p>
                <p>${t.consent.ask} ${this.#contactLine(info)}</p>`
            : nothing
        }
      </div>
      <div class="field ${error ? 'invalid' : ''}">
        ${this.#renderError('consent-error', error, t)}
        <label class="choice" part="label">
          <input
            id="consent"
            type="checkbox"
            name="consent"
            part="control"
            aria-describedby=${error ? 'consent-error' : nothing}
            aria-invalid=${error ? 'true' : nothing}
            .checked=${this.#draft.consentAt !== undefined}
          />
          <span>${this.#consentLabel(t)}</span>
        </label>
      </div>
      ${
        asker
          ? html`<fieldset class="field" part="group" aria-describedby="feedback-hint">
              <legend class="label" part="label">${t.consent.feedbackTitle}</legend>
              <span id="feedback-hint" class="hint" part="hint">${t.consent.feedbackHint}</span>
              <label class="choice" part="label">
                <input
                  id="feedbackConsent"
                  type="checkbox"
                  name="feedbackConsent"
                  part="control"
                  .checked=${this.#draft.feedbackAt !== undefined}
                />
                <span>${t.consent.feedbackLabels[asker]}</span>
              </label>
            </fieldset>`
          : nothing
      }`;
  }

  #consentLabel(t: NominationFormText): string {
    const role = this.#draft.role;
    return role ? t.consent.labels[role] : t.consent.label;
  }

  /** Whom to ask, as the programme gives it: a phone number, an e-mail, or both. */
  #contactLine(info: ProgrammePublic): string {
    const { phone, email } = info.nominatorContact;
    return [phone && readablePhone(phone), email].filter(Boolean).join(' · ');
  }

  #renderReview(t: NominationFormText) {
    const d = this.#draft;
    const r = t.review;
    const lang = this.#lang;
    const pick = <T extends string>(all: readonly T[], chosen: string[], name: (v: T) => string) =>
      all
        .filter((value) => chosen.includes(value))
        .map(name)
        .join(', ');
    const municipality = municipalityNames().find(([code]) => code === d.municipalityCode)?.[1];
    const language = languageName(d.language, lang);
    const sections: [NominationStep, string, [string, string][]][] = [
      [
        'nominator',
        t.nominator.title,
        [
          [t.nominator.role, d.role ? t.nominator.roles[d.role] : ''],
          [t.nominator.name, d.name],
          [t.nominator.organisation, d.organisation],
          [t.nominator.phone, d.phone],
          [t.nominator.email, d.email],
        ],
      ],
      [
        'host',
        t.host.title,
        [
          [t.host.firstName, d.hostFirstName],
          [t.host.municipality, municipality ?? ''],
          [t.host.postcode, d.postcode],
          [t.host.language, language],
        ],
      ],
      [
        'friend',
        t.friend.title,
        [
          [t.friend.firstName, d.friendFirstName],
          [t.friend.phone, d.friendPhone],
        ],
      ],
      [
        'screening',
        t.screening.title,
        this.#criteria.map((c) => {
          const answer = d.screening[c.id];
          const { question } = screeningWording(c, d.role);
          return [question[lang], answer ? t.screening.answers[answer] : ''];
        }),
      ],
      [
        'wishes',
        t.wishes.title,
        [
          [
            t.wishes.weekdays,
            pick(WEEKDAYS, d.weekdays, (day) => this.#weekdayName(WEEKDAYS.indexOf(day), lang)) ||
              r.any,
          ],
          [
            t.wishes.times,
            pick(TIMES_OF_DAY, d.timesOfDay, (time) => t.wishes.timesOfDay[time]) || r.any,
          ],
          [t.wishes.genres, pick(MUSIC_GENRES, d.genres, (genre) => t.wishes.genreNames[genre])],
          [t.wishes.musicWishes, d.musicWishes],
          [t.wishes.extraGuests, d.extraGuests === 0 ? r.none : String(d.extraGuests)],
          [
            t.wishes.access,
            pick(ACCESS_NEEDS, d.access, (need) => t.wishes.accessNeeds[need]) || r.none,
          ],
        ],
      ],
      [
        'consent',
        t.consent.title,
        [
          [this.#consentLabel(t), d.consentAt ? r.yes : ''],
          ...(this.#feedbackAsker
            ? [[t.consent.feedbackLabels[this.#feedbackAsker], d.feedbackAt ? r.yes : r.none]]
            : []),
        ] as [string, string][],
      ],
    ];
    return html`<p class="intro" part="intro">${r.intro}</p>
      ${sections
        .filter(([step]) => this.#steps.includes(step))
        .map(
          ([step, title, rows]) =>
            html`<section class="review" part="review" aria-labelledby="review-${step}">
              <div class="review-head">
                <h3 id="review-${step}">${title}</h3>
                <button type="button" class="link" part="change" @click=${() => this.#change(step)}>
                  ${r.change}<span class="visually-hidden">: ${title}</span>
                </button>
              </div>
              <dl>
                ${rows.map(
                  ([label, value]) =>
                    html`<div>
                      <dt>${label}</dt>
                      <dd class=${value.trim() ? '' : 'empty'}>${value.trim() || r.notGiven}</dd>
                    </div>`,
                )}
              </dl>
            </section>`,
        )}
      ${this.#criteria.length > 0 ? this.#renderTalkFirst(t) : nothing}`;
  }

  #roleField(t: NominationFormText) {
    const d = this.#draft;
    if (this.#locked('role') && d.role) {
      return html`<div class="field">
        <span class="label" part="label">${t.nominator.role}</span>
        <p class="locked-value">${t.nominator.roles[d.role]}</p>
        <span class="hint" part="hint">${t.nominator.locked}</span>
      </div>`;
    }
    return this.#choiceGroup(
      'nominator.role',
      'role',
      'radio',
      t.nominator.role,
      NOMINATOR_ROLES.map((role) => [role, t.nominator.roles[role]]),
      [d.role],
    );
  }

  /** A fieldset of radio buttons or checkboxes; the first control carries the group's id. */
  #choiceGroup(
    path: string,
    name: string,
    type: 'radio' | 'checkbox',
    legend: string,
    options: readonly (readonly [string, string])[],
    chosen: readonly string[],
    hint?: string,
    inline = false,
  ) {
    const id = idOf(path);
    const error = this.#errorFor(path);
    const t = nominationFormText(this.#lang);
    const { describedBy, notes } = this.#notes(id, hint, error, t);
    return html`<fieldset
      class="field ${error ? 'invalid' : ''}"
      part="group"
      aria-describedby=${describedBy}
    >
      <legend class="label" part="label">${legend}</legend>
      ${notes}
      <div class="choices ${inline ? 'inline' : ''}">
        ${options.map(
          ([value, label], i) =>
            html`<label class="choice">
              <input
                id=${i === 0 ? id : `${id}-${value}`}
                type=${type}
                name=${name}
                part="control"
                value=${value}
                .checked=${chosen.includes(value)}
              />
              <span>${label}</span>
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #select(
    path: string,
    name: string,
    label: string,
    options: readonly (readonly [string, string])[],
    value: string,
    hint?: string,
  ) {
    const id = idOf(path);
    const error = this.#errorFor(path);
    const t = nominationFormText(this.#lang);
    return this.#field(
      label,
      hint,
      error,
      t,
      html`<select id=${id} name=${name} part="control" autocomplete="off">
        ${options.map(
          ([code, text]) =>
            html`<option value=${code} ?selected=${value === code}>${text}</option>`,
        )}
      </select>`,
    );
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
      numeric?: boolean;
      optional?: boolean;
      multiline?: boolean;
    } = {},
  ) {
    const id = idOf(path);
    const t = nominationFormText(this.#lang);
    const error = this.#errorFor(path);
    const locked = (NOMINATOR_KEYS as readonly string[]).includes(key)
      ? this.#locked(key as NominatorKey)
      : false;
    const hint = locked ? t.nominator.locked : options.hint;
    const value = this.#draft[key];
    return this.#field(
      label,
      hint,
      error,
      t,
      options.multiline
        ? html`<textarea id=${id} name=${key} part="control" rows="3" .value=${value}></textarea>`
        : html`<input
            id=${id}
            name=${key}
            type=${options.type ?? 'text'}
            class=${options.short ? 'short' : ''}
            part="control"
            inputmode=${options.numeric ? 'numeric' : nothing}
            autocomplete=${options.autocomplete ?? 'off'}
            spellcheck="false"
            ?readonly=${locked}
            .value=${value}
          />`,
      // The space is a bound value: the CDN build's template minifier would drop a literal one.
      options.optional ? ` ${t.optional}` : undefined,
    );
  }

  /**
   * A `<stue-field>` around `control` (an `input`, `select` or `textarea` with an id): it renders
   * the label, hint and message, and sets the control's `aria-invalid` and `aria-describedby`.
   */
  #field(
    label: string,
    hint: string | undefined,
    error: string | undefined,
    t: NominationFormText,
    control: TemplateResult,
    optional?: string,
  ) {
    return html`<stue-field
      class="field ${error ? 'invalid' : ''}"
      .label=${label}
      .hint=${hint}
      .error=${error}
      .errorPrefix=${t.errorPrefix}
      .optional=${optional}
      >${control}</stue-field
    >`;
  }

  /**
   * A field's hint and error message (`notes`, to render after its label) and the
   * `aria-describedby` that points at them (`describedBy`: `nothing` when there is neither).
   */
  #notes(id: string, hint: string | undefined, error: string | undefined, t: NominationFormText) {
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return {
      describedBy: describedBy || nothing,
      notes: html`${hint ? html`<span id="${id}-hint" class="hint" part="hint">${hint}</span>` : nothing}
      ${this.#renderError(`${id}-error`, error, t)}`,
    };
  }

  #renderError(id: string, message: string | undefined, t: NominationFormText) {
    return message
      ? html`<span id=${id} class="error-message" part="error"
          ><span class="visually-hidden">${t.errorPrefix}</span> ${message}</span
        >`
      : nothing;
  }

  #renderSummary(t: NominationFormText) {
    return html`<stue-error-summary
      heading=${t.summaryTitle}
      heading-level="3"
      .errors=${this.issues.map((issue) => {
        const field = fieldOf(issue.path);
        const id = field === 'screening' ? idOf(issue.path) : field && idOf(field);
        return { field: id, message: this.#message(issue) };
      })}
    ></stue-error-summary>`;
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
    const title = failure.kind === 'setup' ? t.notSent.setupTitle : t.notSent.title;
    return html`<div class="notice" part="notice" tabindex="-1">
      <div role="alert">
        <h3>${title}</h3>
        <p>${text[failure.kind]}</p>
        <p class="code">${t.notSent.code}: <code>${failure.code}</code></p>
      </div>
    </div>`;
  }

  #renderReceipt(t: NominationFormText, receipt: Receipt): TemplateResult {
    const info = this.info;
    const lang = this.#lang;
    const next = info ? [info.callWithin[lang], ...t.receipt.next.slice(1)] : t.receipt.next;
    return html`<section class="receipt" part="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" part="heading" tabindex="-1">${t.receipt.title}</h2>
      <p class="reference-line">
        ${t.receipt.reference}
        <span class="reference" part="reference">${receipt.reference}</span>
      </p>
      <div class="actions receipt-actions">
        <button type="button" class="secondary" part="back" @click=${this.#copyReference}>
          ${t.receipt.copy}
        </button>
        <button type="button" class="secondary" part="back" @click=${() => window.print()}>
          ${t.receipt.print}
        </button>
      </div>
      <h3>${t.receipt.nextTitle}</h3>
      <ul>
        ${next.map((line) => html`<li>${line}</li>`)}
      </ul>
      ${info ? html`<p>${t.receipt.ask} ${this.#contactLine(info)}</p>` : nothing}
      <h3>${t.receipt.sentTitle}</h3>
      <dl class="review">
        ${receipt.summary.map(
          ([label, value]) =>
            html`<div>
              <dt>${label}</dt>
              <dd>${value}</dd>
            </div>`,
        )}
      </dl>
      <button type="button" part="button" @click=${this.#startAgain}>${t.receipt.again}</button>
    </section>`;
  }

  async #copyReference() {
    const t = nominationFormText(this.#lang);
    try {
      await navigator.clipboard.writeText(this.receipt?.reference ?? '');
      this.announcement = t.receipt.copied;
    } catch {
      // No clipboard here (an insecure page, a refusal): the reference stays on screen to copy by hand.
    }
  }

  /** What was sent, in the words the person read, for the receipt (nothing else is kept). */
  #summary(t: NominationFormText): [string, string][] {
    const d = this.#draft;
    const municipality = municipalityNames().find(([code]) => code === d.municipalityCode)?.[1];
    const rows: [string, string][] = [
      [t.host.firstName, [d.hostFirstName, municipality].filter(Boolean).join(', ')],
      [t.friend.firstName, `${d.friendFirstName}, ${d.friendPhone}`],
      [t.nominator.name, d.name],
      [
        t.receipt.consents,
        [
          this.#consentLabel(t),
          ...(this.#feedbackAsker && d.feedbackAt
            ? [t.consent.feedbackLabels[this.#feedbackAsker]]
            : []),
        ].join('. '),
      ],
    ];
    if (this.info) rows.unshift([t.about.programme, this.info.name[this.#lang]]);
    return rows;
  }

  #message(issue: FormIssue): string {
    return nominationFormMessage(issue.path, issue.code, this.#lang);
  }

  #errorFor(path: string): string | undefined {
    const issue = this.issues.find(
      (candidate) => candidate.path === path || candidate.path.startsWith(`${path}.`),
    );
    return issue && this.#message(issue);
  }

  #onInput(event: Event) {
    const input = event.target as HTMLInputElement;
    const { name, value } = input;
    const draft = this.#draft;
    if (name === 'consent' || name === 'feedbackConsent') {
      // The time it was ticked, and the version of the words on screen then.
      const at = input.checked ? new Date().toISOString() : undefined;
      const notice = this.info?.noticeVersion ?? NOTICE_VERSION;
      if (name === 'consent') [draft.consentAt, draft.consentNotice] = [at, notice];
      else [draft.feedbackAt, draft.feedbackNotice] = [at, notice];
    } else if (name === 'role') draft.role = value as NominatorRole;
    else if (name.startsWith('screening:')) {
      draft.screening[name.slice('screening:'.length)] = value as ScreeningAnswer;
      // The kind word under the questions follows the answers.
      this.requestUpdate();
    } else if (LIST_KEYS.includes(name)) {
      const list = draft[name as ListKey].filter((item) => item !== value);
      draft[name as ListKey] = input.checked ? [...list, value] : list;
    } else if (name === 'extraGuests') draft.extraGuests = Number(value);
    else if (name === 'language') draft.language = value as VisitLanguage;
    else if (name in draft) draft[name as TextKey] = value;
  }

  #input(id: string): NominationV2Input {
    const d = this.#draft;
    const inOrder = <T extends string>(all: readonly T[], chosen: readonly string[]) =>
      all.filter((value) => chosen.includes(value));
    const via = d.role || 'visiting-friend';
    const screening: Record<string, ScreeningAnswer> = {};
    for (const { id: criterion } of this.#criteria) {
      const answer = d.screening[criterion];
      if (answer) screening[criterion] = answer;
    }
    return {
      schemaVersion: 2,
      id,
      programmeId: blankToUndefined(this.programme.trim()),
      nominator: {
        // An unanswered question is sent as missing, so it reads "choose who you are".
        role: (d.role || undefined) as NominatorRole,
        name: d.name,
        organisation: blankToUndefined(d.organisation),
        phone: blankToUndefined(d.phone),
        email: blankToUndefined(d.email),
      },
      host: {
        firstName: d.hostFirstName,
        municipalityCode: (d.municipalityCode || undefined) as MunicipalityCode,
        postcode: blankToUndefined(d.postcode),
        language: d.language,
      },
      visitingFriend: { firstName: d.friendFirstName, phone: d.friendPhone },
      screening,
      preferences: {
        weekdays: inOrder(WEEKDAYS, d.weekdays),
        timesOfDay: inOrder(TIMES_OF_DAY, d.timesOfDay),
        genres: inOrder(MUSIC_GENRES, d.genres),
        musicWishes: blankToUndefined(d.musicWishes),
        extraGuests: d.extraGuests,
      },
      access: Object.fromEntries(ACCESS_NEEDS.map((need) => [need, d.access.includes(need)])),
      // The tick box is the statement that the host said yes; the record says who, through
      // whom (the nominator's role), when, and which wording the person read.
      consent: (d.consentAt
        ? { agreedBy: 'host', via, at: d.consentAt, noticeVersion: d.consentNotice }
        : undefined) as NominationV2Input['consent'],
      // Only when it was asked, on its own, and ticked.
      feedbackConsent:
        this.#feedbackAsker && d.feedbackAt
          ? { agreedBy: 'host', via, at: d.feedbackAt, noticeVersion: d.feedbackNotice }
          : undefined,
    };
  }

  /** The issues of `step` (every issue on the review), one per field, in the fields' order. */
  #check(step: NominationStep): FormIssue[] {
    this.#nominationId ??= newId();
    const result = validateNominationLight(this.#input(this.#nominationId), {
      lang: this.#lang,
    });
    if (result.ok) return [];
    return result.issues.filter((issue) => step === 'review' || stepOf(issue.path) === step);
  }

  #showIssues(issues: FormIssue[]) {
    const first = new Map<string, FormIssue>();
    for (const { path, code } of issues) {
      const field = fieldOf(path) ?? path;
      // One message per field (the first is the most basic, "required" before "invalid"), but
      // each screening question and consent detail is its own field.
      const key = field === 'screening' ? path : field;
      if (!first.has(key)) first.set(key, { path, code });
    }
    const rank = (path: string) => {
      const index = FIELD_ORDER.indexOf(fieldOf(path) ?? '');
      return index === -1 ? FIELD_ORDER.length : index;
    };
    // A prefilled value that is not valid must not be locked: the person could not correct it.
    for (const { path } of first.values()) {
      const key = path.startsWith('nominator.') ? (path.slice(10) as NominatorKey) : undefined;
      if (key && this.#prefilled.has(key)) {
        this.#unlocked.add(key);
        console.warn(`<stue-nomination-form>: the prefilled nominator.${key} is not valid.`);
      }
    }
    this.issues = [...first.values()].sort((a, b) => rank(a.path) - rank(b.path));
    // The summary has rendered by then: its update was queued while this element rendered it.
    void this.#focusAfterRender('stue-error-summary');
  }

  async #focusAfterRender(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #go(index: number) {
    const steps = this.#steps;
    this.stepIndex = index;
    this.issues = [];
    this.failure = undefined;
    const step = steps[index]!;
    const t = nominationFormText(this.#lang);
    this.announcement = t.step(index + 1, steps.length);
    void this.#focusAfterRender('.step-heading');
    this.dispatchEvent(new StueNominationStepEvent(step, index + 1, steps.length));
  }

  #back() {
    if (this.phase === 'sending') return;
    this.#returnToReview = false;
    this.#go(Math.max(0, this.#steps.indexOf(this.#step) - 1));
  }

  #change(step: NominationStep) {
    this.#returnToReview = true;
    this.#go(this.#steps.indexOf(step));
  }

  #onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.phase === 'sending') return;
    const steps = this.#steps;
    const step = this.#step;
    const issues = this.#check(step);
    if (step === 'review') {
      void this.#send(issues);
      return;
    }
    if (issues.length > 0) {
      this.#showIssues(issues);
      return;
    }
    const next = this.#returnToReview ? steps.length - 1 : steps.indexOf(step) + 1;
    if (next === steps.length - 1) this.#returnToReview = false;
    this.#go(next);
  }

  /** Shows the hub's or the final check's issues at the first step that has any. */
  #showIssuesAtTheirStep(issues: FormIssue[]) {
    const steps = this.#steps;
    const first = Math.min(...issues.map((issue) => steps.indexOf(stepOf(issue.path))));
    const index = first >= 0 ? first : steps.length - 1;
    if (index !== steps.indexOf(this.#step)) {
      this.#returnToReview = true;
      this.#go(index);
    }
    this.#showIssues(issues.filter((issue) => steps.indexOf(stepOf(issue.path)) === index));
  }

  async #send(issues: FormIssue[]) {
    if (issues.length > 0) {
      this.#showIssuesAtTheirStep(issues);
      return;
    }
    this.issues = [];
    const id = this.#nominationId!;
    if (!this.dispatchEvent(new StueNominationSubmitEvent(id))) return;

    const key = this.partnerKey.trim();
    const api = withTrailingSlash(this.api.trim() || StueNominationForm.defaultApi);
    if (!key || !api) {
      this.#fail({ code: key ? 'missing_api' : 'missing_partner_key', kind: 'setup' }, false);
      return;
    }

    this.failure = undefined;
    this.phase = 'sending';
    try {
      const result = await submitNominationLight(this.#input(id), {
        api,
        key,
        lang: this.#lang,
      });
      this.#nominationId = undefined;
      const summary = this.#summary(nominationFormText(this.#lang));
      this.#forgetThePair();
      this.receipt = { reference: result.reference, status: result.status, summary };
      this.phase = 'sent';
      await this.#focusAfterRender('#receipt-title');
      this.dispatchEvent(new StueNominationSuccessEvent(result.reference, result.status));
    } catch (error) {
      this.phase = 'editing';
      if (error instanceof StueValidationError) {
        this.#showIssuesAtTheirStep(error.issues);
        this.dispatchEvent(new StueNominationErrorEvent(error.code, false));
      } else {
        this.#fail(failureOf(error), isRetryable(error), api);
      }
    }
  }

  #fail(failure: Failure, retryable: boolean, api?: string) {
    this.failure = failure;
    // For the site owner, who will look in the console first. Codes only, never what was typed.
    if (failure.code === 'no_hub') {
      console.warn(
        `<stue-nomination-form>: no Stue hub answers at ${api}. Set the api attribute to your hub's address, for example api="https://stue.example.dk/".`,
      );
    } else if (failure.kind === 'setup') {
      console.warn(
        `<stue-nomination-form> is not set up correctly on this page (${failure.code}): check its partner-key and api.`,
      );
    }
    void this.#focusAfterRender('.notice');
    this.dispatchEvent(new StueNominationErrorEvent(failure.code, retryable));
  }

  /**
   * Once the hub has a nomination, the element forgets the pair. The person nominating is often
   * the same for the next pair, so their own details stay (in memory only).
   */
  #forgetThePair() {
    const { role, name, organisation, phone, email } = this.#draft;
    this.#draft = { ...emptyDraft(), role, name, organisation, phone, email };
    this.#returnToReview = false;
  }

  #startAgain() {
    this.phase = 'editing';
    this.receipt = undefined;
    this.#go(1);
  }
}

/** The receipt: the hub's reference and status, and what was sent, in the words read. */
interface Receipt {
  reference: string;
  status: NominationStatus;
  summary: [string, string][];
}

/** The `prefill` attribute: JSON, or nothing (with a warning for the site owner) when it is not. */
function parsePrefill(value: string | null): NominationFormPrefill | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as NominationFormPrefill;
  } catch {
    console.warn('<stue-nomination-form>: the prefill attribute is not valid JSON.');
    return undefined;
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
    // A hub answers every refusal with its own error code; an answer below 500 without one (a
    // page's 404, a 405) comes from a server that is no hub, such as a self-hosted copy of the
    // embed without an api attribute. Sending again cannot help.
    if (error.status < 500 && /^http_|^invalid_response$/.test(error.code)) {
      return { code: 'no_hub', kind: 'setup' };
    }
  }
  return { code: error.code, kind: 'retry' };
}
