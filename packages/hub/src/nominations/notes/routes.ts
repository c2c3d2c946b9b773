import { Hono } from 'hono';
import * as z from 'zod/mini';
import { isUuidV7, requiredText, TEXT_LIMITS } from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { coordinatorAuth, type CoordinatorEnv, actorOf } from '../../accounts/coordinator-auth.js';
import { jsonBody } from '../../http/json-body.js';
import { writeBodyLimit } from '../../http/body-limit.js';
import { createdAnswer } from '../../http/outcomes.js';
import { uuidParam } from '../../http/params.js';
import { throwMissing } from '../../consents/index.js';
import { addNote } from './store.js';

/** The most characters a coordinator's note keeps. */
export const MAX_NOTE_LENGTH = TEXT_LIMITS.nominationNote;

/**
 * A coordinator's note about a nomination ("Ringede tirsdag, ring igen torsdag"): the client's id
 * (UUIDv7, so a resend is answered, not stored twice) and the text, trimmed, without CPR numbers.
 */
export const nominationNoteSchema = z.strictObject({
  id: z.string().check(z.refine(isUuidV7, { error: 'invalid_id' })),
  text: requiredText(MAX_NOTE_LENGTH),
});

/**
 * `POST /api/v1/nominations/{id}/notes`: a coordinator's note about the nomination (the session
 * and its CSRF token). 201 with the note; the same id again 200; another text under the same id
 * 409 `record_conflict`; an erased pair 410 `person_erased`.
 */
export function nominationNoteRoutes(db: HubDatabase) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);
  const body = jsonBody(nominationNoteSchema);
  app.post('/:id/notes', auth, writeBodyLimit(), uuidParam(), body, async (c) => {
    const { id } = c.req.valid('param');
    const { audit } = actorOf(c);
    const outcome = await addNote(db, id, c.req.valid('json'), {
      coordinatorId: c.get('coordinator').id,
      audit,
    });
    if (!outcome) return throwMissing(db, id);
    return createdAnswer(c, outcome);
  });
  return app;
}
