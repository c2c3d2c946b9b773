import {
  DEFAULT_INSTRUMENT,
  exampleNominationV2,
  newId,
  type FeedbackAnswer,
  type ResponseRole,
} from '@stue/core';
import { generateHubKeyPair, seal, SEAL_CONTEXTS } from '@stue/core/sealing';
import type { HubDatabase } from '../db/database.js';
import type { HubKey } from '../devices/hub-key.js';
import { insertMusician } from '../helpers.test-support.js';
import { ensurePartner } from '../partners/partners.js';

/** The month the seeded reports are of. */
export const REPORT_PERIOD = '2030-03';

/** Text put into debriefs and names that a report must never carry. */
export const SENTINEL = 'SENTINEL-7f3a';

/** A partner whose name a spreadsheet would run as a formula. */
export const HOSTILE_PARTNER = {
  id: 'formula-partner',
  name: '=HYPERLINK("http://evil.example","klik")',
};

interface Concert {
  municipalityCode: string;
  partnerId: string;
  status: 'held' | 'cancelled' | 'no-show';
  /** The host's answers; the visiting friend always answers "good" and "happy". */
  host?: Record<string, FeedbackAnswer>;
  debrief?: { howItWent: 'good' | 'mixed' | 'hard'; wouldLikeACall: boolean };
}

const hostSays = (feelings: string[], visit = 'good', again = 'yes') => ({
  visit: { choices: [visit] },
  feelings: { choices: feelings },
  'another-visit': { choices: [again] },
});

/**
 * A month of concerts in big and small municipalities with rare answers: Aarhus (751) holds 12
 * concerts, two of whose hosts were sad; København (101) 6; Dragør (155) 3 and one cancellation,
 * one host there did not like the visit; Læsø (825) one concert, whose host wants no more visits
 * and whose musician would like a call. Every host and visiting friend answers; every concert
 * gets a debrief whose texts hold {@link SENTINEL}. Six more nominations arrive in the month.
 * One more sealed response is sealed to a key the hub does not have.
 */
