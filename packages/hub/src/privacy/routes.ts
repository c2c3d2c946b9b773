import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import {
  NOMINATION_MACHINE,
  allowedTransitions,
  isConsentInFuture,
  transition,
  type NominationStatus,
} from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import type { HubKey } from '../devices/hub-key.js';
import { coordinatorAuth, type CoordinatorEnv, actorOf } from '../accounts/coordinator-auth.js';
import { apiError, requestLang } from '../http/errors.js';
import { jsonBody } from '../http/json-body.js';
import { cancelBookingsOf } from '../planning/bookings/store.js';
import { writeAudit } from '../audit/store.js';
import { writeBodyLimit } from '../http/body-limit.js';
import { idParam, uuidParam } from '../http/params.js';
import {
  consentInFuture,
  consentRecordSchema,
  consentWithdrawalSchema,
  listConsents,
  recordConsent,
  withdrawConsents,
} from '../consents/store.js';
import { isErased } from '../consents/erased.js';
import { erasePerson } from './erasure.js';
import { exportPerson } from './export.js';
import { DEFAULT_RETENTION, type RetentionPolicy } from './retention.js';

/** The body of an erasure: the nomination's reference, typed again to confirm. */
export const erasureRequestSchema = z.strictObject({
  reference: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(20, { error: 'too_long' })),
});

/**
 * Data rights, for coordinators, mounted at `/api/v1/nominations` beside the other nomination
 * routes: `GET|POST /{id}/consents`, `POST /{id}/consents/withdraw`, `POST /{id}/erase` and
 * `GET /{id}/export`. Anything about an erased nomination is answered `410 person_erased`.
 */
export function dataRightsRoutes(
  db: HubDatabase,
  options: { hubKey?: HubKey; retention?: RetentionPolicy } = {},
) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);
  const retention = options.retention ?? DEFAULT_RETENTION;

  // 404 for what never was, 410 for what was erased.
  const missing = async (c: Context, id: string) =>
    (await isErased(db, [id])) ? apiError(c, 410, 'person_erased') : apiError(c, 404, 'not_found');

  app.get('/:id/consents', auth, async (c) => {
    const id = idParam(c);
    if (!id) return apiError(c, 400, 'invalid_parameter');
    const exists = await db
      .selectFrom('nominations')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!exists) return missing(c, id);
    return c.json({ items: await listConsents(db, id) });
  });

  const consent = jsonBody(consentRecordSchema);
  app.post('/:id/consents', auth, writeBodyLimit(), uuidParam(), consent, async (c) => {
    const { id } = c.req.valid('param');
    const record = c.req.valid('json');
    if (isConsentInFuture(record.at, new Date())) {
      return apiError(c, 400, 'invalid_body', [consentInFuture('at', requestLang(c))]);
    }
    const recorded = await recordConsent(db, id, record, actorOf(c).audit);
    return recorded ? c.json(recorded, 201) : missing(c, id);
  });

  const withdrawal = jsonBody(consentWithdrawalSchema, { emptyIsObject: true });
  app.post('/:id/consents/withdraw', auth, writeBodyLimit(), uuidParam(), withdrawal, async (c) => {
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    const by = actorOf(c);
    // The host no longer wants to be contacted: the nomination is withdrawn where the lifecycle
    // allows it, and its active bookings are cancelled, as a coordinator's withdrawal does.
    const stopPlanning = async (tx: HubDatabase, reason: string, now: string) => {
      const row = await tx
        .selectFrom('nominations')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const from = row.status as NominationStatus;
      if (allowedTransitions(NOMINATION_MACHINE, from).some((m) => m.action === 'withdraw')) {
        const { status, event } = transition(NOMINATION_MACHINE, from, 'withdraw', {
          actor: by.actor,
          at: now,
          reason,
          entityId: id,
        });
        await tx.updateTable('nominations').set({ status }).where('id', '=', id).execute();
        await writeAudit(tx, {
          at: now,
          actor: by.audit,
          entity: 'nomination',
          entityId: id,
          action: event.action,
          reason: event.reason,
          details: { from, to: status, because: 'consent-withdrawn' },
        });
      }
      await cancelBookingsOf(tx, id, by, reason, now);
    };
    const outcome = await withdrawConsents(db, id, request, by.audit, stopPlanning);
    if (!outcome) return missing(c, id);
    const withdrawnAt = (await listConsents(db, id))
      .filter((consent) => consent.scope === 'nomination-contact' && consent.person === 'host')
      .map((consent) => consent.withdrawnAt)
      .find((at) => at !== null);
    const erasureDueAt =
      outcome.hidden && withdrawnAt
        ? new Date(
            new Date(withdrawnAt).getTime() + retention.withdrawnConsentDays * 86_400_000,
          ).toISOString()
        : null;
    return c.json({ ...outcome, erasureDueAt });
  });

  const erasure = jsonBody(erasureRequestSchema);
  app.post('/:id/erase', auth, writeBodyLimit(), uuidParam(), erasure, async (c) => {
    const { id } = c.req.valid('param');
    const lang = requestLang(c);
    const request = c.req.valid('json');
    const row = await db
      .selectFrom('nominations')
      .select('reference')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return missing(c, id);
    if (row.reference !== request.reference.toUpperCase()) {
      return apiError(c, 400, 'invalid_body', [
        {
          path: 'reference',
          code: 'invalid',
          message:
            lang === 'en'
              ? "Type the nomination's reference to confirm the erasure"
              : 'Skriv indstillingens reference for at bekræfte sletningen',
        },
      ]);
    }
    const outcome = await erasePerson(db, id, actorOf(c).audit);
    if (outcome.kind === 'erased') return c.json(outcome.receipt);
    return missing(c, id);
  });

  app.get('/:id/export', auth, async (c) => {
    const id = idParam(c);
    if (!id) return apiError(c, 400, 'invalid_parameter');
    const everything = await exportPerson(db, id, options.hubKey);
    if (!everything) return missing(c, id);
    await writeAudit(db, {
      at: everything.exportedAt,
      actor: actorOf(c).audit,
      entity: 'nomination',
      entityId: id,
      action: 'exported',
    });
    c.header('content-disposition', `attachment; filename="stue-export-${id}.json"`);
    return c.json(everything);
  });

  return app;
}
