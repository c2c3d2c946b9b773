import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { DEFAULT_PROGRAMME, programmeSchema } from '../programme/programme.js';
import { reportRowSchema } from '../reports/report-row.js';
import { validate } from '../validation/validate.js';
import { bookingSchema } from './booking.js';
import { exampleReportRow } from './examples.js';
import { musicianSchema } from './musician.js';
import { nominationSchema } from './nomination.js';
import { storedNominationSchema } from './nomination-v2.js';
import { partnerSchema } from './partner.js';
import {
  storedBooking,
  storedMusician,
  storedNomination,
  storedPartner,
  storedTourDay,
} from './records.test-support.js';
import { tourDaySchema } from './tour-day.js';

// Every record in its fullest stored form, so every string a record can hold is tried.
const records: [string, z.core.$ZodType, unknown][] = [
  [
    'nomination v1',
    nominationSchema,
    {
      schemaVersion: 1,
      id: '019550ef-1280-7111-8444-451111111111',
      nominator: { role: 'relative', name: 'Ole', phone: '+4520304050', email: 'ole@example.dk' },
      host: { firstName: 'Inger', municipality: 'Aarhus' },
      visitingFriend: { firstName: 'Bent', phone: '+4520304050' },
      consent: true,
    },
  ],
  ['nomination v2 (stored)', storedNominationSchema, storedNomination()],
  ['partner', partnerSchema, storedPartner()],
  ['musician', musicianSchema, storedMusician()],
  ['tour day', tourDaySchema, storedTourDay()],
  ['booking', bookingSchema, storedBooking()],
  ['report row', reportRowSchema, exampleReportRow()],
  ['programme', programmeSchema, DEFAULT_PROGRAMME],
];

type Path = (string | number)[];

function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  }
  return [];
}

function withLeaf(record: unknown, path: Path, change: (text: string) => string): unknown {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  parent[last] = change(parent[last] as string);
  return copy;
}

describe('no record holds a CPR number in any string', () => {
  for (const [name, schema, record] of records) {
    describe(name, () => {
      it('is valid as it is', () => {
        expect(validate(schema, record)).toMatchObject({ ok: true });
      });

      for (const path of stringLeaves(record)) {
        it(`refuses one in ${path.join('.')}`, () => {
          for (const cpr of ['010190-1234', '0101901234', '010190 1234']) {
            // Ids, codes, dates and URLs refuse the changed text by their format alone; they are
            // not checked for CPR numbers as such (see fields.ts and partner.ts for why).
            const result = validate(
              schema,
              withLeaf(record, path, (text) => `${text} ${cpr}`),
            );
            expect(result.ok).toBe(false);
            // Where other text would be accepted (a free-text field), the CPR rule is the reason.
            const freeText = validate(
              schema,
              withLeaf(record, path, (text) => `${text} x`),
            ).ok;
            if (freeText && !result.ok) {
              expect(result.issues.map((issue) => [issue.path, issue.code])).toEqual([
                [path.join('.'), 'cpr_not_allowed'],
              ]);
            }
          }
        });
      }
    });
  }

  it('tries the fields a person types as free text', () => {
    const [, schema, record] = records[1]!;
    const free = stringLeaves(record)
      .filter(
        (path) =>
          validate(
            schema,
            withLeaf(record, path, (text) => `${text} x`),
          ).ok,
      )
      .map((path) => path.join('.'));
    expect(free).toEqual([
      'nominator.name',
      'nominator.organisation',
      'host.firstName',
      'visitingFriend.firstName',
      'preferences.musicWishes',
      'consent.noticeVersion',
    ]);
  });

  it('nor in a screening answer’s key', () => {
    const result = validate(storedNominationSchema, {
      ...records[1]![2]!,
      screening: { '010190-1234': 'yes' },
    });
    expect(result.ok).toBe(false);
  });

  it('says so, rather than "not a phone number" or "not an e-mail address"', () => {
    const result = validate(nominationSchema, {
      ...(records[0]![2] as object),
      nominator: { role: 'self', name: 'Ole', phone: '010190-1234', email: '0101901234@x.dk' },
      visitingFriend: { firstName: 'Bent', phone: '0101901234' },
    });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['nominator.phone', 'cpr_not_allowed'],
      ['nominator.email', 'cpr_not_allowed'],
      ['visitingFriend.phone', 'cpr_not_allowed'],
    ]);
  });
});
