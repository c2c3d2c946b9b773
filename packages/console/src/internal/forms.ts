import { StueHttpError, StueNetworkError, StueValidationError, type Issue } from '@stue/core';
import '@stue/elements/error-summary';
import '@stue/elements/field';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ConsoleStrings } from '../strings.js';

/** A problem to show in an error summary: the message, and the id of the field it is about. */
export interface FieldError {
  /** The id of the field's control; without one the message is shown unlinked. */
  field?: string;
  message: string;
}

/** The error for a field, if any. */
export const errorFor = (errors: readonly FieldError[], id: string) =>
  errors.find((error) => error.field === id);

/**
 * A GOV.UK-style error summary (`<stue-error-summary>`): a heading and a link to each field with
 * a problem. It takes focus when problems appear, and the page focuses it (`.error-summary`) after
 * every failed submit; a link moves focus to its field. Renders nothing without problems.
 */
export function errorSummary(t: ConsoleStrings, errors: readonly FieldError[]): TemplateResult {
  return html`<stue-error-summary
    heading=${t.errorSummaryTitle}
    .errors=${errors}
  ></stue-error-summary>`;
}

/** Moves focus to the error summary once it is rendered. */
export async function focusErrorSummary(element: {
  updateComplete: Promise<unknown>;
  renderRoot: ParentNode;
}): Promise<void> {
  await element.updateComplete;
  // The summary's own update was queued while the page rendered it, so it has run by now.
  element.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
}

interface FieldOptions {
  id: string;
  label: string;
  hint?: string | undefined;
  errors: readonly FieldError[];
}

const describedBy = (id: string, hint: string | undefined, error: FieldError | undefined) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** The label, hint and error message around `control` (`<stue-field>` wires them to it). */
function frame(
  { id, label, hint, errors }: FieldOptions,
  control: TemplateResult,
  extraClass = '',
): TemplateResult {
  const error = errorFor(errors, id);
  return html`<stue-field
    class="field ${error ? 'has-error' : ''} ${extraClass}"
    .label=${label}
    .hint=${hint}
    .error=${error?.message}
    >${control}</stue-field
  >`;
}

/** A labelled text input (text, e-mail, password, tel, date, time, number, datetime-local). */
export function inputField(
  options: FieldOptions & {
    name: string;
    type?: string;
    value?: string;
    autocomplete?: string;
    required?: boolean;
    inputClass?: string;
    min?: string;
    max?: string;
    step?: string;
    inputmode?: string;
  },
): TemplateResult {
  return frame(
    options,
    html`<input
      id=${options.id}
      name=${options.name}
      type=${options.type ?? 'text'}
      class=${ifDefined(options.inputClass)}
      .defaultValue=${options.value ?? ''}
      autocomplete=${ifDefined(options.autocomplete)}
      inputmode=${ifDefined(options.inputmode)}
      min=${ifDefined(options.min)}
      max=${ifDefined(options.max)}
      step=${ifDefined(options.step)}
      ?required=${options.required ?? false}
    />`,
  );
}

/**
 * The form that picks a period of days (the planning and tour days pages): two dates and a button,
 * its fields `${idPrefix}-from` and `${idPrefix}-to`. `busy` marks the button while the period's
 * data is on its way (left out when the page does not say).
 */
export function periodForm(options: {
  idPrefix: string;
  period: { from: string; to: string };
  words: { periodHeading: string; from: string; to: string; submit: string };
  onSubmit: (event: SubmitEvent) => void;
  busy?: boolean;
}): TemplateResult {
  const { idPrefix, period, words } = options;
  const busy = options.busy === undefined ? undefined : String(options.busy);
  return html`<form class="panel" @submit=${options.onSubmit} aria-labelledby="period-heading">
    <h2 id="period-heading" class="visually-hidden">${words.periodHeading}</h2>
    <div class="row">
      ${inputField({
        id: `${idPrefix}-from`,
        name: 'from',
        type: 'date',
        label: words.from,
        value: period.from,
        errors: [],
      })}
      ${inputField({
        id: `${idPrefix}-to`,
        name: 'to',
        type: 'date',
        label: words.to,
        value: period.to,
        errors: [],
      })}
      <div class="field">
        <button type="submit" aria-disabled=${ifDefined(busy)}>${words.submit}</button>
      </div>
    </div>
  </form>`;
}

/** A labelled textarea. */
export function textareaField(
  options: FieldOptions & { name: string; value?: string; rows?: number; required?: boolean },
): TemplateResult {
  return frame(
    options,
    html`<textarea
      id=${options.id}
      name=${options.name}
      rows=${options.rows ?? 4}
      .defaultValue=${options.value ?? ''}
      ?required=${options.required ?? false}
    ></textarea>`,
  );
}

/** A labelled select; `placeholder` is a first, empty choice. */
export function selectField(
  options: FieldOptions & {
    name: string;
    choices: readonly { value: string; label: string }[];
    value?: string;
    placeholder?: string;
  },
): TemplateResult {
  return frame(
    options,
    html`<select id=${options.id} name=${options.name}>
      ${
        options.placeholder !== undefined
          ? html`<option value="" ?selected=${!options.value}>${options.placeholder}</option>`
          : nothing
      }
      ${options.choices.map(
        (choice) =>
          html`<option value=${choice.value} ?selected=${choice.value === options.value}>
            ${choice.label}
          </option>`,
      )}
    </select>`,
  );
}

/**
 * A fieldset around a group of choices: its legend, hint and error message, which describe it
 * (a fieldset has no control of its own, so `<stue-field>` does not fit it).
 */
