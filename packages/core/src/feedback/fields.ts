import * as z from 'zod/mini';
import { clientId, opaqueId, requiredText } from '../schemas/fields.js';
import { versionedRecord } from '../schemas/record.js';

/** The largest number a record may carry: a 32-bit signed integer, what every database stores. */
export const MAX_RECORD_INTEGER = 2_147_483_647;

/** A whole number from 1, with `code` as the issue for anything else that is a number. */
function positiveInteger(code: 'invalid_version' | 'invalid_sequence') {
  return z
    .int({ error: (issue) => (issue.input === undefined ? 'required' : code) })
    .check(z.gte(1, { error: code }), z.lte(MAX_RECORD_INTEGER, { error: code }));
}

/** The version of a published instrument: a whole number from 1. */
export function instrumentVersion() {
  return positiveInteger('invalid_version');
}

/** A device's own sequence number for the records it creates: a whole number from 1. */
export function deviceSequence() {
  return positiveInteger('invalid_sequence');
}

/**
 * The fields every record a musician's tablet writes about a booking begins with (a debrief, a
 * feedback response, a cancellation at the door): version and id, the booking, and the tablet and
 * its sequence number. Spread first into the record's `z.strictObject`.
 */
export function deviceRecord<const V extends number>(version: V) {
  return {
    ...versionedRecord(version),
    // Bookings are made in the console, with a client id like every record.
    bookingId: clientId(),
    // Given by the hub at enrolment; with deviceSeq it lets the hub notice a wiped tablet.
    deviceId: opaqueId(),
    deviceSeq: deviceSequence(),
  };
}

/** A text a person sees, in Danish and English (every language in `LANGS`). */
export function localisedText(max: number) {
  return z.strictObject({ da: requiredText(max), en: requiredText(max) });
}

/** A text in Danish and English. */
export type LocalisedText = z.output<ReturnType<typeof localisedText>>;
