import { DatabaseSync } from 'node:sqlite';
import { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../db/migrations.js';
import { nodeSqliteDialect } from '../db/node-sqlite-dialect.js';
import type { Database } from '../db/schema.js';

describe('0005_data_rights', () => {
  it("turns each stored nomination's consent record into consent rows", async () => {
    const db = new Kysely<Database>({ dialect: nodeSqliteDialect(new DatabaseSync(':memory:')) });
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => MIGRATIONS },
    });
    expect((await migrator.migrateTo('0004_audit_details')).error).toBeUndefined();
    const at = '2025-02-01T09:00:00.000Z';
    await db
      .insertInto('partners')
      .values({ id: 'p', name: 'P', kind: 'other', allowed_origins: '[]', created_at: at })
      .execute();
    const consent = { agreedBy: 'host', via: 'local-expert', at, noticeVersion: '2024-09' };
    await db
      .insertInto('nominations')
      .values({
        id: 'n1',
        partner_id: 'p',
        reference: 'STUE-AAAA-AAAA',
        status: 'received',
        schema_version: 2,
        body: JSON.stringify({ id: 'n1', consent }),
        body_hash: '',
        received_at: '2025-02-02T09:00:00.000Z',
        updated_at: '2025-02-02T09:00:00.000Z',
      })
      .execute();
    await migrate(db as Kysely<unknown>);
    const rows = await db.selectFrom('consents').selectAll().orderBy('scope').execute();
    expect(rows).toEqual([
      expect.objectContaining({
        nomination_id: 'n1',
        person: 'host',
        given_via: 'local-expert',
        given_at: at,
        notice_version: '2024-09',
        scope: 'feedback',
        recorded_at: '2025-02-02T09:00:00.000Z',
        withdrawn_at: null,
      }),
      expect.objectContaining({ scope: 'nomination-contact', given_via: 'local-expert' }),
    ]);
    const nomination = await db.selectFrom('nominations').selectAll().executeTakeFirstOrThrow();
    expect(nomination.hidden_at).toBeNull();
    await db.destroy();
  });
});
