import { DEFAULT_INSTRUMENT, type FeedbackInstrument } from '@stue/core';
import type { DeviceProgramme } from '@stue/core/client';
import type { DayBooking, DayCache } from '../store/types.js';

/**
 * The feedback instruments this tablet carries. They are built in, not fetched: an instrument's
 * pictures are drawn into the kiosk at build time, and the hub checks a response against the
 * same instrument.
 */
export const KIOSK_INSTRUMENTS: readonly FeedbackInstrument[] = [DEFAULT_INSTRUMENT];

/**
 * The instrument a feedback session uses: the one the concert's programme names, or the default
 * one. `missing` is the id a programme named that this tablet does not carry (the musician is
 * told; the pair just answers the default questions).
 *
 * @example
 * const { instrument, missing } = instrumentFor(programmeOf(day, booking));
 */
export function instrumentFor(programme: DeviceProgramme | undefined): {
  instrument: FeedbackInstrument;
  missing?: string;
} {
  const id = programme?.feedbackInstrumentId;
  const named = id === undefined ? undefined : KIOSK_INSTRUMENTS.find((i) => i.id === id);
  if (named) return { instrument: named };
  return { instrument: DEFAULT_INSTRUMENT, ...(id === undefined ? {} : { missing: id }) };
}

/** The instrument a finished response names, when this tablet carries it. */
export function carriedInstrument(ref: {
  id: string;
  version: number;
}): FeedbackInstrument | undefined {
  return KIOSK_INSTRUMENTS.find((i) => i.id === ref.id && i.version === ref.version);
}

/**
 * A concert's programme as the day gave it, or `undefined` for a day fetched from a hub that
 * sent none, or a programme the hub holds no record of (the tablet then uses its own words).
 */
export function programmeOf(
  day: Pick<DayCache, 'programmes'> | undefined,
  booking: Pick<DayBooking, 'programme'> | undefined,
): DeviceProgramme | undefined {
  const slug = booking?.programme;
  return slug === undefined ? undefined : day?.programmes?.find((p) => p.slug === slug);
}
