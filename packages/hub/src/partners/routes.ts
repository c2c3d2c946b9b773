import { Hono } from 'hono';
import * as z from 'zod/mini';
import { validate } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { coordinatorAuth, type CoordinatorEnv } from '../accounts/coordinator-auth.js';
import { apiError, requestLang } from '../http/errors.js';
import { readJsonBody } from '../http/json-body.js';
import { writeAudit } from '../audit/store.js';
import { writeBodyLimit } from '../http/body-limit.js';
import { createKey, listPartners, revokeKey } from './keys.js';

/** The body of a new key: which kind. */
export const newKeySchema = z.strictObject({
  kind: z.enum(['publishable', 'secret'], {
    error: (issue) => (issue.input === undefined ? 'required' : 'invalid_choice'),
  }),
});

// Partner ids are the hub's (UUIDs) or chosen at seeding (`demo-partner`); key ids are UUIDs.
const ID = /^[\w-]{1,100}$/;

/**
 * `/api/v1/partners`, for coordinators: the partner organisations with their keys (kind, prefix,
 * when made and revoked — never a key or its hash), a new key (shown once) and revoking one.
 * Key changes go into the audit trail.
 */
export function partnerRoutes(db: HubDatabase) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);

  app.get('/', auth, async (c) => c.json({ items: await listPartners(db) }));

  app.post('/:id/keys', auth, writeBodyLimit(), async (c) => {
    const partnerId = c.req.param('id');
    if (!ID.test(partnerId)) return apiError(c, 400, 'invalid_parameter');
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const checked = validate(newKeySchema, body.value, { lang: requestLang(c) });
    if (!checked.ok) return apiError(c, 400, 'invalid_body', checked.issues);
    const created = await db.transaction().execute(async (tx) => {
      const made = await createKey(tx, partnerId, checked.value.kind);
      if (made) {
        await writeAudit(tx, {
          at: made.summary.createdAt,
          actor: `coordinator:${c.get('coordinator').id}`,
          entity: 'partner',
          entityId: partnerId,
          action: 'key-created',
          details: { keyId: made.summary.id, kind: made.summary.kind },
        });
      }
      return made;
    });
    if (!created) return apiError(c, 404, 'not_found');
    c.header('Cache-Control', 'no-store');
    return c.json({ ...created.summary, key: created.key }, 201);
  });

  app.post('/:id/keys/:keyId/revoke', auth, async (c) => {
    const partnerId = c.req.param('id');
    const keyId = c.req.param('keyId');
    if (!ID.test(partnerId) || !ID.test(keyId)) return apiError(c, 400, 'invalid_parameter');
    const revoked = await db.transaction().execute(async (tx) => {
      const summary = await revokeKey(tx, keyId, partnerId);
      if (summary) {
        await writeAudit(tx, {
          at: summary.revokedAt ?? new Date().toISOString(),
          actor: `coordinator:${c.get('coordinator').id}`,
          entity: 'partner',
          entityId: partnerId,
          action: 'key-revoked',
          details: { keyId, kind: summary.kind },
        });
      }
      return summary;
    });
    return revoked ? c.json(revoked) : apiError(c, 404, 'not_found');
  });

  return app;
}
