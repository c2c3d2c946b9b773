import {
  exampleBookingInput,
  exampleMusicianInput,
  exampleTourDayInput,
  newId,
  type BookingInput,
  type MusicianInput,
  type NominationV2Input,
  type TourDayInput,
} from '@stue/core';
import { expect, vi } from 'vitest';
import type { createApp } from '../app.js';
import type { HubDatabase } from '../db/database.js';
import {
  aNomination,
  json,
  signIn,
  testHub,
  withKey,
  type TestHub,
} from '../helpers.test-support.js';

type App = ReturnType<typeof createApp>;

/** A valid musician with a new id. */
export function aMusician(overrides: Partial<MusicianInput> = {}): MusicianInput {
  return { ...exampleMusicianInput(), id: newId(), ...overrides };
}

/** The date the fixtures plan on: a Tuesday in summer time (UTC+2). */
export const TOUR_DATE = '2030-05-07';

/** A valid tour day with a new id: 9:00–17:00 on {@link TOUR_DATE}, three concerts. */
export function aTourDay(musicianId: string, overrides: Partial<TourDayInput> = {}): TourDayInput {
  return {
    ...exampleTourDayInput(),
    id: newId(),
    musicianId,
    date: TOUR_DATE,
    windowStart: '09:00',
    windowEnd: '17:00',
    ...overrides,
  };
}

/**
 * Runs `read` with the clock on {@link TOUR_DATE} at noon (only `Date`; timers run as usual): a
 * tablet reads concerts from yesterday to tomorrow only.
 */
export async function onTourDate<T>(read: () => T | Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(at('12:00')) });
  try {
    return await read();
  } finally {
    vi.useRealTimers();
  }
}

/** A start on {@link TOUR_DATE} (or `date`) at a Danish local time. */
export const at = (time: string, date = TOUR_DATE) => `${date}T${time}:00+02:00`;

