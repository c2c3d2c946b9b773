import { Hono } from 'hono';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import type { CreatedPartnerKey, PartnerKeySummary } from '@stue/core/client';
import type { HubDatabase } from '../db/database.js';
import { coordinatorAuth, type CoordinatorEnv } from '../accounts/coordinator-auth.js';
import { HubError } from '../http/hub-error.js';
import { jsonBody } from '../http/json-body.js';
import { writeBodyLimit } from '../http/body-limit.js';
import { listPartners } from './keys.js';
import { createKeyAudited, revokeKeyAudited } from './service.js';

/** The body of a new key: which kind. */
export const newKeySchema = z.strictObject({
  kind: z.enum(['publishable', 'secret'], {
    error: (issue) => (issue.input === undefined ? 'required' : 'invalid_choice'),
  }),
});

// Partner ids are the hub's (UUIDs) or chosen at seeding (`demo-partner`); key ids are UUIDs.
const ID = /^[\w-]{1,100}$/;

/** The partner's `:id` and, where the path has one, the `:keyId` (400 `invalid_parameter`). */
const ids = () =>
  validator('param', (params: Record<string, string>) => {
    const { id = '', keyId } = params;
    if (!ID.test(id) || (keyId !== undefined && !ID.test(keyId))) {
      throw new HubError(400, 'invalid_parameter');
    }
    return { id, keyId };
  });

/**
 * `/api/v1/partners`, for coordinators: the partner organisations with their keys (kind, prefix,
 * when made and revoked — never a key or its hash), a new key (shown once) and revoking one.
 * Key changes go into the audit trail.
 */
export function partnerRoutes(db: HubDatabase) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);

  app.get('/', auth, async (c) => c.json({ items: await listPartners(db) }));

  app.post('/:id/keys', auth, writeBodyLimit(), ids(), jsonBody(newKeySchema), async (c) => {
    const { id } = c.req.valid('param');
    const { kind } = c.req.valid('json');
    const created = await createKeyAudited(db, id, kind, c.get('coordinator').id);
    if (!created) throw new HubError(404, 'not_found');
    c.header('Cache-Control', 'no-store');
    return c.json({ ...created.summary, key: created.key } satisfies CreatedPartnerKey, 201);
  });

  app.post('/:id/keys/:keyId/revoke', auth, ids(), async (c) => {
    const { id, keyId = '' } = c.req.valid('param');
    const revoked = await revokeKeyAudited(db, id, keyId, c.get('coordinator').id);
    if (!revoked) throw new HubError(404, 'not_found');
    return c.json(revoked satisfies PartnerKeySummary);
  });

  return app;
}
