import {
  DEFAULT_INSTRUMENT,
  isRespondent,
  newId,
  RESPONSE_ROLES,
  type FeedbackInstrument,
  type FeedbackQuestion,
  type ResponseRole,
  type TabletConsent,
} from '@stue/core';
import type { DeviceProgramme } from '@stue/core/client';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  chooseOne,
  choicesOf,
  HELP_STEP,
  moveOn,
  questionsOf,
  skip,
  startRespondent,
  stepBack,
  toggleChoice,
  withHelp,
  type RespondentDraft,
} from '../feedback/respondent.js';
import { icon, pictogram } from '../pictograms/pictogram.js';
import { canReadAloud, onVoicesChanged, readAloud, stopReading } from '../speech/read-aloud.js';
import type { DayBooking, Household } from '../store/types.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { defineOnce, KioskScreen } from './kiosk-screen.js';
import { actionButton } from './action-button.js';

/** The grid for a number of answers: two side by side, four in a row (or a square), or many. */
const layoutOf = (count: number) => (count <= 2 ? 'two' : count <= 4 ? 'four' : 'many');

/** The tag of {@link StueKioskSession}. */
export const SESSION_TAG = 'stue-kiosk-session';

/** What the session needs from the app: durable saves, and sealing a finished respondent. */
export interface SessionServices {
  saveHousehold(household: Household | undefined): Promise<void>;
  saveDraft(draft: RespondentDraft): Promise<void>;
  discardDraft(responseId: string): Promise<void>;
  /** `consent`: the pair's yes given on the tablet, sent with the sealed response. */
  finishRespondent(draft: RespondentDraft, consent?: TabletConsent): Promise<unknown>;
}

// Host, friend, the pair, then a guest: the order people are usually asked in.
const ROLE_ORDER: readonly ResponseRole[] = ['host', 'visiting-friend', 'together', 'guest'];

/**
 * A household's feedback session, from hand-over to the last thank-you: who answers, then the
 * instrument one question per screen, with a picture and a word per answer, read aloud on request,
 * back and skip always there, and no time limit. Every tap is saved (strict durability) before
 * the screen moves on; a finished respondent is sealed and queued by `services`, and their
 * answers leave memory. Nothing here uses the address bar or history.
 *
 * @summary The pictorial feedback session.
 * @event stue-session-end - the household is done; show the neutral start
 * @event stue-session-exit - the musician wants the tablet back before anyone answered
 */
export class StueKioskSession extends KioskScreen {
  static override styles = [
    sharedStyles,
    css`
      :host {
        min-block-size: 100%;
      }

      .session {
        display: grid;
        grid-template-rows: auto 1fr auto;
        gap: var(--stue-kiosk-gap);
        min-block-size: inherit;
      }

      .bar .row {
        margin-inline-start: auto;
      }

      .body {
        display: grid;
        align-content: center;
        gap: 1rem;
      }

      .centre {
        justify-items: center;
        text-align: center;
      }

      .centre p {
        max-inline-size: 32em;
      }

      .big-picture .pictogram {
        inline-size: 9rem;
        block-size: 9rem;
      }

      .options {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: var(--stue-kiosk-gap);
      }

      /* Two, four or many answers: as even a grid as the screen allows, in both orientations. */
      .options.two {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }

      .options.four,
      .options.many {
        grid-template-columns: repeat(4, minmax(0, 1fr));
      }

      .option {
        min-block-size: 12rem;
      }

      .options.two .pictogram,
      .options.four .pictogram {
        inline-size: 7rem;
        block-size: 7rem;
      }

      .options.many .option {
        min-block-size: 9.5rem;
        padding-block: 0.75rem;
      }

      @media (max-aspect-ratio: 1/1) {
        .options.four {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }

        .options.many {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }

        .option {
          min-block-size: 14rem;
        }

        .options.many .option {
          min-block-size: 11rem;
        }
      }

      /* A landscape tablet of 768 points or less (an iPad held sideways): eight feelings and the
         buttons below them fit without scrolling. */
      @media (min-aspect-ratio: 1/1) and (max-height: 50rem) {
        .options.many .option {
          min-block-size: 8rem;
        }
      }

      /* Upright, the buttons above and below the question stay on one line each. */
      @media (max-aspect-ratio: 1/1) {
        .bar .button {
          padding-inline: 1.125rem;
        }
      }

      /* The same held upright, 1024 points tall or less. */
      @media (max-aspect-ratio: 1/1) and (max-height: 64rem) {
        .options.many .option {
          min-block-size: 8.5rem;
        }
      }

      /* Either of the two: smaller pictures, closer to their words. */
      @media (min-aspect-ratio: 1/1) and (max-height: 50rem),
        (max-aspect-ratio: 1/1) and (max-height: 64rem) {
        .options.many .option {
          padding-block: 0.5rem;
          gap: 0.25rem;
        }

        .options.many .pictogram {
          inline-size: 4rem;
          block-size: 4rem;
        }
      }

      .option .second {
        font-weight: 400;
        color: var(--stue-kiosk-muted);
      }

      .option[aria-pressed='true'] .second {
        color: var(--stue-kiosk-text);
      }

      .words-only .option {
        justify-content: center;
        min-block-size: 8rem;
        font-size: 2rem;
      }

      @media (max-aspect-ratio: 1/1) {
        .words-only .option {
          min-block-size: 10rem;
        }
      }

      .done-badge {
        display: inline-flex;
        align-items: center;
        gap: 0.375rem;
        font-size: 1.5rem;
        font-weight: 700;
      }

      .prompt {
        font-size: 2.5rem;
      }

      .progress {
        font-weight: 700;
      }

      .spacer {
        flex: 1;
      }
    `,
  ];

