// Demo data for the console's screenshots and manual checks: a week of nominations from the demo
// partner (pk_demo), three musicians with tour days in the coming two weeks, some nominations
// screened and accepted, and two concerts whose tablets sent feedback and debriefs asking for a
// call. Uses only the public API, as a partner, a coordinator and a tablet would.
import { seal, SEAL_CONTEXTS } from '@stue/core/sealing';

const DAY = 86_400_000;

/** A UUIDv7 made here (the hub requires v7 ids for records a client creates). */
export function uuidv7(at = Date.now()) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = BigInt(at);
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = Number(ms & 0xffn);
    ms >>= 8n;
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

const yes = {
  'own-home': 'yes',
  'little-access-to-concerts': 'yes',
  'risk-of-loneliness': 'yes',
  'enjoys-music': 'yes',
  'takes-part-in-conversation': 'yes',
  'said-yes': 'yes',
};

/** The pairs nominated, as a visit service's activity leaders would. */
export const PAIRS = [
  {
    host: 'Inger',
    friend: 'Bent',
    code: '751',
    postcode: '8000',
    screening: { ...yes, 'risk-of-loneliness': 'not-sure' },
    weekdays: ['tue', 'thu'],
    times: ['morning', 'afternoon'],
    genres: ['danish-songs'],
    wishes: 'Gerne sange fra Højskolesangbogen',
    access: { hearing: true, stairs: true },
  },
  {
    host: 'Karen',
    friend: 'Lise',
    code: '751',
    postcode: '8210',
    screening: yes,
    weekdays: [],
    times: ['afternoon'],
    genres: ['hymns', 'evergreens'],
    access: { wheelchair: true },
  },
  {
    host: 'Poul',
    friend: 'Jens',
    code: '730',
    postcode: '8900',
    screening: yes,
    weekdays: ['wed', 'thu'],
    times: [],
    genres: ['jazz'],
    wishes: 'Glenn Miller, hvis det kan lade sig gøre',
  },
  {
    host: 'Ruth',
    friend: 'Hanne',
    code: '740',
    postcode: '8600',
    screening: { ...yes, 'own-home': 'no' },
    weekdays: [],
    times: ['morning'],
    genres: ['classical'],
  },
  {
    host: 'Erik',
    friend: 'Anne',
    code: '710',
    postcode: '8300',
    screening: yes,
    weekdays: ['tue'],
    times: [],
    genres: ['folk'],
    access: { pets: true },
  },
  {
    host: 'Grethe',
    friend: 'Birthe',
    code: '727',
    postcode: '8300',
    screening: { ...yes, 'takes-part-in-conversation': 'not-sure' },
    weekdays: [],
    times: [],
    genres: [],
  },
  {
    host: 'Aage',
    friend: 'Ole',
    code: '746',
    postcode: '8660',
    screening: yes,
    weekdays: ['thu'],
    times: ['afternoon'],
    genres: ['danish-songs', 'evergreens'],
  },
  {
    host: 'Else',
    friend: 'Kirsten',
    code: '751',
    postcode: '8260',
    screening: yes,
    weekdays: [],
    times: [],
    genres: ['hymns'],
    access: { sight: true, smokeFree: true },
  },
  {
    host: 'Svend',
    friend: 'Mogens',
    code: '706',
    postcode: '8500',
    screening: {},
    weekdays: [],
    times: [],
    genres: [],
  },
];

function nomination(pair, index) {
  return {
    schemaVersion: 2,
    id: uuidv7(Date.now() - (PAIRS.length - index) * 1000),
    nominator: {
      role: 'local-expert',
      name: 'Hanne Holm',
      organisation: 'Besøgstjenesten Østjylland',
      phone: '86 12 34 56',
      email: 'hanne@example.dk',
    },
    host: {
      firstName: pair.host,
      municipalityCode: pair.code,
      postcode: pair.postcode,
      language: 'da',
    },
    visitingFriend: {
      firstName: pair.friend,
      phone: `20 30 40 ${String(10 + index).padStart(2, '0')}`,
    },
    screening: pair.screening,
    preferences: {
      weekdays: pair.weekdays,
      timesOfDay: pair.times,
      genres: pair.genres,
      ...(pair.wishes ? { musicWishes: pair.wishes } : {}),
      extraGuests: index % 3,
    },
    access: pair.access ?? {},
    consent: {
      agreedBy: 'host',
      via: 'visiting-friend',
      at: new Date(Date.now() - DAY).toISOString(),
      noticeVersion: '2026-01',
    },
  };
}

