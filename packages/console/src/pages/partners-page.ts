import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import {
  createPartnerKey,
  listPartnerViews,
  listWebhookDeliveryLog,
  listWebhookEndpoints,
  revokePartnerKey,
  type DeliveryStatus,
  type PartnerKey,
  type PartnerView,
  type WebhookDelivery,
  type WebhookEndpointView,
} from '../api.js';
import {
  errorsFromFailure,
  errorSummary,
  failureMessage,
  focusErrorSummary,
  formText,
  type FieldError,
  warningActions,
} from '../internal/forms.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import { danishLocal, formatClock, formatDateTime } from '../internal/time.js';

/** The tag the partners page is registered under. */
export const PARTNERS_PAGE_TAG = 'stue-partners-page';

const KEY_KINDS = ['publishable', 'secret'] as const;
const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['delivered', 'pending', 'failed'];

/** A key just made: shown this once, until the coordinator closes it or leaves the page. */
interface MadeKey {
  partnerId: string;
  partnerName: string;
  key: string;
  summary: PartnerKey;
}

/**
 * Partner organisations: each with its kind, allowed websites and keys (making a key, shown
 * once; revoking one after a confirmation that names it) and its webhook addresses; and the
 * webhook delivery log, filtered by partner and status and paged with "show more".
 *
 * @summary The coordinator's page for partners' keys and webhooks.
 */
