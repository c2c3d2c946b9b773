// The parts the hub's answers to coordinators share: a page of a keyset-paged list, the audit
// trail, and the lifecycle moves a record allows now.
import * as z from 'zod/mini';

/** A page of a keyset-paged list: its `items` and the cursor of the next page (`null` on the last). */
export const pageSchema = <T extends z.core.$ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** A page of a keyset-paged list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A whole list the hub answers at once, as `{ items }`. */
export const listSchema = <T extends z.core.$ZodType>(item: T) =>
  z.object({ items: z.array(item) });

/** One move the lifecycle allows now, with the endpoint that makes it. */
export const allowedActionSchema = z.object({
  action: z.string(),
  to: z.string(),
  reasonRequired: z.boolean(),
  href: z.optional(z.string()),
});
/** One move the lifecycle allows now. */
export type AllowedAction = z.output<typeof allowedActionSchema>;

/**
 * The hub's error shape for a refusal about a record's state (409): the record's `status` and,
 * for `illegal_transition`, the moves it allows now.
 */
export const statusErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    status: z.optional(z.string()),
    allowedActions: z.optional(z.array(allowedActionSchema)),
  }),
});
/** A refusal about a record's state. */
export type StatusError = z.output<typeof statusErrorSchema>;

/** A row of a record's audit trail: who (`coordinator:<id>`), when, what and why. */
export const auditEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  reason: z.optional(z.string()),
  details: z.optional(z.record(z.string(), z.unknown())),
});
/** A row of a record's audit trail. */
export type AuditEntry = z.output<typeof auditEntrySchema>;

/** Someone named in an answer: a coordinator, a partner, a musician. */
export const namedSchema = z.object({ id: z.string(), name: z.string() });

/**
 * Who a booking or task is for: first name and municipality only, and `null` once the host has
 * withdrawn consent, when the hub no longer says who it is.
 */
export const hostShownSchema = z.nullable(
  z.object({ firstName: z.string(), municipalityCode: z.string() }),
);
