/** The screening decision: the moves the lifecycle allows now, and the decline and withdrawal forms. */
import { containsCprNumber, StueHttpError } from '@stue/core';
import { html, nothing, type TemplateResult } from 'lit';
import { moveNomination, type NominationItem, type ScreeningAction } from '../../api.js';
import {
  errorsFromFailure,
  type FieldError,
  focusErrorSummary,
  formText,
  textareaField,
  warningForm,
} from '../../internal/forms.js';
import { formatPhone } from '../../internal/labels.js';
import { href } from '../../router.js';
import type { StueNominationPage } from '../nomination-page.js';
import { MAX_REASON, MAX_REFERRAL, type OpenForm, screeningActionsFor } from './rules.js';

/** Makes a screening move on the hub, then says what it is now (or that it changed meanwhile). */
export async function act(
  page: StueNominationPage,
  action: ScreeningAction,
  body: { reason?: string; referral?: string } = {},
) {
  const item = page.item;
  if (!item || page.busy) return;
  const t = page.t.nomination;
  await page.pageState.run(
    async () => {
      const moved = await page.write(moveNomination, item.id, action, body);
      const updated = { ...item, status: moved.status };
      page.item = updated;
      page.remember(updated);
      page.madeHere = [
        ...page.madeHere,
        {
          at: new Date().toISOString(),
          actor: `coordinator:${page.context.session.coordinator.id}`,
          action,
          ...(body.reason ? { reason: body.reason } : {}),
          ...(body.referral ? { details: { referral: body.referral } } : {}),
        },
      ];
      page.form = undefined;
      page.errors = [];
      page.notice = t.moved(page.t.statuses[moved.status]);
      await page.focusOn('.notice');
    },
    async (error) => {
      if (error instanceof StueHttpError && error.code === 'illegal_transition') {
        // Someone else moved it: show what it is now, and what can be done.
        page.form = undefined;
        page.errors = [];
        await page.load(true);
        page.notice = t.changedMeanwhile;
        await page.focusOn('.notice');
        return;
      }
      page.errors = errorsFromFailure(page.t, error, (path) =>
        path === 'reason' || path === 'referral' ? `${page.form ?? 'decline'}-${path}` : undefined,
      );
      await focusErrorSummary(page);
    },
  );
}

/** Opens the decline or withdraw form and moves focus to it. */
export function openForm(page: StueNominationPage, form: Exclude<OpenForm, undefined>): void {
  page.form = form;
  page.errors = [];
  page.notice = '';
  page.declined = undefined;
  void page.focusOn(`#${form}-heading`);
}

/** Closes the open form and gives focus back to its button. */
export function closeForm(page: StueNominationPage): void {
  const form = page.form;
  page.form = undefined;
  page.errors = [];
  void page.focusOn(`#action-${form}`);
}

/** A form text's problem in words (too long, a CPR number), or nothing. */
export function checkText(
  page: StueNominationPage,
  errors: FieldError[],
  field: string,
  value: string,
  max: number,
  required: boolean,
): void {
  const t = page.t;
  if (required && !value) errors.push({ field, message: t.nomination.reasonRequired });
  else if (value.length > max) errors.push({ field, message: t.tooLong(max) });
  else if (containsCprNumber(value)) errors.push({ field, message: t.cprNotAllowed });
}

/** Checks and sends a decline with its reason and referral. */
export async function submitDecline(page: StueNominationPage, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  const reason = formText(data, 'reason');
  const referral = formText(data, 'referral');
  const message = formText(data, 'message');
  const errors: FieldError[] = [];
  checkText(page, errors, 'decline-reason', reason, MAX_REASON, true);
  checkText(page, errors, 'decline-referral', referral, MAX_REFERRAL, false);
  if (errors.length > 0) {
    page.errors = errors;
    return focusErrorSummary(page);
  }
  await act(page, 'decline', { reason, ...(referral ? { referral } : {}) });
  if (page.item?.status === 'declined') {
    page.declined = { message, referral };
  }
}

/** Checks and sends a withdrawal with its reason. */
export async function submitWithdraw(page: StueNominationPage, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  const reason = formText(data, 'reason');
  const errors: FieldError[] = [];
  checkText(page, errors, 'withdraw-reason', reason, MAX_REASON, true);
  if (errors.length > 0) {
    page.errors = errors;
    return focusErrorSummary(page);
  }
  await act(page, 'withdraw', { reason });
}

