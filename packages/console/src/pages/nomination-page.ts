import { newId, StueHttpError } from '@stue/core';
import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  type AuditEntry,
  type ConsentView,
  getNomination,
  isShown,
  type NominationDetail,
} from '../api.js';
import { failureMessage, type FieldError } from '../internal/forms.js';
import { statusTag } from '../internal/labels.js';
import { ConsolePage } from '../internal/page.js';
import { danishLocal, formatDateTime, formatShortDate, waitingDays } from '../internal/time.js';
import { href } from '../router.js';
import { renderDecision } from './nomination/decision.js';
import {
  renderCall,
  renderChecklist,
  renderEligibility,
  renderHost,
} from './nomination/details.js';
import { renderHistory, renderNotes } from './nomination/notes.js';
import { loadConsents } from './nomination/rights-actions.js';
import { renderRights } from './nomination/rights.js';
import { isErasedError, type OpenForm, type RightsForm } from './nomination/rules.js';
import { nominationStyles } from './nomination/styles.js';
import { nominationStrings } from '../strings/nomination.js';

export {
  MAX_NOTE,
  MAX_NOTICE_VERSION,
  MAX_REASON,
  MAX_REFERRAL,
  screeningActionsFor,
  WITHDRAWN_ERASURE_DAYS,
} from './nomination/rules.js';

/** The tag the nomination page is registered under. */
export const NOMINATION_PAGE_TAG = 'stue-nomination-page';

/**
 * One nomination, with everything the booking call needs: how to reach the visiting friend and
 * the nominator, the host and their wishes, practical matters and consent; the eligibility
 * outcome with its reasons; the booking-call checklist; and the screening decision — only the
 * moves the lifecycle allows now, a decline with a reason, a kind message and a referral.
 *
 * @summary A nomination, for screening and the booking call.
 */
export class StueNominationPage extends ConsolePage {
  static override styles = nominationStyles;

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return nominationStrings(this.context?.lang ?? 'da');
  }

  /** The id of the nomination to show. */
  @property({ attribute: false }) accessor nominationId = '';

  /** The nomination; without its record (`nomination: null`) once the host withdrew consent. */
  @state() accessor item: NominationDetail | undefined = undefined;
  @state() accessor form: OpenForm = undefined;
  @state() accessor errors: FieldError[] = [];
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
  consentFormOpenedAt = '';
  /** Set once the pair has been erased here: the page then says so, and nothing else. */
  @state() accessor erased = false;
  @state() accessor noteErrors: FieldError[] = [];
  @state() accessor noteNotice = '';
  /** The id of the note being written: kept until the hub has it, so a resend is one note. */
  noteId = newId();

  override connectedCallback(): void {
    super.connectedCallback();
    const cached = this.context.nominations.get(this.nominationId);
    void this.load().then(() => this.afterLoad(cached !== undefined && !cached.notes));
  }

  /** Reads what the inbox's record lacks: the consents, and the notes. */
  private async afterLoad(notesMissing: boolean): Promise<void> {
    if (!this.item) return;
    if (notesMissing) {
      await this.pageState.guard(
        async () => {
          const fresh = await getNomination(this.context.api, this.nominationId);
          // Only the notes: the rest of the page may already have moved on.
          if (this.item) this.item = { ...this.item, notes: fresh.notes ?? [] };
        },
        () => {
          // The inbox's record is still worth showing; the notes come with the next visit.
        },
      );
      if (this.pageState.ended) return;
    }
    await loadConsents(this);
  }

  /** Loads the nomination: from the inbox's records when it has it, else from the hub. */
  async load(fresh = false): Promise<void> {
    const cached = fresh ? undefined : this.context.nominations.get(this.nominationId);
    if (cached) {
      this.item = cached;
      return;
    }
    await this.pageState.load(
      async () => {
        this.item = await getNomination(this.context.api, this.nominationId);
        this.remember(this.item);
      },
      (error) =>
        error instanceof StueHttpError && error.status === 404
          ? this.t.notFound
          : isErasedError(error)
            ? this.t.pairData.personErased
            : failureMessage(this.t, error),
    );
  }

  // The console's other pages read the cache for the pair's details: a nomination without them
  // (consent withdrawn) leaves it, and comes back from the hub when it is shown again.
  remember(item: NominationDetail): void {
    if (isShown(item)) this.context.nominations.set(item.id, item);
    else this.context.nominations.delete(item.id);
  }

  override get pageTitle(): string {
    if (this.erased) return this.t.pairData.erasedHeading;
    return this.item ? this.t.nomination.heading(this.item.reference) : this.t.loading;
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
        ${renderRights(this, item)} ${renderHistory(this, item)}
      `;
    }
    return html`
      ${back} ${heading}
      <div class="grid">
        <div>${renderCall(this, item)} ${renderEligibility(this, item)}</div>
        <div>${renderDecision(this, item)} ${renderChecklist(this)} ${renderNotes(this, item)}</div>
      </div>
      ${renderHost(this, item)} ${renderRights(this, item)} ${renderHistory(this, item)}
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
