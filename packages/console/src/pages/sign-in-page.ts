import { StueHttpError, type Lang } from '@stue/core';
import { signIn, type RequestOptions } from '@stue/core/client';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  errorSummary,
  failureMessage,
  focusErrorSummary,
  formText,
  inputField,
  type FieldError,
} from '../internal/forms.js';
import { SessionStartEvent } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import { CONSOLE_STRINGS } from '../strings.js';

/** The tag the sign-in page is registered under. */
export const SIGN_IN_PAGE_TAG = 'stue-sign-in-page';

/**
 * Sign-in for coordinators: e-mail and password, problems in an error summary that takes focus
 * (empty fields, wrong credentials, too many attempts with the wait, a silent hub). On success it
 * dispatches `stue-session-start` with the session.
 *
 * @summary The coordinator console's sign-in page.
 * @event stue-session-start - A coordinator signed in; `session` holds who and the CSRF token.
 */
export class StueSignInPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .panel {
        max-inline-size: 32rem;
      }
      input[type='email'],
      input[type='password'] {
        max-inline-size: 100%;
      }
    `,
  ];

  /** The language of every text. */
  @property({ attribute: false }) accessor language: Lang = 'da';

  /** Where the hub is. */
  @property({ attribute: false }) accessor api!: RequestOptions;

  /** Why sign-in shows (the session ended), or a problem reaching the hub. */
  @property({ attribute: false }) accessor notice: string | undefined = undefined;

  @state() accessor errors: FieldError[] = [];
  @state() accessor busy = false;

  /** Moves focus to the heading (the app calls it after navigation). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const t = CONSOLE_STRINGS[this.language].signIn;
    const data = new FormData(event.target as HTMLFormElement);
    const email = formText(data, 'email');
    const password = String(data.get('password') ?? '');
    const errors: FieldError[] = [];
    if (!email) errors.push({ field: 'email', message: t.emailRequired });
    if (!password) errors.push({ field: 'password', message: t.passwordRequired });
    if (errors.length > 0) return this.fail(errors);
    this.busy = true;
    try {
      const session = await signIn(this.api, { email, password });
      this.errors = [];
      this.dispatchEvent(new SessionStartEvent(session));
    } catch (error) {
      this.fail(this.errorsFor(error));
    } finally {
      this.busy = false;
    }
  }

  private errorsFor(error: unknown): FieldError[] {
    const strings = CONSOLE_STRINGS[this.language];
    if (error instanceof StueHttpError && error.code === 'invalid_credentials') {
      return [{ field: 'email', message: strings.signIn.wrong }];
    }
    if (error instanceof StueHttpError && error.status === 429) {
      // The hub slows wrong tries with growing delays: often seconds, at most minutes.
      const seconds = Math.max(1, Math.ceil(error.retryAfter ?? 60));
      if (seconds < 60) return [{ message: strings.signIn.tooManySeconds(seconds) }];
      return [{ message: strings.signIn.tooMany(Math.ceil(seconds / 60)) }];
    }
    return [{ message: failureMessage(strings, error) }];
  }

  private fail(errors: FieldError[]): void {
    this.errors = errors;
    void focusErrorSummary(this);
  }

  protected override render(): TemplateResult {
    const strings = CONSOLE_STRINGS[this.language];
    const t = strings.signIn;
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      ${
        this.notice && this.errors.length === 0
          ? html`<p class="notice problem" role="status">${this.notice}</p>`
          : nothing
      }
      ${errorSummary(strings, this.errors)}
      <form class="panel" novalidate @submit=${this.submit}>
        ${inputField({
          id: 'email',
          name: 'email',
          type: 'email',
          label: t.email,
          autocomplete: 'username',
          errors: this.errors,
        })}
        ${inputField({
          id: 'password',
          name: 'password',
          type: 'password',
          label: t.password,
          autocomplete: 'current-password',
          errors: this.errors,
        })}
        <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? t.submitting : t.submit}
        </button>
      </form>
    `;
  }
}

/** Registers `<stue-sign-in-page>`; harmless to call twice. */
export function defineSignInPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(SIGN_IN_PAGE_TAG)) registry.define(SIGN_IN_PAGE_TAG, StueSignInPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [SIGN_IN_PAGE_TAG]: StueSignInPage;
  }
}
