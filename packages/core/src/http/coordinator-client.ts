import * as z from 'zod/mini';
import { NOMINATION_STATUSES, type NominationStatus } from '../lifecycle/nomination.js';
import {
  coordinatorSessionSchema as sessionSchema,
  type CoordinatorSession,
} from '../schemas/answers/session.js';
import type { NominationV2 } from '../schemas/nomination-v2.js';
import { requestJson, type RequestOptions } from './request.js';

export type { CoordinatorSession };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// The record as the partner sent it and the hub stored it after checking it: the client checks
// that it is one, not every rule again (as the partner client does, schemas/partner-answers.ts).
const nominationRecord = z.custom<NominationV2>(isRecord);

const nominationPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      status: z.enum(NOMINATION_STATUSES),
      partner: z.object({ id: z.string(), name: z.string() }),
      receivedAt: z.string(),
      nomination: nominationRecord,
    }),
  ),
  nextCursor: z.nullable(z.string()),
});
/** A page of nominations for coordinators. */
export type NominationPage = z.output<typeof nominationPageSchema>;

/** Filters for {@link listNominations}. */
export interface NominationFilter {
  status?: NominationStatus[];
  partner?: string;
  waitingDays?: number;
  limit?: number;
  cursor?: string;
}

// The session lives in an HttpOnly cookie the browser keeps: these functions are for the console,
// on the hub's own origin. Every request sends the cookie; writes add the CSRF token.
const withCookie = (init: RequestInit): RequestInit => ({ ...init, credentials: 'same-origin' });

/**
 * Signs a coordinator in; the hub sets the session cookie.
 *
 * @throws {StueHttpError} `invalid_credentials` (401), `rate_limited` (429)
 *
 * @example
 * const { coordinator, csrfToken } = await signIn({ api: location.origin }, { email, password });
 */
export async function signIn(
  options: RequestOptions,
  credentials: { email: string; password: string },
): Promise<CoordinatorSession> {
  return requestJson(
    'api/v1/session',
    withCookie({ method: 'POST', body: JSON.stringify(credentials) }),
    sessionSchema,
    options,
  );
}

/** Who is signed in, and the CSRF token; throws `unauthorized` (401) when nobody is. */
export async function getSession(options: RequestOptions): Promise<CoordinatorSession> {
  return requestJson('api/v1/session', withCookie({ method: 'GET' }), sessionSchema, options);
}

/** Signs out: the session ends on the hub and its cookie is cleared. */
export async function signOut(options: RequestOptions, csrfToken: string): Promise<void> {
  await requestJson(
    'api/v1/session',
    withCookie({ method: 'DELETE', headers: { 'x-csrf-token': csrfToken } }),
    z.unknown(),
    options,
  );
}

/**
 * Nominations, longest waiting first, a page at a time.
 *
 * @example
 * const page = await listNominations({ api: location.origin }, { status: ['received', 'in-review'] });
 */
export async function listNominations(
  options: RequestOptions,
  filter: NominationFilter = {},
): Promise<NominationPage> {
  const query = new URLSearchParams();
  for (const status of filter.status ?? []) query.append('status', status);
  if (filter.partner) query.set('partner', filter.partner);
  if (filter.waitingDays !== undefined) query.set('waitingDays', String(filter.waitingDays));
  if (filter.limit !== undefined) query.set('limit', String(filter.limit));
  if (filter.cursor) query.set('cursor', filter.cursor);
  const search = query.size > 0 ? `?${query}` : '';
  return requestJson(
    `api/v1/nominations${search}`,
    withCookie({ method: 'GET' }),
    nominationPageSchema,
    options,
  );
}
