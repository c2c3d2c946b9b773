import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate.js';
import { exampleMusicianInput } from './examples.js';
import { musicianInputSchema, musicianSchema } from './musician.js';
import { storedMusician } from './records.test-support.js';
import { expectAcceptedAsIs, issueCodes } from '../validation/validate.test-support.js';

function codesOf(input: unknown, schema = musicianInputSchema) {
  return issueCodes(schema, input);
}

describe('musicianInputSchema', () => {
  it('accepts the example, and makes a new musician active with no genres by default', () => {
    expectAcceptedAsIs(musicianInputSchema, exampleMusicianInput());
    const rest = exampleMusicianInput();
    delete rest.active;
    delete rest.genres;
    const result = validate(musicianInputSchema, rest);
    expect(result.ok && [result.value.active, result.value.genres]).toEqual([true, []]);
  });

  it('needs a way to reach them, a home municipality and a language', () => {
    expect(
      codesOf({
        ...exampleMusicianInput(),
        phone: '123',
        email: 'signe',
        homeMunicipalityCode: '999',
        languages: [],
        genres: ['jazz', 'techno'],
      }),
    ).toEqual([
      ['phone', 'invalid_phone'],
      ['email', 'invalid_email'],
      ['homeMunicipalityCode', 'invalid_choice'],
      ['languages', 'required'],
      ['genres.1', 'invalid_choice'],
    ]);
  });

  it('refuses what the hub sets', () => {
    expect(codesOf({ ...exampleMusicianInput(), createdBy: 'me' })).toEqual([
      ['createdBy', 'unknown_key'],
    ]);
  });
});

describe('musicianSchema', () => {
  it('is the input plus who created it, and when', () => {
    const stored = storedMusician();
    expectAcceptedAsIs(musicianSchema, stored);
  });
});
