import fc from 'fast-check';
import { DEFAULT_INSTRUMENT } from '../feedback/default-instrument.js';
import { questionsFor, RESPONSE_ROLES, type ResponseRole } from '../feedback/roles.js';
import type { FeedbackAnswer } from '../feedback/response.js';
import { BOOKING_STATUSES } from '../lifecycle/booking.js';
import { NOMINATION_STATUSES } from '../lifecycle/nomination.js';
import type { ReportFeedback, ReportInput } from './build.js';

/** Two municipalities in Hovedstaden, two in Midtjylland, one alone in Nordjylland. */
export const TEST_MUNICIPALITIES = ['101', '147', '751', '727', '860'] as const;

/** Answers a respondent of `role` could give, from `pick` (one number per question). */
export function answersFor(role: ResponseRole, pick: readonly number[]) {
  const answers: Record<string, FeedbackAnswer> = {};
  questionsFor(DEFAULT_INSTRUMENT, role).forEach((question, index) => {
    const n = pick[index % pick.length]!;
    if (n % 7 === 6) return; // not reached
    if (n % 7 === 5) {
      answers[question.id] = { skipped: true };
      return;
    }
    const options = question.options;
    answers[question.id] =
      question.kind === 'single'
        ? { choices: [options[n % options.length]!.id] }
        : { choices: options.filter((_, i) => (n >> i) % 2 === 1 || i === n % 3).map((o) => o.id) };
  });
  return answers;
}

/** A feedback response as a report reads it. */
export const aResponse = (
  bookingId: string,
  role: ResponseRole,
  answers: Record<string, FeedbackAnswer>,
): ReportFeedback => ({
  bookingId,
  instrument: { id: DEFAULT_INSTRUMENT.id, version: DEFAULT_INSTRUMENT.version },
  role,
  answers,
});

/**
 * Random report input around March 2025: up to 60 nominations over five municipalities, two
 * partners and two programmes; bookings of two musicians, mostly in March; feedback and debriefs.
 */
export function reportInputs(maxNominations = 60): fc.Arbitrary<ReportInput> {
  const nomination = fc.record({
    municipality: fc.constantFrom(...TEST_MUNICIPALITIES),
    partner: fc.constantFrom('partner-a', 'partner-b'),
    programme: fc.constantFrom('musikalske-besoegsvenner', 'sang-i-stuen'),
    status: fc.constantFrom(...NOMINATION_STATUSES),
    receivedDay: fc.integer({ min: 1, max: 31 }),
    receivedMonth: fc.constantFrom('2025-02', '2025-03', '2025-03', '2025-04'),
    booking: fc.option(
      fc.record({
        musician: fc.constantFrom('musician-1', 'musician-2'),
        status: fc.constantFrom(...BOOKING_STATUSES, 'held', 'held'),
        month: fc.constantFrom('2025-03', '2025-03', '2025-04'),
        day: fc.integer({ min: 10, max: 28 }),
        responses: fc.array(
          fc.record({
            role: fc.constantFrom(...RESPONSE_ROLES),
            pick: fc.array(fc.nat(255), { minLength: 1, maxLength: 8 }),
          }),
          { maxLength: 3 },
        ),
        debrief: fc.option(
          fc.record({
            howItWent: fc.constantFrom('good', 'mixed', 'hard'),
            wouldLikeACall: fc.boolean(),
          }),
        ),
      }),
    ),
  });
  return fc.array(nomination, { maxLength: maxNominations }).map((drawn) => {
    const input: {
      nominations: ReportInput['nominations'][number][];
      bookings: ReportInput['bookings'][number][];
      feedback: ReportFeedback[];
      debriefs: ReportInput['debriefs'][number][];
    } = { nominations: [], bookings: [], feedback: [], debriefs: [] };
    drawn.forEach((n, index) => {
      const id = `n${index}`;
      const day = String(Math.min(n.receivedDay, 28)).padStart(2, '0');
      input.nominations.push({
        id,
        receivedAt: `${n.receivedMonth}-${day}T10:00:00Z`,
        status: n.status,
        municipalityCode: n.municipality,
        partnerId: n.partner,
        programmeId: n.programme,
      });
      if (n.booking === null) return;
      const b = n.booking;
      const bookingId = `b${index}`;
      input.bookings.push({
        id: bookingId,
        nominationId: id,
        musicianId: b.musician,
        date: `${b.month}-${String(b.day).padStart(2, '0')}`,
        status: b.status,
      });
      for (const r of b.responses) {
        input.feedback.push(aResponse(bookingId, r.role, answersFor(r.role, r.pick)));
      }
      if (b.debrief) {
        input.debriefs.push({
          bookingId,
          howItWent: b.debrief.howItWent as 'good' | 'mixed' | 'hard',
          wouldLikeACall: b.debrief.wouldLikeACall,
        });
      }
    });
    return input;
  });
}
