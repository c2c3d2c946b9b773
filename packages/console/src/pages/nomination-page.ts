import {
  allowedTransitions,
  CONSENT_PERSONS,
  CONSENT_SCOPES,
  CONSENT_VIA,
  containsCprNumber,
  DEFAULT_RETENTION_DAYS,
  newId,
  NOMINATION_MACHINE,
  StueHttpError,
  StueValidationError,
  TEXT_LIMITS,
  type NominationStatus,
  danishInstant,
} from '@stue/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import {
  addNominationNote,
  erasePair,
  exportUrl,
  getNomination,
  isShown,
  listConsents,
  moveNomination,
  recordConsent,
  withdrawConsent,
  type AuditEntry,
  type ConsentToRecord,
  type ConsentView,
  type NominationDetail,
  type NominationItem,
  type ScreeningAction,
} from '../api.js';
import {
  errorsFromFailure,
  errorSummary,
  failureMessage,
  focusErrorSummary,
  formText,
  inputField,
  radiosField,
  textareaField,
  type FieldError,
  warningActions,
} from '../internal/forms.js';
import {
  eligibilityOf,
  formatPhone,
  languageName,
  listInWords,
  municipalityName,
  outcomeTag,
  statusTag,
} from '../internal/labels.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import {
  danishLocal,
  formatDate,
  formatDateTime,
  formatShortDate,
  waitingDays,
} from '../internal/time.js';
import { href } from '../router.js';

/** The tag the nomination page is registered under. */
export const NOMINATION_PAGE_TAG = 'stue-nomination-page';

/** The most characters the hub keeps of a reason, and of a referral. */
export const MAX_REASON = TEXT_LIMITS.reason;
export const MAX_REFERRAL = TEXT_LIMITS.referral;
/** The most characters the hub keeps of a coordinator's note. */
export const MAX_NOTE = TEXT_LIMITS.nominationNote;
/**
 * The days after a withdrawal before the hub erases the pair, by default. The hub's own setting
 * decides; its answer to the withdrawal gives the actual date.
 */
export const WITHDRAWN_ERASURE_DAYS = DEFAULT_RETENTION_DAYS.withdrawnConsentDays;

const SCREENING_ACTIONS: readonly ScreeningAction[] = ['review', 'accept', 'decline', 'withdraw'];

/** The screening moves a coordinator can make on a nomination in `status`, in the table's order. */
export function screeningActionsFor(status: NominationStatus): ScreeningAction[] {
  return allowedTransitions(NOMINATION_MACHINE, status)
    .map((move) => move.action)
    .filter((action): action is ScreeningAction =>
      (SCREENING_ACTIONS as readonly string[]).includes(action),
    );
}

type OpenForm = 'decline' | 'withdraw' | undefined;
type RightsForm = 'consent-record' | 'consent-withdraw' | 'erase' | undefined;

/** The most characters the hub keeps of a notice version. */
export const MAX_NOTICE_VERSION = TEXT_LIMITS.noticeVersion;

/** The consent form's field for each field of the hub's consent record. */
const CONSENT_FIELDS: Record<string, string> = {
  person: 'consent-person',
  scope: 'consent-scope',
  via: 'consent-via',
  at: 'consent-at',
  noticeVersion: 'consent-notice',
};

const isErasedError = (error: unknown) =>
  error instanceof StueHttpError && error.code === 'person_erased';

/**
 * One nomination, with everything the booking call needs: how to reach the visiting friend and
 * the nominator, the host and their wishes, practical matters and consent; the eligibility
 * outcome with its reasons; the booking-call checklist; and the screening decision — only the
 * moves the lifecycle allows now, a decline with a reason, a kind message and a referral.
 *
 * @summary A nomination, for screening and the booking call.
 */