async function call(hub, path, { method = 'GET', body, cookie, csrf, key } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  if (csrf) headers['x-csrf-token'] = csrf;
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(new URL(path, hub), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return { res, json: text ? JSON.parse(text) : undefined };
}

/** Signs the demo coordinator in; returns the cookie header and CSRF token. */
export async function signInDemo(hub) {
  const { res, json } = await call(hub, '/api/v1/session', {
    method: 'POST',
    body: { email: 'koordinator@demo.stue.dk', password: 'stue-demo-koordinator' },
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie, csrf: json.csrfToken, coordinator: json.coordinator };
}

/** Fills a demo hub with a week's worth of work. */
export async function seedDemo(hub) {
  const references = [];
  for (const [index, pair] of PAIRS.entries()) {
    const { json } = await call(hub, '/api/v1/nominations', {
      method: 'POST',
      body: nomination(pair, index),
      key: 'pk_demo',
    });
    references.push(json.reference);
  }
  const session = await signInDemo(hub);
  const as = { cookie: session.cookie, csrf: session.csrf };
  const { json: list } = await call(hub, '/api/v1/nominations?limit=100', as);
  const byHost = new Map(list.items.map((item) => [item.nomination.host.firstName, item]));
  // Screened and accepted: waiting for a concert.
  for (const host of ['Karen', 'Poul', 'Erik', 'Aage', 'Else', 'Inger']) {
    const id = byHost.get(host).id;
    await call(hub, `/api/v1/nominations/${id}/review`, { method: 'POST', body: {}, ...as });
    await call(hub, `/api/v1/nominations/${id}/accept`, { method: 'POST', body: {}, ...as });
  }
  await call(hub, `/api/v1/nominations/${byHost.get('Ruth').id}/review`, {
    method: 'POST',
    body: {},
    ...as,
  });

  const musicians = [
    {
      name: 'Signe Vang',
      phone: '40 50 60 70',
      email: 'signe@example.dk',
      homeMunicipalityCode: '751',
      languages: ['da', 'en'],
      genres: ['danish-songs', 'jazz', 'evergreens'],
    },
    {
      name: 'Jakob Holm',
      phone: '41 51 61 71',
      email: 'jakob@example.dk',
      homeMunicipalityCode: '730',
      languages: ['da'],
      genres: ['hymns', 'classical', 'folk'],
    },
    {
      name: 'Maja Lund',
      phone: '42 52 62 72',
      email: 'maja@example.dk',
      homeMunicipalityCode: '101',
      languages: ['da', 'sv'],
      genres: ['pop-rock', 'world'],
    },
  ];
  const musicianIds = [];
  for (const m of musicians) {
    const id = uuidv7();
    await call(hub, '/api/v1/musicians', {
      method: 'POST',
      body: { schemaVersion: 1, id, ...m, active: true },
      ...as,
    });
    musicianIds.push(id);
  }
  // Tour days on the next Tuesday and Thursday, in East Jutland.
  const days = [];
  for (let offset = 1; days.length < 3 && offset < 14; offset += 1) {
    const date = new Date(Date.now() + offset * DAY);
    const weekday = date.getUTCDay();
    if (weekday === 2 || weekday === 4) days.push(isoDate(date.getTime()));
  }
  const tourDays = [
    {
      musicianId: musicianIds[0],
      date: days[0],
      windowStart: '10:00',
      windowEnd: '16:00',
      baseMunicipalityCode: '751',
    },
    {
      musicianId: musicianIds[1],
      date: days[1],
      windowStart: '09:30',
      windowEnd: '15:30',
      baseMunicipalityCode: '730',
    },
    {
      musicianId: musicianIds[0],
      date: days[2],
      windowStart: '11:00',
      windowEnd: '17:00',
      baseMunicipalityCode: '751',
      maxConcerts: 2,
    },
  ];
  for (const day of tourDays) {
    day.id = uuidv7();
    await call(hub, '/api/v1/tour-days', {
      method: 'POST',
      body: {
        schemaVersion: 1,
        maxConcerts: 3,
        concertMinutes: 60,
        bufferMinutes: 30,
        ...day,
      },
      ...as,
    });
  }
  // One tablet: an enrolment code used by Signe's tablet.
  const { json: code } = await call(hub, '/api/v1/devices/enrolment-codes', {
    method: 'POST',
    body: { musicianId: musicianIds[0] },
    ...as,
  });
  const { json: signesTablet } = await call(hub, '/api/v1/devices/enrol', {
    method: 'POST',
    body: { code: code.code, name: 'Signes tablet' },
  });
  const { json: code2 } = await call(hub, '/api/v1/devices/enrolment-codes', {
    method: 'POST',
    body: { musicianId: musicianIds[1] },
    ...as,
  });
  const { json: jakobsTablet } = await call(hub, '/api/v1/devices/enrol', {
    method: 'POST',
    body: { code: code2.code, name: 'Jakobs tablet' },
  });

  // Two concerts the tablets have sent feedback and debriefs about.
  const book = async (host, tourDayId, date, time) => {
    const id = uuidv7();
    await call(hub, '/api/v1/bookings', {
      method: 'POST',
      body: {
        schemaVersion: 1,
        id,
        nominationId: byHost.get(host).id,
        tourDayId,
        start: danishStart(date, time),
        contactCoordinatorId: session.coordinator.id,
      },
      ...as,
    });
    await call(hub, `/api/v1/bookings/${id}/confirm`, { method: 'POST', body: {}, ...as });
    return id;
  };
  const elsesConcert = await book('Else', tourDays[0].id, days[0], '10:30');
  const poulsConcert = await book('Poul', tourDays[1].id, days[1], '10:00');
  const signe = tablet(hub, signesTablet);
  await signe.feedback(elsesConcert, {
    role: 'host',
    answeredWithHelp: true,
    answers: {
      visit: { choices: ['good'] },
      feelings: { choices: ['moved', 'sad', 'reminded'] },
      seen: { choices: ['yes'] },
      'shared-with-friend': { skipped: true },
      'something-to-talk-about': { choices: ['yes'] },
    },
  });
  await signe.feedback(elsesConcert, {
    role: 'visiting-friend',
    answeredWithHelp: false,
    answers: {
      visit: { choices: ['good'] },
      feelings: { choices: ['calm', 'happy'] },
      seen: { choices: ['a-little'] },
    },
  });
  await signe.debrief(elsesConcert, {
    howItWent: 'mixed',
    anythingHard:
      'Værten blev meget rørt ved den sidste sang, og jeg vidste ikke helt, hvordan jeg skulle afslutte.',
    wouldLikeACall: true,
  });
  await tablet(hub, jakobsTablet).debrief(poulsConcert, {
    howItWent: 'hard',
    anythingHard: 'Svært at finde parkering, og jeg kom stresset ind.',
    wouldLikeACall: true,
    note: 'Ellers en god dag.',
  });
  // Jakob's tablet restored from an old backup: it numbers what it sends from 1 again, and the
  // Tablets page asks the coordinator to check it.
  await tablet(hub, jakobsTablet).feedback(poulsConcert, {
    role: 'visiting-friend',
    answeredWithHelp: false,
    answers: { visit: { choices: ['good'] } },
  });
  return { references, byHost, musicianIds, days, bookings: { elsesConcert, poulsConcert } };
}

/** A start at a Danish local time on a date, with the offset Denmark has that day. */
function danishStart(date, hhmm) {
  const utc = new Date(`${date}T${hhmm}:00Z`);
  const hour = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(utc);
  const offset = Number(hour) - utc.getUTCHours();
  return `${date}T${hhmm}:00+0${offset}:00`;
}

/** A tablet sending records as the kiosk does: feedback sealed to the hub's key, and debriefs. */
function tablet(hub, enrolled) {
  let seq = 0;
  const send = (path, body) =>
    fetch(new URL(path, hub), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` },
      body: JSON.stringify(body),
    }).then(async (res) => {
      if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${await res.text()}`);
    });
  return {
    async feedback(bookingId, answers) {
      seq += 1;
      const response = {
        schemaVersion: 1,
        id: uuidv7(),
        bookingId,
        deviceId: enrolled.device.id,
        deviceSeq: seq,
        instrument: { id: 'stue-home-concert', version: 1 },
        startedAt: new Date(Date.now() - 600_000).toISOString(),
        finishedAt: new Date().toISOString(),
        ...answers,
      };
      const body = await seal(enrolled.hubPublicKey, response, SEAL_CONTEXTS.feedbackResponse);
      await send('/api/v1/feedback', {
        id: response.id,
        deviceSeq: seq,
        kind: 'feedback-response',
        body,
      });
    },
    async debrief(bookingId, fields) {
      seq += 1;
      const id = uuidv7();
      await send('/api/v1/debriefs', {
        id,
        deviceSeq: seq,
        kind: 'musician-debrief',
        body: {
          schemaVersion: 1,
          id,
          bookingId,
          deviceId: enrolled.device.id,
          deviceSeq: seq,
          ...fields,
        },
      });
    },
  };
}

/**
 * Registers the demo partner's webhooks with its secret key (`sk_demo`), before `seedDemo` so its
 * moves are sent: one address that takes every event (`<receiver>/ok`), one that is down
 * (`<receiver>/down`, retried), and one that is down and will be removed (its events then fail).
 */
export async function seedDemoWebhooks(hub, receiver) {
  const key = 'sk_demo';
  const register = async (body) =>
    (await call(hub, '/api/v1/partner/webhooks', { method: 'POST', body, key })).json;
  const all = ['nomination.status_changed', 'booking.confirmed', 'booking.cancelled'];
  const ok = await register({ url: `${receiver}/ok`, events: all, description: 'Sagssystemet' });
  const down = await register({
    url: `${receiver}/down`,
    events: ['booking.confirmed', 'booking.cancelled'],
    description: 'Kalenderen',
  });
  const old = await register({ url: `${receiver}/old`, events: ['nomination.status_changed'] });
  return {
    ok: ok.id,
    down: down.id,
    /** Removes the third address: its undelivered events become failed. */
    removeOld: () =>
      call(hub, `/api/v1/partner/webhooks/${old.id}`, { method: 'DELETE', key }).then(() => {}),
  };
}
