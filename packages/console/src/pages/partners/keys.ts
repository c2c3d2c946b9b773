/** A partner's keys: making one (shown once), copying it, and revoking one after a confirmation. */
import {
  createPartnerKey,
  type PartnerKey,
  type PartnerView,
  revokePartnerKey,
} from '../../api.js';
import {
  errorsFromFailure,
  failureMessage,
  focusErrorSummary,
  formText,
} from '../../internal/forms.js';
import { formatDateTime } from '../../internal/time.js';
import type { StuePartnersPage } from '../partners-page.js';

/** Opens the form to make a key for `partner`. */
export function openNewKey(page: StuePartnersPage, partner: PartnerView): void {
  // A key on show stays until the coordinator closes it or leaves the page.
  page.creatingFor = partner;
  page.confirming = undefined;
  page.errors = [];
  page.notice = undefined;
  void page.focusOn('#new-key-heading');
}

/** Closes the new key form and gives focus back to its button. */
export function closeNewKey(page: StuePartnersPage): void {
  const partner = page.creatingFor;
  page.creatingFor = undefined;
  page.errors = [];
  if (partner) void page.focusOn(`#new-key-${CSS.escape(partner.id)}`);
}

/** Makes a key on the hub and shows it once. */
export async function makeKey(page: StuePartnersPage, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const partner = page.creatingFor;
  if (!partner || page.busy) return;
  const t = page.t.partners;
  const kind = formText(new FormData(event.target as HTMLFormElement), 'kind');
  if (kind !== 'publishable' && kind !== 'secret') {
    page.errors = [{ field: 'new-key-kind', message: t.kindRequired }];
    return focusErrorSummary(page);
  }
  await page.pageState.run(
    async () => {
      const { key, ...summary } = await page.write(createPartnerKey, partner.id, kind);
      page.partners = page.partners.map((p) =>
        p.id === partner.id ? { ...p, keys: [...p.keys, summary] } : p,
      );
      page.creatingFor = undefined;
      page.errors = [];
      page.copyState = '';
      page.made = { partnerId: partner.id, partnerName: partner.name, key, summary };
      await page.focusOn('#made-heading');
    },
    async (error) => {
      page.errors = errorsFromFailure(
        page.t,
        error,
        (path) => (path === 'kind' ? 'new-key-kind' : undefined),
        { not_found: t.partnerGone },
      );
      await focusErrorSummary(page);
    },
  );
}

/** Copies the key on show, and says whether that worked. */
export async function copyKey(page: StuePartnersPage): Promise<void> {
  const made = page.made;
  if (!made) return;
  try {
    await navigator.clipboard.writeText(made.key);
    page.copyState = 'copied';
  } catch {
    page.copyState = 'failed';
    await page.updateComplete;
    // Selected, so that Ctrl+C (or the context menu) copies it.
    const key = page.renderRoot.querySelector<HTMLElement>('#made-key');
    if (key) {
      key.focus();
      getSelection()?.selectAllChildren(key);
    }
  }
}

/** Forgets the key on show. */
export function closeMade(page: StuePartnersPage): void {
  const made = page.made;
  page.made = undefined;
  page.copyState = '';
  if (made) void page.focusOn(`#new-key-${CSS.escape(made.partnerId)}`);
}

/** How a key is named in questions and notices: its prefix, or its kind and date. */
export function keyName(page: StuePartnersPage, key: PartnerKey): string {
  const t = page.t.partners;
  return key.prefix
    ? t.keyNamed(key.prefix)
    : t.keyUnnamed(key.kind, formatDateTime(key.createdAt, page.context.lang));
}

/** Asks to confirm revoking a key. */
export function askRevoke(page: StuePartnersPage, partner: PartnerView, key: PartnerKey): void {
  page.confirming = { partner, key };
  page.revokeProblem = '';
  page.notice = undefined;
  page.creatingFor = undefined;
  void page.focusOn('#confirm-question');
}

/** Closes the confirmation and gives focus back to the key's button. */
export function cancelRevoke(page: StuePartnersPage): void {
  const confirming = page.confirming;
  page.confirming = undefined;
  page.revokeProblem = '';
  if (confirming) void page.focusOn(`#revoke-${CSS.escape(confirming.key.id)}`);
}

/** Revokes the key being confirmed, and says so. */
export async function revoke(page: StuePartnersPage): Promise<void> {
  const confirming = page.confirming;
  if (!confirming || page.busy) return;
  const { partner, key } = confirming;
  page.revokeProblem = '';
  await page.pageState.run(
    async () => {
      const revoked = await page.write(revokePartnerKey, partner.id, key.id);
      page.partners = page.partners.map((p) =>
        p.id === partner.id
          ? { ...p, keys: p.keys.map((k) => (k.id === key.id ? { ...k, ...revoked } : k)) }
          : p,
      );
      page.confirming = undefined;
      // A key revoked while still on show is no use to anyone.
      if (page.made?.summary.id === key.id) page.made = undefined;
      const name = keyName(page, key);
      page.notice = {
        partnerId: partner.id,
        text: page.t.partners.revoked(name.charAt(0).toUpperCase() + name.slice(1)),
      };
      await page.focusOn(`#notice-${CSS.escape(partner.id)}`);
    },
    async (error) => {
      page.revokeProblem = failureMessage(page.t, error, { not_found: page.t.partners.keyGone });
      await page.focusOn('#revoke-problem');
    },
  );
}