export class StueNominationPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    css`
      .heading {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      .heading h1 {
        margin: 0;
      }
      .back {
        display: inline-block;
        margin-block-end: 1rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
        gap: 0 1.5rem;
      }
      .grid .panel h2,
      .panel > h2:first-child {
        margin-block-start: 0;
      }
      .phone {
        font-size: 1.25rem;
        font-weight: 700;
      }
      .outcome {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        margin-block-end: 0.75rem;
      }
      .reasons li {
        margin-block-end: 0.5rem;
      }
      .decision .action,
      .rights .action {
        margin-block-end: 0.75rem;
      }
      .decision .action p,
      .rights .action p {
        margin: 0.25rem 0 0;
      }
      .notes li {
        margin-block-end: 0.75rem;
      }
      .notes p {
        margin: 0;
      }
      .note-text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .confirm ul li {
        margin-block-end: 0.25rem;
      }
      .checklist li {
        margin-block-end: 0.25rem;
      }
      .message {
        white-space: pre-wrap;
        padding: 0.75rem 1rem;
        border-inline-start: 4px solid var(--stue-console-border);
        background: var(--stue-console-background);
      }
      ol.history {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
      ol.history li {
        margin-block-end: 0.5rem;
      }
      textarea {
        max-inline-size: 100%;
      }
      form.record {
        margin-block-start: 1.5rem;
      }
      .stack {
        flex-direction: column;
        align-items: flex-start;
      }
      .choice-hint {
        display: block;
        margin: -0.25rem 0 0.5rem 2rem;
        color: var(--stue-console-muted);
        max-inline-size: 40rem;
      }
    `,
  ];

  /** The id of the nomination to show. */
  @property({ attribute: false }) accessor nominationId = '';

  /** The nomination; without its record (`nomination: null`) once the host withdrew consent. */
  @state() accessor item: NominationDetail | undefined = undefined;
  @state() accessor loading = false;
  @state() accessor form: OpenForm = undefined;
  @state() accessor errors: FieldError[] = [];
  @state() accessor busy = false;
  /** What just happened, announced and focused. */
  @state() accessor notice = '';
  /** The kind message of a decline just made, to send to the nominator. */
  @state() accessor declined: { message: string; referral: string } | undefined = undefined;
  /** Moves made here, shown in the history until the hub sends the audit trail itself. */
  @state() accessor madeHere: AuditEntry[] = [];

  /** The consents, once read from the hub. */
  @state() accessor consents: ConsentView[] | undefined = undefined;
  @state() accessor consentsProblem = '';
  /** The open confirmation of the data-rights section. */
  @state() accessor rightsForm: RightsForm = undefined;
  @state() accessor rightsErrors: FieldError[] = [];
  @state() accessor rightsNotice = '';
  /** "Now" in Danish time when the consent form was opened: the default of its time. */
  private consentFormOpenedAt = '';
  /** Set once the pair has been erased here: the page then says so, and nothing else. */
  @state() accessor erased = false;
  @state() accessor noteErrors: FieldError[] = [];
  @state() accessor noteNotice = '';
  /** The id of the note being written: kept until the hub has it, so a resend is one note. */
  private noteId = newId();

  override connectedCallback(): void {
    super.connectedCallback();
    const cached = this.context.nominations.get(this.nominationId);
    void this.load().then(() => this.afterLoad(cached !== undefined && !cached.notes));
  }

  /** Reads what the inbox's record lacks: the consents, and the notes. */
  private async afterLoad(notesMissing: boolean): Promise<void> {
    if (!this.item) return;
    if (notesMissing) {
      try {
        const fresh = await getNomination(this.context.api, this.nominationId);
        // Only the notes: the rest of the page may already have moved on.
        if (this.item) this.item = { ...this.item, notes: fresh.notes ?? [] };
      } catch (error) {
        if (this.sessionLost(error)) return;
        // The inbox's record is still worth showing; the notes come with the next visit.
      }
    }
    await this.loadConsents();
  }

  private async loadConsents(): Promise<void> {
    this.consentsProblem = '';
    try {
      this.consents = await listConsents(this.context.api, this.nominationId);
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.consentsProblem = isErasedError(error)
        ? this.t.pairData.personErased
        : `${this.t.pairData.loadFailed} ${failureMessage(this.t, error)}`;
    }
  }

  /** Loads the nomination: from the inbox's records when it has it, else from the hub. */
  async load(fresh = false): Promise<void> {
    const cached = fresh ? undefined : this.context.nominations.get(this.nominationId);
    if (cached) {
      this.item = cached;
      return;
    }
    this.loading = true;
    this.problem = '';
    try {
      this.item = await getNomination(this.context.api, this.nominationId);
      this.remember(this.item);
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.problem =
        error instanceof StueHttpError && error.status === 404
          ? this.t.notFound
          : isErasedError(error)
            ? this.t.pairData.personErased
            : failureMessage(this.t, error);
    } finally {
      this.loading = false;
    }
  }

  // The console's other pages read the cache for the pair's details: a nomination without them
  // (consent withdrawn) leaves it, and comes back from the hub when it is shown again.
  private remember(item: NominationDetail): void {
    if (isShown(item)) this.context.nominations.set(item.id, item);
    else this.context.nominations.delete(item.id);
  }

  override get pageTitle(): string {
    if (this.erased) return this.t.pairData.erasedHeading;
    return this.item ? this.t.nomination.heading(this.item.reference) : this.t.loading;
  }

  private async act(action: ScreeningAction, body: { reason?: string; referral?: string } = {}) {
    const item = this.item;
    if (!item || this.busy) return;
    const t = this.t.nomination;
    this.busy = true;
    try {
      const moved = await moveNomination(
        this.context.api,
        this.context.session.csrfToken,
        item.id,
        action,
        body,
      );
      const updated = { ...item, status: moved.status };
      this.item = updated;
      this.remember(updated);
      this.madeHere = [
        ...this.madeHere,
        {
          at: new Date().toISOString(),
          actor: `coordinator:${this.context.session.coordinator.id}`,
          action,
          ...(body.reason ? { reason: body.reason } : {}),
          ...(body.referral ? { details: { referral: body.referral } } : {}),
        },
      ];
      this.form = undefined;
      this.errors = [];
      this.notice = t.moved(this.t.statuses[moved.status]);
      await this.focusOn('.notice');
    } catch (error) {
      if (this.sessionLost(error)) return;
      if (error instanceof StueHttpError && error.code === 'illegal_transition') {
        // Someone else moved it: show what it is now, and what can be done.
        this.form = undefined;
        this.errors = [];
        await this.load(true);
        this.notice = t.changedMeanwhile;
        await this.focusOn('.notice');
        return;
      }
      this.errors = errorsFromFailure(this.t, error, (path) =>
        path === 'reason' || path === 'referral' ? `${this.form ?? 'decline'}-${path}` : undefined,
      );
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private openForm(form: Exclude<OpenForm, undefined>): void {
    this.form = form;
    this.errors = [];
    this.notice = '';
    this.declined = undefined;
    void this.focusOn(`#${form}-heading`);
  }

  private closeForm(): void {
    const form = this.form;
    this.form = undefined;
    this.errors = [];
    void this.focusOn(`#action-${form}`);
  }

  private checkText(
    errors: FieldError[],
    field: string,
    value: string,
    max: number,
    required: boolean,
  ): void {
    const t = this.t;
    if (required && !value) errors.push({ field, message: t.nomination.reasonRequired });
    else if (value.length > max) errors.push({ field, message: t.tooLong(max) });
    else if (containsCprNumber(value)) errors.push({ field, message: t.cprNotAllowed });
  }

  private async submitDecline(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const reason = formText(data, 'reason');
    const referral = formText(data, 'referral');
    const message = formText(data, 'message');
    const errors: FieldError[] = [];
    this.checkText(errors, 'decline-reason', reason, MAX_REASON, true);
    this.checkText(errors, 'decline-referral', referral, MAX_REFERRAL, false);
    if (errors.length > 0) {
      this.errors = errors;
      return focusErrorSummary(this);
    }
    await this.act('decline', { reason, ...(referral ? { referral } : {}) });
    if (this.item?.status === 'declined') {
      this.declined = { message, referral };
    }
  }

  private async submitWithdraw(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const reason = formText(data, 'reason');
    const errors: FieldError[] = [];
    this.checkText(errors, 'withdraw-reason', reason, MAX_REASON, true);
    if (errors.length > 0) {
      this.errors = errors;
      return focusErrorSummary(this);
    }
    await this.act('withdraw', { reason });
  }

  private renderCall(item: NominationItem): TemplateResult {
    const t = this.t.nomination;
    const n = item.nomination;
    const friend = n.visitingFriend;
    const nominator = n.nominator;
    return html`
      <section class="panel" aria-labelledby="call-heading">
        <h2 id="call-heading">${t.callHeading}</h2>
        <p>${t.callIntro}</p>
        <h3>${t.visitingFriend}</h3>
        <dl class="facts">
          <dt>${t.firstName}</dt>
          <dd>${friend.firstName}</dd>
          <dt>${t.phone}</dt>
          <dd><a class="phone" href="tel:${friend.phone}">${formatPhone(friend.phone)}</a></dd>
        </dl>
        <h3>${t.nominator}</h3>
        <dl class="facts">
          <dt>${t.name}</dt>
          <dd>${nominator.name}</dd>
          <dt>${t.role}</dt>
          <dd>${this.t.roles[nominator.role]}</dd>
          ${
            nominator.organisation
              ? html`<dt>${t.organisation}</dt>
                  <dd>${nominator.organisation}</dd>`
              : nothing
          }
          ${
            nominator.phone
              ? html`<dt>${t.phone}</dt>
                  <dd><a href="tel:${nominator.phone}">${formatPhone(nominator.phone)}</a></dd>`
              : nothing
          }
          ${
            nominator.email
              ? html`<dt>${t.email}</dt>
                  <dd><a href="mailto:${nominator.email}">${nominator.email}</a></dd>`
              : nothing
          }
        </dl>
      </section>
    `;
  }

  private renderHost(item: NominationItem): TemplateResult {
    const t = this.t.nomination;
    const { lang } = this.context;
    const n = item.nomination;
    const prefs = n.preferences;
    const access = Object.entries(n.access ?? {})
      .filter(([, value]) => value === true)
      .map(([key]) => this.t.access[key as keyof typeof this.t.access]);
    return html`
      <section class="panel" aria-labelledby="host-heading">
        <h2 id="host-heading">${t.host}</h2>
        <dl class="facts">
          <dt>${t.firstName}</dt>
          <dd>${n.host.firstName}</dd>
          <dt>${t.municipality}</dt>
          <dd>${municipalityName(n.host.municipalityCode)}</dd>
          <dt>${t.postcode}</dt>
          <dd>${n.host.postcode ?? this.t.notGiven}</dd>
          <dt>${t.language}</dt>
          <dd>${languageName(n.host.language ?? 'da', lang)}</dd>
        </dl>
        <h3>${t.preferences}</h3>
        <dl class="facts">
          <dt>${t.weekdays}</dt>
          <dd>
            ${
              prefs?.weekdays?.length
                ? listInWords(
                    prefs.weekdays.map((d) => this.t.weekdays[d]),
                    lang,
                  )
                : t.anyDay
            }
          </dd>
          <dt>${t.timesOfDay}</dt>
          <dd>
            ${
              prefs?.timesOfDay?.length
                ? listInWords(
                    prefs.timesOfDay.map((d) => this.t.timesOfDay[d]),
                    lang,
                  )
                : t.anyTime
            }
          </dd>
          <dt>${t.earliestDate}</dt>
          <dd>${prefs?.earliestDate ? formatDate(prefs.earliestDate, lang) : this.t.notGiven}</dd>
          <dt>${t.genres}</dt>
          <dd>
            ${
              prefs?.genres?.length
                ? listInWords(
                    prefs.genres.map((g) => this.t.genres[g]),
                    lang,
                  )
                : this.t.notGiven
            }
          </dd>
          <dt>${t.musicWishes}</dt>
          <dd>${prefs?.musicWishes || this.t.notGiven}</dd>
          <dt>${t.extraGuests}</dt>
          <dd>${prefs?.extraGuests ?? 0}</dd>
        </dl>
        <h3>${t.accessHeading}</h3>
        ${
          access.length > 0
            ? html`<ul>
                ${access.map((text) => html`<li>${text}</li>`)}
              </ul>`
            : html`<p>${t.accessNone}</p>`
        }
        <h3>${t.consentHeading}</h3>
        <p>
          ${t.consent(
            this.t.consentVia[n.consent.via],
            formatDateTime(n.consent.at, lang),
            n.consent.noticeVersion,
          )}
        </p>
      </section>
    `;
  }

  private renderEligibility(item: NominationItem): TemplateResult {
    const t = this.t.nomination;
    const { outcome, reasons } = eligibilityOf(item.nomination);
    return html`
      <section class="panel" aria-labelledby="eligibility-heading">
        <h2 id="eligibility-heading">${t.eligibilityHeading}</h2>
        <p class="outcome">${outcomeTag(this.t, outcome)}</p>
        <p>${t.outcomeText[outcome]}</p>
        ${
          reasons.length > 0
            ? html`<ul class="reasons">
                ${reasons.map((reason) => html`<li>${reason.text[this.context.lang]}</li>`)}
              </ul>`
            : nothing
        }
        <p class="muted">${t.eligibilityIntro}</p>
      </section>
    `;
  }

  private renderDecision(item: NominationItem): TemplateResult {
    const t = this.t.nomination;
    const actions = screeningActionsFor(item.status);
    return html`
      <section class="panel decision" aria-labelledby="decision-heading">
        <h2 id="decision-heading">${t.decisionHeading}</h2>
        <p class="notice" role="status" tabindex="-1">${this.notice}</p>
        ${this.declined ? this.renderAfterDecline(item) : nothing}
        <p>${t.statusNote[item.status]}</p>
        ${actions.length === 0 ? html`<p class="muted">${t.decisionNone}</p>` : nothing}
        ${
          this.form === 'decline'
            ? this.renderDeclineForm(item)
            : this.form === 'withdraw'
              ? this.renderWithdrawForm()
              : actions.map(
                  (action) => html`
                    <div class="action">
                      <button
                        type="button"
                        id="action-${action}"
                        class=${action === 'accept' || action === 'review' ? '' : 'secondary'}
                        aria-describedby="hint-${action}"
                        aria-disabled=${this.busy ? 'true' : 'false'}
                        @click=${() =>
                          action === 'decline' || action === 'withdraw'
                            ? this.openForm(action)
                            : void this.act(action)}
                      >
                        ${t.actions[action]}
                      </button>
                      <p class="hint" id="hint-${action}">${t.actionHints[action]}</p>
                    </div>
                  `,
                )
        }
      </section>
    `;
  }

  private renderDeclineForm(item: NominationItem): TemplateResult {
    const t = this.t.nomination;
    const n = item.nomination;
    return html`
      <form novalidate @submit=${this.submitDecline} aria-labelledby="decline-heading">
        <h3 id="decline-heading" tabindex="-1">${t.declineHeading}</h3>
        ${errorSummary(this.t, this.errors, this.renderRoot as ShadowRoot)}
        ${textareaField({
          id: 'decline-reason',
          name: 'reason',
          label: t.reason,
          hint: t.reasonHint,
          rows: 3,
          errors: this.errors,
        })}
        ${textareaField({
          id: 'decline-message',
          name: 'message',
          label: t.message,
          hint: t.messageHint,
          rows: 10,
          value: t.messageDefault(n.nominator.name, n.host.firstName),
          errors: this.errors,
        })}
        ${textareaField({
          id: 'decline-referral',
          name: 'referral',
          label: t.referral,
          hint: t.referralHint,
          rows: 2,
          errors: this.errors,
        })}
        ${warningActions({
          confirm: t.declineSubmit,
          cancel: this.t.cancel,
          busy: this.busy,
          onCancel: this.closeForm,
        })}
      </form>
    `;
  }

  private renderWithdrawForm(): TemplateResult {
    const t = this.t.nomination;
    return html`
      <form novalidate @submit=${this.submitWithdraw} aria-labelledby="withdraw-heading">
        <h3 id="withdraw-heading" tabindex="-1">${t.withdrawHeading}</h3>
        ${errorSummary(this.t, this.errors, this.renderRoot as ShadowRoot)}
        ${textareaField({
          id: 'withdraw-reason',
          name: 'reason',
          label: t.withdrawReason,
          hint: t.reasonHint,
          rows: 3,
          errors: this.errors,
        })}
        ${warningActions({
          confirm: t.withdrawSubmit,
          cancel: this.t.cancel,
          busy: this.busy,
          onCancel: this.closeForm,
        })}
      </form>
    `;
  }

  private renderAfterDecline(item: NominationItem): TemplateResult {
    const t = this.t.nomination;
    const { message, referral } = this.declined!;
    const text = referral ? `${message}\n\n${t.referralNoted(referral)}` : message;
    const nominator = item.nomination.nominator;
    const subject = this.t.nomination.heading(item.reference);
    return html`
      <h3>${t.afterDeclineHeading}</h3>
      <p class="message">${text}</p>
      ${
        nominator.email
          ? html`<p>
              <a
                class="button secondary"
                href=${`mailto:${nominator.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`}
                >${t.sendEmail}</a
              >
            </p>`
          : nothing
      }
      ${nominator.phone ? html`<p>${t.callNominator(formatPhone(nominator.phone))}</p>` : nothing}
    `;
  }

  private renderChecklist(): TemplateResult {
    const t = this.t.nomination;
    return html`
      <section class="panel" aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">${t.checklistHeading}</h2>
        <p>${t.checklistIntro}</p>
        <ul class="plain checklist">
          ${t.checklist.map(
            (line, index) => html`
              <li>
                <label class="choice">
                  <input type="checkbox" id="check-${index}" />
                  <span>${line}</span>
                </label>
              </li>
            `,
          )}
        </ul>
      </section>
    `;
  }

  private actorName(actor: string, item: NominationDetail): string {
    const { session } = this.context;
    if (actor === `coordinator:${session.coordinator.id}`) return session.coordinator.name;
    if (actor.startsWith('partner-key:')) return item.partner.name;
    return this.context.lang === 'en' ? 'a coordinator' : 'en koordinator';
  }

  private renderHistory(item: NominationDetail): TemplateResult {
    const t = this.t.nomination;
    const { lang } = this.context;
    const entries: AuditEntry[] = item.history ?? [
      { at: item.receivedAt, actor: `partner-key:`, action: 'received' },
      ...this.madeHere,
    ];
    return html`
      <section class="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">${t.historyHeading}</h2>
        <ol class="history">
          ${entries.map((entry) => {
            const referral = entry.details?.['referral'];
            return html`<li>
              <time datetime=${entry.at}>${formatDateTime(entry.at, lang)}</time>:
              ${
                entry.action === 'received'
                  ? t.historyReceived(item.partner.name)
                  : html`${t.historyActions[entry.action] ?? entry.action}
                    ${t.by(this.actorName(entry.actor, item))}`
              }
              ${entry.reason ? html`<br /><span class="muted">»${entry.reason}«</span>` : nothing}
              ${
                typeof referral === 'string'
                  ? html`<br /><span class="muted">${t.historyReferral(referral)}</span>`
                  : nothing
              }
            </li>`;
          })}
        </ol>
      </section>
    `;
  }

  private async submitNote(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const item = this.item;
    if (!item || this.busy) return;
    const form = event.target as HTMLFormElement;
    const text = formText(new FormData(form), 'text');
    const t = this.t;
    const errors: FieldError[] = [];
    if (!text) errors.push({ field: 'note-text', message: t.notes.required });
    else this.checkText(errors, 'note-text', text, MAX_NOTE, false);
    this.noteNotice = '';
    this.noteErrors = errors;
    if (errors.length > 0) return this.focusOn('#note-text');
    this.busy = true;
    try {
      const note = await addNominationNote(
        this.context.api,
        this.context.session.csrfToken,
        item.id,
        { id: this.noteId, text },
      );
      const notes = [...(item.notes ?? []).filter((n) => n.id !== note.id), note];
      // The history says a note was written (never what it says), as the hub's audit trail does.
      const entry: AuditEntry = {
        at: note.createdAt,
        actor: `coordinator:${this.context.session.coordinator.id}`,
        action: 'noted',
      };
      this.item = {
        ...item,
        notes,
        ...(item.history ? { history: [...item.history, entry] } : {}),
      };
      if (!item.history) this.madeHere = [...this.madeHere, entry];
      this.remember(this.item);
      this.noteId = newId();
      form.reset();
      this.noteNotice = t.notes.saved;
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.noteErrors = errorsFromFailure(t, error, (path) =>
        path === 'text' ? 'note-text' : undefined,
      ).map((e) => ({
        field: 'note-text',
        message: isErasedError(error) ? t.pairData.personErased : e.message,
      }));
      await this.focusOn('#note-text');
    } finally {
      this.busy = false;
    }
  }

  private renderNotes(item: NominationItem): TemplateResult {
    const t = this.t.notes;
    const { lang } = this.context;
    const notes = item.notes ?? [];
    const error = this.noteErrors[0];
    return html`
      <section class="panel" aria-labelledby="notes-heading">
        <h2 id="notes-heading">${t.heading}</h2>
        <p>${t.intro}</p>
        ${
          notes.length === 0
            ? html`<p class="muted">${t.none}</p>`
            : html`<ol class="plain notes">
                ${notes.map(
                  (note) =>
                    html`<li>
                      <p class="note-text">${note.text}</p>
                      <p class="muted">
                        ${note.author.name},
                        <time datetime=${note.createdAt}
                          >${formatDateTime(note.createdAt, lang)}</time
                        >
                      </p>
                    </li>`,
                )}
              </ol>`
        }
        <form novalidate @submit=${this.submitNote} aria-labelledby="notes-heading">
          ${textareaField({
            id: 'note-text',
            name: 'text',
            label: t.label,
            hint: t.hint,
            rows: 3,
            errors: error ? [error] : [],
          })}
          <div class="actions">
            <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.submit}</button>
            <p class="note-notice" role="status">${this.noteNotice}</p>
          </div>
        </form>
      </section>
    `;
  }

  private openRights(form: Exclude<RightsForm, undefined>): void {
    if (form === 'consent-record') this.consentFormOpenedAt = danishLocal(new Date().toISOString());
    this.rightsForm = form;
    this.rightsErrors = [];
    this.rightsNotice = '';
    void this.focusOn(`#${form}-heading`);
  }

  private closeRights(): void {
    const form = this.rightsForm;
    this.rightsForm = undefined;
    this.rightsErrors = [];
    void this.focusOn(`#open-${form}`);
  }

  private async submitConsentWithdrawal(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const item = this.item;
    if (!item || this.busy) return;
    const reason = formText(new FormData(event.target as HTMLFormElement), 'reason');
    const errors: FieldError[] = [];
    this.checkText(errors, 'consent-withdraw-reason', reason, MAX_REASON, false);
    this.rightsErrors = errors;
    if (errors.length > 0) return focusErrorSummary(this);
    const t = this.t.pairData;
    this.busy = true;
    try {
      const outcome = await withdrawConsent(
        this.context.api,
        this.context.session.csrfToken,
        item.id,
        reason,
      );
      this.rightsForm = undefined;
      await Promise.all([this.load(true), this.loadConsents()]);
      this.rightsNotice = outcome.erasureDueAt
        ? t.withdrawnNotice(formatDateTime(outcome.erasureDueAt, this.context.lang))
        : t.withdrawnNoticeKept;
      await this.focusOn('.rights-notice');
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.rightsErrors = errorsFromFailure(
        this.t,
        error,
        (path) => (path === 'reason' ? 'consent-withdraw-reason' : undefined),
        { person_erased: t.personErased },
      );
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  /** The consent form's problems, checked as the hub checks them, in the console's words. */
  private checkConsent(data: FormData): { errors: FieldError[]; consent: ConsentToRecord } {
    const t = this.t.pairData;
    const errors: FieldError[] = [];
    const person = formText(data, 'person');
    const scope = formText(data, 'scope');
    const via = formText(data, 'via');
    const at = formText(data, 'at');
    const noticeVersion = formText(data, 'noticeVersion');
    if (!(CONSENT_PERSONS as readonly string[]).includes(person)) {
      errors.push({ field: 'consent-person', message: t.recordPersonRequired });
    }
    if (!(CONSENT_SCOPES as readonly string[]).includes(scope)) {
      errors.push({ field: 'consent-scope', message: t.recordScopeRequired });
    }
    if (!(CONSENT_VIA as readonly string[]).includes(via)) {
      errors.push({ field: 'consent-via', message: t.recordViaRequired });
    }
    let instant = '';
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at)) {
      errors.push({ field: 'consent-at', message: t.recordAtRequired });
    } else {
      instant = danishInstant(at);
      // A minute's leeway: the default is "now", rounded down to the minute.
      if (Date.parse(instant) > Date.now() + 60_000) {
        errors.push({ field: 'consent-at', message: t.recordAtFuture });
      }
    }
    if (!noticeVersion) errors.push({ field: 'consent-notice', message: t.recordNoticeRequired });
    else this.checkText(errors, 'consent-notice', noticeVersion, MAX_NOTICE_VERSION, false);
    return {
      errors,
      consent: {
        person: person as ConsentToRecord['person'],
        scope: scope as ConsentToRecord['scope'],
        via: via as ConsentToRecord['via'],
        at: instant,
        noticeVersion,
      },
    };
  }

  private async submitConsentRecord(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const item = this.item;
    if (!item || this.busy) return;
    const { errors, consent } = this.checkConsent(new FormData(event.target as HTMLFormElement));
    this.rightsErrors = errors;
    if (errors.length > 0) return focusErrorSummary(this);
    const t = this.t.pairData;
    // A host's new consent to be contacted brings back a nomination hidden by a withdrawal.
    const wasHidden =
      consent.person === 'host' &&
      consent.scope === 'nomination-contact' &&
      this.hostContactWithdrawn();
    this.busy = true;
    try {
      await recordConsent(this.context.api, this.context.session.csrfToken, item.id, consent);
      this.rightsForm = undefined;
      await Promise.all([wasHidden ? this.load(true) : undefined, this.loadConsents()]);
      const recorded = t.recordedNotice(consent.person, consent.scope);
      this.rightsNotice = wasHidden
        ? [
            recorded,
            t.recordedShownAgain,
            this.item?.status === 'withdrawn' ? t.recordedStillWithdrawn : '',
          ]
            .filter(Boolean)
            .join(' ')
        : recorded;
      await this.focusOn('.rights-notice');
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.rightsErrors = errorsFromFailure(this.t, error, (path) => CONSENT_FIELDS[path], {
        person_erased: t.personErased,
        not_found: this.t.notFound,
      }).map((problem) => this.inWords(problem, error));
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  /**
   * A hub issue about a consent field in the form's own words where the console has them (a
   * choice left out, a time it cannot read); the hub's text otherwise.
   */
  private inWords(problem: FieldError, error: unknown): FieldError {
    if (!problem.field || !(error instanceof StueValidationError)) return problem;
    const t = this.t.pairData;
    const issue = error.issues.find((i) => CONSENT_FIELDS[i.path] === problem.field);
    const own: Record<string, string> = {
      'consent-person': t.recordPersonRequired,
      'consent-scope': t.recordScopeRequired,
      'consent-via': t.recordViaRequired,
      'consent-at': t.recordAtRequired,
      'consent-notice': t.recordNoticeRequired,
    };
    // The hub's clock found the time ahead of it: the same words as the form's own check.
    if (issue?.code === 'consent_in_future') {
      return { field: problem.field, message: t.recordAtFuture };
    }
    const generic = ['required', 'invalid_choice', 'invalid_datetime', 'invalid_type'];
    return issue && generic.includes(issue.code)
      ? { field: problem.field, message: own[problem.field]! }
      : problem;
  }

  /** Whether the host's consent to be contacted is withdrawn, and not given again since. */
  private hostContactWithdrawn(): boolean {
    const contact = (this.consents ?? []).filter(
      (c) => c.person === 'host' && c.scope === 'nomination-contact',
    );
    return contact.length > 0 && contact.every((c) => c.withdrawnAt);
  }

  private async submitErase(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const item = this.item;
    if (!item || this.busy) return;
    const reference = formText(new FormData(event.target as HTMLFormElement), 'reference');
    const t = this.t.pairData;
    if (!reference) {
      this.rightsErrors = [{ field: 'erase-reference', message: t.eraseReferenceRequired }];
      return focusErrorSummary(this);
    }
    this.busy = true;
    try {
      await erasePair(this.context.api, this.context.session.csrfToken, item.id, reference);
      this.context.nominations.delete(item.id);
      this.erased = true;
      this.rightsForm = undefined;
      await this.focusOn('h1');
    } catch (error) {
      if (this.sessionLost(error)) return;
      if (isErasedError(error)) {
        // Erased meanwhile, by someone else: the outcome the coordinator wanted.
        this.context.nominations.delete(item.id);
        this.erased = true;
        await this.focusOn('h1');
        return;
      }
      this.rightsErrors = errorsFromFailure(this.t, error, (path) =>
        path === 'reference' ? 'erase-reference' : undefined,
      );
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private renderConsentRows(): TemplateResult {
    const t = this.t.pairData;
    const { lang } = this.context;
    if (this.consentsProblem) return html`<p class="notice problem">${this.consentsProblem}</p>`;
    if (!this.consents) return html`<p class="muted">${this.t.loading}</p>`;
    if (this.consents.length === 0) return html`<p>${t.none}</p>`;
    return html`
      <div class="table-wrap">
        <table class="consents">
          <caption>
            ${t.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.person}</th>
              <th scope="col">${t.scope}</th>
              <th scope="col">${t.via}</th>
              <th scope="col">${t.givenAt}</th>
              <th scope="col">${t.notice}</th>
              <th scope="col">${t.withdrawn}</th>
            </tr>
          </thead>
          <tbody>
            ${this.consents.map(
              (consent) =>
                html`<tr>
                  <td>${t.persons[consent.person] ?? consent.person}</td>
                  <td>${t.scopes[consent.scope] ?? consent.scope}</td>
                  <td>
                    ${this.t.consentVia[consent.via as keyof typeof this.t.consentVia] ?? consent.via}
                  </td>
                  <td>${formatDateTime(consent.givenAt, lang)}</td>
                  <td>${consent.noticeVersion}</td>
                  <td>
                    ${consent.withdrawnAt ? formatDateTime(consent.withdrawnAt, lang) : t.notWithdrawn}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderRights(item: NominationDetail): TemplateResult {
    const t = this.t.pairData;
    return html`
      <section class="panel rights" aria-labelledby="rights-heading">
        <h2 id="rights-heading">${t.heading}</h2>
        <p>${t.intro}</p>
        ${this.renderConsentRows()}
        <p class="rights-notice notice" role="status" tabindex="-1">${this.rightsNotice}</p>
        ${this.renderRightsForm(item)}
      </section>
    `;
  }

  /** The open form of the "consent and data" section, or the buttons that open one. */
  private renderRightsForm(item: NominationDetail): TemplateResult {
    switch (this.rightsForm) {
      case 'consent-record':
        return this.renderConsentRecordForm(item);
      case 'consent-withdraw':
        return this.renderConsentWithdrawForm();
      case 'erase':
        return this.renderEraseForm(item);
      default:
        return this.renderRightsActions(item);
    }
  }

  private renderRightsActions(item: NominationDetail): TemplateResult {
    const t = this.t.pairData;
    const open = (
      form: Exclude<RightsForm, undefined>,
      label: string,
      style: 'secondary' | 'warning',
      hint?: string,
    ) => html`
      <div class="action">
        <button
          type="button"
          class=${style}
          id="open-${form}"
          aria-describedby=${ifDefined(hint ? `${form}-hint` : undefined)}
          @click=${() => this.openRights(form)}
        >
          ${label}
        </button>
        ${hint ? html`<p class="hint" id="${form}-hint">${hint}</p>` : nothing}
      </div>
    `;
    return html`
      ${open('consent-record', t.record, 'secondary', t.recordHint)}
      ${this.hostContactWithdrawn() ? nothing : open('consent-withdraw', t.withdraw, 'secondary')}
      <div class="action">
        <a
          class="button secondary"
          id="export-link"
          href=${exportUrl(this.context.api, item.id)}
          download="stue-${item.reference}.json"
          aria-describedby="export-hint"
          >${t.exportLink}</a
        >
        <p class="hint" id="export-hint">${t.exportHint}</p>
      </div>
      ${open('erase', t.erase, 'warning', t.eraseHint)}
    `;
  }

  private renderConsentRecordForm(item: NominationDetail): TemplateResult {
    const t = this.t.pairData;
    // The record's consent, or — when the hub no longer sends the record (consent withdrawn) —
    // the host's last consent to be contacted, which names the same notice.
    const version =
      item.nomination?.consent?.noticeVersion ??
      (this.consents ?? [])
        .filter((c) => c.person === 'host' && c.scope === 'nomination-contact')
        .at(-1)?.noticeVersion ??
      '';
    return html`
      <form
        novalidate
        class="record"
        @submit=${this.submitConsentRecord}
        aria-labelledby="consent-record-heading"
      >
        <h3 id="consent-record-heading" tabindex="-1">${t.record}</h3>
        ${errorSummary(this.t, this.rightsErrors, this.renderRoot as ShadowRoot)}
        ${radiosField({
          id: 'consent-person',
          name: 'person',
          label: t.recordPerson,
          choices: CONSENT_PERSONS.map((value) => ({ value, label: t.persons[value]! })),
          checked: 'host',
          errors: this.rightsErrors,
        })}
        ${radiosField({
          id: 'consent-scope',
          name: 'scope',
          label: t.recordScope,
          choices: CONSENT_SCOPES.map((value) => ({
            value,
            label: t.scopes[value]!,
            hint: t.recordScopeHints[value]!,
          })),
          stack: true,
          errors: this.rightsErrors,
        })}
        ${radiosField({
          id: 'consent-via',
          name: 'via',
          label: t.recordVia,
          choices: CONSENT_VIA.map((value) => ({ value, label: t.recordViaChoices[value] })),
          checked: 'visiting-friend',
          errors: this.rightsErrors,
        })}
        ${inputField({
          id: 'consent-at',
          name: 'at',
          type: 'datetime-local',
          label: t.recordAt,
          hint: t.recordAtHint,
          value: this.consentFormOpenedAt,
          errors: this.rightsErrors,
        })}
        ${inputField({
          id: 'consent-notice',
          name: 'noticeVersion',
          label: t.recordNotice,
          hint: t.recordNoticeHint(version),
          value: version,
          autocomplete: 'off',
          inputClass: 'short',
          errors: this.rightsErrors,
        })}
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${t.recordSubmit}
          </button>
          <button type="button" class="secondary" @click=${this.closeRights}>
            ${this.t.cancel}
          </button>
        </div>
      </form>
    `;
  }

  private renderConsentWithdrawForm(): TemplateResult {
    const t = this.t.pairData;
    return html`
      <form
        novalidate
        class="confirm"
        @submit=${this.submitConsentWithdrawal}
        aria-labelledby="consent-withdraw-heading"
      >
        <h3 id="consent-withdraw-heading" tabindex="-1">${t.withdrawHeading}</h3>
        ${errorSummary(this.t, this.rightsErrors, this.renderRoot as ShadowRoot)}
        <ul>
          ${t.withdrawEffects(WITHDRAWN_ERASURE_DAYS).map((line) => html`<li>${line}</li>`)}
        </ul>
        ${textareaField({
          id: 'consent-withdraw-reason',
          name: 'reason',
          label: t.withdrawReason,
          hint: this.t.nomination.reasonHint,
          rows: 2,
          errors: this.rightsErrors,
        })}
        ${warningActions({
          confirm: t.withdrawConfirm,
          cancel: this.t.cancel,
          busy: this.busy,
          onCancel: this.closeRights,
        })}
      </form>
    `;
  }

  private renderEraseForm(item: NominationDetail): TemplateResult {
    const t = this.t.pairData;
    return html`
      <form novalidate class="confirm" @submit=${this.submitErase} aria-labelledby="erase-heading">
        <h3 id="erase-heading" tabindex="-1">${t.eraseHeading}</h3>
        ${errorSummary(this.t, this.rightsErrors, this.renderRoot as ShadowRoot)}
        <ul>
          ${t.eraseEffects.map((line) => html`<li>${line}</li>`)}
        </ul>
        ${inputField({
          id: 'erase-reference',
          name: 'reference',
          label: t.eraseReference(item.reference),
          autocomplete: 'off',
          inputClass: 'reference',
          errors: this.rightsErrors,
        })}
        ${warningActions({
          confirm: t.eraseConfirm,
          cancel: this.t.cancel,
          busy: this.busy,
          onCancel: this.closeRights,
        })}
      </form>
    `;
  }

  /** The reference, status, partner and wait, which name nobody. */
  private renderHeading(item: NominationDetail): TemplateResult {
    const t = this.t.nomination;
    const { lang } = this.context;
    return html`
      <div class="heading">
        <h1 tabindex="-1">${t.heading(item.reference)}</h1>
        ${statusTag(this.t, item.status)}
      </div>
      <p class="lead">
        ${t.summary(
          item.partner.name,
          formatShortDate(danishLocal(item.receivedAt).slice(0, 10), lang),
          this.t.days(waitingDays(item.receivedAt)),
        )}
      </p>
    `;
  }

  protected override render(): TemplateResult {
    const back = html`<a class="back" href=${href('inbox')}>${this.t.backToInbox}</a>`;
    const item = this.item;
    if (this.erased) {
      const t = this.t.pairData;
      return html`
        <h1 tabindex="-1">${t.erasedHeading}</h1>
        <p class="notice" role="status">${t.erasedText}</p>
        <p><a href=${href('inbox')}>${this.t.backToInbox}</a></p>
      `;
    }
    if (!item) {
      return html`
        ${back}
        <h1 tabindex="-1">${this.problem ? this.t.notFoundHeading : this.t.loading}</h1>
        ${this.problemNotice(() => this.load(true))}
      `;
    }
    const heading = this.renderHeading(item);
    if (!isShown(item)) {
      // Consent withdrawn: that the nomination exists, its status, the consent section to act on
      // it and the history — nothing about the pair, which the hub no longer sends.
      const t = this.t.pairData;
      const withdrawnAt = item.consentWithdrawnAt
        ? formatDateTime(item.consentWithdrawnAt, this.context.lang)
        : '';
      return html`
        ${back} ${heading}
        <section class="panel hidden-pair" aria-labelledby="hidden-heading">
          <h2 id="hidden-heading">${t.hiddenHeading}</h2>
          <p>${t.hiddenText(withdrawnAt)}</p>
        </section>
        ${this.renderRights(item)} ${this.renderHistory(item)}
      `;
    }
    return html`
      ${back} ${heading}
      <div class="grid">
        <div>${this.renderCall(item)} ${this.renderEligibility(item)}</div>
        <div>${this.renderDecision(item)} ${this.renderChecklist()} ${this.renderNotes(item)}</div>
      </div>
      ${this.renderHost(item)} ${this.renderRights(item)} ${this.renderHistory(item)}
    `;
  }
}

/** Registers `<stue-nomination-page>`; harmless to call twice. */
export function defineNominationPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(NOMINATION_PAGE_TAG)) registry.define(NOMINATION_PAGE_TAG, StueNominationPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [NOMINATION_PAGE_TAG]: StueNominationPage;
  }
}
