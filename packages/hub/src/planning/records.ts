import {
  issueMessage,
  validate,
  type Actor,
  type Issue,
  type IssueCode,
  type Lang,
} from '@stue/core';
import type * as z from 'zod/mini';
import { isUniqueViolation, type HubDatabase } from '../db/database.js';
import { locksRows } from '../db/dialect.js';
import { canonicalJson } from '../internal/canonical-json.js';

/** The codes of issues the hub finds with the database's help (a reference, a time window). */
export type PlanningIssueCode = Extract<IssueCode, 'not_found' | 'inactive' | 'outside_window'>;

/** An issue the hub found with a field, in the request's language. */
export function planningIssue(lang: Lang, path: string, code: PlanningIssueCode): Issue {
  return { path, code, message: issueMessage(path, code, lang) };
}

/** The keys of a stored record that the hub sets, never the client. */
export const HUB_FIELDS = ['createdBy', 'createdAt', 'updatedAt'] as const;

/** A stored record without the fields the hub sets: what the client sent, normalised. */
export function clientPart<T extends object>(record: T, hubFields: readonly string[] = HUB_FIELDS) {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !hubFields.includes(key)));
}

// Said once, beside its answer (http/outcomes.ts); stores keep importing it from here.
export type { CreateOutcome } from '../http/outcomes.js';

/**
 * Runs a create, and runs it once more when it lost a race for the same id (possible on
 * PostgreSQL): the second run finds the winner's row and answers it as a replay or a conflict.
 */
export async function createOnce<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return run();
  }
}

/** Whether a stored record was created from this (validated) input: a replay. */
export const sameInput = (stored: object, input: object, hubFields?: readonly string[]) =>
  canonicalJson(clientPart(stored, hubFields)) === canonicalJson(input);

/** The answer to a create whose id is stored already: a replay of the same input, or a conflict. */
export function replayOrConflict<T extends object>(
  stored: T,
  input: object,
): { kind: 'replayed'; record: T } | { kind: 'conflict' } {
  return sameInput(stored, input) ? { kind: 'replayed', record: stored } : { kind: 'conflict' };
}

/** The planning tables that keep each record whole, as JSON in `body`, under its `id`. */
export type RecordTable = 'musicians' | 'tour_days' | 'bookings';

/**
 * The record stored under `id` in `table`, or `undefined`. With `lock`, its row stays locked
 * for the rest of the transaction where the database can (PostgreSQL), so that two changes to
 * one record are made one after the other.
 */
export async function storedRecord<T>(
  db: HubDatabase,
  table: RecordTable,
  id: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<T | undefined> {
  const row = await db
    .selectFrom(table)
    .select('body')
    .where('id', '=', id)
    .$if(lock && locksRows(db), (q) => q.forUpdate())
    .executeTakeFirst();
  return row && (JSON.parse(row.body) as T);
}

/** The keys whose values differ between two versions of a record's input. */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(after).filter(
    (key) => canonicalJson(before[key]) !== canonicalJson(after[key]),
  );
}

/** The outcome of a partial update. */
export type PatchOutcome<T> =
  | { kind: 'updated'; record: T; changed: string[] }
  | { kind: 'not_found' }
  | { kind: 'invalid'; issues: Issue[] };

/**
 * A partial update (JSON merge patch without deletions: no field of these records can be left
 * out once set) checked against the whole input schema: the patch is laid over the stored input
 * and the result must be a valid record with the same id. Unknown fields are refused by the
 * strict schema; a `__proto__` key from `JSON.parse` is an own key, refused the same way.
 */
export function applyPatch<S extends z.core.$ZodType>(
  schema: S,
  stored: object,
  patch: Record<string, unknown>,
  id: string,
  lang: Lang,
): { ok: true; value: z.output<S> & { id: string } } | { ok: false; issues: Issue[] } {
  const merged: Record<string, unknown> = { ...clientPart(stored) };
  for (const [key, value] of Object.entries(patch)) {
    Object.defineProperty(merged, key, { value, enumerable: true, writable: true });
  }
  const checked = validate(schema, merged, { lang });
  if (!checked.ok) return checked;
  const value = checked.value as z.output<S> & { id: string };
  if (value.id !== id) {
    return { ok: false, issues: [{ path: 'id', code: 'invalid', message: idMessage[lang] }] };
  }
  return { ok: true, value };
}

const idMessage: Record<Lang, string> = {
  da: 'Id’et kan ikke ændres',
  en: 'The id cannot be changed',
};

/** Who makes a change: the lifecycle's actor and the audit trail's name for them. */
export interface ChangeBy {
  actor: Actor;
  audit: string;
}