function fieldsetFrame(
  { id, label, hint, errors }: FieldOptions,
  choices: TemplateResult,
): TemplateResult {
  const error = errorFor(errors, id);
  return html`
    <fieldset
      class="field ${error ? 'has-error' : ''}"
      aria-describedby=${ifDefined(describedBy(id, hint, error))}
    >
      <legend>${label}</legend>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
      ${error ? html`<span class="error-message" id="${id}-error">${error.message}</span>` : nothing}
      ${choices}
    </fieldset>
  `;
}

/**
 * A fieldset of checkboxes; the first box carries the fieldset's id, so the error summary can
 * link to it.
 */
export function checkboxesField(
  options: FieldOptions & {
    name: string;
    choices: readonly { value: string; label: string; lang?: string }[];
    checked: readonly string[];
  },
): TemplateResult {
  const { id } = options;
  return fieldsetFrame(
    options,
    html`<div class="choices">
      ${options.choices.map(
        (choice, index) => html`
          <label class="choice">
            <input
              type="checkbox"
              id=${index === 0 ? id : `${id}-${choice.value}`}
              name=${options.name}
              value=${choice.value}
              .defaultChecked=${options.checked.includes(choice.value)}
            />
            <span lang=${ifDefined(choice.lang)}>${choice.label}</span>
          </label>
        `,
      )}
    </div>`,
  );
}

/**
 * A fieldset of radio buttons, each with an optional hint of its own; the first button carries
 * the fieldset's id, so the error summary can link to it. The hint and error of the fieldset
 * describe it; a choice's hint describes its button.
 */
export function radiosField(
  options: FieldOptions & {
    name: string;
    choices: readonly { value: string; label: string; hint?: string }[];
    checked?: string | undefined;
    /** One choice under another (for choices with hints), instead of side by side. */
    stack?: boolean;
  },
): TemplateResult {
  const { id } = options;
  return fieldsetFrame(
    options,
    html`<div class="choices ${options.stack ? 'stack' : ''}">
      ${options.choices.map((choice, index) => {
        const choiceId = index === 0 ? id : `${id}-${choice.value}`;
        return html`
          <div class="radio">
            <label class="choice">
              <input
                type="radio"
                id=${choiceId}
                name=${options.name}
                value=${choice.value}
                .defaultChecked=${options.checked === choice.value}
                aria-describedby=${ifDefined(choice.hint ? `${choiceId}-hint` : undefined)}
              />
              <span>${choice.label}</span>
            </label>
            ${
              choice.hint
                ? html`<span class="choice-hint" id="${choiceId}-hint">${choice.hint}</span>`
                : nothing
            }
          </div>
        `;
      })}
    </div>`,
  );
}

/**
 * The buttons of a step that cannot be undone (revoke, delete, erase, decline): the step, as a
 * warning button, and Cancel. The step submits its form unless `onConfirm` is given; while
 * `busy` it says so (`aria-disabled`) and stays focusable.
 */
export function warningActions(options: {
  confirm: string;
  cancel: string;
  busy: boolean;
  /** May be async: its own errors are its to show (the page's problem notice). */
  onConfirm?: () => void | Promise<void>;
  onCancel: () => void;
}): TemplateResult {
  return html`
    <div class="actions">
      <button
        type=${options.onConfirm ? 'button' : 'submit'}
        class="warning"
        aria-disabled=${options.busy ? 'true' : 'false'}
        @click=${options.onConfirm}
      >
        ${options.confirm}
      </button>
      <button type="button" class="secondary" @click=${options.onCancel}>${options.cancel}</button>
    </div>
  `;
}

/**
 * The form of a step that cannot be undone (decline, withdraw, erase): its heading (which names
 * it and takes focus when it opens), the error summary, `body`, and {@link warningActions}.
 */
export function warningForm(
  options: {
    /** The heading's id; the form is labelled by it. */
    id: string;
    heading: string;
    t: ConsoleStrings;
    errors: readonly FieldError[];
    class?: string;
    onSubmit: (event: SubmitEvent) => unknown;
    confirm: string;
    busy: boolean;
    onCancel: () => void;
  },
  body: TemplateResult,
): TemplateResult {
  const { id, t } = options;
  return html`
    <form
      novalidate
      class=${ifDefined(options.class)}
      @submit=${options.onSubmit}
      aria-labelledby=${id}
    >
      <h3 id=${id} tabindex="-1">${options.heading}</h3>
      ${errorSummary(t, options.errors)} ${body}
      ${warningActions({
        confirm: options.confirm,
        cancel: t.cancel,
        busy: options.busy,
        onCancel: options.onCancel,
      })}
    </form>
  `;
}

/**
 * The problems to show for a failed request: field issues from the hub's 400 mapped to field
 * ids with `fieldId`, everything else one message.
 */
export function errorsFromFailure(
  t: ConsoleStrings,
  error: unknown,
  fieldId: (path: string) => string | undefined,
  refusals: Record<string, string> = {},
): FieldError[] {
  if (error instanceof StueValidationError) {
    return error.issues.map((issue: Issue) => {
      const field = fieldId(issue.path.split('.')[0] ?? '');
      return field ? { field, message: issue.message } : { message: issue.message };
    });
  }
  return [{ message: failureMessage(t, error, refusals) }];
}

/** One sentence for a failure that is not about a field. */
export function failureMessage(
  t: ConsoleStrings,
  error: unknown,
  refusals: Record<string, string> = {},
): string {
  if (error instanceof StueNetworkError) return t.networkError;
  if (error instanceof StueHttpError) {
    // A server error says nothing a coordinator can act on, except a full disk: the hub's own
    // words (in the console's language) say so, and to try again in a while.
    const opaque = error.status >= 500 && error.code !== 'storage_full';
    return refusals[error.code] ?? (opaque ? t.unexpected : error.message);
  }
  return t.unexpected;
}

/** The text of a form field, trimmed; `''` when missing. */
export const formText = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
