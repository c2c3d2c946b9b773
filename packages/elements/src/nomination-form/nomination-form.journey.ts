import { html, render as litRender, nothing, type TemplateResult } from 'lit';
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
import { submitNominationLight } from '@stue/core/client';
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
import { stepFrame } from './nomination-form.frame.js';
import type { NominationFormPrefill, StueNominationForm } from './nomination-form.js';
import {
  NOTICE_VERSION,
  nominationFormText,
  type FeedbackAsker,
  type NominationFormText,
} from './nomination-form.text.js';

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
export interface FormIssue {
  path: string;
  code: IssueCode;
}

/** Why a send failed, as far as the person needs to know. */
export interface Failure {
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

/** The element as the journey sees it: its public part, and the state it keeps private. */
export type JourneyHost = Pick<
  StueNominationForm,
  | 'formLang'
  | 'apiBase'
  | 'slug'
  | 'renderFirstStep'
  | 'settle'
  | 'rendered'
  | 'programme'
  | 'criteria'
  | 'prefill'
  | 'lockPrefill'
  | 'partnerKey'
  | 'renderRoot'
  | 'updateComplete'
  | 'requestUpdate'
  | 'dispatchEvent'
> & {
  stepIndex: number;
  phase: 'editing' | 'sending' | 'sent';
  issues: FormIssue[];
  failure: Failure | undefined;
  receipt: Receipt | undefined;
  info: ProgrammePublic | undefined;
  announcement: string;
};

/**
 * The nomination form past its first step: what the person typed, the later steps, the checks,
 * sending and the receipt. The element loads it in a chunk of its own while the person reads the
 * first step, and renders through it from then on; the element object keeps it, so what was
 * typed stays as long as the element does.
 */
export class NominationJourney {
  constructor(private readonly host: JourneyHost) {
    ensureDefined('stue-error-summary', StueErrorSummary);
    ensureDefined('stue-field', StueField);
    this.applyPrefill();
  }

  /** The first step's "Start" was pressed: on to the second. */
  start(): void {
    this.#go(1);
  }

  /** Empties what was typed and makes a new nomination id (the element resets the rest). */
  reset(): void {
    this.#draft = emptyDraft();
    this.#nominationId = undefined;
    this.#unlocked.clear();
    this.#returnToReview = false;
    this.applyPrefill();
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

  get #criteria(): readonly ScreeningQuestion[] {
    if (this.host.criteria) return this.host.criteria;
    if (this.host.info) return this.host.info.criteria;
    return this.host.slug === DEFAULT_PROGRAMME_ID ? DEFAULT_SCREENING_QUESTIONS : [];
  }

  /** Whether the form asks the host's yes to keeping feedback, and in whose words. */
  get #feedbackAsker(): FeedbackAsker | undefined {
    const role = this.#draft.role;
    return this.host.info?.feedbackConsent === 'widget' &&
      (role === 'visiting-friend' || role === 'self')
      ? role
      : undefined;
  }

