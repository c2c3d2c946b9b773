import * as z from 'zod/mini';
import { MUNICIPALITY_CODES } from '../geo/municipalities.js';
import {
  choice,
  choices,
  danishPhone,
  email,
  opaqueId,
  requiredText,
  storedTimes,
} from './fields.js';
import { versionedRecord } from './record.js';
import { MUSIC_GENRES, VISIT_LANGUAGES } from './vocabulary.js';

/** The version of the musician record this SDK reads and writes. */
export const MUSICIAN_SCHEMA_VERSION = 1;

/**
 * A musician as a coordinator registers or edits them: name, phone and e-mail (both: a coordinator
 * calls on a concert day and sends plans by mail), the municipality they travel from, the languages
 * they can hold a visit in (at least one), the kinds of music they play, and whether they take
 * concerts now (`active`, default `true`; an inactive musician keeps their history but gets no
 * new tour days).
 *
 * @example
 * validate(musicianInputSchema, {
 *   schemaVersion: 1, id: newId(), name: 'Signe Vang', phone: '40 50 60 70',
 *   email: 'signe@example.dk', homeMunicipalityCode: '461', languages: ['da', 'en'],
 *   genres: ['danish-songs', 'jazz'],
 * });
 */
export const musicianInputSchema = z.strictObject({
  ...versionedRecord(MUSICIAN_SCHEMA_VERSION),
  name: requiredText(),
  phone: danishPhone(),
  email: email(),
  homeMunicipalityCode: choice(MUNICIPALITY_CODES),
  languages: choices(VISIT_LANGUAGES).check(z.minLength(1, { error: 'required' })),
  genres: z._default(choices(MUSIC_GENRES), () => []),
  active: z._default(z.boolean(), true),
});
/** What a coordinator may send for a musician. */
export type MusicianInput = z.input<typeof musicianInputSchema>;

/** A musician as the hub stores and returns them: the input plus who created them, and when. */
export const musicianSchema = z.extend(musicianInputSchema, {
  createdBy: opaqueId(),
  ...storedTimes(),
});
/** A valid, normalised musician record. */
export type Musician = z.output<typeof musicianSchema>;
