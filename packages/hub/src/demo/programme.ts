import {
  danishLocal,
  DEFAULT_INSTRUMENT,
  DEFAULT_PROGRAMME_ID,
  exampleMusicianInput,
  exampleNominationV2,
  newId,
  type MunicipalityCode,
  type NominationV2Input,
} from '@stue/core';
import { seal, SEAL_CONTEXTS, type HubPublicKeyJwk } from '@stue/core/sealing';
import { createApp } from '../app.js';
import type { HubDatabase } from '../db/database.js';
import type { HubKey } from '../devices/index.js';
import { DEMO_COORDINATOR, DEMO_PARTNER_KEY } from '../partners/index.js';
import { currentVersion } from '../programmes/index.js';

// A small, invented programme so every part of the product has something to show on the first
// start: three musicians with tour days from today on, nominations in every state of screening,
// and today's concerts for the first musician, so an enrolled tablet has a day to show.

interface DemoPair {
  host: string;
  friend: string;
  municipality: MunicipalityCode;
  postcode: string;
  weekdays: NonNullable<NominationV2Input['preferences']>['weekdays'];
  /** How far screening has come: nothing yet, under review, or accepted. */
  stage: 'received' | 'review' | 'accepted';
}

const PAIRS: DemoPair[] = [
  {
    host: 'Inger',
    friend: 'Bent',
    municipality: '751',
    postcode: '8000',
    weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    stage: 'accepted',
  },
  {
    host: 'Karen',
    friend: 'Lone',
    municipality: '751',
    postcode: '8210',
    weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    stage: 'accepted',
  },
  {
    host: 'Poul',
    friend: 'Mette',
    municipality: '740',
    postcode: '8600',
    weekdays: ['tue', 'thu'],
    stage: 'accepted',
  },
  {
    host: 'Ruth',
    friend: 'Jens',
    municipality: '461',
    postcode: '5000',
    weekdays: ['wed'],
    stage: 'accepted',
  },
  {
    host: 'Erik',
    friend: 'Susanne',
    municipality: '101',
    postcode: '2200',
    weekdays: ['mon', 'fri'],
    stage: 'review',
  },
  {
    host: 'Gerda',
    friend: 'Anne',
    municipality: '851',
    postcode: '9000',
    weekdays: ['tue'],
    stage: 'review',
  },
  {
    host: 'Aase',
    friend: 'Hassan',
    municipality: '615',
    postcode: '8700',
    weekdays: ['thu'],
    stage: 'received',
  },
  {
    host: 'Verner',
    friend: 'Birthe',
    municipality: '561',
    postcode: '6700',
    weekdays: ['mon', 'wed'],
    stage: 'received',
  },
  {
    host: 'Edith',
    friend: 'Camilla',
    municipality: '330',
    postcode: '4200',
    weekdays: ['fri'],
    stage: 'received',
  },
];

const MUSICIANS = [
  { name: 'Signe Vang', home: '751', genres: ['danish-songs', 'jazz'] },
  { name: 'Mads Holm', home: '461', genres: ['folk', 'danish-songs'] },
  { name: 'Aisha Berg', home: '101', genres: ['classical'] },
] as const;

/** `date` plus `days`, as `YYYY-MM-DD`. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A Danish local date and time as an instant with its offset (winter +01:00, summer +02:00). */
function danishInstant(date: string, time: string): string {
  const offset = ['+01:00', '+02:00'].find(
    (o) => danishLocal(`${date}T${time}:00${o}`).local === `${date}T${time}`,
  );
  return `${date}T${time}:00${offset ?? '+01:00'}`;
}

/**
 * Seeds the demo programme once, through the API as a coordinator and the demo partner would
 * use it; later starts leave the data as it is. Needs the demo partner and coordinator.
 */
