import { StueHttpError, type Lang } from '@stue/core';
import {
  getSession,
  signOut,
  type CoordinatorSession,
  type RequestOptions,
} from '@stue/core/client';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { fetchIn, hubBase, listCallTasks, type NominationItem } from './api.js';
import { consoleAppStyles } from './console-app.styles.js';
import { earlyFetch, forgetEarly } from './early.js';
import { defineHubStatus } from './hub-status.js';
import { failureMessage } from './internal/forms.js';
import {
  SessionEndEvent,
  SessionStartEvent,
  TasksChangeEvent,
  type ConsoleContext,
  type ConsolePage,
} from './internal/page.js';
import { langFromUrl } from './lang.js';
import { defineSignInPage, type StueSignInPage } from './pages/sign-in-page.js';
import { href, MENU, parseRoute, type Route } from './router.js';
import { CONSOLE_STRINGS, type ConsoleStrings } from './strings.js';

/** The tag the console app is registered under. */
export const CONSOLE_APP_TAG = 'stue-console-app';

/** Where the console is with the coordinator: asking the hub, signed out, or signed in. */
export type AuthState = 'checking' | 'signed-out' | 'signed-in';

const MENU_LABEL = {
  inbox: 'inbox',
  tasks: 'tasks',
  planning: 'planning',
  musicians: 'musicians',
  'tour-days': 'tourDays',
  devices: 'devices',
  reports: 'reports',
  partners: 'partners',
  programmes: 'programmes',
} as const satisfies Record<(typeof MENU)[number], keyof ConsoleStrings['nav']>;

/**
 * Each signed-in page's module, loaded on its first visit (Vite makes each its own chunk), so the
 * console starts with the shell and sign-in alone. Importing twice is free; defining twice harmless.
 */
const PAGE_MODULES: Record<Exclude<Route['name'], 'not-found'>, () => Promise<void>> = {
  inbox: () => import('./pages/inbox-page.js').then((m) => m.defineInboxPage()),
  nomination: () => import('./pages/nomination-page.js').then((m) => m.defineNominationPage()),
  booking: () => import('./pages/booking-page.js').then((m) => m.defineBookingPage()),
  tasks: () => import('./pages/tasks-page.js').then((m) => m.defineTasksPage()),
  planning: () => import('./pages/planning-page.js').then((m) => m.definePlanningPage()),
  musicians: () => import('./pages/musicians-page.js').then((m) => m.defineMusiciansPage()),
  'tour-days': () => import('./pages/tour-days-page.js').then((m) => m.defineTourDaysPage()),
  devices: () => import('./pages/devices-page.js').then((m) => m.defineDevicesPage()),
  reports: () => import('./pages/reports-page.js').then((m) => m.defineReportsPage()),
  partners: () => import('./pages/partners-page.js').then((m) => m.definePartnersPage()),
  programmes: () => import('./pages/programmes-page.js').then((m) => m.defineProgrammesPage()),
};

/**
 * The coordinator console: sign-in, and for a signed-in coordinator the inbox, a nomination's
 * page, the call tasks, planning, a booking's page, musicians, tour days, tablets, reports and
 * partners (keys, webhooks and their delivery log) and programmes (with their versions), addressed by
 * the hash (`#/inbox`, …). The session is restored on reload from the hub's cookie
 * (`GET /api/v1/session`). On navigation, focus moves to the new page's heading and the document
 * title follows. Texts are Danish, or English when the page's address has `?lang=en`.
 *
 * @summary The root element of the Stue coordinator console.
 */
export class StueConsoleApp extends LitElement {
  static override styles = consoleAppStyles;

  /** The language of every text, read from the page's address when the element connects. */
  @state() accessor language: Lang = 'da';

  @state() accessor auth: AuthState = 'checking';

  @state() accessor session: CoordinatorSession | undefined = undefined;

  @state() accessor route: Route = parseRoute('');

  /** Why sign-in shows: the session ended, or the hub could not be asked. */
  @state() accessor signInNotice: string | undefined = undefined;

  /** How many musicians wait for a call (the menu's count); undefined until the hub answered. */
  @state() accessor openTasks: number | undefined = undefined;

  #api: RequestOptions = { api: 'http://localhost/' };
  #nominations = new Map<string, NominationItem>();
  #context: ConsoleContext | undefined;
  #navigated = false;
  /** Counts navigations, so each one gets a fresh page element that loads afresh. */
  #visit = 0;
  /** The visit whose page's module could not be loaded (the hub unreachable, say). */
  #pageFailed = -1;

