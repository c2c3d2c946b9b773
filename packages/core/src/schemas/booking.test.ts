import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate.js';
import { bookingInputSchema, bookingSchema } from './booking.js';
import { exampleBookingInput } from './examples.js';
import { storedBooking } from './records.test-support.js';
import { expectAcceptedAsIs, issueCodes } from '../validation/validate.test-support.js';

function codesOf(input: unknown, schema = bookingInputSchema) {
  return issueCodes(schema, input);
}

const stored = storedBooking;

describe('bookingInputSchema', () => {
  it('accepts the example', () => {
    expectAcceptedAsIs(bookingInputSchema, exampleBookingInput());
  });

  it('refuses a status or history from the client', () => {
    expect(codesOf({ ...exampleBookingInput(), status: 'held', reschedules: [] })).toEqual([
      ['status', 'unknown_key'],
      ['reschedules', 'unknown_key'],
    ]);
  });

  it('needs real ids and a start with a time zone', () => {
    expect(
      codesOf({
        ...exampleBookingInput(),
        nominationId: 'n1',
        start: '2025-05-06 10:00',
        contactCoordinatorId: '',
      }),
    ).toEqual([
      ['nominationId', 'invalid_id'],
      ['start', 'invalid_datetime'],
      ['contactCoordinatorId', 'invalid_id'],
    ]);
  });
});

describe('bookingSchema', () => {
  it('keeps the status and the history of reschedules', () => {
    expectAcceptedAsIs(bookingSchema, stored());
  });

  it('starts with an empty history', () => {
    const rest: Partial<ReturnType<typeof stored>> = stored();
    delete rest.reschedules;
    const result = validate(bookingSchema, rest);
    expect(result.ok && result.value.reschedules).toEqual([]);
  });

  it('knows only the booking statuses, and well-formed history entries', () => {
    const booking = stored();
    expect(
      codesOf(
        {
          ...booking,
          status: 'maybe',
          reschedules: [{ ...booking.reschedules[0], by: 'coordinator-1', to: 'tomorrow' }],
        },
        bookingSchema,
      ),
    ).toEqual([
      ['status', 'invalid_choice'],
      ['reschedules.0.to', 'invalid_datetime'],
      ['reschedules.0.by', 'invalid_type'],
    ]);
  });
});