export async function seedDemoProgramme(
  db: HubDatabase,
  hubKey?: HubKey,
  now = new Date(),
): Promise<void> {
  const seeded = await db.selectFrom('musicians').select('id').limit(1).executeTakeFirst();
  if (seeded) return;
  const app = createApp({ db, ...(hubKey ? { hubKey } : {}) });
  const signIn = await app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_COORDINATOR.email, password: DEMO_COORDINATOR.password }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken, coordinator } = (await signIn.json()) as {
    csrfToken: string;
    coordinator: { id: string };
  };

  async function send<T = { id: string }>(path: string, body: unknown, key?: string): Promise<T> {
    const res = await app.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : { cookie, 'x-csrf-token': csrfToken }),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`Demo data: ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  const today = danishLocal(now).date;
  const musicianIds: string[] = [];
  for (const m of MUSICIANS) {
    const id = newId();
    const slug = m.name.toLowerCase().replace(/\s+/g, '.');
    await send('/api/v1/musicians', {
      ...exampleMusicianInput(),
      id,
      name: m.name,
      email: `${slug}@example.dk`,
      homeMunicipalityCode: m.home,
      genres: [...m.genres],
    });
    musicianIds.push(id);
  }

  // The second musician has agreed to be called by the others after a hard concert.
  const programme = await currentVersion(db, DEFAULT_PROGRAMME_ID);
  if (programme) {
    const {
      slug: _slug,
      version: _version,
      noticeVersion: _notice,
      createdAt: _at,
      createdBy: _by,
      ...content
    } = programme;
    await send(`/api/v1/programmes/${DEFAULT_PROGRAMME_ID}/versions`, {
      ...content,
      peers: [musicianIds[1]],
    });
  }

  // The first musician plays today (the tablet's day) and again next week; the others tour later.
  const tourDays: { musician: number; inDays: number; base: MunicipalityCode }[] = [
    { musician: 0, inDays: 0, base: '751' },
    { musician: 0, inDays: 7, base: '740' },
    { musician: 1, inDays: 3, base: '461' },
    { musician: 1, inDays: 10, base: '561' },
    { musician: 2, inDays: 5, base: '101' },
  ];
  const tourDayIds: string[] = [];
  for (const day of tourDays) {
    const id = newId();
    await send('/api/v1/tour-days', {
      schemaVersion: 1,
      id,
      musicianId: musicianIds[day.musician],
      date: addDays(today, day.inDays),
      windowStart: '09:00',
      windowEnd: '17:00',
      baseMunicipalityCode: day.base,
      maxConcerts: 3,
      concertMinutes: 60,
      bufferMinutes: 30,
    });
    tourDayIds.push(id);
  }

  const accepted: string[] = [];
  for (const [i, pair] of PAIRS.entries()) {
    const example = exampleNominationV2();
    const id = newId();
    await send(
      '/api/v1/nominations',
      {
        ...example,
        id,
        nominator: { ...example.nominator, name: `${pair.friend} (besøgsven)` },
        host: {
          firstName: pair.host,
          municipalityCode: pair.municipality,
          postcode: pair.postcode,
          language: 'da',
        },
        visitingFriend: {
          firstName: pair.friend,
          phone: `+452030${String(4050 + i).padStart(4, '0')}`,
        },
        preferences: {
          ...example.preferences,
          weekdays: pair.weekdays,
          timesOfDay: ['morning', 'afternoon'],
          earliestDate: addDays(today, -30),
        },
        consent: { ...example.consent, at: now.toISOString() },
        // The demo pairs also said yes to keeping their answers after the concert, so the
        // tablets' feedback is kept and shows in the reports.
        feedbackConsent: { ...example.consent, at: now.toISOString() },
      },
      DEMO_PARTNER_KEY,
    );
    if (pair.stage !== 'received') await send(`/api/v1/nominations/${id}/review`, {});
    if (pair.stage === 'accepted') {
      await send(`/api/v1/nominations/${id}/accept`, {});
      accepted.push(id);
    }
  }

  // Today's two concerts in Aarhus: the first confirmed, the second still a proposal.
  const todayDay = tourDayIds[0];
  const booking = (nominationId: string | undefined, time: string) =>
    send('/api/v1/bookings', {
      schemaVersion: 1,
      id: newId(),
      nominationId,
      tourDayId: todayDay,
      start: danishInstant(today, time),
      contactCoordinatorId: coordinator.id,
    });
  const first = await booking(accepted[0], '10:00');
  await send(`/api/v1/bookings/${first.id}/confirm`, {});
  await booking(accepted[1], '13:30');
  if (hubKey) await yesterdaysConcert(send, musicianIds[0]!, accepted[2]!, today, coordinator.id);
}

/**
 * Yesterday's concert for the third accepted pair, held, with what Signe Vang's tablet sent
 * about it: two sealed answers and her debrief, in which she would like a call.
 */
async function yesterdaysConcert(
  send: <T = { id: string }>(path: string, body: unknown, key?: string) => Promise<T>,
  musicianId: string,
  nominationId: string,
  today: string,
  coordinatorId: string,
): Promise<void> {
  const yesterday = addDays(today, -1);
  const tourDay = await send('/api/v1/tour-days', {
    schemaVersion: 1,
    id: newId(),
    musicianId,
    date: yesterday,
    windowStart: '09:00',
    windowEnd: '17:00',
    baseMunicipalityCode: '740',
    maxConcerts: 3,
    concertMinutes: 60,
    bufferMinutes: 30,
  });
  const booking = await send('/api/v1/bookings', {
    schemaVersion: 1,
    id: newId(),
    nominationId,
    tourDayId: tourDay.id,
    start: danishInstant(yesterday, '11:00'),
    contactCoordinatorId: coordinatorId,
  });
  await send(`/api/v1/bookings/${booking.id}/confirm`, {});
  await send(`/api/v1/bookings/${booking.id}/held`, {});

  const { code } = await send<{ code: string }>('/api/v1/devices/enrolment-codes', {
    musicianId,
  });
  const tablet = await send<{
    token: string;
    device: { id: string };
    hubPublicKey: HubPublicKeyJwk;
  }>('/api/v1/devices/enrol', { code, name: 'Signes tablet' });
  const at = `${yesterday}T11:05:00.000Z`;
  const answers = [
    ['host', ['moved', 'reminded'], 'good'],
    ['visiting-friend', ['happy', 'calm'], 'good'],
  ] as const;
  let deviceSeq = 0;
  // What each record the tablet sends about the concert begins with, under its next number.
  const nextRecord = () => {
    deviceSeq += 1;
    return { id: newId(), bookingId: booking.id, deviceId: tablet.device.id, deviceSeq };
  };
  for (const [role, feelings, visit] of answers) {
    const response = {
      schemaVersion: 1,
      ...nextRecord(),
      instrument: { id: DEFAULT_INSTRUMENT.id, version: DEFAULT_INSTRUMENT.version },
      role,
      answeredWithHelp: role === 'host',
      startedAt: at,
      finishedAt: at,
      answers: { visit: { choices: [visit] }, feelings: { choices: [...feelings] } },
    };
    await send(
      '/api/v1/feedback',
      {
        id: response.id,
        deviceSeq: response.deviceSeq,
        kind: 'feedback-response',
        body: await seal(tablet.hubPublicKey, response, SEAL_CONTEXTS.feedbackResponse),
      },
      tablet.token,
    );
  }
  const debrief = {
    schemaVersion: 3,
    ...nextRecord(),
    howItWent: 'mixed',
    wasAnythingHard: true,
    anythingHard: 'Fjernsynet kørte i naborummet det meste af tiden.',
    wouldLikeACall: true,
  };
  await send(
    '/api/v1/debriefs',
    { id: debrief.id, deviceSeq: debrief.deviceSeq, kind: 'musician-debrief', body: debrief },
    tablet.token,
  );
}