  @property({ attribute: false }) accessor services: SessionServices | undefined;

  /** The household's session (saved by the app before this screen appears). */
  @property({ attribute: false }) accessor household: Household | undefined;

  /** The respondent in progress when resuming after a reload. */
  @property({ attribute: false }) accessor draft: RespondentDraft | undefined;

  /** The concert, for the pair's first names. */
  @property({ attribute: false }) accessor booking: DayBooking | undefined;

  /** The instrument the concert's programme names, or the default one. */
  @property({ attribute: false }) accessor instrument: FeedbackInstrument = DEFAULT_INSTRUMENT;

  /** The concert's programme, for the question about keeping the answers. */
  @property({ attribute: false }) accessor programme: DeviceProgramme | undefined;

  // Whether a change is being saved: guards against a second tap meanwhile. Not drawn, so a tap
  // does not redraw the screen before its save (it would delay the commit).
  #busy = false;
  @state() accessor failed = false;
  @state() accessor voices = 0;
  /** "Done" was tapped mid-questionnaire: ask once whether to stop. */
  @state() accessor askingToStop = false;

  #stopVoices: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopVoices = onVoicesChanged(() => {
      this.voices += 1;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopVoices?.();
    stopReading();
    this.forget();
  }

  /** Drops the answers in memory (the saved draft, if any, stays on disk). */
  forget(): void {
    this.draft = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A new screen: start reading from its heading, and stop reading the old one.
    if (changed.has('draft') || changed.has('household')) {
      const before = changed.get('draft') as RespondentDraft | undefined;
      const stepChanged =
        !before || !this.draft || before.step !== this.draft.step || changed.has('household');
      if (stepChanged) {
        stopReading();
        this.focusHeading();
      }
    }
  }

  get #lang() {
    return this.household?.lang ?? this.language;
  }

  /** Saves through `services`, one change at a time; the screen moves only after the commit. */
  async #commit(work: () => Promise<void>): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.failed = false;
    try {
      await work();
    } catch (error) {
      this.failed = true;
      console.error('stue-kiosk: could not save', error instanceof Error ? error.name : error);
    } finally {
      this.#busy = false;
    }
  }

  /** {@link #commit} of a change to the household in progress; with none, nothing to do. */
  #commitToHousehold(work: (household: Household) => Promise<void>): Promise<void> {
    const household = this.household;
    if (!household) return Promise.resolve();
    return this.#commit(() => work(household));
  }

  #saveHousehold(household: Household | undefined): Promise<void> {
    return this.#commit(async () => {
      await this.services?.saveHousehold(household);
      this.household = household;
      if (!household) this.emit('stue-session-end', undefined);
    });
  }

  #update(draft: RespondentDraft): Promise<void> {
    const questions = questionsOf(this.instrument, draft);
    if (draft.step >= questions.length) return this.#finish(draft);
    return this.#commit(async () => {
      await this.services?.saveDraft(draft);
      this.draft = draft;
    });
  }

  #start(role: ResponseRole): Promise<void> {
    const household = this.household;
    if (!household) return Promise.resolve();
    const draft = startRespondent(this.instrument, {
      responseId: newId(),
      bookingId: household.bookingId,
      role,
      lang: household.lang,
    });
    return this.#commit(async () => {
      await this.services?.saveDraft(draft);
      const next: Household = { ...household, stage: 'respondent', respondentId: draft.responseId };
      await this.services?.saveHousehold(next);
      this.household = next;
      this.draft = draft;
    });
  }

  /** Back from the help question: this respondent had not begun; choose again. */
  #unstart(draft: RespondentDraft): Promise<void> {
    return this.#commitToHousehold(async (household) => {
      const next: Household = { ...household, stage: 'who' };
      delete next.respondentId;
      await this.services?.saveHousehold(next);
      await this.services?.discardDraft(draft.responseId);
      this.household = next;
      this.draft = undefined;
    });
  }

  #finish(draft: RespondentDraft): Promise<void> {
    return this.#commitToHousehold(async (household) => {
      await this.services?.finishRespondent(draft, household.consent);
      const answered = household.answered.includes(draft.role)
        ? household.answered
        : [...household.answered, draft.role];
      const next: Household = { ...household, stage: 'thanks', answered };
      delete next.respondentId;
      // The thanks show once the household is saved, so their buttons answer the first tap.
      await this.services?.saveHousehold(next);
      // Sealed and queued: nothing readable of this respondent is left, in storage or here.
      this.draft = undefined;
      this.household = next;
    });
  }

  protected override render(): TemplateResult {
    const household = this.household;
    if (!household) return html``;
    if (household.stage === 'respondent' && this.draft) {
      if (this.askingToStop) return this.#stopScreen(this.draft);
      return this.draft.step === HELP_STEP
        ? this.#helpScreen(this.draft)
        : this.#questionScreen(this.draft);
    }
    if (household.stage === 'hand-over') return this.#handOverScreen(household);
    if (household.stage === 'consent') return this.#consentScreen(household);
    if (household.stage === 'thanks') return this.#thanksScreen();
    return this.#whoScreen(household);
  }

  #names(): { host: string; friend: string } {
    const t = this.t;
    return {
      host: this.booking?.host.firstName ?? t.roleWord.host,
      friend: this.booking?.visitingFriend.firstName ?? t.roleWord['visiting-friend'],
    };
  }

  #failedLine(): TemplateResult {
    return html`<p class="error-text" role="alert">${this.failed ? this.t.saveFailed : ''}</p>`;
  }

  #handOverScreen(household: Household): TemplateResult {
    const t = this.t;
    const { host, friend } = this.#names();
    return html`
      <div class="session" lang=${this.#lang}>
        <div></div>
        <div class="body centre big-picture">
          ${pictogram('hand-over')}
          <h1 tabindex="-1">${t.handOverHeading(t.pairNames(host, friend))}</h1>
          <p>${t.handOverHint}</p>
          ${this.#failedLine()}
          <button
            class="button primary"
            type="button"
            @click=${() => this.#saveHousehold({ ...household, stage: this.#afterHandOver(household) })}
          >
            ${t.handOverStart} ${icon('forward')}
          </button>
        </div>
        <footer class="bar">
          <button
            class="button"
            type="button"
            @click=${() =>
              this.#commit(async () => {
                await this.services?.saveHousehold(undefined);
                this.household = undefined;
                this.emit('stue-session-exit', undefined);
              })}
          >
            ${icon('back')} ${t.backToMusician}
          </button>
        </footer>
      </div>
    `;
  }

  // When the pair's yes to keeping their answers was never given (the day says `ask`), and not
  // yet here, ask it first.
  #afterHandOver(household: Household): Household['stage'] {
    return this.booking?.feedbackConsent === 'ask' && !household.consent ? 'consent' : 'who';
  }

  #consentScreen(household: Household): TemplateResult {
    return html`<stue-kiosk-consent
      .language=${this.#lang}
      .programme=${this.programme}
      @stue-consent-yes=${(event: CustomEvent<TabletConsent>) =>
        this.#saveHousehold({ ...household, stage: 'who', consent: event.detail })}
      @stue-consent-no=${() => this.#saveHousehold(undefined)}
    ></stue-kiosk-consent>`;
  }

  #whoScreen(household: Household): TemplateResult {
    const t = this.t;
    const { host, friend } = this.#names();
    const roles = ROLE_ORDER.filter(
      (role) => RESPONSE_ROLES.includes(role) && isRespondent(this.instrument, role),
    );
    const first: Record<ResponseRole, string> = {
      host,
      'visiting-friend': friend,
      together: t.roleWord.together,
      guest: t.roleWord.guest,
    };
    const second: Partial<Record<ResponseRole, string>> = {
      host: t.roleWord.host,
      'visiting-friend': t.roleWord['visiting-friend'],
      together: t.pairNames(host, friend),
    };
    return html`
      <div class="session" lang=${this.#lang}>
        <div></div>
        <div class="body">
          <h1 tabindex="-1" id="who">${t.whoHeading}</h1>
          <div class="options ${layoutOf(roles.length)}" role="group" aria-labelledby="who">
            ${roles.map((role) => {
              const done = household.answered.includes(role) && role !== 'guest';
              return html`<button
                class="option"
                type="button"
                data-role=${role}
                @click=${() => this.#start(role)}
              >
                ${pictogram(`role-${role}`)}
                <span>${first[role]}</span>
                ${second[role] ? html`<span class="second">${second[role]}</span>` : nothing}
                ${
                  done
                    ? html`<span class="done-badge">${icon('check')} ${t.hasAnswered}</span>`
                    : nothing
                }
              </button>`;
            })}
          </div>
          ${this.#failedLine()}
        </div>
        <footer class="bar">
          <span class="spacer"></span>
          <button class="button" type="button" @click=${() => this.#saveHousehold(undefined)}>
            ${t.weAreDone}
          </button>
        </footer>
      </div>
    `;
  }

  #helpScreen(draft: RespondentDraft): TemplateResult {
    const t = this.t;
    const together = draft.role === 'together';
    const option = (value: boolean, label: string) =>
      html`<button
        class="option"
        type="button"
        aria-pressed=${draft.answeredWithHelp === value ? 'true' : 'false'}
        data-help=${String(value)}
        @click=${() => this.#update(withHelp(draft, value))}
      >
        <span>${label}</span>
        <span class="check">${icon('check')}</span>
      </button>`;
    return html`
      <div class="session" lang=${this.#lang}>
        <div></div>
        <div class="body">
          <h1 tabindex="-1" id="help">${t.helpHeading(together)}</h1>
          <div class="options two words-only" role="group" aria-labelledby="help">
            ${option(false, t.helpSelf)} ${option(true, t.helpWith)}
          </div>
          ${this.#failedLine()}
        </div>
        <footer class="bar">
          ${actionButton('back', () => this.#unstart(draft), html`${icon('back')} ${t.back}`)}
          ${actionButton(
            'skip',
            () => this.#update(withHelp(draft, null)),
            html`${t.skip} ${icon('forward')}`,
          )}
        </footer>
      </div>
    `;
  }

  #readAloud(question: FeedbackQuestion): void {
    const lang = this.#lang;
    const words = [question.readAloud[lang], ...question.options.map((o) => o.label[lang])];
    readAloud(words.join(' … '), lang);
  }

  #questionScreen(draft: RespondentDraft): TemplateResult {
    const t = this.t;
    const lang = this.#lang;
    const questions = questionsOf(this.instrument, draft);
    const question = questions[draft.step];
    if (!question) return html``;
    const chosen = choicesOf(draft, question.id);
    const multi = question.kind === 'multi';
    void this.voices; // re-rendered when voices arrive
    const speakable = canReadAloud(lang);
    return html`
      <div class="session" lang=${lang}>
        <header class="bar">
          <p class="progress">${t.questionOf(draft.step + 1, questions.length)}</p>
          <div class="row">
            ${
              speakable
                ? actionButton(
                    'read-aloud',
                    () => this.#readAloud(question),
                    html`${icon('speaker')} ${t.readAloud}`,
                  )
                : nothing
            }
            ${actionButton('finish', () => this.#askToStop(true), t.finishNow, { quiet: true })}
          </div>
        </header>
        <div class="body">
          <h1 tabindex="-1" id="question" class="prompt">${question.prompt[lang]}</h1>
          ${multi ? html`<p class="muted">${t.chooseMany}</p>` : nothing}
          <div
            class="options ${layoutOf(question.options.length)}"
            role="group"
            aria-labelledby="question"
          >
            ${question.options.map((option) => {
              const pressed = chosen.includes(option.id);
              return html`<button
                class="option"
                type="button"
                data-option=${option.id}
                aria-pressed=${pressed ? 'true' : 'false'}
                @click=${() =>
                  this.#update(
                    multi
                      ? toggleChoice(draft, question.id, option.id)
                      : chooseOne(draft, question.id, option.id),
                  )}
              >
                ${pictogram(option.pictogram)}
                <span>${option.label[lang]}</span>
                <span class="check">${icon('check')}</span>
              </button>`;
            })}
          </div>
          ${this.#failedLine()}
        </div>
        <footer class="bar">
          ${actionButton(
            'back',
            () => this.#update(stepBack(draft)),
            html`${icon('back')} ${t.back}`,
          )}
          <div class="row">
            ${
              // Once something is chosen there is nothing to skip: "Next" keeps it and goes on.
              chosen.length === 0
                ? actionButton('skip', () => this.#update(skip(draft, question.id)), t.skip)
                : nothing
            }
            ${
              multi || chosen.length > 0
                ? actionButton(
                    'next',
                    () => this.#update(moveOn(draft, question.id)),
                    html`${t.next} ${icon('forward')}`,
                    { primary: true },
                  )
                : nothing
            }
          </div>
        </footer>
      </div>
    `;
  }

  #askToStop(asking: boolean): void {
    this.askingToStop = asking;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  /** Asked once, after "Done" mid-questionnaire: stop (what is answered is kept) or go on. */
  #stopScreen(draft: RespondentDraft): TemplateResult {
    const t = this.t;
    return html`
      <div class="session" lang=${this.#lang}>
        <div></div>
        <div class="body centre">
          <h1 tabindex="-1" id="stop">${t.stopHeading}</h1>
          <p>${t.stopText}</p>
          ${this.#failedLine()}
          <div class="row stop-choices">
            ${actionButton('stop-no', () => this.#askToStop(false), t.stopNo)}
            ${actionButton(
              'stop-yes',
              // The question stays away while the answers are sealed: straight on to the thanks.
              () => this.#finish(draft).then(() => (this.askingToStop = false)),
              t.stopYes,
              { primary: true },
            )}
          </div>
        </div>
        <div></div>
      </div>
    `;
  }

  #thanksScreen(): TemplateResult {
    const t = this.t;
    const household = this.household;
    const together = household?.answered.at(-1) === 'together';
    return html`
      <div class="session" lang=${this.#lang}>
        <div></div>
        <div class="body centre big-picture">
          ${pictogram('thanks')}
          <h1 tabindex="-1">${t.thanksHeading}</h1>
          <p>${t.thanksText(together)}</p>
          ${this.#failedLine()}
          <div class="row">
            ${actionButton(
              'another',
              () => household && this.#saveHousehold({ ...household, stage: 'who' }),
              t.thanksAnother,
            )}
            ${actionButton('done', () => this.#saveHousehold(undefined), t.thanksDone, {
              primary: true,
            })}
          </div>
        </div>
        <div></div>
      </div>
    `;
  }
}

/**
 * Registers `<stue-kiosk-session>`. Its question about keeping the answers,
 * `<stue-kiosk-consent>`, is registered with the screens the app loads after its first one
 * (`loadLaterScreens`).
 */
export function defineSessionScreen(): void {
  defineOnce(SESSION_TAG, StueKioskSession);
}

declare global {
  interface HTMLElementTagNameMap {
    [SESSION_TAG]: StueKioskSession;
  }
}
