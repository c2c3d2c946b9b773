import { municipalityByCode, type Lang, type Musician, type TourDay } from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { findBookingView } from './store.js';
import { concertCalendar } from './ics.js';

const summaryText = {
  da: (name: string, place: string) => `Hjemmekoncert hos ${name}, ${place}`,
  en: (name: string, place: string) => `Home concert with ${name}, ${place}`,
};
const phoneWord = { da: 'tlf.', en: 'phone' };

/** A Danish number in pairs as people read it (`+4533123456` → `33 12 34 56`); others as stored. */
const spokenPhone = (phone: string) =>
  /^\+45\d{8}$/.test(phone) ? phone.slice(3).replace(/(\d\d)(?=\d)/g, '$1 ') : phone;

// The summary of a concert whose host withdrew consent: nothing about them (RELIABILITY.md S14).
const anonymousSummary = { da: 'Hjemmekoncert', en: 'Home concert' };

/**
 * A booking's concert as an iCalendar file, for the musician's and the coordinator's calendars.
 * The summary names the host by first name and municipality only — no phone numbers, no access
 * needs, and nothing once the host has withdrawn consent; the description names the musician, the
 * contact coordinator with their phone number (when they gave one) and the reference.
 */
export async function bookingCalendar(
  db: HubDatabase,
  id: string,
  lang: Lang,
  hubHost: string,
): Promise<string | undefined> {
  const booking = await findBookingView(db, id);
  if (!booking) return undefined;
  const day = await db
    .selectFrom('tour_days')
    .innerJoin('musicians', 'musicians.id', 'tour_days.musician_id')
    .select(['tour_days.body as day', 'musicians.body as musician'])
    .where('tour_days.id', '=', booking.tourDayId)
    .executeTakeFirstOrThrow();
  const { concertMinutes } = JSON.parse(day.day) as TourDay;
  const musician = JSON.parse(day.musician) as Musician;
  const coordinator = await db
    .selectFrom('coordinators')
    .select(['name', 'phone'])
    .where('id', '=', booking.contactCoordinatorId)
    .executeTakeFirst();
  const changes = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('entity', '=', 'booking')
    .where('entity_id', '=', id)
    .executeTakeFirstOrThrow();
  const { host } = booking.nomination;
  const place = host && (municipalityByCode(host.municipalityCode)?.name ?? host.municipalityCode);
  const contact = [
    coordinator?.name ?? '–',
    ...(coordinator?.phone ? [`${phoneWord[lang]} ${spokenPhone(coordinator.phone)}`] : []),
  ].join(', ');
  const description =
    lang === 'en'
      ? [`Musician: ${musician.name}`, `Contact: ${contact}`]
      : [`Musiker: ${musician.name}`, `Kontaktperson: ${contact}`];
  description.push(`Reference: ${booking.nomination.reference}`);
  return concertCalendar({
    uid: `${id}@${hubHost}`,
    start: booking.start,
    minutes: concertMinutes,
    stamp: booking.updatedAt,
    sequence: Math.max(0, Number(changes.count) - 1),
    status: booking.status,
    summary: host && place ? summaryText[lang](host.firstName, place) : anonymousSummary[lang],
    location: place ?? undefined,
    description: description.join('\n'),
  });
}
