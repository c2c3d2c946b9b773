import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import {
  DEFAULT_PROGRAMME_ID,
  type Lang,
  type NominatorRole,
  type ProgrammePublic,
  type ScreeningQuestion,
} from '@stue/core';
import { fetchProgrammePublic } from '@stue/core/client';
import { NOMINATION_STEPS } from './nomination-form.events.js';
import { stepFrame } from './nomination-form.frame.js';
import { illustration } from './nomination-form.illustration.js';
import type {
  Failure,
  FormIssue,
  JourneyHost,
  NominationJourney,
  Receipt,
} from './nomination-form.journey.js';
import { nominationFormStyles } from './nomination-form.styles.js';
import {
  firstStepText,
  hasNominationFormText,
  loadNominationFormText,
  toLang,
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

  /** The language the person chose with the form's own switch; until then, `lang`'s. */
  declare chosenLang: Lang | undefined;

  /**
   * The later steps, once their chunk has loaded (while the person reads the first step, or when
   * they press "Start"). It holds what was typed.
   */
  #journey: NominationJourney | undefined;
  #journeyLoad: Promise<NominationJourney> | undefined;
  /** Work that the next `updateComplete` waits for: a chunk being loaded for what is on screen. */
  #pending = new Set<Promise<unknown>>();
  /** Whether the first step's drawing is drawn (from the frame after the first). */
  #drawn = false;
  /** Whether "Start" found the later steps' chunk out of reach (it tries again when pressed). */
  #unavailable = false;
  /** The language whose texts were last on screen, shown until those of a newly chosen one load. */
  #shownLang: Lang = 'da';

  /**
   * The language the form is showing: the chosen one, or `lang`'s, as soon as its texts are at
   * hand (on the first step, at once).
   * @internal
   */
  get formLang(): Lang {
    const wanted = this.chosenLang ?? toLang(this.lang);
    if (this.#onFirstStep || hasNominationFormText(wanted)) this.#shownLang = wanted;
    else this.settle(loadNominationFormText(wanted).then(() => this.requestUpdate()));
    return this.#shownLang;
  }

  /** @internal */
  get slug(): string {
    return this.programme.trim() || DEFAULT_PROGRAMME_ID;
  }

  /**
   * The hub's address, ending in `/`: `api`, or {@link defaultApi}; empty when neither is set.
   * @internal
   */
  get apiBase(): string {
    return withTrailingSlash(this.api.trim() || StueNominationForm.defaultApi);
  }

  /** Whether the journey has a screening step: questions given, the programme's, or the default's. */
  get #hasScreening(): boolean {
    if (this.criteria) return this.criteria.length > 0;
    if (this.info) return this.info.criteria.length > 0;
    return this.slug === DEFAULT_PROGRAMME_ID;
  }

  get #onFirstStep(): boolean {
    return this.stepIndex === 0 && this.phase !== 'sent';
  }

  // The programme is read beside the first step, never before it: until it comes (or if it never
  // does) the form shows its built-in texts and records their version.
  #loading: string | undefined;
  #loadProgramme() {
    const api = this.apiBase;
    const slug = this.slug;
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

  /** Loads the later steps' chunk and the texts in the form's language (once, unless it fails). */
  #loadJourney(): Promise<NominationJourney> {
    this.#journeyLoad ??= Promise.all([
      import('./nomination-form.journey.js'),
      loadNominationFormText(this.formLang),
    ]).then(
      // The journey reads and sets the element's private state: it is the element's other half.
      ([{ NominationJourney }]) =>
        (this.#journey ??= new NominationJourney(this as unknown as JourneyHost)),
      (error: unknown) => {
        this.#journeyLoad = undefined;
        throw error;
      },
    );
    return this.#journeyLoad;
  }

  /**
   * Makes `updateComplete` wait for `work` too: a chunk loading for what is on screen, the
   * journey's focus after a render.
   * @internal
   */
  settle(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => this.#pending.delete(settled));
    this.#pending.add(settled);
  }

  /**
   * Resolves when the element has rendered, as Lit's `updateComplete` alone would (without what
   * {@link settle} added).
   * @internal
   */
  get rendered(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  /** Also waits for a chunk the form is loading to show what was asked for. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#pending.size > 0) {
      await Promise.all(this.#pending);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /**
   * Starts over with an empty form on the first step and a new nomination id. Prefilled details
   * are filled in again. Nothing is sent.
   */
  reset(): void {
    this.#journey?.reset();
    this.stepIndex = 0;
    this.phase = 'editing';
    this.issues = [];
    this.failure = undefined;
    this.receipt = undefined;
    this.announcement = '';
  }

  override willUpdate(changed: PropertyValues) {
    if (changed.has('prefill')) this.#journey?.applyPrefill();
    if (this.hasUpdated && (changed.has('api') || changed.has('programme'))) this.#loadProgramme();
  }

  override firstUpdated() {
    // Once the first step is on screen, and not before: the programme is asked for, and the later
    // steps load while the person reads, when the page has nothing else to do, so pressing
    // "Start" does not wait for them.
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.#drawn = true;
        this.requestUpdate();
        this.#loadProgramme();
        const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 100));
        // Each piece of the warm-up is a task of its own.
        idle(
          () =>
            void this.#loadJourney().then(
              (journey) => {
                for (const warm of journey.warmUps()) idle(warm);
              },
              () => undefined,
            ),
        );
      }),
    );
  }

  override render() {
    const lang = this.formLang;
    // The direction follows the form's language (Danish and English run left to right), not the
    // page's: a page set right to left would otherwise mirror the form.
    return html`<div class="base" part="base" lang=${lang} dir="ltr">
      ${this.#renderLanguages(lang)}
      ${this.#onFirstStep || !this.#journey ? this.renderFirstStep() : this.#journey.render()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  /** "Dansk | English": each name in its own language; what was typed stays. */
  #renderLanguages(lang: Lang) {
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
    return html`<div
      class="languages"
      part="languages"
      role="group"
      aria-label=${firstStepText(lang).language}
    >
      ${choice('da', 'Dansk')}<span aria-hidden="true">|</span>${choice('en', 'English')}
    </div>`;
  }

  /**
   * The first step, what a concert visit is: drawn without the later steps' chunk.
   * @internal
   */
  renderFirstStep(): TemplateResult {
    const lang = this.formLang;
    const t = firstStepText(lang);
    const info = this.info;
    // The programme's own description of its visit, then how long nominating takes.
    const lines = info ? [info.format.description[lang], t.about.lines.at(-1)!] : t.about.lines;
    // Without screening questions, the journey has no screening step.
    const total = NOMINATION_STEPS.length - (this.#hasScreening ? 0 : 1);
    return stepFrame({
      progress: t.step(1, total),
      index: 0,
      total,
      title: info ? t.about.titleFor(info.name[lang]) : t.about.title,
      before: this.#unavailable
        ? html`<div class="notice" part="notice" tabindex="-1">
            <p role="alert">${t.about.unavailable}</p>
          </div>`
        : undefined,
      // The drawing is drawn in a frame of its own once the step can be used; its place is kept.
      fields: html`${
          this.#drawn
            ? illustration(t.about.picture)
            : html`<div
                class="illustration"
                part="illustration"
                role="img"
                aria-label=${t.about.picture}
              ></div>`
        }
        <div class="intro" part="intro">${lines.map((line) => html`<p>${line}</p>`)}</div>`,
      submit: t.about.start,
      onSubmit: this.#onStart,
    });
  }

  #onStart = (event: SubmitEvent) => {
    event.preventDefault();
    const start = this.#loadJourney().then(
      (journey) => {
        this.#unavailable = false;
        journey.start();
      },
      () => {
        this.#unavailable = true;
        this.requestUpdate();
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>('.notice')?.focus(),
        );
      },
    );
    this.settle(start);
  };
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
