import {
  exampleBookingInput,
  exampleMusicianInput,
  exampleNominationV2,
  examplePartnerInput,
  exampleTourDayInput,
} from './examples.js';
import type { NominationInput } from './nomination.js';

/**
 * A version 1 nomination as an old client sent it: the municipality by name (spelt the old way),
 * consent a yes, the phone and e-mail as typed.
 */
export function nominationV1(overrides: Partial<NominationInput> = {}): NominationInput {
  return {
    schemaVersion: 1,
    id: '019550ef-1280-7111-8444-451111111111',
    nominator: { role: 'local-expert', name: 'Hanne Holm', email: 'Hanne@Example.dk ' },
    host: { firstName: 'Inger', municipality: 'Århus' },
    visitingFriend: { firstName: 'Bent', phone: '20 30 40 50' },
    consent: true,
    ...overrides,
  };
}

/** What the version 2 schema fills in for a nomination that leaves out all it may. */
export const NOMINATION_V2_FILLED_IN = {
  programmeId: 'musikalske-besoegsvenner',
  screening: {},
  preferences: { weekdays: [], timesOfDay: [], genres: [], extraGuests: 0 },
  access: {
    hearing: false,
    sight: false,
    stairs: false,
    wheelchair: false,
    pets: false,
    smokeFree: false,
  },
};

/** The times the hub stamps on a record it stores. */
export const STORED_TIMES = {
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
};

/** The example partner as the hub stores it: with the id and times the hub sets. */
export function storedPartner() {
  return { ...examplePartnerInput(), id: 'demo-partner', ...STORED_TIMES };
}

/** The example musician as the hub stores it: with who created it, and when. */
export function storedMusician() {
  return { ...exampleMusicianInput(), createdBy: 'coordinator-1', ...STORED_TIMES };
}

/** The example tour day as the hub stores it: with who created it, and when. */
export function storedTourDay() {
  return { ...exampleTourDayInput(), createdBy: 'coordinator-1', ...STORED_TIMES };
}

/** The example version 2 nomination as the hub stores it, with what the hub sets. */
export function storedNomination() {
  return {
    ...exampleNominationV2(),
    partnerId: 'demo-partner',
    reference: 'STUE-7KQ3-9XZD',
    status: 'received',
    receivedAt: '2025-03-01T09:00:01.000Z',
    updatedAt: '2025-03-01T09:00:01.000Z',
  };
}

/** The example booking as the hub stores it: confirmed, rescheduled once. */
export function storedBooking() {
  return {
    ...exampleBookingInput(),
    status: 'confirmed',
    reschedules: [
      {
        from: '2025-05-06T09:00:00+02:00',
        to: '2025-05-06T10:00:00+02:00',
        at: '2025-04-20T12:00:00.000Z',
        by: { kind: 'coordinator', id: 'coordinator-1' },
        reason: 'Besøgsvennen har tandlæge om morgenen',
      },
    ],
    createdBy: 'coordinator-1',
    createdAt: '2025-04-01T00:00:00.000Z',
    updatedAt: '2025-04-20T12:00:00.000Z',
  };
}
