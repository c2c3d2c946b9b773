import type { Musician } from '@stue/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import {
  allPages,
  createEnrolmentCode,
  listDevices,
  listMusicians,
  revokeDevice,
  type Device,
  type EnrolmentCode,
} from '../api.js';
import {
  errorsFromFailure,
  errorSummary,
  failureMessage,
  focusErrorSummary,
  formText,
  selectField,
  type FieldError,
  warningActions,
} from '../internal/forms.js';
import { ConsolePage } from '../internal/page.js';
import { qrCode } from '../internal/qr-code.js';
import { sharedStyles } from '../internal/styles.js';
import { dataTable } from '../internal/table.js';
import { formatDateTime } from '../internal/time.js';
import { devicesStrings } from '../strings/devices.js';

/** The tag the devices page is registered under. */
export const DEVICES_PAGE_TAG = 'stue-devices-page';

/**
 * Kiosk tablets: the enrolled ones (musician, when enrolled and last seen, revoked or not), a
 * warning about any tablet in use that sent a sequence number it had used before (restored or
 * copied: RELIABILITY.md F12), a one-time enrolment code for a musician's tablet (shown large with
 * its expiry), and revoking a tablet after a confirmation.
 *
 * @summary The coordinator's page for kiosk tablets.
 */
export class StueDevicesPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    css`
      .code {
        margin: 0.5rem 0 0.75rem;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        font-size: clamp(2.25rem, 8vw, 3.5rem);
        font-weight: 700;
        letter-spacing: 0.12em;
        line-height: 1.1;
        word-break: break-all;
      }
      .code-panel {
        margin-block-start: 1.5rem;
        border-inline-start: 6px solid var(--stue-console-ok);
      }
      .qr {
        inline-size: 12rem;
        max-inline-size: 100%;
        margin-block-end: 0.75rem;
      }
      .qr svg {
        display: block;
        inline-size: 100%;
        block-size: auto;
      }
      .confirm {
        border-inline-start: 6px solid var(--stue-console-problem);
      }
      select {
        max-inline-size: 22rem;
      }
      td.nowrap {
        white-space: nowrap;
      }
      .sequence-warning h3 {
        margin-block-start: 0;
      }
      .sequence-warning ul {
        margin: 0;
        padding-inline-start: 1.25rem;
        font-weight: 400;
      }
      td .tag + .tag {
        margin-inline-start: 0.375rem;
      }
    `,
  ];

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return devicesStrings(this.context?.lang ?? 'da');
  }

  @state() accessor devices: Device[] = [];
  @state() accessor musicians: Musician[] = [];
  @state() accessor errors: FieldError[] = [];
  @state() accessor code: (EnrolmentCode & { musician: string }) | undefined = undefined;
  /** The tablet waiting for "yes, revoke". */
  @state() accessor confirming: Device | undefined = undefined;
  @state() accessor notice = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads the tablets and the musicians. */
  async load(): Promise<void> {
    await this.pageState.load(async () => {
      const [devices, musicians] = await Promise.all([
        listDevices(this.context.api),
        allPages((cursor) => listMusicians(this.context.api, { cursor })),
      ]);
      this.devices = devices;
      this.musicians = musicians;
    });
  }

  private async makeCode(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const t = this.t.devices;
    const musicianId = formText(new FormData(event.target as HTMLFormElement), 'musician');
    if (!musicianId) {
      this.errors = [{ field: 'enrol-musician', message: t.musicianRequired }];
      return focusErrorSummary(this);
    }
    await this.pageState.run(
      async () => {
        const code = await this.write(createEnrolmentCode, musicianId);
        const musician = this.musicians.find((m) => m.id === musicianId)?.name ?? '';
        this.errors = [];
        this.code = { ...code, musician };
        await this.focusOn('#code-heading');
      },
      async (error) => {
        this.errors = errorsFromFailure(this.t, error, (path) =>
          path === 'musicianId' ? 'enrol-musician' : undefined,
        );
        await focusErrorSummary(this);
      },
    );
  }

  private askRevoke(device: Device): void {
    this.confirming = device;
    this.notice = '';
    void this.focusOn('#confirm-question');
  }

  private cancelRevoke(): void {
    const device = this.confirming;
    this.confirming = undefined;
    if (device) void this.focusOn(`#revoke-${CSS.escape(device.id)}`);
  }

  private async revoke(): Promise<void> {
    const device = this.confirming;
    if (!device || this.busy) return;
    await this.pageState.run(
      async () => {
        await this.write(revokeDevice, device.id);
        this.confirming = undefined;
        this.notice = this.t.devices.revoked(device.name);
        await this.load();
        await this.focusOn('.notice');
      },
      (error) => {
        this.confirming = undefined;
        this.problem = failureMessage(this.t, error);
      },
    );
  }

  private renderEnrol(): TemplateResult {
    const t = this.t.devices;
    const active = this.musicians.filter((m) => m.active);
    return html`
      <section class="panel" aria-labelledby="enrol-heading">
        <h2 id="enrol-heading">${t.enrolHeading}</h2>
        ${errorSummary(this.t, this.errors)}
        ${
          active.length === 0 && !this.loading
            ? html`<p>${t.noMusicians}</p>`
            : html`
                <form novalidate @submit=${this.makeCode}>
                  ${selectField({
                    id: 'enrol-musician',
                    name: 'musician',
                    label: t.musician,
                    placeholder: t.chooseMusician,
                    choices: active.map((m) => ({ value: m.id, label: m.name })),
                    errors: this.errors,
                  })}
                  <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
                    ${t.make}
                  </button>
                </form>
              `
        }
        ${
          this.code
            ? html`
                <div class="panel code-panel" role="status">
                  <h3 id="code-heading" tabindex="-1">${t.codeHeading}</h3>
                  <p>${t.codeFor(this.code.musician)}</p>
                  <p class="code">${this.code.code}</p>
                  <div class="qr">${qrCode(this.code.code, t.codeQr)}</div>
                  <p>${t.codeExpires(formatDateTime(this.code.expiresAt, this.context.lang))}</p>
                  <p class="muted">${t.codeHowTo}</p>
                </div>
              `
            : nothing
        }
      </section>
    `;
  }

  private renderConfirm(device: Device): TemplateResult {
    const t = this.t.devices;
    return html`
      <div class="panel confirm" role="group" aria-labelledby="confirm-question">
        <p id="confirm-question" tabindex="-1"><strong>${t.revokeQuestion(device.name)}</strong></p>
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

  private renderDevices(): TemplateResult {
    const t = this.t.devices;
    const { lang } = this.context;
    if (this.devices.length === 0) {
      return this.loading ? html`<p>${this.t.loading}</p>` : html`<p>${t.none}</p>`;
    }
    return dataTable({
      label: t.tableLabel,
      caption: t.caption,
      columns: [
        t.columns.name,
        t.columns.musician,
        t.columns.enrolled,
        t.columns.lastSeen,
        t.columns.state,
        t.columns.actions,
      ],
      rows: this.devices,
      row: (device) => html`
        <th scope="row">${device.name}</th>
        <td>${device.musician.name}</td>
        <td class="nowrap">${formatDateTime(device.enrolledAt, lang)}</td>
        <td class="nowrap">
          ${device.lastSeenAt ? formatDateTime(device.lastSeenAt, lang) : t.never}
        </td>
        <td>
          ${
            device.revokedAt
              ? html`<span class="tag closed"
                  >${t.revokedOn(formatDateTime(device.revokedAt, lang))}</span
                >`
              : html`<span class="tag ok">${t.active}</span>`
          }
          ${
            this.needsCheck(device)
              ? html`<span class="tag problem">${t.sequenceReusedTag}</span>`
              : nothing
          }
        </td>
        <td>
          ${
            device.revokedAt
              ? nothing
              : html`<button
                  type="button"
                  class="secondary small"
                  id="revoke-${device.id}"
                  @click=${() => this.askRevoke(device)}
                >
                  ${t.revoke(device.name)}
                </button>`
          }
        </td>
      `,
    });
  }

  // A revoked tablet can do no more harm: the warning is for those still in use.
  private needsCheck(device: Device): boolean {
    return device.sequenceReusedAt !== null && device.revokedAt === null;
  }

  /** The tablets in use that reused a sequence number, each with what to do. */
  private renderSequenceWarning(): TemplateResult | typeof nothing {
    const t = this.t.devices;
    const flagged = this.devices.filter((device) => this.needsCheck(device));
    if (flagged.length === 0) return nothing;
    return html`
      <div class="notice problem sequence-warning">
        <h3 id="sequence-heading">${t.sequenceReusedHeading}</h3>
        <ul>
          ${flagged.map(
            (device) =>
              html`<li>
                ${t.sequenceReused(
                  device.name,
                  device.musician.name,
                  formatDateTime(device.sequenceReusedAt!, this.context.lang),
                )}
              </li>`,
          )}
        </ul>
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const t = this.t.devices;
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      ${this.problemNotice(() => this.load())} ${this.renderEnrol()}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">${t.listHeading}</h2>
        <p class="notice" role="status" tabindex="-1">${this.notice}</p>
        ${this.renderSequenceWarning()}
        ${this.confirming ? this.renderConfirm(this.confirming) : nothing} ${this.renderDevices()}
      </section>
    `;
  }
}

/** Registers `<stue-devices-page>`; harmless to call twice. */
export function defineDevicesPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(DEVICES_PAGE_TAG)) registry.define(DEVICES_PAGE_TAG, StueDevicesPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [DEVICES_PAGE_TAG]: StueDevicesPage;
  }
}
