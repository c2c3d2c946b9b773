import { describe, expect, it } from 'vitest';
import { testDatabase } from '../db/database.test-support.js';
import { createCoordinator } from './coordinators.js';

describe('createCoordinator', () => {
  const input = { email: 'Mette@Example.dk', name: 'Mette', password: 'a long enough password' };

  it('keeps the phone number in E.164, Danish or foreign, and none when none is given', async () => {
    const db = await testDatabase();
    try {
      await createCoordinator(db, { ...input, phone: '33 12 34 56' });
      await createCoordinator(db, { ...input, email: 'ole@example.dk', phone: '+46 70 123 45 67' });
      await createCoordinator(db, { ...input, email: 'ane@example.dk' });
      const rows = await db.selectFrom('coordinators').select(['email', 'phone']).execute();
      expect(rows.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
        { email: 'ane@example.dk', phone: null },
        { email: 'mette@example.dk', phone: '+4533123456' },
        { email: 'ole@example.dk', phone: '+46701234567' },
      ]);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a phone number that is none, and keeps nothing', async () => {
    const db = await testDatabase();
    try {
      await expect(createCoordinator(db, { ...input, phone: '1234' })).rejects.toThrow(
        /phone number has 8 digits/,
      );
      expect(await db.selectFrom('coordinators').selectAll().execute()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
