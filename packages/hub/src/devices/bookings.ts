import { devicePartOf, municipalityByCode, type NominationV2 } from '@stue/core';
import type { DeviceBooking, DeviceDay } from '@stue/core/client';
import type { HubDatabase } from '../db/database.js';
import { currentVersion, programmePeers } from '../programmes/index.js';
import type { Device } from './store.js';

/**
 * A tablet's day: its musician's concerts on `date` ({@link bookingsForDevice}) and, for the
 * programmes they are for that the hub holds as records, what the tablet needs of each newest
 * version (the notice and its version, the contact, the feedback instrument). A concert for a
 * programme the hub has no record of (the built-in default before one is written) has none there,
 * and the tablet uses its own words.
 */
export async function dayForDevice(
  db: HubDatabase,
  device: Device,
  date: string,
): Promise<DeviceDay> {
  const items = await bookingsForDevice(db, device, date);
  const slugs = [...new Set(items.flatMap((item) => (item.programme ? [item.programme] : [])))];
  const versions = await Promise.all(slugs.sort().map((slug) => currentVersion(db, slug)));
  const programmes = versions.flatMap((version) => (version ? [devicePartOf(version)] : []));
  return { date, items, programmes };
}

/**
 * A tablet's view of its musician's concerts on a day: what a musician needs at the door — the
 * time, the host's and visiting friend's first names, the municipality, access needs and wishes.
 * No phone numbers and nothing from earlier feedback; whether the host's yes to keeping the
 * answers is on record (`feedbackConsent`), so the tablet asks the pair first when it is not;
 * and the peers the concert's programme names, other than this musician, by first name, for the
 * debrief's "would like to talk".
 */
export async function bookingsForDevice(
  db: HubDatabase,
  device: Device,
  date: string,
): Promise<DeviceBooking[]> {
  const rows = await db
    .selectFrom('bookings')
    .innerJoin('tour_days', 'tour_days.id', 'bookings.tour_day_id')
    .innerJoin('nominations', 'nominations.id', 'bookings.nomination_id')
    .select(['bookings.id', 'bookings.start', 'bookings.status', 'nominations.body'])
    .select((eb) => {
      const hostFeedback = (withdrawn: boolean) =>
        eb
          .selectFrom('consents')
          .select('consents.id')
          .whereRef('consents.nomination_id', '=', 'bookings.nomination_id')
          .where('consents.person', '=', 'host')
          .where('consents.scope', '=', 'feedback')
          .where('consents.withdrawn_at', withdrawn ? 'is not' : 'is', null);
      return [
        eb.exists(hostFeedback(false)).as('feedback_consent'),
        eb.exists(hostFeedback(true)).as('feedback_withdrawn'),
      ];
    })
    .where('tour_days.musician_id', '=', device.musicianId)
    .where('tour_days.date', '=', date)
    // Cancelled ones too, so a musician sees that a concert is off rather than find it gone.
    .where('bookings.status', 'in', ['confirmed', 'held', 'no-show', 'cancelled'])
    .where('nominations.hidden_at', 'is', null)
    .orderBy('bookings.start')
    .execute();
  const nominations = rows.map((row) => JSON.parse(row.body) as NominationV2);
  const peers = await programmePeers(
    db,
    nominations.map((nomination) => nomination.programmeId),
  );
  return rows.map((row, index) => {
    const nomination = nominations[index]!;
    return {
      bookingId: row.id,
      start: row.start,
      status: row.status,
      host: {
        firstName: nomination.host.firstName,
        municipality: municipalityByCode(nomination.host.municipalityCode)?.name ?? null,
        language: nomination.host.language,
      },
      visitingFriend: { firstName: nomination.visitingFriend.firstName },
      access: nomination.access,
      extraGuests: nomination.preferences.extraGuests,
      musicWishes: nomination.preferences.musicWishes ?? null,
      feedbackConsent: truthy(row.feedback_consent)
        ? 'given'
        : truthy(row.feedback_withdrawn)
          ? 'withdrawn'
          : 'ask',
      peers: (peers.get(nomination.programmeId) ?? [])
        .filter((peer) => peer.id !== device.musicianId)
        .map((peer) => ({ id: peer.id, firstName: firstNameOf(peer.name) })),
      programme: nomination.programmeId,
    };
  });
}

// A musician is stored by full name; a tablet shows a peer by the first.
const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? name;

// PostgreSQL answers `exists` as a boolean, SQLite as 0 or 1.
const truthy = (value: unknown) => value === true || Number(value) === 1;

/**
 * Whether a debrief may name `peerId` as the peer for a concert: one the newest version of the
 * concert's programme names, active, and not this tablet's musician. A record the hub has
 * already (`recordId`) is not asked again: its resending is a replay or a conflict, whatever the
 * programme says now.
 */
export async function isPeerOfConcert(
  db: HubDatabase,
  device: Device,
  { recordId, bookingId, peerId }: { recordId: string; bookingId: string; peerId: string },
): Promise<boolean> {
  const received = await db
    .selectFrom('device_records')
    .select('id')
    .where('id', '=', recordId)
    .executeTakeFirst();
  if (received) return true;
  if (peerId === device.musicianId) return false;
  const row = await db
    .selectFrom('bookings')
    .innerJoin('nominations', 'nominations.id', 'bookings.nomination_id')
    .select('nominations.body')
    .where('bookings.id', '=', bookingId)
    .executeTakeFirst();
  if (!row) return false;
  const { programmeId } = JSON.parse(row.body) as NominationV2;
  const peers = await programmePeers(db, [programmeId]);
  return (peers.get(programmeId) ?? []).some((peer) => peer.id === peerId);
}
