import * as z from 'zod/mini';

/**
 * Stable error codes the hub answers with, in `{"error": {"code", "message", "issues"?}}`.
 * Clients branch on these, never on messages. The two answered with 410 — `person_erased` (the
 * record is about a person who has been erased) and `no_consent` (there is no longer consent to
 * keep it) — mean "do not send this again": the outbox purges the local copy.
 */
export const API_ERROR_CODES = [
  'invalid_body',
  'invalid_parameter',
  'unauthorized',
  'invalid_credentials',
  'csrf_failed',
  'origin_not_allowed',
  'secret_key_required',
  'secret_key_in_browser',
  'not_found',
  'nomination_conflict',
  'record_conflict',
  'invalid_enrolment_code',
  'cannot_open',
  'illegal_transition',
  'reason_required',
  'nomination_not_accepted',
  'nomination_has_booking',
  'tour_day_has_bookings',
  'tour_day_full',
  'booking_overlap',
  'person_erased',
  'no_consent',
  'webhook_limit_reached',
  'payload_too_large',
  'rate_limited',
  'internal',
  'storage_full',
  'request_timeout',
  'invalid_encoding',
  'programme_exists',
  'unknown_programme',
  'unknown_notice_version',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * The body of every error response from the hub. Issue codes are read as plain strings, so an
 * older client still understands a newer hub that has learnt a new code.
 */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(
      z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    ),
  }),
});
export type ApiErrorBody = z.output<typeof apiErrorSchema>;
