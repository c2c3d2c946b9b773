import type { Lang } from '@stue/core';
import type { CoordinatorSession, RequestOptions } from '@stue/core/client';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { NominationItem } from '../api.js';
import { CONSOLE_STRINGS, type ConsoleStrings } from '../strings.js';
import { failureMessage } from './forms.js';
import { PageState } from './page-state.js';
import { sharedStyles } from './styles.js';

/** What every page of a signed-in console works with. */
export interface ConsoleContext {
  lang: Lang;
  /** Where the hub is, and the `fetch` that asks it for messages in `lang`. */
  api: RequestOptions;
  session: CoordinatorSession;
  /** Nominations seen in the inbox, so a nomination page opens without asking again. */
  nominations: Map<string, NominationItem>;
}

/**
 * Announces that the hub no longer knows the session (a 401 mid-work): the app shows sign-in.
 * Bubbles and is composed, so it leaves a page's shadow root.
 */
export class SessionEndEvent extends Event {
  static readonly type = 'stue-session-end';
  constructor(readonly expired: boolean) {
    super(SessionEndEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Announces that the open call tasks changed (a call was marked done), so the menu's count
 * follows. Bubbles and is composed, so it leaves a page's shadow root.
 */
export class TasksChangeEvent extends Event {
  static readonly type = 'stue-tasks-change';
  constructor() {
    super(TasksChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** Announces a signed-in session; the app stores it and shows the page asked for. */
export class SessionStartEvent extends Event {
  static readonly type = 'stue-session-start';
  constructor(readonly session: CoordinatorSession) {
    super(SessionStartEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * What pages have in common: the context, their texts, focus on their heading when the app
 * navigates to them, and their state (loading, problem, busy, a 401 turned into a
 * {@link SessionEndEvent}) in one {@link PageState}.
 */
export class ConsolePage extends LitElement {
  static override styles = [sharedStyles];

  /** The signed-in console's context; set by the app. */
  @property({ attribute: false }) accessor context!: ConsoleContext;

  /** The page's texts. (Public, as is what follows, for the page's sections in their own modules.) */
  get t(): ConsoleStrings {
    return CONSOLE_STRINGS[this.context?.lang ?? 'da'];
  }

  /** The page's name for the document title. */
  get pageTitle(): string {
    return this.renderRoot.querySelector('h1')?.textContent?.trim() ?? '';
  }

  protected override updated(): void {
    const title = this.pageTitle;
    if (title && this.isConnected) document.title = this.t.pageTitle(title);
  }

  /** Moves focus to the page's heading: where a screen reader user lands after navigating. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /**
   * The page's loading, problem, busy and lost-session state: reads go through
   * `pageState.load`, actions through `pageState.run`, and a 401 in either ends the session.
   */
  readonly pageState = new PageState(this, {
    endSession: () => this.dispatchEvent(new SessionEndEvent(true)),
    failureMessage: (error) => failureMessage(this.t, error),
  });

  /** Why the page's data could not be loaded, in words; `''` while there is nothing to show. */
  get problem(): string {
    return this.pageState.problem;
  }

  set problem(value: string) {
    this.pageState.problem = value;
  }

  /** Whether the page's data is being loaded. */
  get loading(): boolean {
    return this.pageState.loading;
  }

  /** Whether an action of the page is under way. */
  get busy(): boolean {
    return this.pageState.busy;
  }

  /**
   * The page's last failure with a button that tries again (`retry`), or nothing when there is
   * none. `before` goes in front of the message (e.g. "The concert could not be loaded.").
   */
  protected problemNotice(retry: () => unknown, before = ''): TemplateResult | typeof nothing {
    if (!this.problem) return nothing;
    return html`<div class="notice problem">
      <p>${before ? `${before} ` : ''}${this.problem}</p>
      <button type="button" class="secondary small" @click=${() => void retry()}>
        ${this.t.tryAgain}
      </button>
    </div>`;
  }

  /**
   * Sends a change to the hub as the signed-in coordinator: every write of core's coordinator
   * client takes the hub and the session's CSRF token ahead of its own arguments, so pages name
   * only the request and what it is about.
   *
   * @example
   * const moved = await page.write(moveBooking, booking.id, 'confirm');
   */
  write<A extends unknown[], R>(
    request: (api: RequestOptions, csrfToken: string, ...args: A) => Promise<R>,
    ...args: A
  ): Promise<R> {
    return request(this.context.api, this.context.session.csrfToken, ...args);
  }

  /** Focuses an element of the page once rendered (a notice after an action, a form's start). */
  async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

declare global {
  interface HTMLElementEventMap {
    [SessionEndEvent.type]: SessionEndEvent;
    [SessionStartEvent.type]: SessionStartEvent;
    [TasksChangeEvent.type]: TasksChangeEvent;
  }
}
