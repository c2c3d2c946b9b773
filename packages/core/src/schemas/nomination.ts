import * as z from 'zod/mini';
import { NOMINATION_STATUSES } from '../lifecycle/nomination.js';
import { phoneOrEmail } from './contact.js';
import { danishPhone, email, requiredText } from './fields.js';
import { versionedRecord } from './record.js';
import { NOMINATOR_ROLES } from './vocabulary.js';

export { NOMINATOR_ROLES, type NominatorRole } from './vocabulary.js';

/** The version of the nomination payload this SDK writes. */
export const NOMINATION_SCHEMA_VERSION = 1;

const nominator = z
  .strictObject({
    role: z.enum(NOMINATOR_ROLES, {
      error: (issue) => (issue.input === undefined ? 'required' : 'invalid_choice'),
    }),
    name: requiredText(),
    phone: z.optional(danishPhone()),
    email: z.optional(email()),
  })
  .check(phoneOrEmail());

/**
 * A nomination of a host and their visiting friend for a home concert, as a partner site sends it.
 * The partner is never part of the payload: the hub takes it from the key the request carries.
 */
export const nominationSchema = z.strictObject({
  ...versionedRecord(NOMINATION_SCHEMA_VERSION),
  nominator,
  host: z.strictObject({
    firstName: requiredText(),
    municipality: requiredText(60),
  }),
  visitingFriend: z.strictObject({
    firstName: requiredText(),
    phone: danishPhone(),
  }),
  consent: z.literal(true, { error: 'consent_required' }),
});

/** A valid, normalised nomination. */
export type Nomination = z.output<typeof nominationSchema>;
/** What a caller may pass before validation and normalisation. */
export type NominationInput = z.input<typeof nominationSchema>;

/** What the hub answers when it has a nomination: the reference people quote, and the status. */
export const nominationReceiptSchema = z.object({
  reference: z.string(),
  status: z.enum(NOMINATION_STATUSES),
});
export type NominationReceipt = z.output<typeof nominationReceiptSchema>;
