import type { NominationNote as NominationNoteView } from '@stue/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { isUuidV7, requiredText, TEXT_LIMITS } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { coordinatorAuth, type CoordinatorEnv, actorOf } from '../accounts/coordinator-auth.js';
import { apiError } from '../http/errors.js';
import { jsonBody } from '../http/json-body.js';
import { writeAudit } from '../audit/store.js';
import { locksRows } from '../db/dialect.js';
import { writeBodyLimit } from '../http/body-limit.js';
import { uuidParam } from '../http/params.js';
import { createOnce, type CreateOutcome } from '../planning/records.js';
import { isErased } from '../consents/erased.js';

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

/** A note as the hub answers it: who wrote it (id and name) and when (core's answer type). */
export type NominationNote = NominationNoteView;

/** A nomination's notes, oldest first, each with its author's name. */
export async function listNotes(db: HubDatabase, nominationId: string): Promise<NominationNote[]> {
  const rows = await db
    .selectFrom('nomination_notes')
    .innerJoin('coordinators', 'coordinators.id', 'nomination_notes.created_by')
    .select([
      'nomination_notes.id',
      'nomination_notes.nomination_id',
      'nomination_notes.text',
      'nomination_notes.created_at',
      'nomination_notes.created_by',
      'coordinators.name',
    ])
    .where('nomination_notes.nomination_id', '=', nominationId)
    .orderBy('nomination_notes.created_at')
    .orderBy('nomination_notes.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    nominationId: row.nomination_id,
    text: row.text,
    createdAt: row.created_at,
    author: { id: row.created_by, name: row.name },
  }));
}

/**
 * Stores a note once, with an audit row that records that a note was written but not its text.
 * The same id with the same nomination and text is a replay; anything else under that id a
 * conflict. `undefined` when there is no such nomination.
 */
export function addNote(
  db: HubDatabase,
  nominationId: string,
  input: z.output<typeof nominationNoteSchema>,
  by: { coordinatorId: string; audit: string },
  now = new Date().toISOString(),
): Promise<CreateOutcome<NominationNote> | undefined> {
  return createOnce(() =>
    db.transaction().execute(async (tx) => {
      const nomination = await tx
        .selectFrom('nominations')
        .select('id')
        .where('id', '=', nominationId)
        .$if(locksRows(db), (q) => q.forUpdate())
        .executeTakeFirst();
      if (!nomination) return undefined;
      const existing = await tx
        .selectFrom('nomination_notes')
        .select(['nomination_id', 'text'])
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (existing) {
        if (existing.nomination_id !== nominationId || existing.text !== input.text) {
          return { kind: 'conflict' } as const;
        }
        const note = (await listNotes(tx, nominationId)).find((n) => n.id === input.id)!;
        return { kind: 'replayed', record: note } as const;
      }
      await tx
        .insertInto('nomination_notes')
        .values({
          id: input.id,
          nomination_id: nominationId,
          text: input.text,
          created_by: by.coordinatorId,
          created_at: now,
        })
        .execute();
      await writeAudit(tx, {
        at: now,
        actor: by.audit,
        entity: 'nomination',
        entityId: nominationId,
        action: 'noted',
        details: { noteId: input.id },
      });
      const note = (await listNotes(tx, nominationId)).find((n) => n.id === input.id)!;
      return { kind: 'created', record: note } as const;
    }),
  );
}

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
    if (!outcome) {
      return (await isErased(db, [id]))
        ? apiError(c, 410, 'person_erased')
        : apiError(c, 404, 'not_found');
    }
    if (outcome.kind === 'conflict') return apiError(c, 409, 'record_conflict');
    if (outcome.kind === 'invalid') return apiError(c, 400, 'invalid_body', outcome.issues);
    return c.json(outcome.record, outcome.kind === 'created' ? 201 : 200);
  });
  return app;
}
