/** What the data-rights section does: reads the consents, records or withdraws one, erases the pair. */
import {
  CONSENT_PERSONS,
  CONSENT_SCOPES,
  CONSENT_VIA,
  danishInstant,
  StueValidationError,
} from '@stue/core';
import {
  type ConsentToRecord,
  erasePair,
  listConsents,
  recordConsent,
  withdrawConsent,
} from '../../api.js';
import {
  errorsFromFailure,
  failureMessage,
  type FieldError,
  focusErrorSummary,
  formText,
} from '../../internal/forms.js';
import { danishLocal, formatDateTime } from '../../internal/time.js';
import type { StueNominationPage } from '../nomination-page.js';
import { checkText } from './decision.js';
import {
  CONSENT_FIELDS,
  isErasedError,
  MAX_NOTICE_VERSION,
  MAX_REASON,
  type RightsForm,
} from './rules.js';

/** Reads the pair's consents; a failure is said in the section, not the page. */
export async function loadConsents(page: StueNominationPage): Promise<void> {
  page.consentsProblem = '';
  await page.pageState.guard(
    async () => {
      page.consents = await listConsents(page.context.api, page.nominationId);
    },
    (error) => {
      page.consentsProblem = isErasedError(error)
        ? page.t.pairData.personErased
        : `${page.t.pairData.loadFailed} ${failureMessage(page.t, error)}`;
    },
  );
}

/** Opens one of the section's forms and moves focus to it. */
export function openRights(page: StueNominationPage, form: Exclude<RightsForm, undefined>): void {
  if (form === 'consent-record') page.consentFormOpenedAt = danishLocal(new Date().toISOString());
  page.rightsForm = form;
  page.rightsErrors = [];
  page.rightsNotice = '';
  void page.focusOn(`#${form}-heading`);
}

/** Closes the section's form and gives focus back to its button. */
export function closeRights(page: StueNominationPage): void {
  const form = page.rightsForm;
  page.rightsForm = undefined;
  page.rightsErrors = [];
  void page.focusOn(`#open-${form}`);
}

/** Records that the host withdrew consent, then shows what the hub keeps and until when. */
export async function submitConsentWithdrawal(
  page: StueNominationPage,
  event: SubmitEvent,
): Promise<void> {
  event.preventDefault();
  const item = page.item;
  if (!item || page.busy) return;
  const reason = formText(new FormData(event.target as HTMLFormElement), 'reason');
  const errors: FieldError[] = [];
  checkText(page, errors, 'consent-withdraw-reason', reason, MAX_REASON, false);
  page.rightsErrors = errors;
  if (errors.length > 0) return focusErrorSummary(page);
  const t = page.t.pairData;
  await page.pageState.run(
    async () => {
      const outcome = await page.write(withdrawConsent, item.id, reason);
      page.rightsForm = undefined;
      await Promise.all([page.load(true), loadConsents(page)]);
      page.rightsNotice = outcome.erasureDueAt
        ? t.withdrawnNotice(formatDateTime(outcome.erasureDueAt, page.context.lang))
        : t.withdrawnNoticeKept;
      await page.focusOn('.rights-notice');
    },
    async (error) => {
      page.rightsErrors = errorsFromFailure(
        page.t,
        error,
        (path) => (path === 'reason' ? 'consent-withdraw-reason' : undefined),
        { person_erased: t.personErased },
      );
      await focusErrorSummary(page);
    },
  );
}

/** The consent form's problems, checked as the hub checks them, in the console's words. */
export function checkConsent(
  page: StueNominationPage,
  data: FormData,
): { errors: FieldError[]; consent: ConsentToRecord } {
  const t = page.t.pairData;
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
  else checkText(page, errors, 'consent-notice', noticeVersion, MAX_NOTICE_VERSION, false);
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

/** Checks and records a further consent. */
export async function submitConsentRecord(
  page: StueNominationPage,
  event: SubmitEvent,
): Promise<void> {
  event.preventDefault();
  const item = page.item;
  if (!item || page.busy) return;
  const { errors, consent } = checkConsent(page, new FormData(event.target as HTMLFormElement));
  page.rightsErrors = errors;
  if (errors.length > 0) return focusErrorSummary(page);
  const t = page.t.pairData;
  // A host's new consent to be contacted brings back a nomination hidden by a withdrawal.
  const wasHidden =
    consent.person === 'host' &&
    consent.scope === 'nomination-contact' &&
    hostContactWithdrawn(page);
  await page.pageState.run(
    async () => {
      await page.write(recordConsent, item.id, consent);
      page.rightsForm = undefined;
      await Promise.all([wasHidden ? page.load(true) : undefined, loadConsents(page)]);
      const recorded = t.recordedNotice(consent.person, consent.scope);
      page.rightsNotice = wasHidden
        ? [
            recorded,
            t.recordedShownAgain,
            page.item?.status === 'withdrawn' ? t.recordedStillWithdrawn : '',
          ]
            .filter(Boolean)
            .join(' ')
        : recorded;
      await page.focusOn('.rights-notice');
    },
    async (error) => {
      page.rightsErrors = errorsFromFailure(page.t, error, (path) => CONSENT_FIELDS[path], {
        person_erased: t.personErased,
        not_found: page.t.notFound,
      }).map((problem) => inWords(page, problem, error));
      await focusErrorSummary(page);
    },
  );
}

/**
 * A hub issue about a consent field in the form's own words where the console has them (a
 * choice left out, a time it cannot read); the hub's text otherwise.
 */
export function inWords(page: StueNominationPage, problem: FieldError, error: unknown): FieldError {
  if (!problem.field || !(error instanceof StueValidationError)) return problem;
  const t = page.t.pairData;
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
export function hostContactWithdrawn(page: StueNominationPage): boolean {
  const contact = (page.consents ?? []).filter(
    (c) => c.person === 'host' && c.scope === 'nomination-contact',
  );
  return contact.length > 0 && contact.every((c) => c.withdrawnAt);
}

/** Erases the pair after the coordinator typed the reference. */
export async function submitErase(page: StueNominationPage, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const item = page.item;
  if (!item || page.busy) return;
  const reference = formText(new FormData(event.target as HTMLFormElement), 'reference');
  const t = page.t.pairData;
  if (!reference) {
    page.rightsErrors = [{ field: 'erase-reference', message: t.eraseReferenceRequired }];
    return focusErrorSummary(page);
  }
  await page.pageState.run(
    async () => {
      await page.write(erasePair, item.id, reference);
      page.context.nominations.delete(item.id);
      page.erased = true;
      page.rightsForm = undefined;
      await page.focusOn('h1');
    },
    async (error) => {
      if (isErasedError(error)) {
        // Erased meanwhile, by someone else: the outcome the coordinator wanted.
        page.context.nominations.delete(item.id);
        page.erased = true;
        await page.focusOn('h1');
        return;
      }
      page.rightsErrors = errorsFromFailure(page.t, error, (path) =>
        path === 'reference' ? 'erase-reference' : undefined,
      );
      await focusErrorSummary(page);
    },
  );
}