  get #steps(): readonly NominationStep[] {
    const screening = this.#criteria.length > 0;
    return NOMINATION_STEPS.filter((step) => screening || step !== 'screening');
  }

  get #step(): NominationStep {
    const steps = this.#steps;
    return steps[Math.min(this.host.stepIndex, steps.length - 1)]!;
  }

  /** Fills in the nominator's details the page gave (`prefill`). */
  applyPrefill() {
    const given = this.host.prefill?.nominator ?? {};
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
    return this.host.lockPrefill && this.#prefilled.has(key) && !this.#unlocked.has(key);
  }

  /** A later step (the first is the element's own), or the step the person went back to. */
  render(): TemplateResult {
    const host = this.host;
    const t = nominationFormText(host.formLang);
    if (host.phase === 'sent' && host.receipt) return this.#renderReceipt(t, host.receipt);
    return this.#renderStep(this.#step, t);
  }

  /**
   * Prepares the second step's templates while the person reads the first, by drawing it where
   * nobody sees it: "Start" then only fills them in. In pieces, each for a moment of its own when
   * the page is idle, so that none holds the page's main thread for long: its kinds of field
   * first, then the whole step.
   */
  warmUps(): (() => void)[] {
    const t = nominationFormText(this.host.formLang);
    const draw = (template: unknown) =>
      litRender(template, document.createDocumentFragment(), { host: this.host });
    return [
      () => draw(this.#roleField(t)),
      () => draw(this.#textField('nominator.name', 'name', t.nominator.name)),
      () => draw(this.#renderStep('nominator', t)),
    ];
  }

  #renderStep(step: NominationStep, t: NominationFormText): TemplateResult {
    const host = this.host;
    const steps = this.#steps;
    const index = steps.indexOf(step);
    const review = step === 'review';
    const sending = host.phase === 'sending';
    const retry = host.failure?.kind === 'retry' || host.failure?.kind === 'rate-limited';
    const titles: Record<Exclude<NominationStep, 'about'>, string> = {
      nominator: t.nominator.title,
      host: t.host.title,
      friend: t.friend.title,
      screening: this.#draft.role === 'self' ? t.screening.titleSelf : t.screening.title,
      wishes: t.wishes.title,
      consent: t.consent.title,
      review: t.review.title,
    };
    if (step === 'about') return host.renderFirstStep();
    return stepFrame({
      progress: t.step(index + 1, steps.length),
      index,
      total: steps.length,
      title: titles[step],
      before: html`${this.#renderSummary(t)} ${review ? this.#renderFailure(t) : nothing}`,
      fields: this.#renderFields(step, t),
      submit: review ? (retry ? t.retry : t.review.send) : t.next,
      back: t.back,
      onBack: this.#back,
      sending: sending ? t.sending : undefined,
      onSubmit: this.#onSubmit,
      onInput: this.#onInput,
    });
  }

  #renderFields(step: Exclude<NominationStep, 'about'>, t: NominationFormText) {
    const lang = this.host.formLang;
    switch (step) {
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
            this.host.requestUpdate();
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
    return (
      this.host.renderRoot.querySelector<HTMLInputElement>('#host-municipalityCode')?.value ?? ''
    );
  }

  /** The names (or common other names) containing `text`, in any spelling, those starting with it first. */
  #matches(text: string) {
    return searchMunicipalityNames(text);
  }

  #onMunicipalityInput = (event: Event) => {
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
    this.host.requestUpdate();
  };

  #onMunicipalityKey = (event: KeyboardEvent) => {
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
      this.host.requestUpdate();
      void this.host.updateComplete.then(() =>
        this.host.renderRoot
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
        this.host.requestUpdate();
      }
    }
  };

  #chooseMunicipality(code: string) {
    this.#draft.municipalityCode = code;
    this.#typed = undefined;
    this.#activeCode = code;
    this.#closeList();
    this.host.renderRoot.querySelector<HTMLInputElement>('#host-municipalityCode')?.focus();
  }

  #closeList() {
    if (!this.#listOpen) return;
    this.#listOpen = false;
    this.host.requestUpdate();
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
    const lang = this.host.formLang;
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
    const info = this.host.info;
    const lang = this.host.formLang;
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
    const lang = this.host.formLang;
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
    const t = nominationFormText(this.host.formLang);
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
    const t = nominationFormText(this.host.formLang);
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
    const t = nominationFormText(this.host.formLang);
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
      .errors=${this.host.issues.map((issue) => {
        const field = fieldOf(issue.path);
        const id = field === 'screening' ? idOf(issue.path) : field && idOf(field);
        return { field: id, message: this.#message(issue) };
      })}
    ></stue-error-summary>`;
  }

  #renderFailure(t: NominationFormText) {
    const failure = this.host.failure;
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
    const info = this.host.info;
    const lang = this.host.formLang;
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

  #copyReference = async () => {
    const t = nominationFormText(this.host.formLang);
    try {
      await navigator.clipboard.writeText(this.host.receipt?.reference ?? '');
      this.host.announcement = t.receipt.copied;
    } catch {
      // No clipboard here (an insecure page, a refusal): the reference stays on screen to copy by hand.
    }
  };

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
    if (this.host.info) rows.unshift([t.about.programme, this.host.info.name[this.host.formLang]]);
    return rows;
  }

  #message(issue: FormIssue): string {
    return nominationFormMessage(issue.path, issue.code, this.host.formLang);
  }

  #errorFor(path: string): string | undefined {
    const issue = this.host.issues.find(
      (candidate) => candidate.path === path || candidate.path.startsWith(`${path}.`),
    );
    return issue && this.#message(issue);
  }

  #onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const { name, value } = input;
    const draft = this.#draft;
    if (name === 'consent' || name === 'feedbackConsent') {
      // The time it was ticked, and the version of the words on screen then.
      const at = input.checked ? new Date().toISOString() : undefined;
      const notice = this.host.info?.noticeVersion ?? NOTICE_VERSION;
      if (name === 'consent') [draft.consentAt, draft.consentNotice] = [at, notice];
      else [draft.feedbackAt, draft.feedbackNotice] = [at, notice];
    } else if (name === 'role') draft.role = value as NominatorRole;
    else if (name.startsWith('screening:')) {
      draft.screening[name.slice('screening:'.length)] = value as ScreeningAnswer;
      // The kind word under the questions follows the answers.
      this.host.requestUpdate();
    } else if (LIST_KEYS.includes(name)) {
      const list = draft[name as ListKey].filter((item) => item !== value);
      draft[name as ListKey] = input.checked ? [...list, value] : list;
    } else if (name === 'extraGuests') draft.extraGuests = Number(value);
    else if (name === 'language') draft.language = value as VisitLanguage;
    else if (name in draft) draft[name as TextKey] = value;
  };

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
      programmeId: blankToUndefined(this.host.programme.trim()),
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
      lang: this.host.formLang,
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
    this.host.issues = [...first.values()].sort((a, b) => rank(a.path) - rank(b.path));
    // The summary has rendered by then: its update was queued while this element rendered it.
    void this.#focusAfterRender('stue-error-summary');
  }

  /**
   * Moves focus once the new content is rendered, in a task of its own: laying the content out
   * for the focus then never makes one long task with the render (the element's
   * `updateComplete` waits for it).
   */
  async #focusAfterRender(selector: string) {
    const focused = this.host.rendered
      .then(nextTask)
      .then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
    this.host.settle(focused);
    await focused;
  }

  #go(index: number) {
    const steps = this.#steps;
    this.host.stepIndex = index;
    this.host.issues = [];
    this.host.failure = undefined;
    const step = steps[index]!;
    const t = nominationFormText(this.host.formLang);
    this.host.announcement = t.step(index + 1, steps.length);
    void this.#focusAfterRender('.step-heading');
    this.host.dispatchEvent(new StueNominationStepEvent(step, index + 1, steps.length));
  }

  #back = () => {
    if (this.host.phase === 'sending') return;
    this.#returnToReview = false;
    this.#go(Math.max(0, this.#steps.indexOf(this.#step) - 1));
  };

  #change(step: NominationStep) {
    this.#returnToReview = true;
    this.#go(this.#steps.indexOf(step));
  }

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (this.host.phase === 'sending' || this.#checking) return;
    const steps = this.#steps;
    const step = this.#step;
    const issues = this.#check(step);
    if (step === 'review') {
      void this.#send(issues);
      return;
    }
    // The step's check and drawing what follows are two tasks, so that neither holds the page
    // long; a second press meanwhile is the same press.
    this.#checking = true;
    const shown = nextTask().then(() => {
      this.#checking = false;
      if (issues.length > 0) {
        this.#showIssues(issues);
        return;
      }
      const next = this.#returnToReview ? steps.length - 1 : steps.indexOf(step) + 1;
      if (next === steps.length - 1) this.#returnToReview = false;
      this.#go(next);
    });
    this.host.settle(shown);
  };
  #checking = false;

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
    this.host.issues = [];
    const id = this.#nominationId!;
    if (!this.host.dispatchEvent(new StueNominationSubmitEvent(id))) return;

    const key = this.host.partnerKey.trim();
    const api = this.host.apiBase;
    if (!key || !api) {
      this.#fail({ code: key ? 'missing_api' : 'missing_partner_key', kind: 'setup' }, false);
      return;
    }

    this.host.failure = undefined;
    this.host.phase = 'sending';
    try {
      const result = await submitNominationLight(this.#input(id), {
        api,
        key,
        lang: this.host.formLang,
      });
      this.#nominationId = undefined;
      const summary = this.#summary(nominationFormText(this.host.formLang));
      this.#forgetThePair();
      this.host.receipt = { reference: result.reference, status: result.status, summary };
      this.host.phase = 'sent';
      await this.#focusAfterRender('#receipt-title');
      this.host.dispatchEvent(new StueNominationSuccessEvent(result.reference, result.status));
    } catch (error) {
      this.host.phase = 'editing';
      if (error instanceof StueValidationError && !PROGRAMME_REFUSALS.has(error.code)) {
        this.#showIssuesAtTheirStep(error.issues);
        this.host.dispatchEvent(new StueNominationErrorEvent(error.code, false));
      } else {
        this.#fail(failureOf(error), isRetryable(error), api);
      }
    }
  }

  #fail(failure: Failure, retryable: boolean, api?: string) {
    this.host.failure = failure;
    // For the site owner, who will look in the console first. Codes only, never what was typed.
    if (failure.code === 'no_hub') {
      console.warn(
        `<stue-nomination-form>: no Stue hub answers at ${api}. Set the api attribute to your hub's address, for example api="https://stue.example.dk/".`,
      );
    } else if (PROGRAMME_REFUSALS.has(failure.code)) {
      console.warn(
        `<stue-nomination-form>: the hub at ${this.host.apiBase} holds no programme "${this.host.slug}" with these words (${failure.code}): check the programme attribute.`,
      );
    } else if (failure.kind === 'setup') {
      console.warn(
        `<stue-nomination-form> is not set up correctly on this page (${failure.code}): check its partner-key and api.`,
      );
    }
    void this.#focusAfterRender('.notice');
    this.host.dispatchEvent(new StueNominationErrorEvent(failure.code, retryable));
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

  #startAgain = () => {
    this.host.phase = 'editing';
    this.host.receipt = undefined;
    this.#go(1);
  };
}

/** The receipt: the hub's reference and status, and what was sent, in the words read. */
export interface Receipt {
  reference: string;
  status: NominationStatus;
  summary: [string, string][];
}

/** The hub's refusals of the programme a page names: the page's setup, not the person's input. */
const PROGRAMME_REFUSALS = new Set(['unknown_programme', 'unknown_notice_version']);

/** Resolves in a task of its own, after what the browser has queued (a frame, input). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

function failureOf(error: unknown): Failure {
  if (!(error instanceof StueError)) return { code: 'unexpected', kind: 'retry' };
  // The page names a programme (or its words) the hub does not hold: nothing the person typed
  // can fix that, nor sending again.
  if (PROGRAMME_REFUSALS.has(error.code)) return { code: error.code, kind: 'setup' };
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
