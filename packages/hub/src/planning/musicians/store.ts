import * as z from 'zod/mini';
import { musicianInputSchema, type Lang, type Musician } from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { afterKey, decodeCursor, page } from '../../http/paging.js';
import { writeAudit } from '../../audit/store.js';
import {
  applyPatch,
  changedKeys,
  createOnce,
  replayOrConflict,
  storedRecord,
  type CreateOutcome,
  type PatchOutcome,
} from '../records.js';

/** Stores a new musician once; the same id again is a replay (same input) or a conflict. */
export function createMusician(
  db: HubDatabase,
  input: z.output<typeof musicianInputSchema>,
  by: { coordinatorId: string; audit: string },
  now = new Date().toISOString(),
): Promise<CreateOutcome<Musician>> {
  return createOnce(() =>
    db.transaction().execute(async (tx) => {
      const stored = await storedRecord<Musician>(tx, 'musicians', input.id);
      if (stored) return replayOrConflict(stored, input);
      const musician: Musician = {
        ...input,
        createdBy: by.coordinatorId,
        createdAt: now,
        updatedAt: now,
      };
      await tx
        .insertInto('musicians')
        .values({
          id: musician.id,
          name: musician.name,
          active: musician.active ? 1 : 0,
          body: JSON.stringify(musician),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await writeAudit(tx, {
        at: now,
        actor: by.audit,
        entity: 'musician',
        entityId: musician.id,
        action: 'created',
      });
      return { kind: 'created', record: musician };
    }),
  );
}

/** A musician by id, or `undefined`. */
export function findMusician(db: HubDatabase, id: string): Promise<Musician | undefined> {
  return storedRecord<Musician>(db, 'musicians', id);
}

/** Changes some of a musician's fields; the result must be a valid musician. */
export function updateMusician(
  db: HubDatabase,
  id: string,
  patch: Record<string, unknown>,
  by: { audit: string; lang: Lang },
  now = new Date().toISOString(),
): Promise<PatchOutcome<Musician>> {
  return db.transaction().execute(async (tx) => {
    const stored = await storedRecord<Musician>(tx, 'musicians', id, { lock: true });
    if (!stored) return { kind: 'not_found' };
    const checked = applyPatch(musicianInputSchema, stored, patch, id, by.lang);
    if (!checked.ok) return { kind: 'invalid', issues: checked.issues };
    const changed = changedKeys(stored, checked.value);
    if (changed.length === 0) return { kind: 'updated', record: stored, changed };
    const musician: Musician = { ...stored, ...checked.value, updatedAt: now };
    await tx
      .updateTable('musicians')
      .set({
        name: musician.name,
        active: musician.active ? 1 : 0,
        body: JSON.stringify(musician),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    // Which fields changed, never their values: the audit trail holds no phone numbers.
    await writeAudit(tx, {
      at: now,
      actor: by.audit,
      entity: 'musician',
      entityId: id,
      action: 'updated',
      details: { changed },
    });
    return { kind: 'updated', record: musician, changed };
  });
}

/** Musicians by name, a page at a time, optionally only the active (or inactive) ones. */
export async function listMusicians(
  db: HubDatabase,
  query: { active?: boolean; limit: number; cursor?: string },
) {
  let select = db
    .selectFrom('musicians')
    .select(['id', 'name', 'body'])
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.active !== undefined) select = select.where('active', '=', query.active ? 1 : 0);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, 2);
    if (!after) return undefined;
    select = select.where((eb) => afterKey(eb, ['name', 'id'], after));
  }
  const rows = await select.execute();
  return page(
    rows,
    query.limit,
    (row) => JSON.parse(row.body) as Musician,
    (row) => [row.name, row.id],
  );
}
