import * as z from 'zod/mini';
import { choice, isoDateTime } from '../schemas/fields.js';
import { deviceRecord, type LocalisedText } from './fields.js';
import { CANCELLED_AT_DOOR_SCHEMA_VERSION } from './versions.js';

/**
 * Why a concert was cancelled at the door, as the musician can say it with one tap. On purpose
 * there is no more detail than "the host is unwell": Stue keeps no health information.
 */
export const CANCELLED_AT_DOOR_REASONS = ['nobody-home', 'host-unwell', 'other'] as const;
export type CancelledAtDoorReason = (typeof CANCELLED_AT_DOOR_REASONS)[number];

/**
 * A musician's tablet saying that a concert did not happen because it was cancelled at the door.
 * Sent through the outbox like a debrief (a client id and the tablet's sequence number); the hub
 * moves the booking to `cancelled` with the reason. `at` is the tablet's clock: informative only.
 *
 * @example
 * validate(bookingCancelledAtDoorSchema, {
 *   schemaVersion: 1, id: newId(), bookingId, deviceId, deviceSeq: 9,
 *   reason: 'nobody-home', at: '2026-11-26T14:05:00.000Z',
 * }).ok; // true
 */
export const bookingCancelledAtDoorSchema = z.strictObject({
  ...deviceRecord(CANCELLED_AT_DOOR_SCHEMA_VERSION),
  reason: choice(CANCELLED_AT_DOOR_REASONS),
  at: isoDateTime(),
});

/** A valid "cancelled at the door" record. */
export type BookingCancelledAtDoor = z.output<typeof bookingCancelledAtDoorSchema>;
/** What a caller may pass before validation. */
export type BookingCancelledAtDoorInput = z.input<typeof bookingCancelledAtDoorSchema>;

/**
 * The words for cancelling at the door, in Danish and English: the question, and each reason as
 * the musician taps it.
 *
 * @example
 * CANCELLED_AT_DOOR_TEXTS.reasons['host-unwell'].da; // 'Værten er utilpas'
 */
export const CANCELLED_AT_DOOR_TEXTS: {
  label: LocalisedText;
  help: LocalisedText;
  reasons: Record<CancelledAtDoorReason, LocalisedText>;
} = {
  label: { da: 'Hvorfor blev koncerten aflyst?', en: 'Why was the concert cancelled?' },
  help: {
    da: 'Vælg det, der passer bedst. Stue spørger ikke om helbred.',
    en: 'Choose what fits best. Stue asks nothing about health.',
  },
  reasons: {
    'nobody-home': { da: 'Ingen hjemme', en: 'Nobody home' },
    'host-unwell': { da: 'Værten er utilpas', en: 'The host is unwell' },
    other: { da: 'Andet', en: 'Other' },
  },
};