export class StuePartnersPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    css`
      section.partner {
        margin-block-start: 1.5rem;
      }
      section.partner > h2 {
        margin-block-start: 0;
      }
      .origins {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .mono,
      .key {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      }
      .url {
        overflow-wrap: anywhere;
        min-inline-size: 14rem;
      }
      /* The whole key stays in view on a phone too: it breaks anywhere. */
      .key {
        max-inline-size: 44rem;
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem;
        border: 2px solid var(--stue-console-text);
        border-radius: 0.25rem;
        background: var(--stue-console-surface);
        font-size: 1.0625rem;
        word-break: break-all;
        user-select: all;
      }
      .made {
        border-inline-start: 6px solid var(--stue-console-ok);
      }
      .warning-text {
        padding: 0.5rem 0.75rem;
        border-inline-start: 4px solid #8a5a00;
        background: var(--stue-console-notice-soft);
        font-weight: 600;
      }
      .confirm {
        border-inline-start: 6px solid var(--stue-console-problem);
      }
      .new-key {
        border-inline-start: 6px solid var(--stue-console-accent);
      }
      p.label {
        margin-block-end: 0.25rem;
        font-weight: 600;
      }
      .choice-hint {
        display: block;
        margin: -0.25rem 0 0.5rem 2rem;
        color: var(--stue-console-muted);
        max-inline-size: 44rem;
      }
      .stack {
        flex-direction: column;
        align-items: flex-start;
      }
      .nowrap {
        white-space: nowrap;
      }
      .detail {
        display: block;
        color: var(--stue-console-muted);
        font-size: 0.9375rem;
        font-weight: 400;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
        align-items: flex-end;
      }
      .filters .field {
        flex: 0 1 16rem;
      }
      .filters button {
        margin-block-end: 1.25rem;
      }
    `,
  ];

  @state() accessor partners: PartnerView[] = [];
  @state() accessor endpoints: WebhookEndpointView[] = [];
  /** The partner whose "new key" form is open. */
  @state() accessor creatingFor: PartnerView | undefined = undefined;
  @state() accessor errors: FieldError[] = [];
  @state() accessor made: MadeKey | undefined = undefined;
  @state() accessor copyState: '' | 'copied' | 'failed' = '';
  /** The key waiting for "yes, revoke". */
  @state() accessor confirming: { partner: PartnerView; key: PartnerKey } | undefined = undefined;
  @state() accessor revokeProblem = '';
  /** What just happened, shown in that partner's section. */
  @state() accessor notice: { partnerId: string; text: string } | undefined = undefined;

  @state() accessor deliveries: WebhookDelivery[] = [];
  @state() accessor nextCursor: string | null = null;
  @state() accessor logLoading = false;
  @state() accessor logProblem = '';
  /** The filter the log was loaded with. */
  @state() accessor logFilter: { partner: string; status: '' | DeliveryStatus } = {
    partner: '',
    status: '',
  };

  #started = false;

  // Loads before the first render rather than on connect: when the page's module arrives after
  // the app made its element (the page is loaded on demand), the context is set only then.
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#started || !this.context) return;
    this.#started = true;
    void this.load();
    void this.loadLog();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A new key is shown once: leaving the page forgets it.
    this.made = undefined;
  }

  /** Loads the partners with their keys, and their webhook addresses. */
  async load(): Promise<void> {
    await this.pageState.load(async () => {
      const [partners, endpoints] = await Promise.all([
        listPartnerViews(this.context.api),
        listWebhookEndpoints(this.context.api),
      ]);
      this.partners = partners;
      this.endpoints = endpoints;
    });
  }

  /** Loads the first page of the delivery log with the current filter, or the next page. */
  async loadLog(more = false): Promise<void> {
    if (this.logLoading) return;
    this.logLoading = true;
    this.logProblem = '';
    const { partner, status } = this.logFilter;
    const before = this.deliveries.length;
    await this.pageState.guard(
      async () => {
        const page = await listWebhookDeliveryLog(this.context.api, {
          ...(partner ? { partner } : {}),
          ...(status ? { status: [status] } : {}),
          ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}),
        });
        this.deliveries = more ? [...this.deliveries, ...page.items] : page.items;
        this.nextCursor = page.nextCursor;
        if (more && page.items.length > 0) {
          // The first new row, so a keyboard user reads on from where the list grew.
          await this.focusOn(`#delivery-${CSS.escape(this.deliveries[before]!.id)}`);
        }
      },
      (error) => {
        this.logProblem = failureMessage(this.t, error);
      },
    );
    this.logLoading = false;
  }

  private filterLog(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const status = formText(data, 'status');
    this.logFilter = {
      partner: formText(data, 'partner'),
      status: DELIVERY_STATUSES.includes(status as DeliveryStatus)
        ? (status as DeliveryStatus)
        : '',
    };
    void this.loadLog();
  }

  private async showLogFor(partner: PartnerView): Promise<void> {
    this.logFilter = { partner: partner.id, status: '' };
    await this.updateComplete;
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#log-partner');
    if (select) select.value = partner.id;
    const status = this.renderRoot.querySelector<HTMLSelectElement>('#log-status');
    if (status) status.value = '';
    await this.focusOn('#log-heading');
    await this.loadLog();
  }

  // ------------------------------------------------------------ new key

  private openNewKey(partner: PartnerView): void {
    // A key on show stays until the coordinator closes it or leaves the page.
    this.creatingFor = partner;
    this.confirming = undefined;
    this.errors = [];
    this.notice = undefined;
    void this.focusOn('#new-key-heading');
  }

  private closeNewKey(): void {
    const partner = this.creatingFor;
    this.creatingFor = undefined;
    this.errors = [];
    if (partner) void this.focusOn(`#new-key-${CSS.escape(partner.id)}`);
  }

  private async makeKey(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const partner = this.creatingFor;
    if (!partner || this.busy) return;
    const t = this.t.partners;
    const kind = formText(new FormData(event.target as HTMLFormElement), 'kind');
    if (kind !== 'publishable' && kind !== 'secret') {
      this.errors = [{ field: 'new-key-kind', message: t.kindRequired }];
      return focusErrorSummary(this);
    }
    await this.pageState.run(
      async () => {
        const { key, ...summary } = await createPartnerKey(
          this.context.api,
          this.context.session.csrfToken,
          partner.id,
          kind,
        );
        this.partners = this.partners.map((p) =>
          p.id === partner.id ? { ...p, keys: [...p.keys, summary] } : p,
        );
        this.creatingFor = undefined;
        this.errors = [];
        this.copyState = '';
        this.made = { partnerId: partner.id, partnerName: partner.name, key, summary };
        await this.focusOn('#made-heading');
      },
      async (error) => {
        this.errors = errorsFromFailure(
          this.t,
          error,
          (path) => (path === 'kind' ? 'new-key-kind' : undefined),
          { not_found: t.partnerGone },
        );
        await focusErrorSummary(this);
      },
    );
  }

  private async copyKey(): Promise<void> {
    const made = this.made;
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.key);
      this.copyState = 'copied';
    } catch {
      this.copyState = 'failed';
      await this.updateComplete;
      // Selected, so that Ctrl+C (or the context menu) copies it.
      const key = this.renderRoot.querySelector<HTMLElement>('#made-key');
      if (key) {
        key.focus();
        getSelection()?.selectAllChildren(key);
      }
    }
  }

  private closeMade(): void {
    const made = this.made;
    this.made = undefined;
    this.copyState = '';
    if (made) void this.focusOn(`#new-key-${CSS.escape(made.partnerId)}`);
  }

  // ------------------------------------------------------------ revoking

  /** How a key is named in questions and notices: its prefix, or its kind and date. */
  private keyName(key: PartnerKey): string {
    const t = this.t.partners;
    return key.prefix
      ? t.keyNamed(key.prefix)
      : t.keyUnnamed(key.kind, formatDateTime(key.createdAt, this.context.lang));
  }

  private askRevoke(partner: PartnerView, key: PartnerKey): void {
    this.confirming = { partner, key };
    this.revokeProblem = '';
    this.notice = undefined;
    this.creatingFor = undefined;
    void this.focusOn('#confirm-question');
  }

  private cancelRevoke(): void {
    const confirming = this.confirming;
    this.confirming = undefined;
    this.revokeProblem = '';
    if (confirming) void this.focusOn(`#revoke-${CSS.escape(confirming.key.id)}`);
  }

  private async revoke(): Promise<void> {
    const confirming = this.confirming;
    if (!confirming || this.busy) return;
    const { partner, key } = confirming;
    this.revokeProblem = '';
    await this.pageState.run(
      async () => {
        const revoked = await revokePartnerKey(
          this.context.api,
          this.context.session.csrfToken,
          partner.id,
          key.id,
        );
        this.partners = this.partners.map((p) =>
          p.id === partner.id
            ? { ...p, keys: p.keys.map((k) => (k.id === key.id ? { ...k, ...revoked } : k)) }
            : p,
        );
        this.confirming = undefined;
        // A key revoked while still on show is no use to anyone.
        if (this.made?.summary.id === key.id) this.made = undefined;
        const name = this.keyName(key);
        this.notice = {
          partnerId: partner.id,
          text: this.t.partners.revoked(name.charAt(0).toUpperCase() + name.slice(1)),
        };
        await this.focusOn(`#notice-${CSS.escape(partner.id)}`);
      },
      async (error) => {
        this.revokeProblem = failureMessage(this.t, error, { not_found: this.t.partners.keyGone });
        await this.focusOn('#revoke-problem');
      },
    );
  }

  // ------------------------------------------------------------ rendering

  private renderKeys(partner: PartnerView): TemplateResult {
    const t = this.t.partners;
    const { lang } = this.context;
    if (partner.keys.length === 0) return html`<p>${t.noKeys}</p>`;
    return html`
      <div
        class="table-wrap"
        role="region"
        aria-label=${t.keysTableLabel(partner.name)}
        tabindex="0"
      >
        <table>
          <caption>
            ${t.keysCaption(partner.name)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.keyColumns.key}</th>
              <th scope="col">${t.keyColumns.kind}</th>
              <th scope="col">${t.keyColumns.made}</th>
              <th scope="col">${t.keyColumns.state}</th>
              <th scope="col">${t.keyColumns.action}</th>
            </tr>
          </thead>
          <tbody>
            ${partner.keys.map(
              (key) => html`
                <tr>
                  <th scope="row">
                    ${
                      key.prefix
                        ? html`<span class="mono">${key.prefix}…</span>`
                        : html`<span class="muted">${t.olderKey}</span>`
                    }
                  </th>
                  <td>${t.keyKinds[key.kind]}</td>
                  <td class="nowrap">${formatDateTime(key.createdAt, lang)}</td>
                  <td>
                    ${
                      key.revokedAt
                        ? html`<span class="tag closed"
                            >${t.revokedOn(formatDateTime(key.revokedAt, lang))}</span
                          >`
                        : html`<span class="tag ok">${t.active}</span>`
                    }
                  </td>
                  <td>
                    ${
                      key.revokedAt
                        ? nothing
                        : html`<button
                            type="button"
                            class="secondary small"
                            id="revoke-${key.id}"
                            @click=${() => this.askRevoke(partner, key)}
                          >
                            ${t.revoke}<span class="visually-hidden"> ${this.keyName(key)}</span>
                          </button>`
                    }
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderConfirm(key: PartnerKey): TemplateResult {
    const t = this.t.partners;
    return html`
      <div class="panel confirm" role="group" aria-labelledby="confirm-question">
        <p id="confirm-question" tabindex="-1">
          <strong>${t.revokeQuestion(this.keyName(key))}</strong>
        </p>
        ${
          this.revokeProblem
            ? html`<p class="error-message" id="revoke-problem" tabindex="-1" role="alert">
                ${this.revokeProblem}
              </p>`
            : nothing
        }
        ${warningActions({
          confirm: t.revokeYes,
          cancel: this.t.cancel,
          busy: this.busy,
          onConfirm: this.revoke,
          onCancel: this.cancelRevoke,
        })}
      </div>
    `;
  }

  private renderNewKeyForm(partner: PartnerView): TemplateResult {
    const t = this.t.partners;
    const error = this.errors.find((e) => e.field === 'new-key-kind');
    return html`
      <section class="panel new-key" aria-labelledby="new-key-heading">
        <h4 id="new-key-heading" tabindex="-1">${t.newKeyFor(partner.name)}</h4>
        ${errorSummary(this.t, this.errors, this.renderRoot as ShadowRoot)}
        <form novalidate @submit=${this.makeKey}>
          <fieldset
            class="field ${error ? 'has-error' : ''}"
            aria-describedby=${error ? 'new-key-kind-error' : nothing}
          >
            <legend>${t.kindLegend}</legend>
            ${
              error
                ? html`<span class="error-message" id="new-key-kind-error">${error.message}</span>`
                : nothing
            }
            <div class="choices stack">
              ${KEY_KINDS.map(
                (kind, index) => html`
                  <label class="choice">
                    <input
                      type="radio"
                      name="kind"
                      value=${kind}
                      id=${index === 0 ? 'new-key-kind' : `new-key-kind-${kind}`}
                      aria-describedby="new-key-hint-${kind}"
                    />
                    <span>${t.kindChoices[kind]}</span>
                  </label>
                  <span class="choice-hint" id="new-key-hint-${kind}">${t.kindHints[kind]}</span>
                `,
              )}
            </div>
          </fieldset>
          <div class="actions">
            <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.make}</button>
            <button type="button" class="secondary" @click=${this.closeNewKey}>
              ${this.t.cancel}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  private renderMade(made: MadeKey): TemplateResult {
    const t = this.t.partners;
    const { kind } = made.summary;
    return html`
      <section class="panel made" aria-labelledby="made-heading">
        <h4 id="made-heading" tabindex="-1">${t.madeHeading(kind)}</h4>
        <p>${t.madeFor(made.partnerName)}</p>
        <p class="warning-text" id="made-warning">${t.onceWarning}</p>
        ${kind === 'secret' ? html`<p>${t.secretWarning}</p>` : nothing}
        <p class="label" id="made-key-label">${t.keyLabel}</p>
        <p class="key" id="made-key" tabindex="-1">${made.key}</p>
        <p role="status" class=${this.copyState === 'failed' ? 'error-message' : ''}>
          ${
            this.copyState === 'copied' ? t.copied : this.copyState === 'failed' ? t.copyFailed : ''
          }
        </p>
        <div class="actions">
          <button type="button" @click=${this.copyKey}>${t.copy}</button>
          <button type="button" class="secondary" @click=${this.closeMade}>${t.closeKey}</button>
        </div>
      </section>
    `;
  }

  private renderEndpoints(partner: PartnerView): TemplateResult {
    const t = this.t.partners;
    const { lang } = this.context;
    const endpoints = this.endpoints.filter((e) => e.partnerId === partner.id);
    if (endpoints.length === 0) return html`<p>${t.noEndpoints}</p>`;
    return html`
      <div
        class="table-wrap"
        role="region"
        aria-label=${t.endpointsTableLabel(partner.name)}
        tabindex="0"
      >
        <table>
          <caption>
            ${t.endpointsCaption(partner.name)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.endpointColumns.url}</th>
              <th scope="col">${t.endpointColumns.events}</th>
              <th scope="col">${t.endpointColumns.created}</th>
              <th scope="col">${t.endpointColumns.state}</th>
            </tr>
          </thead>
          <tbody>
            ${endpoints.map(
              (endpoint) => html`
                <tr>
                  <th scope="row" class="url">
                    <span class="mono">${endpoint.url}</span>
                    ${
                      endpoint.description
                        ? html`<span class="detail">${endpoint.description}</span>`
                        : nothing
                    }
                  </th>
                  <td>
                    <ul class="plain">
                      ${endpoint.events.map((e) => html`<li>${t.events[e] ?? e}</li> `)}
                    </ul>
                  </td>
                  <td class="nowrap">${formatDateTime(endpoint.createdAt, lang)}</td>
                  <td>
                    ${
                      endpoint.disabledAt
                        ? html`<span class="tag closed"
                            >${t.endpointRemoved(formatDateTime(endpoint.disabledAt, lang))}</span
                          >`
                        : html`<span class="tag ok">${t.active}</span>`
                    }
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderPartner(partner: PartnerView): TemplateResult {
    const t = this.t.partners;
    const headingId = `partner-${partner.id}`;
    const notice = this.notice?.partnerId === partner.id ? this.notice.text : '';
    return html`
      <section class="panel partner" aria-labelledby=${headingId}>
        <h2 id=${headingId}>${partner.name}</h2>
        <dl class="facts">
          <dt>${t.kind}</dt>
          <dd>${t.kinds[partner.kind] ?? partner.kind}</dd>
          <dt>${t.origins}</dt>
          <dd>
            ${
              partner.allowedOrigins.length === 0
                ? t.noOrigins
                : html`<ul class="origins">
                    ${partner.allowedOrigins.map((o) => html`<li class="mono">${o}</li> `)}
                  </ul>`
            }
          </dd>
        </dl>
        <h3>${t.keysHeading}</h3>
        <p class="notice" role="status" tabindex="-1" id="notice-${partner.id}">${notice}</p>
        ${this.renderKeys(partner)}
        ${
          this.confirming?.partner.id === partner.id
            ? this.renderConfirm(this.confirming.key)
            : nothing
        }
        ${this.made?.partnerId === partner.id ? this.renderMade(this.made) : nothing}
        ${
          this.creatingFor?.id === partner.id
            ? this.renderNewKeyForm(partner)
            : html`<div class="actions">
                <button
                  type="button"
                  class="secondary"
                  id="new-key-${partner.id}"
                  @click=${() => this.openNewKey(partner)}
                >
                  ${t.newKey}<span class="visually-hidden"> – ${partner.name}</span>
                </button>
              </div>`
        }
        <h3>${t.webhooksHeading}</h3>
        ${this.renderEndpoints(partner)}
        <div class="actions">
          <button type="button" class="secondary small" @click=${() => this.showLogFor(partner)}>
            ${t.showLog(partner.name)}
          </button>
        </div>
      </section>
    `;
  }

  /** An instant after a delivery was made: its clock time alone when on the same Danish day. */
  private laterTime(delivery: WebhookDelivery, instant: string): string {
    const { lang } = this.context;
    return danishLocal(instant).slice(0, 10) === danishLocal(delivery.createdAt).slice(0, 10)
      ? this.t.partners.atClock(formatClock(instant, lang))
      : formatDateTime(instant, lang);
  }

  private statusOf(delivery: WebhookDelivery): TemplateResult {
    const t = this.t.partners;
    switch (delivery.status) {
      case 'delivered':
        return html`<span class="tag ok">${t.deliveryStatuses.delivered}</span>`;
      case 'failed':
        return html`<span class="tag problem">${t.deliveryStatuses.failed}</span>`;
      case 'pending': {
        const next = delivery.nextAttemptAt
          ? html`<span class="detail"
              >${t.nextAttempt(this.laterTime(delivery, delivery.nextAttemptAt))}</span
            >`
          : nothing;
        return delivery.attemptCount > 0
          ? html`<span class="tag attention">${t.retrying}</span> ${next}`
          : html`<span class="tag">${t.deliveryStatuses.pending}</span>`;
      }
    }
  }

  private lastAnswer(delivery: WebhookDelivery): TemplateResult {
    const t = this.t.partners;
    const last = delivery.attempts.at(-1);
    if (!last) return html`<span class="muted">${t.noAttempt}</span>`;
    const what =
      last.statusCode !== null && (last.error === null || last.error === 'http_status')
        ? t.answered(last.statusCode)
        : (t.attemptErrors[last.error ?? ''] ?? last.error ?? '');
    return html`${what} <span class="detail">${this.laterTime(delivery, last.at)}</span>`;
  }

  private eventOf(delivery: WebhookDelivery): TemplateResult {
    const t = this.t.partners;
    const { payload } = delivery;
    const detail =
      payload.type === 'nomination.status_changed'
        ? `${payload.data.reference}: ${t.statusChange(
            this.t.statuses[payload.data.from] ?? payload.data.from,
            this.t.statuses[payload.data.to] ?? payload.data.to,
          )}`
        : payload.data?.reference;
    return html`${t.events[delivery.eventType] ?? delivery.eventType}
    ${detail ? html`<span class="detail">${detail}</span>` : nothing}`;
  }

  private renderLog(): TemplateResult {
    const t = this.t.partners;
    const { lang } = this.context;
    const endpoints = new Map(this.endpoints.map((e) => [e.id, e]));
    const partners = new Map(this.partners.map((p) => [p.id, p.name]));
    const { partner, status } = this.logFilter;
    return html`
      <section aria-labelledby="log-heading">
        <h2 id="log-heading" tabindex="-1">${t.logHeading}</h2>
        <p class="lead">${t.logIntro}</p>
        <form class="filters" novalidate @submit=${this.filterLog}>
          <div class="field">
            <label for="log-partner">${t.partnerFilter}</label>
            <select id="log-partner" name="partner">
              <option value="" ?selected=${partner === ''}>${t.allPartners}</option>
              ${this.partners.map(
                (p) => html`<option value=${p.id} ?selected=${partner === p.id}>${p.name}</option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="log-status">${t.statusFilter}</label>
            <select id="log-status" name="status">
              <option value="" ?selected=${status === ''}>${t.allStatuses}</option>
              ${DELIVERY_STATUSES.map(
                (s) =>
                  html`<option value=${s} ?selected=${status === s}>${t.statusChoices[s]}</option>`,
              )}
            </select>
          </div>
          <button type="submit" aria-disabled=${this.logLoading ? 'true' : 'false'}>
            ${t.show}
          </button>
        </form>
        ${
          this.logProblem
            ? html`<div class="notice problem" id="log-problem">
                <p>${t.logFailed} ${this.logProblem}</p>
                <button
                  type="button"
                  class="secondary small"
                  @click=${() => void this.loadLog(this.deliveries.length > 0)}
                >
                  ${this.t.tryAgain}
                </button>
              </div>`
            : nothing
        }
        ${
          this.deliveries.length === 0
            ? this.logLoading
              ? html`<p>${this.t.loading}</p>`
              : this.logProblem
                ? nothing
                : html`<p class="empty">
                    ${status ? t.noDeliveriesWith(t.statusChoices[status]) : t.noDeliveries}
                  </p>`
            : html`
                <div class="table-wrap" role="region" aria-label=${t.logTableLabel} tabindex="0">
                  <table>
                    <caption>
                      ${t.logCaption(this.deliveries.length)}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">${t.logColumns.when}</th>
                        <th scope="col">${t.logColumns.event}</th>
                        <th scope="col">${t.logColumns.endpoint}</th>
                        <th scope="col">${t.logColumns.status}</th>
                        <th scope="col" class="number">${t.logColumns.attempts}</th>
                        <th scope="col">${t.logColumns.last}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${this.deliveries.map((delivery) => {
                        const endpoint = endpoints.get(delivery.endpointId);
                        return html`
                          <tr>
                            <th
                              scope="row"
                              class="nowrap"
                              id="delivery-${delivery.id}"
                              tabindex="-1"
                            >
                              ${formatDateTime(delivery.createdAt, lang)}
                            </th>
                            <td>${this.eventOf(delivery)}</td>
                            <td class="url">
                              ${
                                endpoint
                                  ? html`<span class="mono">${endpoint.url}</span>`
                                  : html`<span class="muted">${t.removedEndpoint}</span>`
                              }
                              ${
                                partner
                                  ? nothing
                                  : html`<span class="detail"
                                      >${partners.get(delivery.partnerId) ?? delivery.partnerId}</span
                                    >`
                              }
                            </td>
                            <td>${this.statusOf(delivery)}</td>
                            <td class="number">${delivery.attemptCount}</td>
                            <td>${this.lastAnswer(delivery)}</td>
                          </tr>
                        `;
                      })}
                    </tbody>
                  </table>
                </div>
                ${
                  this.nextCursor
                    ? html`<div class="actions">
                        <button
                          type="button"
                          class="secondary"
                          aria-disabled=${this.logLoading ? 'true' : 'false'}
                          @click=${() => void this.loadLog(true)}
                        >
                          ${t.more}
                        </button>
                      </div>`
                    : nothing
                }
              `
        }
      </section>
    `;
  }

  protected override render(): TemplateResult {
    const t = this.t.partners;
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      ${this.problemNotice(() => this.load())}
      ${
        this.partners.length === 0
          ? this.loading
            ? html`<p>${this.t.loading}</p>`
            : this.problem
              ? nothing
              : html`<p>${t.none}</p>`
          : this.partners.map((partner) => this.renderPartner(partner))
      }
      ${this.renderLog()}
    `;
  }
}

/** Registers `<stue-partners-page>`; harmless to call twice. */
export function definePartnersPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(PARTNERS_PAGE_TAG)) registry.define(PARTNERS_PAGE_TAG, StuePartnersPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [PARTNERS_PAGE_TAG]: StuePartnersPage;
  }
}
