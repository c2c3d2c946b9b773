import { newId, type FeedbackResponseInput, type MusicianDebriefV1 } from '@stue/core';
import { seal, SEAL_CONTEXTS } from '@stue/core/sealing';
import type { createApp } from '../app.js';
import type { HubDatabase } from '../db/database.js';
import type { HubKey } from '../devices/hub-key.js';
import { at, coordinatorOnly, planner } from '../planning/fixtures.test-support.js';

type App = ReturnType<typeof createApp>;
type Hub = { app: App; db: HubDatabase; hubKey: HubKey };

/**
 * A musician with an enrolled tablet and a confirmed booking on their tour day; `feedback` and
 * `debrief` send records from that tablet as the kiosk does.
 */
/** A host's answers to the standard instrument, answered in four minutes after the concert. */
export function aFeedbackResponse(
  overrides: Partial<FeedbackResponseInput> &
    Pick<FeedbackResponseInput, 'bookingId' | 'deviceId' | 'deviceSeq'>,
): FeedbackResponseInput {
  return {
    schemaVersion: 1,
    id: newId(),
    instrument: { id: 'stue-home-concert', version: 1 },
    role: 'host',
    answeredWithHelp: false,
    startedAt: '2030-05-07T10:05:00.000Z',
    finishedAt: '2030-05-07T10:09:00.000Z',
    answers: {},
    ...overrides,
  };
}

export async function concertWithTablet(hub: Hub, musicianName = 'Maja Musiker') {
  const p = await planner(hub);
  const musician = await p.musician({ name: musicianName });
  const day = await p.tourDay(musician.id);
  const booking = await p.booking(day.id, at('10:00'), { confirm: true });
  const { device, token, auth } = await p.tablet(musician.id);
  const deviceId = device.id;
  let seq = 0;

  async function sendRecord(path: string, record: unknown) {
    const res = await hub.app.request(`/api/v1/${path}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(record),
    });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }

  return {
    p,
    musician,
    day,
    booking,
    deviceId,
    /** The tablet's device token. */
    token,
    /** Sends a sealed feedback response for the booking (or `bookingId`); returns its id. */
    async feedback(
      overrides: Partial<FeedbackResponseInput> = {},
      bookingId: string = booking.id,
    ): Promise<string> {
      seq += 1;
      const response = aFeedbackResponse({ bookingId, deviceId, deviceSeq: seq, ...overrides });
      const body = await seal(hub.hubKey.publicKeyJwk, response, SEAL_CONTEXTS.feedbackResponse);
      await sendRecord('feedback', {
        id: response.id,
        deviceSeq: seq,
        kind: 'feedback-response',
        body,
      });
      return response.id;
    },
    /** Sends a version 1 debrief (as tablets not yet updated do) for the booking (or `bookingId`); returns its id. */
    async debrief(
      overrides: Partial<MusicianDebriefV1> = {},
      bookingId: string = booking.id,
    ): Promise<string> {
      seq += 1;
      const debrief: MusicianDebriefV1 = {
        schemaVersion: 1,
        id: newId(),
        bookingId,
        deviceId,
        deviceSeq: seq,
        howItWent: 'good',
        wouldLikeACall: false,
        ...overrides,
      };
      await sendRecord('debriefs', {
        id: debrief.id,
        deviceSeq: seq,
        kind: 'musician-debrief',
        body: debrief,
      });
      return debrief.id;
    },
  };
}

/** What `authorization.test.ts` needs of the feedback endpoints: a booking and a call task. */
export async function feedbackFixture(hub: Hub) {
  const concert = await concertWithTablet(hub);
  await concert.feedback();
  const callId = await concert.debrief({ howItWent: 'hard', wouldLikeACall: true });
  return { bookingId: concert.booking.id as string, callId };
}

/** One row of the authorisation matrix per feedback operation. */
export function feedbackEndpoints(fixture: () => Awaited<ReturnType<typeof feedbackFixture>>) {
  return [
    {
      name: "a booking's feedback",
      method: 'GET',
      path: () => `/api/v1/bookings/${fixture().bookingId}/feedback`,
      expect: coordinatorOnly(200),
    },
    {
      name: 'call tasks',
      method: 'GET',
      path: () => '/api/v1/tasks',
      expect: coordinatorOnly(200),
    },
    {
      name: 'mark a call done',
      method: 'POST',
      path: () => `/api/v1/tasks/${fixture().callId}/call-done`,
      body: () => ({ note: 'Talte med musikeren' }),
      expect: coordinatorOnly(200),
    },
  ];
}
