import { afterEach, describe, expect, it } from 'vitest';
import type { HubDatabase } from '../db/database.js';
import { danishLocal, DEFAULT_PROGRAMME_ID } from '@stue/core';
import { currentVersion, seedDemoProgrammes } from '../programmes/index.js';
import { testHub } from '../helpers.test-support.js';
import { seedDemoProgramme } from './programme.js';

let db: HubDatabase | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

const count = async (
  table: 'musicians' | 'tour_days' | 'nominations' | 'bookings' | 'device_records',
) =>
  Number(
    (
      await db!
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('seedDemoProgramme', () => {
  it.each([
    ['a Thursday in winter', new Date('2026-11-26T08:00:00Z')],
    ['a Sunday in summer', new Date('2026-06-28T08:00:00Z')],
  ])('gives every part of the product something to show, on %s', async (_, now) => {
    const hub = await testHub();
    db = hub.db;
    await seedDemoProgramme(db, hub.hubKey, now);

    expect(await count('musicians')).toBe(3);
    expect(await count('tour_days')).toBe(6);
    const nominations = await db.selectFrom('nominations').select('status').execute();
    const statuses = nominations.map((n) => n.status).sort();
    expect(statuses.filter((s) => s === 'received')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'in-review')).toHaveLength(2);
    expect(statuses).toContain('booked');

    const today = danishLocal(now).date;
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const bookings = await db
      .selectFrom('bookings')
      .select(['start', 'status'])
      .orderBy('start')
      .execute();
    expect(bookings).toEqual([
      { start: `${yesterday}T11:00`, status: 'held' },
      { start: `${today}T10:00`, status: 'confirmed' },
      { start: `${today}T13:30`, status: 'proposed' },
    ]);
    // Yesterday's concert has two sealed answers and a debrief asking for a call.
    const kinds = await db
      .selectFrom('device_records')
      .select('kind')
      .orderBy('device_seq')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual([
      'feedback-response',
      'feedback-response',
      'musician-debrief',
    ]);
  });

  it('seeds once: a second start leaves the data as it is', async () => {
    const hub = await testHub();
    db = hub.db;
    await seedDemoProgramme(db, hub.hubKey);
    await seedDemoProgramme(db, hub.hubKey);
    expect(await count('nominations')).toBe(9);
    expect(await count('bookings')).toBe(3);
  });

  it('names Mads Holm as the demo programme’s peer, in its second version', async () => {
    const hub = await testHub();
    db = hub.db;
    await seedDemoProgrammes(db);
    await seedDemoProgramme(db, hub.hubKey);
    const programme = await currentVersion(db, DEFAULT_PROGRAMME_ID);
    const mads = await db
      .selectFrom('musicians')
      .select('id')
      .where('name', '=', 'Mads Holm')
      .executeTakeFirstOrThrow();
    expect(programme).toMatchObject({ version: 2, peers: [mads.id] });
  });
});