  #onHashChange = () => {
    forgetEarly();
    this.route = parseRoute(location.hash);
    this.#visit += 1;
    this.#navigated = true;
    void this.countTasks();
  };

  #onTasksChange = () => void this.countTasks();

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = langFromUrl(location.href);
    // The first requests take the answers `main.ts` asked for before the app was evaluated.
    this.#api = { api: hubBase(), fetch: earlyFetch(fetchIn(this.language)) };
    this.route = parseRoute(location.hash);
    window.addEventListener('hashchange', this.#onHashChange);
    this.addEventListener(SessionStartEvent.type, this.#onSessionStart);
    this.addEventListener(SessionEndEvent.type, this.#onSessionEnd);
    this.addEventListener(TasksChangeEvent.type, this.#onTasksChange);
    defineHubStatus();
    defineSignInPage();
    void this.restoreSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    this.removeEventListener(SessionStartEvent.type, this.#onSessionStart);
    this.removeEventListener(SessionEndEvent.type, this.#onSessionEnd);
    this.removeEventListener(TasksChangeEvent.type, this.#onTasksChange);
  }

  /**
   * Counts the open call tasks for the menu. A failure leaves the count out: the tasks page
   * itself says what went wrong.
   */
  async countTasks(): Promise<void> {
    if (this.auth !== 'signed-in') return;
    try {
      const page = await listCallTasks(this.#api, { state: 'open', limit: 100 });
      this.openTasks = page.nextCursor ? 100 : page.items.length;
    } catch {
      this.openTasks = undefined;
    }
  }

  private get t(): ConsoleStrings {
    return CONSOLE_STRINGS[this.language];
  }

  /** Asks the hub who is signed in (its cookie), and shows sign-in when nobody is. */
  async restoreSession(): Promise<void> {
    this.auth = 'checking';
    try {
      this.startSession(await getSession(this.#api));
    } catch (error) {
      this.signInNotice =
        error instanceof StueHttpError && error.status === 401
          ? undefined
          : failureMessage(this.t, error);
      forgetEarly();
      this.auth = 'signed-out';
    }
  }

  private startSession(session: CoordinatorSession): void {
    this.session = session;
    this.#nominations = new Map();
    this.#context = {
      lang: this.language,
      api: this.#api,
      session,
      nominations: this.#nominations,
    };
    this.signInNotice = undefined;
    this.auth = 'signed-in';
    void this.countTasks();
  }

  #onSessionStart = (event: SessionStartEvent) => {
    this.startSession(event.session);
    this.#navigated = true;
  };

  #onSessionEnd = (event: SessionEndEvent) => {
    this.endSession(event.expired ? this.t.sessionEnded : undefined);
  };

  private endSession(notice: string | undefined): void {
    forgetEarly();
    this.session = undefined;
    this.#context = undefined;
    this.openTasks = undefined;
    this.#nominations = new Map();
    this.signInNotice = notice;
    this.auth = 'signed-out';
    this.#navigated = true;
  }

  /** Signs out on the hub; the console shows sign-in whatever the hub answered. */
  async signOut(): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      await signOut(this.#api, session.csrfToken);
    } catch {
      // The session may already be gone; the console forgets it either way.
    }
    this.endSession(undefined);
  }

  protected override updated(): void {
    // The not-found page is a plain element; every page element has `focusHeading()`.
    const page = this.renderRoot.querySelector<ConsolePage | StueSignInPage | HTMLElement>('.page');
    const t = this.t;
    // Pages keep the title up to date themselves once their record is loaded.
    if (!page || !('pageTitle' in page)) {
      const root: ParentNode | null = page && 'renderRoot' in page ? page.renderRoot : page;
      const heading = root?.querySelector('h1');
      const name =
        heading?.textContent?.trim() || (this.auth === 'signed-out' ? t.signIn.heading : '');
      document.title = name ? t.pageTitle(name) : t.title;
    }
    if (this.#navigated && page) {
      this.#navigated = false;
      if (!page.localName.includes('-')) {
        page.querySelector<HTMLElement>('h1')?.focus();
      } else {
        // A page loaded on demand gets its methods when its module has registered it.
        void customElements
          .whenDefined(page.localName)
          .then(() => (page as ConsolePage).focusHeading());
      }
    }
  }

  private skipToMain(): void {
    // A button, not a link: the console routes by the hash, and a `#main` link cannot reach into
    // the shadow root anyway.
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    main?.focus();
  }

  private renderPage(context: ConsoleContext): TemplateResult {
    const route = this.route;
    // A page's element is made only once its module has loaded, so it starts with its properties
    // set (an element upgraded later would see them only at its first update).
    if (route.name !== 'not-found' && !customElements.get(`stue-${route.name}-page`)) {
      return this.renderPageLoading(route.name);
    }
    switch (route.name) {
      case 'inbox':
        return html`<stue-inbox-page
          class="page"
          .context=${context}
          .params=${route.params}
        ></stue-inbox-page>`;
      case 'nomination':
        return html`<stue-nomination-page
          class="page"
          .context=${context}
          .nominationId=${route.id}
        ></stue-nomination-page>`;
      case 'booking':
        return html`<stue-booking-page
          class="page"
          .context=${context}
          .bookingId=${route.id}
        ></stue-booking-page>`;
      case 'tasks':
        return html`<stue-tasks-page
          class="page"
          .context=${context}
          .params=${route.params}
        ></stue-tasks-page>`;
      case 'planning':
        return html`<stue-planning-page
          class="page"
          .context=${context}
          .params=${route.params}
        ></stue-planning-page>`;
      case 'musicians':
        return html`<stue-musicians-page class="page" .context=${context}></stue-musicians-page>`;
      case 'tour-days':
        return html`<stue-tour-days-page
          class="page"
          .context=${context}
          .params=${route.params}
        ></stue-tour-days-page>`;
      case 'devices':
        return html`<stue-devices-page class="page" .context=${context}></stue-devices-page>`;
      case 'reports':
        return html`<stue-reports-page
          class="page"
          .context=${context}
          .params=${route.params}
        ></stue-reports-page>`;
      case 'partners':
        return html`<stue-partners-page class="page" .context=${context}></stue-partners-page>`;
      case 'programmes':
        return html`<stue-programmes-page class="page" .context=${context}></stue-programmes-page>`;
      case 'not-found':
        return html`<div class="page not-found">
          <h1 tabindex="-1">${this.t.notFoundHeading}</h1>
          <p>${this.t.notFound}</p>
          <p><a href=${href('inbox')}>${this.t.backToInbox}</a></p>
        </div>`;
    }
  }

  /** Loads a page's module; meanwhile says so, or that it could not be had. */
  private renderPageLoading(name: keyof typeof PAGE_MODULES): TemplateResult {
    const visit = this.#visit;
    if (this.#pageFailed !== visit) {
      void PAGE_MODULES[name]().then(
        () => this.requestUpdate(),
        () => {
          this.#pageFailed = visit;
          this.requestUpdate();
        },
      );
      return html`<p class="checking">${this.t.loading}</p>`;
    }
    return html`<p class="checking" role="alert">${this.t.networkError}</p>`;
  }

  private renderMenu(): TemplateResult {
    const t = this.t;
    const current =
      this.route.name === 'nomination'
        ? 'inbox'
        : this.route.name === 'booking'
          ? 'planning'
          : this.route.name;
    const count = this.openTasks ?? 0;
    return html`
      <nav aria-label=${t.navLabel}>
        <ul>
          ${MENU.map(
            (name) =>
              html`<li>
                <a href=${href(name)} aria-current=${current === name ? 'page' : nothing}
                  >${t.nav[MENU_LABEL[name]]}${
                    name === 'tasks' && count > 0
                      ? html`<span class="badge" aria-hidden="true">${count}</span
                          ><span class="visually-hidden">: ${t.openTasks(count)}</span>`
                      : nothing
                  }</a
                >
              </li>`,
          )}
        </ul>
      </nav>
    `;
  }

  private otherLanguageHref(): string {
    const url = new URL(location.href);
    if (this.language === 'da') url.searchParams.set('lang', 'en');
    else url.searchParams.delete('lang');
    return url.pathname + url.search + url.hash;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const other = t.otherLanguage;
    const signedIn = this.auth === 'signed-in' && this.#context !== undefined;
    return html`
      <div class="shell" lang=${this.language}>
        <button type="button" class="skip-link" @click=${this.skipToMain}>${t.skipLink}</button>
        <header>
          <div class="bar">
            <p class="product">${t.title}</p>
            <div class="account">
              <a
                href=${this.otherLanguageHref()}
                lang=${other.lang}
                hreflang=${other.lang}
                title=${other.title}
                >${other.label}</a
              >
              ${
                signedIn && this.session
                  ? html`<span class="who">${t.signedInAs(this.session.coordinator.name)}</span>
                      <button type="button" class="sign-out" @click=${() => void this.signOut()}>
                        ${t.signOut}
                      </button>`
                  : nothing
              }
            </div>
          </div>
          ${signedIn ? this.renderMenu() : nothing}
        </header>
        <main id="main" tabindex="-1">
          ${
            this.auth === 'checking'
              ? html`<p role="status" class="checking">${t.signIn.checking}</p>`
              : signedIn
                ? keyed(this.#visit, this.renderPage(this.#context!))
                : html`<stue-sign-in-page
                    class="page"
                    .language=${this.language}
                    .api=${this.#api}
                    .notice=${this.signInNotice}
                  ></stue-sign-in-page>`
          }
        </main>
        <footer>
          <stue-hub-status .language=${this.language}></stue-hub-status>
        </footer>
      </div>
    `;
  }
}

/**
 * Registers `<stue-console-app>`. Calling it again is harmless; if another class already holds
 * the tag, it warns and keeps that one rather than throwing.
 */
export function defineConsoleApp(registry: CustomElementRegistry = customElements): void {
  const existing = registry.get(CONSOLE_APP_TAG);
  if (existing === undefined) {
    registry.define(CONSOLE_APP_TAG, StueConsoleApp);
  } else if (existing !== StueConsoleApp) {
    console.warn(`<${CONSOLE_APP_TAG}> is already defined by another class; keeping that one.`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [CONSOLE_APP_TAG]: StueConsoleApp;
  }
}
