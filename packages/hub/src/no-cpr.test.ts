import { validate } from '@stue/core';
import { describe, expect, it } from 'vitest';
import { createCoordinator } from './accounts/coordinators.js';
import { createPartner } from './cli/operations.js';
import { testDatabase } from './db/database.test-support.js';
import { writeOperations } from './openapi/document.js';

// RELIABILITY.md S13: no free-text field of any write operation keeps a CPR number, however it is
// written. Every operation the API describes is tried with its own valid example; a string in it
// that still validates with more text added is free text, and must refuse each spelling below
// with `cpr_not_allowed`. A new write operation or field is covered as soon as the API lists it.

// Spellings that every free-text field accepted before issue #16.
const SPELLINGS = [
  '01 01 90 12 34',
  '010190/1234',
  '01.01.90.1234',
  '٠١٠١٩٠-١٢٣٤',
  '0\u200B1\u03010190 1234',
  '０１ ０１ ９０ １２ ３４',
];

// Strings that take any text but are never kept as text a person wrote: what is only compared
// (a sign-in, a one-time code, the reference typed again to confirm an erasure), an id, and a
// sealed record's context, which must be the one the hub opens it with.
const NOT_FREE_TEXT = new Set([
  'POST /api/v1/session email',
  'POST /api/v1/session password',
  'POST /api/v1/devices/enrolment-codes musicianId',
  'POST /api/v1/devices/enrol code',
  'POST /api/v1/nominations/{id}/erase reference',
  'POST /api/v1/feedback body.context',
]);

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

const freeTextFields = writeOperations.flatMap(({ method, path, schema, example }) =>
  stringLeaves(example)
    .filter(
      (leaf) =>
        validate(
          schema,
          withLeaf(example, leaf, (text) => `${text} x`),
        ).ok,
    )
    .map((leaf) => ({
      name: `${method.toUpperCase()} ${path} ${leaf.join('.')}`,
      leaf,
      schema,
      example,
    }))
    .filter(({ name }) => !NOT_FREE_TEXT.has(name)),
);

describe('no write operation keeps a CPR number in free text (S13)', () => {
  it('finds the free-text fields, the tablet’s name at enrolment among them', () => {
    expect(freeTextFields.map(({ name }) => name)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/devices/enrol name',
        'POST /api/v1/nominations nominator.name',
        'POST /api/v1/nominations preferences.musicWishes',
        'POST /api/v1/musicians name',
        'POST /api/v1/nominations/{id}/notes text',
        'POST /api/v1/nominations/{id}/consents noticeVersion',
        'POST /api/v1/partner/webhooks description',
      ]),
    );
  });

  it.each(freeTextFields.map((field) => [field.name, field] as const))(
    '%s refuses every spelling',
    (_, { leaf, schema, example }) => {
      for (const cpr of SPELLINGS) {
        const result = validate(
          schema,
          withLeaf(example, leaf, (text) => `${text} ${cpr}`),
        );
        expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.code])).toEqual([
          [leaf.join('.'), 'cpr_not_allowed'],
        ]);
      }
    },
  );
});

describe('names given on the command line (S13)', () => {
  it('refuses a CPR number in a coordinator’s or a partner’s name, and stores nothing', async () => {
    const db = await testDatabase();
    try {
      await expect(
        createCoordinator(db, {
          email: 'mette@example.dk',
          name: 'Mette 01 01 90 12 34',
          password: 'a long enough password',
        }),
      ).rejects.toThrow(/CPR/);
      await expect(
        createPartner(db, { name: 'Besøg 010190/1234', kind: 'other', allowedOrigins: [] }),
      ).rejects.toThrow(/CPR/);
      expect(await db.selectFrom('coordinators').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('partners').selectAll().execute()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
