import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate.js';
import {
  bookingCancelledAtDoorSchema,
  CANCELLED_AT_DOOR_REASONS,
  CANCELLED_AT_DOOR_TEXTS,
  type BookingCancelledAtDoorInput,
} from './cancelled-at-door.js';
import { tabletRecord } from './records.test-support.js';

const record = (overrides: Partial<BookingCancelledAtDoorInput> = {}) => ({
  ...tabletRecord(1, 7),
  reason: 'nobody-home' as const,
  at: '2026-11-26T14:05:00.000Z',
  ...overrides,
});

const problems = (input: unknown, lang: 'da' | 'en' = 'en') => {
  const result = validate(bookingCancelledAtDoorSchema, input, { lang });
  return result.ok ? [] : result.issues.map(({ path, code, message }) => [path, code, message]);
};

describe('bookingCancelledAtDoorSchema', () => {
  it('accepts each of the three reasons', () => {
    expect(CANCELLED_AT_DOOR_REASONS).toEqual(['nobody-home', 'host-unwell', 'other']);
    for (const reason of CANCELLED_AT_DOOR_REASONS)
      expect(problems(record({ reason }))).toEqual([]);
  });

  it('has no room for health details or any other text', () => {
    expect(problems({ ...record(), note: 'feber' }).map(([path, code]) => [path, code])).toEqual([
      ['note', 'unknown_key'],
    ]);
    expect(problems(record({ reason: 'fever' as 'other' }), 'da')).toEqual([
      ['reason', 'invalid_choice', 'Vælg hvorfor koncerten blev aflyst'],
    ]);
    expect(problems(record({ reason: 'fever' as 'other' }))[0]![2]).toBe(
      'Choose why the concert was cancelled',
    );
  });

  it('needs the ids, the sequence number and the time', () => {
    const { bookingId: _, deviceSeq: __, at: ___, ...rest } = record();
    expect(problems(rest).map(([path, code]) => [path, code])).toEqual([
      ['bookingId', 'required'],
      ['deviceSeq', 'required'],
      ['at', 'required'],
    ]);
  });
});

describe('CANCELLED_AT_DOOR_TEXTS', () => {
  it('words every reason in Danish and English', () => {
    for (const reason of CANCELLED_AT_DOOR_REASONS) {
      expect(CANCELLED_AT_DOOR_TEXTS.reasons[reason].da).toMatch(/\S/);
      expect(CANCELLED_AT_DOOR_TEXTS.reasons[reason].en).toMatch(/\S/);
    }
  });
});