export async function seedReportMonth(db: HubDatabase, hubKey: HubKey, coordinatorId: string) {
  await ensurePartner(db, {
    ...HOSTILE_PARTNER,
    kind: 'venue',
    allowedOrigins: ['https://venue.example'],
    publishableKey: 'pk_formula',
  });
  const now = new Date().toISOString();
  const musicians = ['musician-report-1', 'musician-report-2'];
  for (const id of musicians) {
    await insertMusician(db, id, `Musiker ${id}`, now);
    await db
      .insertInto('devices')
      .values({
        id: `device-${id}`,
        musician_id: id,
        name: 'Tablet',
        token_hash: `hash-${id}`,
        enrolled_at: now,
        revoked_at: null,
        last_seq: 0,
        last_seen_at: null,
      })
      .execute();
  }

  const concerts: Concert[] = [];
  for (let i = 0; i < 12; i++) {
    concerts.push({
      municipalityCode: '751',
      partnerId: 'demo-partner',
      status: 'held',
      host: hostSays(i < 2 ? ['moved', 'sad'] : ['happy', 'moved']),
      debrief: { howItWent: 'good', wouldLikeACall: false },
    });
  }
  for (let i = 0; i < 6; i++) {
    concerts.push({
      municipalityCode: '101',
      partnerId: 'other-partner',
      status: 'held',
      host: hostSays(['happy', 'calm']),
      debrief: { howItWent: 'good', wouldLikeACall: false },
    });
  }
  for (let i = 0; i < 3; i++) {
    concerts.push({
      municipalityCode: '155',
      partnerId: HOSTILE_PARTNER.id,
      status: 'held',
      host: hostSays(['happy', 'reminded'], i === 0 ? 'not-good' : 'good'),
      debrief: { howItWent: i === 0 ? 'hard' : 'good', wouldLikeACall: false },
    });
  }
  concerts.push({ municipalityCode: '155', partnerId: HOSTILE_PARTNER.id, status: 'cancelled' });
  concerts.push({
    municipalityCode: '825',
    partnerId: 'other-partner',
    status: 'held',
    host: hostSays(['tired'], 'in-between', 'no'),
    debrief: { howItWent: 'mixed', wouldLikeACall: true },
  });

  let seq = 0;
  const record = async (
    kind: 'feedback-response' | 'musician-debrief',
    deviceId: string,
    bookingId: string,
    body: (id: string, seq: number) => Promise<unknown> | unknown,
  ) => {
    const id = newId();
    seq += 1;
    await db
      .insertInto('device_records')
      .values({
        id,
        device_id: deviceId,
        kind,
        device_seq: seq,
        booking_id: bookingId,
        body: JSON.stringify(await body(id, seq)),
        body_hash: id,
        received_at: now,
      })
      .execute();
  };
  const response = (
    bookingId: string,
    deviceId: string,
    role: ResponseRole,
    answers: Record<string, FeedbackAnswer>,
  ) => {
    return (id: string, deviceSeq: number) => ({
      schemaVersion: 1,
      id,
      bookingId,
      deviceId,
      deviceSeq,
      instrument: { id: DEFAULT_INSTRUMENT.id, version: DEFAULT_INSTRUMENT.version },
      role,
      answeredWithHelp: role === 'host',
      startedAt: '2030-03-10T14:00:00Z',
      finishedAt: '2030-03-10T14:05:00Z',
      answers,
    });
  };

  const nominate = async (municipalityCode: string, partnerId: string, receivedAt: string) => {
    const id = newId();
    const body = {
      ...exampleNominationV2(),
      id,
      host: { firstName: `${SENTINEL} Inger`, municipalityCode },
    };
    await db
      .insertInto('nominations')
      .values({
        id,
        partner_id: partnerId,
        reference: id.slice(-8).toUpperCase(),
        status: 'completed',
        schema_version: 2,
        body: JSON.stringify(body),
        body_hash: id,
        received_at: receivedAt,
        updated_at: receivedAt,
      })
      .execute();
    return id;
  };

  for (const [index, concert] of concerts.entries()) {
    const musicianId = musicians[index % 2]!;
    const deviceId = `device-${musicianId}`;
    const nominationId = await nominate(
      concert.municipalityCode,
      concert.partnerId,
      '2030-01-15T10:00:00.000Z',
    );
    const tourDayId = newId();
    const date = `${REPORT_PERIOD}-${String(1 + (index % 28)).padStart(2, '0')}`;
    await db
      .insertInto('tour_days')
      .values({
        id: tourDayId,
        musician_id: musicianId,
        date,
        base_municipality_code: concert.municipalityCode,
        body: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const bookingId = newId();
    await db
      .insertInto('bookings')
      .values({
        id: bookingId,
        nomination_id: nominationId,
        tour_day_id: tourDayId,
        start: `${date}T10:00`,
        status: concert.status,
        contact_coordinator_id: coordinatorId,
        body: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (concert.host) {
      const sealed =
        (answers: Record<string, FeedbackAnswer>, role: ResponseRole) =>
        async (id: string, deviceSeq: number) =>
          seal(
            hubKey.publicKeyJwk,
            response(bookingId, deviceId, role, answers)(id, deviceSeq),
            SEAL_CONTEXTS.feedbackResponse,
          );
      await record('feedback-response', deviceId, bookingId, sealed(concert.host, 'host'));
      await record(
        'feedback-response',
        deviceId,
        bookingId,
        sealed(hostSays(['happy']), 'visiting-friend'),
      );
    }
    if (concert.debrief) {
      await record('musician-debrief', deviceId, bookingId, (id, deviceSeq) => ({
        schemaVersion: 1,
        id,
        bookingId,
        deviceId,
        deviceSeq,
        ...concert.debrief,
        anythingHard: `${SENTINEL} the stairs were steep`,
        note: `${SENTINEL} coffee`,
      }));
    }
    if (index === 0) {
      // Sealed to a key the hub never had: unreadable, so left out.
      const stranger = await generateHubKeyPair();
      await record('feedback-response', deviceId, bookingId, (id, deviceSeq) =>
        seal(
          stranger.publicKeyJwk,
          response(bookingId, deviceId, 'guest', hostSays(['sad']))(id, deviceSeq),
          SEAL_CONTEXTS.feedbackResponse,
        ),
      );
    }
  }

  // Nominations received in March in Denmark; the last one at 23:30 UTC on 28 February.
  for (const at of ['03-02', '03-05', '03-09', '03-17', '03-30']) {
    await nominate('751', 'demo-partner', `2030-${at}T09:00:00.000Z`);
  }
  await nominate('751', 'demo-partner', '2030-02-28T23:30:00.000Z');
}
