// Planning a concert for today through a running hub's coordinator API, for the kiosk's journeys
// and benchmarks (no test runner needed).
import {
  exampleBookingInput,
  exampleMusicianInput,
  exampleNominationV2,
  exampleTourDayInput,
  newId,
} from '../../packages/core/dist/index.js';

/** The PIN the journeys set. */
export const PIN = '2468';

/** Today in Denmark, and a time on it with the day's offset (summer or winter). */
export function todayAt(time: string): { date: string; at: string } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(),
  );
  for (const offset of ['+01:00', '+02:00']) {
    const at = `${date}T${time}:00${offset}`;
    const shown = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Copenhagen',
    }).format(new Date(at));
    if (shown === time) return { date, at };
  }
  throw new Error(`no offset fits ${time}`);
}

/** The demo coordinator's session, as the console would hold it. */
export async function coordinator(url: string) {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'koordinator@demo.stue.dk', password: 'stue-demo-koordinator' }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken, coordinator: me } = (await res.json()) as {
    csrfToken: string;
    coordinator: { id: string };
  };
  const send = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  return { id: me.id, send };
}

/**
 * A musician with a concert today at 14:00 for Inger and Bent, and an enrolment code; the pair said
 * yes to keeping their answers in the nomination unless `feedbackConsent` is false (the tablet asks).
 */
export async function planToday(url: string, { feedbackConsent = true } = {}) {
  const c = await coordinator(url);
  const musician = await c.send('POST', '/api/v1/musicians', {
    ...exampleMusicianInput(),
    id: newId(),
    name: 'Signe Vang',
  });
  const { date, at } = todayAt('14:00');
  const tourDay = await c.send('POST', '/api/v1/tour-days', {
    ...exampleTourDayInput(),
    id: newId(),
    musicianId: musician['id'],
    date,
    windowStart: '08:00',
    windowEnd: '20:00',
    baseMunicipalityCode: '751',
  });
  const example = exampleNominationV2();
  const nomination = {
    ...example,
    // The pair also said yes to keeping their answers from the tablet (unless the tablet is to
    // ask them).
    ...(feedbackConsent ? { feedbackConsent: example.consent } : {}),
    id: newId(),
    host: { firstName: 'Inger', municipalityCode: '751' },
    visitingFriend: { firstName: 'Bent', phone: '20304050' },
    preferences: { musicWishes: 'Gamle danske sange', extraGuests: 0 },
  };
  const sent = await fetch(`${url}/api/v1/nominations`, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' },
    body: JSON.stringify(nomination),
  });
  if (sent.status !== 201) throw new Error(`nomination: ${sent.status}`);
  await c.send('POST', `/api/v1/nominations/${nomination.id}/review`);
  await c.send('POST', `/api/v1/nominations/${nomination.id}/accept`);
  const booking = await c.send('POST', '/api/v1/bookings', {
    ...exampleBookingInput(),
    id: newId(),
    nominationId: nomination.id,
    tourDayId: tourDay['id'],
    start: at,
    contactCoordinatorId: c.id,
  });
  await c.send('POST', `/api/v1/bookings/${String(booking['id'])}/confirm`);
  const code = await c.send('POST', '/api/v1/devices/enrolment-codes', {
    musicianId: musician['id'],
  });
  return { coordinator: c, bookingId: String(booking['id']), code: String(code['code']) };
}

/**
 * A version 2 nomination for `people` that answers every screening question yes, with the host's
 * consent to the visit and to keeping the answers from the tablet, both given through the
 * visiting friend just now.
 */
export function screenedNomination(
  people: { nominator: object; host: object; visitingFriend: object },
  id: string = newId(),
) {
  return {
    schemaVersion: 2,
    id,
    ...people,
    screening: { 'own-home': 'yes', 'enjoys-music': 'yes', 'said-yes': 'yes' },
    consent: {
      agreedBy: 'host',
      via: 'visiting-friend',
      at: new Date().toISOString(),
      noticeVersion: '2026-01',
    },
    feedbackConsent: {
      agreedBy: 'host',
      via: 'visiting-friend',
      at: new Date().toISOString(),
      noticeVersion: '2026-01',
    },
  };
}
