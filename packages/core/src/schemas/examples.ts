import type { BookingInput } from './booking.js';
import type { MusicianInput } from './musician.js';
import type { NominationV2Input } from './nomination-v2.js';
import type { PartnerInput } from './partner.js';
import type { TourDayInput } from './tour-day.js';
import type { ReportRow } from '../reports/report-row.js';

// Fixed UUIDv7s, so examples are stable in documentation and can refer to one another.
const NOMINATION_ID = '019550ef-1280-7111-8444-451111111111';
const MUSICIAN_ID = '019550ef-fce0-7222-8888-8a2222222222';
const TOUR_DAY_ID = '019550f0-e740-7333-8ccc-cf3333333333';
const BOOKING_ID = '019550f1-d1a0-7444-9111-104444444444';

/**
 * A complete, valid version 2 nomination with every field filled in: for API documentation
 * (OpenAPI examples), demos and tests. Each call returns a fresh object. The people are invented.
 *
 * @example
 * validate(nominationV2Schema, exampleNominationV2()).ok; // true
 */
export function exampleNominationV2(): NominationV2Input {
  return {
    schemaVersion: 2,
    id: NOMINATION_ID,
    programmeId: 'musikalske-besoegsvenner',
    nominator: {
      role: 'local-expert',
      name: 'Hanne Holm',
      organisation: 'Besøgstjenesten Aarhus',
      phone: '+4586123456',
      email: 'hanne@example.dk',
    },
    host: { firstName: 'Inger', municipalityCode: '751', postcode: '8000', language: 'da' },
    visitingFriend: { firstName: 'Bent', phone: '+4520304050' },
    screening: {
      'own-home': 'yes',
      'little-access-to-concerts': 'yes',
      'risk-of-loneliness': 'not-sure',
      'enjoys-music': 'yes',
      'takes-part-in-conversation': 'yes',
      'said-yes': 'yes',
    },
    preferences: {
      weekdays: ['tue', 'thu'],
      timesOfDay: ['morning', 'afternoon'],
      earliestDate: '2025-04-01',
      musicWishes: 'Gerne sange fra Højskolesangbogen',
      genres: ['danish-songs'],
      extraGuests: 1,
    },
    access: {
      hearing: true,
      sight: false,
      stairs: true,
      wheelchair: false,
      pets: false,
      smokeFree: true,
    },
    consent: {
      agreedBy: 'host',
      via: 'visiting-friend',
      at: '2025-03-01T09:00:00.000Z',
      noticeVersion: '2025-01',
    },
  };
}

/** A complete, valid partner as an administrator registers it. */
export function examplePartnerInput(): PartnerInput {
  return {
    schemaVersion: 1,
    name: 'Besøgstjenesten Aarhus',
    kind: 'visit-service',
    allowedOrigins: ['https://besoeg.example.dk', 'http://127.0.0.1:*'],
    webhookUrls: ['https://api.besoeg.example.dk/stue/events'],
  };
}

/** A complete, valid musician as a coordinator registers them. */
export function exampleMusicianInput(): MusicianInput {
  return {
    schemaVersion: 1,
    id: MUSICIAN_ID,
    name: 'Signe Vang',
    phone: '+4540506070',
    email: 'signe@example.dk',
    homeMunicipalityCode: '461',
    languages: ['da', 'en'],
    genres: ['danish-songs', 'jazz'],
    active: true,
  };
}

/** A complete, valid tour day for {@link exampleMusicianInput}'s musician. */
export function exampleTourDayInput(): TourDayInput {
  return {
    schemaVersion: 1,
    id: TOUR_DAY_ID,
    musicianId: MUSICIAN_ID,
    date: '2025-05-06',
    windowStart: '10:00',
    windowEnd: '16:00',
    baseMunicipalityCode: '751',
    maxConcerts: 3,
    concertMinutes: 60,
    bufferMinutes: 30,
  };
}

/** A complete, valid booking of {@link exampleNominationV2} on {@link exampleTourDayInput}. */
export function exampleBookingInput(): BookingInput {
  return {
    schemaVersion: 1,
    id: BOOKING_ID,
    nominationId: NOMINATION_ID,
    tourDayId: TOUR_DAY_ID,
    start: '2025-05-06T10:00:00+02:00',
    contactCoordinatorId: 'coordinator-1',
  };
}

/** A valid report row: concerts held in Region Midtjylland in March 2025. */
export function exampleReportRow(): ReportRow {
  return {
    schemaVersion: 1,
    period: '2025-03',
    grouping: { kind: 'region', key: 'midtjylland' },
    measure: 'concerts-held',
    value: 12,
    suppressed: false,
  };
}
