import { Hono } from 'hono';
import * as z from 'zod/mini';
import { isConsentInFuture } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import type { HubKey } from '../devices/index.js';
import { coordinatorAuth, type CoordinatorEnv, actorOf } from '../accounts/coordinator-auth.js';
import { requestLang } from '../http/errors.js';
import { HubError } from '../http/hub-error.js';
import { jsonBody } from '../http/json-body.js';
import { writeBodyLimit } from '../http/body-limit.js';
import { uuidParam } from '../http/params.js';
import {
  consentInFuture,
  consentRecordSchema,
  consentWithdrawalSchema,
  listConsents,
  recordConsent,
  throwMissing,
} from '../consents/index.js';
import { erasePerson } from './erasure.js';
import { exportAudited, nominationReference, withdrawConsent } from './service.js';
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

  app.get('/:id/consents', auth, uuidParam(), async (c) => {
    const { id } = c.req.valid('param');
    if ((await nominationReference(db, id)) === undefined) return throwMissing(db, id);
    return c.json({ items: await listConsents(db, id) });
  });

  const consent = jsonBody(consentRecordSchema);
  app.post('/:id/consents', auth, writeBodyLimit(), uuidParam(), consent, async (c) => {
    const { id } = c.req.valid('param');
    const record = c.req.valid('json');
    if (isConsentInFuture(record.at, new Date())) {
      throw new HubError(400, 'invalid_body', { issues: [consentInFuture('at', requestLang(c))] });
    }
    const recorded = await recordConsent(db, id, record, actorOf(c).audit);
    return recorded ? c.json(recorded, 201) : throwMissing(db, id);
  });

  const withdrawal = jsonBody(consentWithdrawalSchema, { emptyIsObject: true });
  app.post('/:id/consents/withdraw', auth, writeBodyLimit(), uuidParam(), withdrawal, async (c) => {
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    const withdrawn = await withdrawConsent(db, id, request, actorOf(c), retention);
    if (!withdrawn) return throwMissing(db, id);
    return c.json(withdrawn);
  });

  const erasure = jsonBody(erasureRequestSchema);
  app.post('/:id/erase', auth, writeBodyLimit(), uuidParam(), erasure, async (c) => {
    const { id } = c.req.valid('param');
    const lang = requestLang(c);
    const request = c.req.valid('json');
    const reference = await nominationReference(db, id);
    if (reference === undefined) return throwMissing(db, id);
    if (reference !== request.reference.toUpperCase()) {
      throw new HubError(400, 'invalid_body', {
        issues: [
          {
            path: 'reference',
            code: 'invalid',
            message:
              lang === 'en'
                ? "Type the nomination's reference to confirm the erasure"
                : 'Skriv indstillingens reference for at bekræfte sletningen',
          },
        ],
      });
    }
    const outcome = await erasePerson(db, id, actorOf(c).audit);
    if (outcome.kind === 'erased') return c.json(outcome.receipt);
    return throwMissing(db, id);
  });

  app.get('/:id/export', auth, uuidParam(), async (c) => {
    const { id } = c.req.valid('param');
    const everything = await exportAudited(db, id, options.hubKey, actorOf(c).audit);
    if (!everything) return throwMissing(db, id);
    c.header('content-disposition', `attachment; filename="stue-export-${id}.json"`);
    return c.json(everything);
  });

  return app;
}
