// The hub's answers to coordinators acting on the pair's data rights: consents, a withdrawal, an
// erasure.
import * as z from 'zod/mini';
import { CONSENT_PERSONS, CONSENT_SCOPES } from '../vocabulary.js';
import { auditEntrySchema, listSchema, namedSchema } from './common.js';
import { nominationNoteViewSchema } from './nominations.js';

/** A consent as the hub keeps it: whose, what for, through whom, when, and whether withdrawn. */
export const consentViewSchema = z.object({
  id: z.string(),
  person: z.enum(CONSENT_PERSONS),
  scope: z.enum(CONSENT_SCOPES),
  via: z.string(),
  givenAt: z.string(),
  noticeVersion: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  withdrawnAt: z.nullable(z.string()),
});
/** A consent as the hub keeps it. */
export type ConsentView = z.output<typeof consentViewSchema>;

/** A nomination's consents, withdrawn ones included, oldest first. */
export const consentListSchema = listSchema(consentViewSchema);

/** What the hub answers to a withdrawal: what it changed, and when the pair will be erased. */
export const consentWithdrawnSchema = z.object({
  /** The consents withdrawn now (already withdrawn ones are left as they were). */
  withdrawn: z.array(consentViewSchema),
  /** Whether the nomination is now hidden (the host's `nomination-contact` is withdrawn). */
  hidden: z.boolean(),
  /** When retention erases the hidden pair; `null` while it is not hidden. */
  erasureDueAt: z.nullable(z.string()),
});
/** What the hub answers to a withdrawal. */
export type ConsentWithdrawn = z.output<typeof consentWithdrawnSchema>;

/** What one erasure removed, counted; it names nobody. */
export const erasureReceiptSchema = z.object({
  erasureId: z.string(),
  erasedAt: z.string(),
  nominationId: z.string(),
  removed: z.object({
    nominations: z.number(),
    bookings: z.number(),
    deviceRecords: z.number(),
    consents: z.number(),
    notes: z.number(),
    /** Webhook deliveries about the pair, sent or not, with their attempts. */
    webhookDeliveries: z.number(),
  }),
});
/** What one erasure removed, counted. */
export type ErasureReceipt = z.output<typeof erasureReceiptSchema>;

/** A JSON document as the hub stored it (a nomination's or a booking's body), unread. */
const storedBodySchema = z.record(z.string(), z.unknown());

/**
 * Everything the hub holds about the pair of a nomination, for a data-subject access request:
 * the nomination as stored, its consents, coordinators' notes, its bookings, the tablet records
 * about them and every audit entry about these.
 */
export const personExportSchema = z.object({
  exportedAt: z.string(),
  nomination: z.object({
    id: z.string(),
    reference: z.string(),
    status: z.string(),
    partner: namedSchema,
    receivedAt: z.string(),
    updatedAt: z.string(),
    hiddenAt: z.nullable(z.string()),
    /** The nomination as the partner sent it. */
    record: storedBodySchema,
  }),
  consents: z.array(consentViewSchema),
  /** Coordinators' notes about the pair, with author and time. */
  notes: z.array(nominationNoteViewSchema),
  /** The bookings as stored. */
  bookings: z.array(storedBodySchema),
  /** The tablet records about the bookings, oldest first. */
  deviceRecords: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      bookingId: z.string(),
      receivedAt: z.string(),
      /** Still sealed: the hub's key was not at hand, or could not open it. */
      sealed: z.boolean(),
      /** The record's body; sealed feedback opened with the hub's key. */
      content: z.unknown(),
    }),
  ),
  /** The audit entries about all of these, oldest first, each naming the record it is about. */
  audit: z.array(z.extend(auditEntrySchema, { entity: z.string(), entityId: z.string() })),
});
/** Everything the hub holds about the pair of a nomination. */
export type PersonExport = z.output<typeof personExportSchema>;
