import { readNomination } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubDatabase } from '../db/database.js';
import { testDatabase } from '../db/database.test-support.js';
import { seedDemo } from '../partners/partners.js';
import { aNomination } from '../helpers.test-support.js';
import { nominationWriter, type IncomingNomination } from './store.js';

let db: HubDatabase;
beforeEach(async () => {
  db = await testDatabase();
  await seedDemo(db);
});
afterEach(() => db.destroy());

const by = { partnerId: 'demo-partner', keyId: 'key-1' };

/** A nomination as the route hands it to the writer, received now. */
function incoming(input = aNomination()): IncomingNomination {
  return {
    read: (at) => {
      const read = readNomination(input, { now: at });
      if (!read.ok) throw new Error('not a valid nomination');
      return read.value;
    },
    by,
    receivedAt: new Date(),
  };
}

const rows = async (table: 'nominations' | 'consents' | 'audit_events') =>
  (await db.selectFrom(table).selectAll().execute()).length;

describe('nominationWriter', () => {
  it('writes nominations that arrive together in one go, each with its consents and audit entry', async () => {
    const write = nominationWriter(db);
    const outcomes = await Promise.all(Array.from({ length: 25 }, () => write(incoming())));
    expect(outcomes.every((outcome) => outcome.kind === 'created')).toBe(true);
    const references = outcomes.map((outcome) => 'receipt' in outcome && outcome.receipt.reference);
    expect(new Set(references).size).toBe(25);
    expect(await rows('nominations')).toBe(25);
    expect(await rows('consents')).toBe(50);
    expect(await rows('audit_events')).toBe(25);
  });

  it('answers a second copy in the same batch as a replay, and another body with the same id as a conflict', async () => {
    const write = nominationWriter(db);
    const nomination = aNomination();
    const changed = { ...nomination, host: { ...nomination.host, firstName: 'Else' } };
    const [first, copy, conflict] = await Promise.all([
      write(incoming(nomination)),
      write(incoming(nomination)),
      write(incoming(changed)),
    ]);
    expect(first).toMatchObject({ kind: 'created' });
    expect(copy).toEqual({
      kind: 'replayed',
      receipt: first!.kind === 'created' ? first.receipt : undefined,
    });
    expect(conflict).toEqual({ kind: 'conflict' });
    expect(await rows('nominations')).toBe(1);
    expect(await rows('audit_events')).toBe(1);
  });

  it('refuses an erased id in a batch and writes the others', async () => {
    const erased = aNomination();
    await db
      .insertInto('erasures')
      .values({ id: erased.id, kind: 'nomination', erasure_id: 'e-1', erased_at: '2026-01-01' })
      .execute();
    const write = nominationWriter(db);
    const outcomes = await Promise.all([write(incoming()), write(incoming(erased))]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['created', 'erased']);
    expect(await rows('nominations')).toBe(1);
  });

  it('writes each on its own when the batch cannot be written together (a reference already taken)', async () => {
    const taken = await nominationWriter(db, () => 'STUE-AAAA-AAAA')(incoming());
    expect(taken).toMatchObject({ kind: 'created', receipt: { reference: 'STUE-AAAA-AAAA' } });
    // The batch draws the taken reference twice and fails as a whole; alone, each draws again.
    const draws = ['STUE-AAAA-AAAA', 'STUE-AAAA-AAAA', 'STUE-BBBB-BBBB', 'STUE-CCCC-CCCC'];
    const write = nominationWriter(db, () => draws.shift()!);
    const outcomes = await Promise.all([write(incoming()), write(incoming())]);
    expect(outcomes).toEqual([
      { kind: 'created', receipt: { reference: 'STUE-BBBB-BBBB', status: 'received' } },
      { kind: 'created', receipt: { reference: 'STUE-CCCC-CCCC', status: 'received' } },
    ]);
    expect(await rows('nominations')).toBe(3);
    expect(await rows('consents')).toBe(6);
  });

  it('rejects the request whose nomination cannot be written, and answers the rest', async () => {
    const write = nominationWriter(db);
    const broken: IncomingNomination = {
      ...incoming(),
      by: { partnerId: 'no-such-partner', keyId: 'key-1' },
    };
    const [good, bad] = await Promise.allSettled([write(incoming()), write(broken)]);
    expect(good).toMatchObject({ status: 'fulfilled', value: { kind: 'created' } });
    expect(bad.status).toBe('rejected');
    expect(await rows('nominations')).toBe(1);
  });
});
