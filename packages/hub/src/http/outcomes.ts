import type { Context } from 'hono';
import type { Issue } from '@stue/core';
import { HubError } from './hub-error.js';

/** The outcome of creating a record under the sync protocol (a client's id, sent again on retry). */
export type CreateOutcome<T> =
  | { kind: 'created'; record: T }
  | { kind: 'replayed'; record: T }
  | { kind: 'conflict' }
  | { kind: 'invalid'; issues: Issue[] };

/**
 * The answer to a create: 201 with the record, 200 for a replay of the same input. A conflict
 * (409 `record_conflict`) or input the database refused (400 `invalid_body`) is thrown.
 */
export function createdAnswer<T extends object>(c: Context, outcome: CreateOutcome<T>): Response {
  if (outcome.kind === 'conflict') throw new HubError(409, 'record_conflict');
  if (outcome.kind === 'invalid')
    throw new HubError(400, 'invalid_body', { issues: outcome.issues });
  return c.json(outcome.record, outcome.kind === 'created' ? 201 : 200);
}

/** `value`, or 404 `not_found` thrown when there is none. */
export function found<T>(value: T | null | undefined): T {
  if (value === undefined || value === null) throw new HubError(404, 'not_found');
  return value;
}

/**
 * A page of a list, or 400 `invalid_parameter` thrown when the store could not read the cursor
 * (one the hub did not write).
 */
export function listed<T>(page: T | undefined): T {
  if (page === undefined) throw new HubError(400, 'invalid_parameter');
  return page;
}

/** 400 `invalid_body` with these issues, thrown when there are any. */
export function refuseIssues(issues: Issue[]): void {
  if (issues.length > 0) throw new HubError(400, 'invalid_body', { issues });
}
