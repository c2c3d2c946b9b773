import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import {
  type DeliveryStatus,
  listPartnerViews,
  listWebhookDeliveryLog,
  listWebhookEndpoints,
  type PartnerKey,
  type PartnerView,
  type WebhookDelivery,
  type WebhookEndpointView,
} from '../api.js';
import { failureMessage, type FieldError } from '../internal/forms.js';
import { ConsolePage } from '../internal/page.js';
import { renderLog } from './partners/log.js';
import { renderPartner } from './partners/partner-view.js';
import type { MadeKey } from './partners/rules.js';
import { partnersStyles } from './partners/styles.js';
import { partnersStrings } from '../strings/partners.js';

/** The tag the partners page is registered under. */
export const PARTNERS_PAGE_TAG = 'stue-partners-page';

/**
 * Partner organisations: each with its kind, allowed websites and keys (making a key, shown
 * once; revoking one after a confirmation that names it) and its webhook addresses; and the
 * webhook delivery log, filtered by partner and status and paged with "show more".
 *
 * @summary The coordinator's page for partners' keys and webhooks.
 */
export class StuePartnersPage extends ConsolePage {
  static override styles = partnersStyles;

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return partnersStrings(this.context?.lang ?? 'da');
  }

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

  started = false;

  // Loads before the first render rather than on connect: when the page's module arrives after
  // the app made its element (the page is loaded on demand), the context is set only then.
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.started || !this.context) return;
    this.started = true;
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

  // ------------------------------------------------------------ new key

  // ------------------------------------------------------------ revoking

  // ------------------------------------------------------------ rendering

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
          : this.partners.map((partner) => renderPartner(this, partner))
      }
      ${renderLog(this)}
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
