import { Hono } from 'hono';
import * as z from 'zod/mini';
import { musicianInputSchema, type Lang, type Musician } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { jsonBody } from '../http/json-body.js';
import { afterKey, decodeCursor, page } from '../http/paging.js';
import { coordinatorAuth, type CoordinatorEnv, actorOf } from '../accounts/coordinator-auth.js';
import { apiError, requestLang } from '../http/errors.js';
import { auditHistory, writeAudit } from '../audit/store.js';
import { locksRows } from '../db/dialect.js';
import { writeBodyLimit } from '../http/body-limit.js';
import { idParam, pageQuery, readQuery, uuidParam } from '../http/params.js';
import {
  applyPatch,
  changedKeys,
  createOnce,
  sameInput,
  type CreateOutcome,
  type PatchOutcome,
} from './records.js';

const listQuerySchema = z.strictObject({
  active: z.optional(
    z.pipe(
      z.enum(['true', 'false'], { error: 'invalid_choice' }),
      z.transform((value) => value === 'true'),
    ),
  ),
  ...pageQuery,
});

/** Stores a new musician once; the same id again is a replay (same input) or a conflict. */
export function createMusician(
  db: HubDatabase,
  input: z.output<typeof musicianInputSchema>,
  by: { coordinatorId: string; audit: string },
  now = new Date().toISOString(),
): Promise<CreateOutcome<Musician>> {
  return createOnce(() =>
    db.transaction().execute(async (tx) => {
      const existing = await tx
        .selectFrom('musicians')
        .select('body')
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (existing) {
        const stored = JSON.parse(existing.body) as Musician;
        return sameInput(stored, input)
          ? { kind: 'replayed', record: stored }
          : { kind: 'conflict' };
      }
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
export async function findMusician(db: HubDatabase, id: string): Promise<Musician | undefined> {
  const row = await db
    .selectFrom('musicians')
    .select('body')
    .where('id', '=', id)
    .executeTakeFirst();
  return row && (JSON.parse(row.body) as Musician);
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
    const row = await tx
      .selectFrom('musicians')
      .select('body')
      .where('id', '=', id)
      .$if(locksRows(db), (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) return { kind: 'not_found' };
    const stored = JSON.parse(row.body) as Musician;
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
    if (outcome.kind === 'conflict') return apiError(c, 409, 'record_conflict');
    if (outcome.kind === 'invalid') return apiError(c, 400, 'invalid_body', outcome.issues);
    return c.json(outcome.record, outcome.kind === 'created' ? 201 : 200);
  });

  app.get('/', auth, async (c) => {
    const query = readQuery(c, listQuerySchema, c.req.query());
    if (!query.ok) return query.response;
    const { active, limit = 50, cursor } = query.value;
    const result = await listMusicians(db, { active, limit, cursor });
    return result ? c.json(result) : apiError(c, 400, 'invalid_parameter');
  });

  app.get('/:id', auth, async (c) => {
    const id = idParam(c);
    if (!id) return apiError(c, 400, 'invalid_parameter');
    const musician = await findMusician(db, id);
    if (!musician) return apiError(c, 404, 'not_found');
    return c.json({ ...musician, history: await auditHistory(db, 'musician', id) });
  });

  app.patch('/:id', auth, writeBodyLimit(), uuidParam(), jsonBody(), async (c) => {
    const { id } = c.req.valid('param');
    const lang = requestLang(c);
    const patch = c.req.valid('json');
    const outcome = await updateMusician(db, id, patch, { audit: actorOf(c).audit, lang });
    if (outcome.kind === 'not_found') return apiError(c, 404, 'not_found');
    if (outcome.kind === 'invalid') return apiError(c, 400, 'invalid_body', outcome.issues);
    return c.json(outcome.record);
  });

  return app;
}