/** A signed-in coordinator who sets up musicians, tour days, nominations and bookings. */
export async function planner(hub: { app: App; db: HubDatabase }) {
  const session = await signIn(hub.app, hub.db);
  const me = await json(await hub.app.request('/api/v1/session', { headers: session.headers }));
  const coordinatorId: string = me.coordinator.id;

  const send = (method: string, path: string, body?: unknown, headers: object = {}) =>
    hub.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...session.headers, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function created(res: Response) {
    const body = await json(res);
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(body)}`);
    return body;
  }

  async function act(path: string, body?: unknown) {
    const res = await send('POST', path, body);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return json(res);
  }

  const p = {
    /**
     * Proves a create endpoint idempotent: `input` sent again is a replay (200, answered with
     * `first`, the record it made), and its id with `changed` fields is refused (409
     * `record_conflict`).
     */
    async expectReplayAndConflict(path: string, input: object, first: unknown, changed: object) {
      const again = await send('POST', path, input);
      expect(again.status).toBe(200);
      expect(await json(again)).toEqual(first);
      const other = await send('POST', path, { ...input, ...changed });
      expect(other.status).toBe(409);
      expect((await json(other)).error.code).toBe('record_conflict');
    },
    /** A nomination's status as its partner reads it, with the demo publishable key. */
    async partnerStatus(reference: string): Promise<string> {
      const res = await hub.app.request(`/api/v1/nominations/${reference}/status`, {
        headers: withKey('pk_demo'),
      });
      return (await json(res)).status;
    },
    /** A nomination's audit trail, oldest first: who, what, why and the details of each move. */
    nominationAudit(id: string) {
      return hub.db
        .selectFrom('audit_events')
        .select(['actor', 'action', 'reason', 'details'])
        .where('entity', '=', 'nomination')
        .where('entity_id', '=', id)
        .orderBy('id')
        .execute();
    },
    session,
    coordinatorId,
    send,
    get: (path: string, headers: object = {}) => send('GET', path, undefined, headers),
    act,
    musician: async (overrides: Partial<MusicianInput> = {}) =>
      created(await send('POST', '/api/v1/musicians', aMusician(overrides))),
    tourDay: async (musicianId?: string, overrides: Partial<TourDayInput> = {}) =>
      created(
        await send(
          'POST',
          '/api/v1/tour-days',
          aTourDay(musicianId ?? (await p.musician()).id, overrides),
        ),
      ),
    /** A nomination from the demo partner, moved by coordinators to `status`. */
    async nomination(
      status: 'received' | 'in-review' | 'accepted' = 'accepted',
      overrides: Partial<NominationV2Input> = {},
    ) {
      const nomination = aNomination(overrides);
      const res = await hub.app.request('/api/v1/nominations', {
        method: 'POST',
        headers: withKey('pk_demo'),
        body: JSON.stringify(nomination),
      });
      const { reference } = await json(res);
      if (status !== 'received') await act(`/api/v1/nominations/${nomination.id}/review`);
      if (status === 'accepted') await act(`/api/v1/nominations/${nomination.id}/accept`);
      return { id: nomination.id, reference: reference as string };
    },
    bookingInput(nominationId: string, tourDayId: string, start: string): BookingInput {
      return {
        ...exampleBookingInput(),
        id: newId(),
        nominationId,
        tourDayId,
        start,
        contactCoordinatorId: coordinatorId,
      };
    },
    /** A proposed booking of a new accepted nomination (confirmed when `confirm`). */
    async booking(tourDayId: string, start: string, { confirm = false } = {}) {
      const nomination = await p.nomination();
      const booking = await created(
        await send('POST', '/api/v1/bookings', p.bookingInput(nomination.id, tourDayId, start)),
      );
      if (confirm) await act(`/api/v1/bookings/${booking.id}/confirm`);
      return { ...booking, nominationId: nomination.id, reference: nomination.reference };
    },
    /** The host's yes to being contacted, recorded now by a coordinator (as told by the friend). */
    hostConsents: (nominationId: string) =>
      send('POST', `/api/v1/nominations/${nominationId}/consents`, {
        person: 'host',
        scope: 'nomination-contact',
        via: 'visiting-friend',
        at: new Date().toISOString(),
        noticeVersion: '2025-01',
      }),
    /**
     * A tablet enrolled for the musician, as the kiosk enrols: the enrolment's answer (`device`,
     * `token` …) and the headers its records go with.
     */
    async tablet(musicianId: string, name = 'Tablet') {
      const code = await json(
        await send('POST', '/api/v1/devices/enrolment-codes', { musicianId }),
      );
      const enrolled = await json(
        await hub.app.request('/api/v1/devices/enrol', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: code.code, name }),
        }),
      );
      const auth = {
        'content-type': 'application/json',
        authorization: `Bearer ${enrolled.token}`,
      };
      return { ...enrolled, auth } as { device: { id: string }; token: string; auth: typeof auth };
    },
  };
  return p;
}

/** Who asks, in the authorisation matrix of `authorization.test.ts`. */
export type Role =
  | 'anonymous'
  | 'publishable key'
  | 'key from a foreign origin'
  | 'secret key'
  | 'secret key from a browser'
  | 'coordinator'
  | 'device';

/** A matrix row's answers for a coordinator-only route: `coordinator` for them, 401 for all others. */
export const coordinatorOnly = (coordinator: number): Record<Role, number> => ({
  anonymous: 401,
  'publishable key': 401,
  'key from a foreign origin': 401,
  'secret key': 401,
  'secret key from a browser': 401,
  coordinator,
  device: 401,
});

/** What `authorization.test.ts` needs of the planning endpoints: records in every state. */
export async function planningFixture(hub: { app: App; db: HubDatabase }) {
  const p = await planner(hub);
  const musician = await p.musician();
  const busy = await p.tourDay(musician.id, {
    windowStart: '08:00',
    windowEnd: '20:00',
    maxConcerts: 6,
  });
  const open = await p.tourDay(musician.id, { date: '2030-05-08' });
  const doomed = await p.tourDay(musician.id, { date: '2030-05-09' });
  const times = ['08:00', '09:30', '11:00', '12:30', '14:00', '15:30'];
  const shown = await p.booking(busy.id, at(times[0]!));
  const toConfirm = await p.booking(busy.id, at(times[1]!));
  const toCancel = await p.booking(busy.id, at(times[2]!));
  const toMove = await p.booking(busy.id, at(times[3]!));
  const toHold = await p.booking(busy.id, at(times[4]!), { confirm: true });
  const toMiss = await p.booking(busy.id, at(times[5]!), { confirm: true });
  return {
    p,
    musician,
    busy,
    open,
    doomed,
    bookings: { shown, toConfirm, toCancel, toMove, toHold, toMiss },
    forBooking: await p.nomination('accepted'),
    toReview: await p.nomination('received'),
    toAccept: await p.nomination('in-review'),
    toDecline: await p.nomination('in-review'),
    toWithdraw: await p.nomination('received'),
  };
}

/** One row of the authorisation matrix per planning operation. */
export function planningEndpoints(fixture: () => Awaited<ReturnType<typeof planningFixture>>) {
  const f = fixture;
  const booking = (name: keyof ReturnType<typeof f>['bookings']) => f().bookings[name].id;
  // A move of a booking or nomination: a coordinator's POST with its body, answered 200.
  const move = (name: string, path: () => string, body: object) => ({
    name,
    method: 'POST',
    path,
    body: () => body,
    expect: coordinatorOnly(200),
  });
  return [
    {
      name: 'create musician',
      method: 'POST',
      path: () => '/api/v1/musicians',
      body: () => aMusician(),
      expect: coordinatorOnly(201),
    },
    {
      name: 'list musicians',
      method: 'GET',
      path: () => '/api/v1/musicians',
      expect: coordinatorOnly(200),
    },
    {
      name: 'read musician',
      method: 'GET',
      path: () => `/api/v1/musicians/${f().musician.id}`,
      expect: coordinatorOnly(200),
    },
    {
      name: 'change musician',
      method: 'PATCH',
      path: () => `/api/v1/musicians/${f().musician.id}`,
      body: () => ({ genres: ['jazz'] }),
      expect: coordinatorOnly(200),
    },
    {
      name: 'create tour day',
      method: 'POST',
      path: () => '/api/v1/tour-days',
      body: () => aTourDay(f().musician.id),
      expect: coordinatorOnly(201),
    },
    {
      name: 'list tour days',
      method: 'GET',
      path: () => '/api/v1/tour-days',
      expect: coordinatorOnly(200),
    },
    {
      name: 'read tour day',
      method: 'GET',
      path: () => `/api/v1/tour-days/${f().busy.id}`,
      expect: coordinatorOnly(200),
    },
    {
      name: 'change tour day',
      method: 'PATCH',
      path: () => `/api/v1/tour-days/${f().open.id}`,
      body: () => ({ bufferMinutes: 20 }),
      expect: coordinatorOnly(200),
    },
    {
      name: 'delete tour day',
      method: 'DELETE',
      path: () => `/api/v1/tour-days/${f().doomed.id}`,
      expect: coordinatorOnly(204),
    },
    {
      name: 'propose booking',
      method: 'POST',
      path: () => '/api/v1/bookings',
      body: () => f().p.bookingInput(f().forBooking.id, f().open.id, at('10:00', '2030-05-08')),
      expect: coordinatorOnly(201),
    },
    {
      name: 'list bookings',
      method: 'GET',
      path: () => '/api/v1/bookings',
      expect: coordinatorOnly(200),
    },
    {
      name: 'read booking',
      method: 'GET',
      path: () => `/api/v1/bookings/${booking('shown')}`,
      expect: coordinatorOnly(200),
    },
    {
      name: 'booking calendar file',
      method: 'GET',
      path: () => `/api/v1/bookings/${booking('shown')}.ics`,
      expect: coordinatorOnly(200),
    },
    move('confirm booking', () => `/api/v1/bookings/${booking('toConfirm')}/confirm`, {}),
    move('cancel booking', () => `/api/v1/bookings/${booking('toCancel')}/cancel`, {
      reason: 'Afbud fra besøgsvennen',
    }),
    {
      name: 'reschedule booking',
      method: 'POST',
      path: () => `/api/v1/bookings/${booking('toMove')}/reschedule`,
      body: () => ({ start: at('14:00', '2030-05-08'), tourDayId: f().open.id }),
      expect: coordinatorOnly(200),
    },
    move('booking held', () => `/api/v1/bookings/${booking('toHold')}/held`, {}),
    move('booking no-show', () => `/api/v1/bookings/${booking('toMiss')}/no-show`, {
      reason: 'Ingen lukkede op',
    }),
    move('review nomination', () => `/api/v1/nominations/${f().toReview.id}/review`, {}),
    move('accept nomination', () => `/api/v1/nominations/${f().toAccept.id}/accept`, {}),
    move('decline nomination', () => `/api/v1/nominations/${f().toDecline.id}/decline`, {
      reason: 'Uden for formatet',
      referral: 'Plejehjemmets musikcafé',
    }),
    move('withdraw nomination', () => `/api/v1/nominations/${f().toWithdraw.id}/withdraw`, {
      reason: 'Værten har takket nej',
    }),
  ];
}

// Re-exported: the planning tests import their whole scene from here.
export type { TestHub };
/** What {@link planner} gives: a signed-in coordinator's helpers. */
export type Planner = Awaited<ReturnType<typeof planner>>;

/**
 * A fresh test hub with a signed-in planner, the scene most hub tests start from.
 *
 * @example
 * beforeEach(async () => ({ hub, p } = await plannerHub()));
 * afterEach(() => hub.db.destroy());
 */
export async function plannerHub(): Promise<{ hub: TestHub; p: Planner }> {
  const hub = await testHub();
  return { hub, p: await planner(hub) };
}
