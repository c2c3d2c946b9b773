// The hub's answers to coordinators about musicians, tour days and bookings.
import * as z from 'zod/mini';
import { NOMINATION_STATUSES } from '../../lifecycle/nomination.js';
import { bookingSchema } from '../booking.js';
import { musicianSchema } from '../musician.js';
import { tourDaySchema } from '../tour-day.js';
import { allowedActionSchema, auditEntrySchema, hostShownSchema, pageSchema } from './common.js';

/** A page of musicians, by name. */
export const musicianPageSchema = pageSchema(musicianSchema);

/** One musician with their history (changes name the fields touched, not their values). */
export const musicianDetailSchema = z.extend(musicianSchema, {
  history: z.array(auditEntrySchema),
});
/** One musician with their history. */
export type MusicianDetail = z.output<typeof musicianDetailSchema>;

/** A page of tour days, earliest first. */
export const tourDayPageSchema = pageSchema(tourDaySchema);

/** A booking as coordinators read it in a list: the record and who it is for. */
export const bookingViewSchema = z.extend(bookingSchema, {
  nomination: z.object({
    id: z.string(),
    reference: z.string(),
    status: z.enum(NOMINATION_STATUSES),
    host: hostShownSchema,
  }),
});
/** A booking as coordinators read it in a list. */
export type BookingListItem = z.output<typeof bookingViewSchema>;

/** A page of bookings, earliest first. */
export const bookingPageSchema = pageSchema(bookingViewSchema);

/** One booking with its audit trail and the moves it allows now. */
export const bookingDetailSchema = z.extend(bookingViewSchema, {
  history: z.array(auditEntrySchema),
  allowedActions: z.array(allowedActionSchema),
});
/** One booking with its audit trail and the moves it allows now. */
export type BookingDetail = z.output<typeof bookingDetailSchema>;

/** A booking as the console reads it: a list's item, or a single read with history and moves. */
export type BookingView = BookingListItem &
  Partial<Pick<BookingDetail, 'history' | 'allowedActions'>>;

/** One tour day with every booking on it in start order, and its history. */
export const tourDayDetailSchema = z.safeExtend(tourDaySchema, {
  bookings: z.array(bookingViewSchema),
  history: z.array(auditEntrySchema),
});
/** One tour day with its bookings and history. */
export type TourDayDetail = z.output<typeof tourDayDetailSchema>;
