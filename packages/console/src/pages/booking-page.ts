import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  getBooking,
  getBookingFeedback,
  getMusician,
  getTourDay,
  type BookingFeedback,
  type BookingView,
  type DebriefView,
  type FeedbackAnswer,
  type FeedbackResponseView,
} from '../api.js';
import { failureMessage } from '../internal/forms.js';
import { bookingContact, bookingHistoryEntry, nominationLink } from '../internal/bookings.js';
import { bookingTag, municipalityName } from '../internal/labels.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import { formatDateTime } from '../internal/time.js';
import { href } from '../router.js';
import { bookingStrings } from '../strings/booking.js';

/** The tag the booking page is registered under. */
export const BOOKING_PAGE_TAG = 'stue-booking-page';

/**
 * One concert: when, the musician, the contact person, its status and history, and what the
 * tablet sent afterwards — each respondent's feedback in words (answered with help or not,
 * skipped and not reached questions shown as such) and the musician's debrief with its call.
 * The hub logs every read of the feedback; the page says so.
 *
 * @summary The coordinator's page for one booking and its feedback.
 */
export class StueBookingPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    css`
      .logged {
        border-inline-start: 6px solid var(--stue-console-accent, currentColor);
      }
      .respondent-head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.75rem;
      }
      .respondent-head h3 {
        margin: 0;
      }
      dl.answers {
        display: grid;
        grid-template-columns: minmax(12rem, 20rem) 1fr;
        gap: 0.5rem 1.5rem;
        margin: 1rem 0 0;
      }
      dl.answers dt {
        font-weight: 600;
      }
      dl.answers dd {
        margin: 0;
      }
      ul.choices-given {
        display: flex;
        flex-wrap: wrap;
        gap: 0.375rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      ul.choices-given li {
        padding: 0.125rem 0.625rem;
        border: 1px solid currentColor;
        border-radius: 999px;
      }
      .written {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .call {
        margin-block-start: 1rem;
      }
      @media (max-width: 40rem) {
        dl.answers {
          grid-template-columns: 1fr;
          gap: 0.125rem;
        }
        dl.answers dd {
          margin-block-end: 0.5rem;
        }
      }
    `,
  ];

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return bookingStrings(this.context?.lang ?? 'da');
  }

  /** The booking's id, from the address. */
  @property({ attribute: false }) accessor bookingId = '';

  @state() accessor booking: BookingView | undefined = undefined;
  @state() accessor musicianName = '';
  @state() accessor feedback: BookingFeedback | undefined = undefined;
  @state() accessor feedbackProblem = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads the booking, its musician and its feedback (the hub logs the feedback read). */
  async load(): Promise<void> {
    this.feedbackProblem = '';
    const { api } = this.context;
    await this.pageState.load(async () => {
      const booking = await getBooking(api, this.bookingId);
      this.booking = booking;
      await Promise.all([this.loadMusician(booking), this.loadFeedback()]);
    });
  }

  private async loadMusician(booking: BookingView): Promise<void> {
    await this.pageState.guard(
      async () => {
        const day = await getTourDay(this.context.api, booking.tourDayId);
        this.musicianName = (await getMusician(this.context.api, day.musicianId)).name;
      },
      () => {
        this.musicianName = '–';
      },
    );
  }

  private async loadFeedback(): Promise<void> {
    await this.pageState.guard(
      async () => {
        this.feedback = await getBookingFeedback(this.context.api, this.bookingId);
      },
      (error) => {
        this.feedbackProblem = failureMessage(this.t, error);
      },
    );
  }

  override get pageTitle(): string {
    return this.booking ? this.headingText(this.booking) : this.t.booking.detailsHeading;
  }

  private headingText(booking: BookingView): string {
    const { host } = booking.nomination;
    return host
      ? this.t.booking.heading(host.firstName, municipalityName(host.municipalityCode))
      : this.t.booking.headingWithdrawn;
  }

  private renderDetails(booking: BookingView): TemplateResult {
    const t = this.t.booking;
    const { lang } = this.context;
    return html`
      <section class="panel" aria-labelledby="details-heading">
        <h2 id="details-heading">${t.detailsHeading}</h2>
        <dl class="facts">
          <dt>${t.when}</dt>
          <dd>${formatDateTime(booking.start, lang)}</dd>
          <dt>${t.musician}</dt>
          <dd>${this.musicianName || this.t.loading}</dd>
          <dt>${t.contact}</dt>
          <dd>${bookingContact(this.t, this.context, booking)}</dd>
          <dt>${t.status}</dt>
          <dd>${bookingTag(this.t, booking.status)}</dd>
          <dt>${t.reference}</dt>
          <dd>${nominationLink(booking)}</dd>
        </dl>
      </section>
    `;
  }

  private renderHistory(booking: BookingView): TemplateResult {
    const history = booking.history ?? [];
    return html`
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">${this.t.history.heading}</h2>
        ${
          history.length === 0
            ? html`<p>${this.t.booking.historyEmpty}</p>`
            : html`<ol class="history">
                ${history.map((entry) => bookingHistoryEntry(this.t, this.context, entry))}
              </ol>`
        }
      </section>
    `;
  }

  private renderAnswer(answer: FeedbackAnswer): TemplateResult {
    const t = this.t.booking;
    let value: TemplateResult;
    if (answer.state === 'skipped') value = html`<span class="muted">${t.skipped}</span>`;
    else if (answer.state === 'not-reached')
      value = html`<span class="muted">${t.notReached}</span>`;
    else if (answer.choices.length === 1) value = html`${answer.choices[0]!.label}`;
    else {
      // Every feeling is listed alike, in the order given: being moved or sad is as valid an
      // answer as being happy.
      value = html`<ul class="choices-given">
        ${answer.choices.map((choice) => html`<li>${choice.label}</li>`)}
      </ul>`;
    }
    return html`<dt>${answer.question}</dt>
      <dd>${value}</dd>`;
  }

  private renderResponse(response: FeedbackResponseView, index: number): TemplateResult {
    const t = this.t.booking;
    const { lang } = this.context;
    const id = `response-${index}`;
    const received = t.received(formatDateTime(response.receivedAt, lang));
    if (!response.readable) {
      return html`<li class="panel" aria-labelledby=${id}>
        <h3 id=${id}>${received}</h3>
        <p>${t.unreadable}</p>
      </li>`;
    }
    const role = response.role ? (t.respondents[response.role] ?? response.role) : '';
    return html`
      <li class="panel" aria-labelledby=${id}>
        <div class="respondent-head">
          <h3 id=${id}>${role}</h3>
          <span class="tag ${response.answeredWithHelp ? 'attention' : ''}"
            >${response.answeredWithHelp ? t.withHelp : t.withoutHelp}</span
          >
          <span class="muted">${received}</span>
        </div>
        <dl class="answers">${(response.answers ?? []).map((a) => this.renderAnswer(a))}</dl>
      </li>
    `;
  }

  private renderCall(debrief: DebriefView): TemplateResult | typeof nothing {
    const t = this.t.booking;
    const call = debrief.call;
    if (!call) return nothing;
    if (call.state === 'open' || !call.done) {
      return html`<p class="call">
        <span class="tag attention">${t.callOpen}</span>
        <a href=${href('tasks')}>${t.toTasks}</a>
      </p>`;
    }
    const { done } = call;
    return html`<p class="call">
        ${t.callDone(formatDateTime(done.at, this.context.lang), done.by.name ?? t.someone)}
      </p>
      ${done.note ? html`<p class="written">${t.callNote(done.note)}</p>` : nothing}`;
  }

  private renderDebrief(debrief: DebriefView, index: number): TemplateResult {
    const t = this.t.booking;
    const { lang } = this.context;
    const written = (text: string | null) =>
      text
        ? html`<span class="written">${text}</span>`
        : html`<span class="muted">${t.nothingWritten}</span>`;
    const outcome = debrief.howItWent ? this.t.debriefOutcomes[debrief.howItWent] : this.t.notGiven;
    return html`
      <li class="panel" aria-labelledby="debrief-${index}">
        <h3 id="debrief-${index}">${t.received(formatDateTime(debrief.receivedAt, lang))}</h3>
        <dl class="answers">
          <dt>${t.howItWent}</dt>
          <dd>${outcome}</dd>
          ${
            debrief.wasAnythingHard === null
              ? nothing
              : html`<dt>${t.wasAnythingHard}</dt>
                  <dd>${debrief.wasAnythingHard ? this.t.yes : this.t.no}</dd>`
          }
          ${
            debrief.wasAnythingHard === false && !debrief.anythingHard
              ? nothing
              : html`<dt>${t.anythingHard}</dt>
                  <dd>${written(debrief.anythingHard)}</dd>`
          }
          <dt>${t.wouldLikeACall}</dt>
          <dd>${debrief.wouldLikeACall ? this.t.yes : this.t.no}</dd>
          <dt>${t.note}</dt>
          <dd>${written(debrief.note)}</dd>
        </dl>
        ${this.renderCall(debrief)}
      </li>
    `;
  }

  private renderFeedback(): TemplateResult {
    const t = this.t.booking;
    const feedback = this.feedback;
    const body = this.feedbackProblem
      ? html`<div class="notice problem"><p>${t.feedbackFailed} ${this.feedbackProblem}</p></div>`
      : !feedback
        ? html`<p>${this.t.loading}</p>`
        : feedback.responses.length === 0
          ? html`<p>${t.feedbackNone}</p>`
          : html`<ol class="plain">
              ${feedback.responses.map((r, i) => this.renderResponse(r, i))}
            </ol>`;
    const debriefs = !feedback
      ? nothing
      : feedback.debriefs.length === 0
        ? html`<p>${t.debriefNone}</p>`
        : html`<ol class="plain">
            ${feedback.debriefs.map((d, i) => this.renderDebrief(d, i))}
          </ol>`;
    return html`
      <section aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">${t.feedbackHeading}</h2>
        <p class="panel logged">${t.readIsLogged}</p>
        ${body}
      </section>
      <section aria-labelledby="debrief-heading">
        <h2 id="debrief-heading">${t.debriefHeading}</h2>
        ${debriefs}
      </section>
    `;
  }

  protected override render(): TemplateResult {
    const booking = this.booking;
    // One heading element throughout, so focus put on it while loading stays there.
    return html`
      <h1 tabindex="-1">${booking ? this.headingText(booking) : this.t.booking.detailsHeading}</h1>
      ${
        booking
          ? html`${this.renderDetails(booking)} ${this.renderFeedback()}
            ${this.renderHistory(booking)}`
          : this.problem
            ? this.problemNotice(() => this.load(), this.t.booking.loadFailed)
            : html`<p>${this.t.loading}</p>`
      }
    `;
  }
}

/** Registers `<stue-booking-page>`; harmless to call twice. */
export function defineBookingPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(BOOKING_PAGE_TAG)) registry.define(BOOKING_PAGE_TAG, StueBookingPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [BOOKING_PAGE_TAG]: StueBookingPage;
  }
}
