import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod/mini';
import {
  freeText,
  isUuidV7,
  issueMessage,
  StueLifecycleError,
  validate,
  type Issue,
  type IssueCode,
  type Lang,
} from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import type { CoordinatorEnv } from '../accounts/coordinator-auth.js';
import { limitBody } from '../http/body-limit.js';
import { apiError, requestLang } from '../http/errors.js';

/** The largest body a planning write reads; a musician, tour day or booking is well under 2 KB. */
export const MAX_PLANNING_BODY_BYTES = 16 * 1024;

/** Refuses bodies over {@link MAX_PLANNING_BODY_BYTES} before they are read (413). */
export const planningBodyLimit = (): MiddlewareHandler => limitBody(MAX_PLANNING_BODY_BYTES);

/** The codes of issues the hub finds with the database's help (a reference, a time window). */
export type PlanningIssueCode = Extract<IssueCode, 'not_found' | 'inactive' | 'outside_window'>;

/** An issue the hub found with a field, in the request's language. */
export function planningIssue(lang: Lang, path: string, code: PlanningIssueCode): Issue {
  return { path, code, message: issueMessage(path, code, lang) };
}

/**
 * An error response with more than the code and message, e.g. the actions a record allows now.
 * The message is the same text {@link apiError} gives.
 */
export async function apiErrorWith(
  c: Context,
  status: ContentfulStatusCode,
  code: Parameters<typeof apiError>[2],
  extra: Record<string, unknown>,
) {
  const { error } = (await apiError(c, status, code).json()) as { error: object };
  return c.json({ error: { ...error, ...extra } }, status);
}

/** The `:id` of the URL when it is a UUIDv7, the id form of every planning record. */
export function idParam(c: Context): string | undefined {
  const id = c.req.param('id');
  return isUuidV7(id) ? id : undefined;
}

/** Who acts, as the audit trail and the lifecycle name them. */
export function actorOf(c: Context<CoordinatorEnv>) {
  const { id } = c.get('coordinator');
  return { actor: { kind: 'coordinator' as const, id }, audit: `coordinator:${id}` };
}

/** A trimmed, optional text a person types (a reason, a referral): no CPR numbers. */
export const note = (max: number) => z.optional(freeText(max));

/** One row of the audit trail. */
export interface AuditRow {
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Writes an audit row; call it inside the transaction of the change it records. */
export async function writeAudit(db: HubDatabase, row: AuditRow): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: row.at,
      actor: row.actor,
      entity: row.entity,
      entity_id: row.entityId,
      action: row.action,
      reason: row.reason ?? null,
      details: row.details ? JSON.stringify(row.details) : null,
    })
    .execute();
}

/** A record's history from the audit trail, oldest first. */
export async function auditHistory(db: HubDatabase, entity: string, entityId: string) {
  const rows = await db
    .selectFrom('audit_events')
    .select(['at', 'actor', 'action', 'reason', 'details'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    at: row.at,
    actor: row.actor,
    action: row.action,
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.details === null ? {} : { details: JSON.parse(row.details) as object }),
  }));
}

/**
 * Whether to lock rows read for a change (`SELECT … FOR UPDATE`). PostgreSQL runs transactions
 * side by side and needs it; SQLite runs one writer at a time and has no such clause.
 */
export const locksRows = (db: HubDatabase) => isPostgres(db as never);

/** `limit` and `cursor`, shared by every planning list. */
export const pageQuery = {
  limit: z.optional(
    z.coerce
      .number()
      .check(
        z.int({ error: 'invalid_type' }),
        z.minimum(1, { error: 'invalid' }),
        z.maximum(100, { error: 'invalid' }),
      ),
  ),
  cursor: z.optional(z.string().check(z.maxLength(300, { error: 'too_long' }))),
};

/** The query of a list request, validated, or the 400 `invalid_parameter` answer. */
export function readQuery<S extends z.core.$ZodType>(
  c: Context,
  schema: S,
  raw: Record<string, unknown>,
): { ok: true; value: z.output<S> } | { ok: false; response: Response } {
  const checked = validate(schema, raw, { lang: requestLang(c) });
  return checked.ok
    ? { ok: true, value: checked.value }
    : { ok: false, response: apiError(c, 400, 'invalid_parameter', checked.issues) };
}

/** The keys of a stored record that the hub sets, never the client. */
export const HUB_FIELDS = ['createdBy', 'createdAt', 'updatedAt'] as const;

/** A stored record without the fields the hub sets: what the client sent, normalised. */
export function clientPart<T extends object>(record: T, hubFields: readonly string[] = HUB_FIELDS) {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !hubFields.includes(key)));
}

/**
 * The answer to a lifecycle move that the table refused: 409 `illegal_transition` with the
 * record's status and the moves it allows now, or 400 `reason_required`. Anything else is
 * rethrown.
 */
export function lifecycleErrorResponse(
  c: Context,
  error: unknown,
  allowedFrom: (status: string) => object[],
): Response | Promise<Response> {
  if (!(error instanceof StueLifecycleError)) throw error;
  if (error.code === 'reason_required') {
    const lang = requestLang(c);
    return apiError(c, 400, 'reason_required', [
      { path: 'reason', code: 'required', message: issueMessage('reason', 'required', lang) },
    ]);
  }
  if (error.code !== 'illegal_transition') throw error;
  return apiErrorWith(c, 409, 'illegal_transition', {
    status: error.from,
    allowedActions: allowedFrom(error.from),
  });
}
