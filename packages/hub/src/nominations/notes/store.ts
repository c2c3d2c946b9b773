import type { NominationNote as NominationNoteView } from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { writeAudit } from '../../audit/store.js';
import { hasRow } from '../../db/rows.js';
import { createOnce, type CreateOutcome } from '../../planning/records.js';

/** What a coordinator writes: the client's id (a resend is answered, not stored twice) and the text. */
export interface NoteInput {
  id: string;
  text: string;
}

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
  input: NoteInput,
  by: { coordinatorId: string; audit: string },
  now = new Date().toISOString(),
): Promise<CreateOutcome<NominationNote> | undefined> {
  return createOnce(() =>
    db.transaction().execute(async (tx) => {
      if (!(await hasRow(tx, 'nominations', nominationId, { lock: true }))) return undefined;
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