/** The screening decision: the moves allowed now, the open form, and what just happened. */
export function renderDecision(page: StueNominationPage, item: NominationItem): TemplateResult {
  const t = page.t.nomination;
  const actions = screeningActionsFor(item.status);
  return html`
    <section class="panel decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">${t.decisionHeading}</h2>
      <p class="notice" role="status" tabindex="-1">${page.notice}</p>
      ${page.declined ? renderAfterDecline(page, item) : nothing}
      <p>${t.statusNote[item.status]}</p>
      ${
        item.status === 'accepted'
          ? html`<p><a class="onward" href=${href('planning')}>${t.toPlanning}</a></p>`
          : nothing
      }
      ${actions.length === 0 ? html`<p class="muted">${t.decisionNone}</p>` : nothing}
      ${
        page.form === 'decline'
          ? renderDeclineForm(page, item)
          : page.form === 'withdraw'
            ? renderWithdrawForm(page)
            : actions.map(
                (action) => html`
                  <div class="action">
                    <button
                      type="button"
                      id="action-${action}"
                      class=${action === 'accept' || action === 'review' ? '' : 'secondary'}
                      aria-describedby="hint-${action}"
                      aria-disabled=${page.busy ? 'true' : 'false'}
                      @click=${() =>
                        action === 'decline' || action === 'withdraw'
                          ? openForm(page, action)
                          : void act(page, action)}
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

/**
 * A screening step's form (decline, withdraw) in the warning frame: its heading is where
 * {@link openForm} puts focus, it shows the page's errors, and Cancel closes it.
 */
function screeningForm(
  page: StueNominationPage,
  form: Exclude<OpenForm, undefined>,
  words: { heading: string; confirm: string },
  onSubmit: (event: SubmitEvent) => unknown,
  fields: TemplateResult,
): TemplateResult {
  return warningForm(
    {
      id: `${form}-heading`,
      heading: words.heading,
      t: page.t,
      errors: page.errors,
      onSubmit,
      confirm: words.confirm,
      busy: page.busy,
      onCancel: () => closeForm(page),
    },
    fields,
  );
}

/** The decline form: a reason, a referral, and the kind message to send. */
export function renderDeclineForm(page: StueNominationPage, item: NominationItem): TemplateResult {
  const t = page.t.nomination;
  const n = item.nomination;
  return screeningForm(
    page,
    'decline',
    { heading: t.declineHeading, confirm: t.declineSubmit },
    (event) => submitDecline(page, event),
    html`
      ${textareaField({
        id: 'decline-reason',
        name: 'reason',
        label: t.reason,
        hint: t.reasonHint,
        rows: 3,
        errors: page.errors,
      })}
      ${textareaField({
        id: 'decline-message',
        name: 'message',
        label: t.message,
        hint: t.messageHint,
        rows: 10,
        value: t.messageDefault(n.nominator.name, n.host.firstName),
        errors: page.errors,
      })}
      ${textareaField({
        id: 'decline-referral',
        name: 'referral',
        label: t.referral,
        hint: t.referralHint,
        rows: 2,
        errors: page.errors,
      })}
    `,
  );
}

/** The withdrawal form, with its reason. */
export function renderWithdrawForm(page: StueNominationPage): TemplateResult {
  const t = page.t.nomination;
  return screeningForm(
    page,
    'withdraw',
    { heading: t.withdrawHeading, confirm: t.withdrawSubmit },
    (event) => submitWithdraw(page, event),
    html`
      ${textareaField({
        id: 'withdraw-reason',
        name: 'reason',
        label: t.withdrawReason,
        hint: t.reasonHint,
        rows: 3,
        errors: page.errors,
      })}
    `,
  );
}

/** After a decline: the message for the nominator, to send by e-mail or read out. */
export function renderAfterDecline(page: StueNominationPage, item: NominationItem): TemplateResult {
  const t = page.t.nomination;
  const { message, referral } = page.declined!;
  const text = referral ? `${message}\n\n${t.referralNoted(referral)}` : message;
  const nominator = item.nomination.nominator;
  const subject = page.t.nomination.heading(item.reference);
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
