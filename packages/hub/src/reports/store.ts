import {
  DEFAULT_PROGRAMME,
  feedbackResponseSchema,
  readMusicianDebrief,
  validate,
  type BookingStatus,
  type Lang,
  type NominationStatus,
  type NominationV2,
} from '@stue/core';
import {
  buildPartnerReport,
  buildReport,
  reportPeriod,
  type Report,
  type ReportGrouping,
  type ReportInput,
} from '@stue/core/reports';
import { openSealedJson, SEAL_CONTEXTS, StueSealingError } from '@stue/core/sealing';
import type { HubDatabase } from '../db/database.js';
import type { HubKey } from '../devices/index.js';

// SQLite allows some thousands of bound values per statement: long id lists go in slices.
const SLICE = 500;

async function inSlices<T>(ids: readonly string[], read: (slice: string[]) => Promise<T[]>) {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += SLICE) rows.push(...(await read(ids.slice(i, i + SLICE))));
  return rows;
}

/** `YYYY-MM-DD` shifted by `days`, for a margin around a period in UTC. */
function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString();
}

/**
 * What a report of `period` is made from, read from the database: the bookings whose concert
 * falls in the period (a month, quarter or year; with their musician), the nominations received
 * in the period in Denmark or booked for it, and the feedback and debriefs of those bookings. Sealed feedback is opened with
 * the hub's key; a record that cannot be opened or read is left out and counted in `unreadable`
 * (never logged with its content). Only the fields a report counts are kept: no names, no texts.
 */
export async function readReportInput(
  db: HubDatabase,
  hubKey: HubKey,
  period: string,
): Promise<{ input: ReportInput; unreadable: number }> {
  const range = reportPeriod(period);
  if (!range) throw new RangeError(`Not a report period: ${period}`);
  const { start, end } = range;

  const bookingRows = await db
    .selectFrom('bookings')
    .innerJoin('tour_days', 'tour_days.id', 'bookings.tour_day_id')
    .select([
      'bookings.id',
      'bookings.nomination_id',
      'bookings.start',
      'bookings.status',
      'tour_days.musician_id',
    ])
    .where('bookings.start', '>=', start)
    .where('bookings.start', '<', end)
    .execute();

  // Denmark is UTC+1 or +2: a day either side of the period in UTC catches every nomination the
  // period received there; the report sorts them by their Danish date.
  const received = await db
    .selectFrom('nominations')
    .select(['id', 'partner_id', 'status', 'received_at', 'body'])
    .where('received_at', '>=', shift(start, -1))
    .where('received_at', '<', shift(end, 1))
    .execute();
  const known = new Set(received.map((row) => row.id));
  const booked = await inSlices(
    [...new Set(bookingRows.map((row) => row.nomination_id))].filter((id) => !known.has(id)),
    (slice) =>
      db
        .selectFrom('nominations')
        .select(['id', 'partner_id', 'status', 'received_at', 'body'])
        .where('id', 'in', slice)
        .execute(),
  );

  const records = await inSlices(
    bookingRows.map((row) => row.id),
    (slice) =>
      db
        .selectFrom('device_records')
        .select(['kind', 'body'])
        .where('booking_id', 'in', slice)
        .orderBy('id')
        .execute(),
  );

  let unreadable = 0;
  const input: ReportInput & {
    feedback: ReportInput['feedback'][number][];
    debriefs: ReportInput['debriefs'][number][];
  } = {
    nominations: [...received, ...booked].map((row) => {
      const body = JSON.parse(row.body) as NominationV2;
      return {
        id: row.id,
        receivedAt: row.received_at,
        status: row.status as NominationStatus,
        municipalityCode: body.host.municipalityCode,
        partnerId: row.partner_id,
        programmeId: body.programmeId,
      };
    }),
    bookings: bookingRows.map((row) => ({
      id: row.id,
      nominationId: row.nomination_id,
      musicianId: row.musician_id,
      date: row.start.slice(0, 10),
      status: row.status as BookingStatus,
    })),
    feedback: [],
    debriefs: [],
  };

  for (const record of records) {
    if (record.kind === 'feedback-response') {
      try {
        const opened = await openSealedJson(
          hubKey.privateKeyJwk,
          JSON.parse(record.body) as never,
          SEAL_CONTEXTS.feedbackResponse,
        );
        const response = validate(feedbackResponseSchema, opened);
        if (!response.ok) {
          unreadable++;
          continue;
        }
        const { bookingId, instrument, role, answers } = response.value;
        input.feedback.push({ bookingId, instrument, role, answers });
      } catch (error) {
        if (!(error instanceof StueSealingError)) throw error;
        unreadable++;
      }
    } else if (record.kind === 'musician-debrief') {
      // Kept as sent: version 1 from tablets not yet updated, or version 2.
      const debrief = readMusicianDebrief(JSON.parse(record.body));
      if (!debrief.ok) {
        unreadable++;
        continue;
      }
      // The debrief's texts stay here: a report never carries them.
      const { bookingId, howItWent, wouldLikeACall } = debrief.value;
      input.debriefs.push({ bookingId, howItWent, wouldLikeACall });
    }
  }
  return { input, unreadable };
}

/**
 * The report of `period` grouped by `grouping`, with small cells suppressed (see `buildReport`
 * in @stue/core), straight from the database.
 *
 * @example
 * const report = await coordinatorReport(db, hubKey, '2025-03', 'municipality');
 */
export async function coordinatorReport(
  db: HubDatabase,
  hubKey: HubKey,
  period: string,
  grouping: ReportGrouping,
): Promise<Report> {
  const { input } = await readReportInput(db, hubKey, period);
  return buildReport(input, { period, grouping });
}

/**
 * A partner's own part of the report of `period`: its rows of the report grouped by partner,
 * suppressed exactly as they are there, and nothing of any other organisation. For the
 * partners' secret-key endpoint.
 *
 * @example
 * const own = await partnerReport(db, hubKey, 'demo-partner', '2025-03');
 */
export async function partnerReport(
  db: HubDatabase,
  hubKey: HubKey,
  partnerId: string,
  period: string,
): Promise<Report> {
  const { input } = await readReportInput(db, hubKey, period);
  return buildPartnerReport(input, partnerId, { period });
}

/** Names of the partners, musicians and programmes a report's rows name, by id, for CSV. */
export async function reportNames(db: HubDatabase, report: Report, lang: Lang) {
  const ids = [
    ...new Set(
      report.rows
        .filter((row) => row.grouping.kind === 'partner' || row.grouping.kind === 'musician')
        .map((row) => row.grouping.key),
    ),
  ];
  const names: Record<string, string> = {
    [DEFAULT_PROGRAMME.id]: DEFAULT_PROGRAMME.name[lang],
  };
  if (ids.length === 0) return names;
  const partners = await inSlices(ids, (slice) =>
    db.selectFrom('partners').select(['id', 'name']).where('id', 'in', slice).execute(),
  );
  const musicians = await inSlices(ids, (slice) =>
    db.selectFrom('musicians').select(['id', 'name']).where('id', 'in', slice).execute(),
  );
  for (const row of [...partners, ...musicians]) names[row.id] = row.name;
  return names;
}
