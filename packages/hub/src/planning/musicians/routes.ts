import type { MusicianDetail } from '@stue/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { musicianInputSchema } from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { jsonBody } from '../../http/json-body.js';
import { coordinatorAuth, type CoordinatorEnv, actorOf } from '../../accounts/coordinator-auth.js';
import { requestLang } from '../../http/errors.js';
import { HubError } from '../../http/hub-error.js';
import { createdAnswer, found, listed } from '../../http/outcomes.js';
import { auditHistory } from '../../audit/store.js';
import { writeBodyLimit } from '../../http/body-limit.js';
import { pageQuery, validQuery, uuidParam } from '../../http/params.js';
import { createMusician, findMusician, listMusicians, updateMusician } from './store.js';

const listQuerySchema = z.strictObject({
  active: z.optional(
    z.pipe(
      z.enum(['true', 'false'], { error: 'invalid_choice' }),
      z.transform((value) => value === 'true'),
    ),
  ),
  ...pageQuery,
});

/**
 * `/api/v1/musicians`, for coordinators: register (POST), list, read (with the audit trail's
 * history) and change (PATCH) the musicians who tour. There is no delete: `active: false` keeps a musician's history and takes
 * them out of planning.
 */
export function musicianRoutes(db: HubDatabase) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);

  app.post('/', auth, writeBodyLimit(), jsonBody(musicianInputSchema), async (c) => {
    const { audit } = actorOf(c);
    const outcome = await createMusician(db, c.req.valid('json'), {
      coordinatorId: c.get('coordinator').id,
      audit,
    });
    return createdAnswer(c, outcome);
  });

  app.get('/', auth, validQuery(listQuerySchema), async (c) => {
    const { active, limit = 50, cursor } = c.req.valid('query');
    const result = await listMusicians(db, { active, limit, cursor });
    return c.json(listed(result));
  });

  app.get('/:id', auth, uuidParam(), async (c) => {
    const { id } = c.req.valid('param');
    const musician = found(await findMusician(db, id));
    const history = await auditHistory(db, 'musician', id);
    return c.json({ ...musician, history } satisfies MusicianDetail);
  });

  app.patch('/:id', auth, writeBodyLimit(), uuidParam(), jsonBody(), async (c) => {
    const { id } = c.req.valid('param');
    const lang = requestLang(c);
    const patch = c.req.valid('json');
    const outcome = await updateMusician(db, id, patch, { audit: actorOf(c).audit, lang });
    if (outcome.kind === 'not_found') throw new HubError(404, 'not_found');
    if (outcome.kind === 'invalid')
      throw new HubError(400, 'invalid_body', { issues: outcome.issues });
    return c.json(outcome.record);
  });

  return app;
}
