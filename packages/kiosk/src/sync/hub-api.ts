import { StueError, StueHttpError, StueNetworkError } from '@stue/core';
import type { HubPublicKeyJwk } from '@stue/core/sealing';
import type { DayBooking } from '../store/types.js';

/** What `POST /api/v1/devices/enrol` answers. */
export interface EnrolAnswer {
  device: { id: string; musicianId: string; name: string };
  token: string;
  musician: { id: string; name: string };
  hubPublicKey: HubPublicKeyJwk;
}

/** What `GET /api/v1/device/bookings` answers. */
export interface BookingsAnswer {
  date: string;
  items: DayBooking[];
}

const TIMEOUT_MS = 15_000;

async function call(url: URL, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      // The tablet's answers must never come from an HTTP cache.
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (cause) {
    const code =
      cause instanceof DOMException && cause.name === 'TimeoutError' ? 'timeout' : 'network';
    throw new StueNetworkError(code, 'The hub could not be reached', { cause });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const code =
      (body as { error?: { code?: unknown } } | undefined)?.error?.code ??
      `http_${response.status}`;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new StueHttpError(
      response.status,
      String(code),
      `The hub answered ${response.status}`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return body;
}

/**
 * Enrols this tablet with a one-time code from the coordinator.
 *
 * @throws {StueHttpError} `invalid_enrolment_code` (400), `rate_limited` (429), …
 * @throws {StueNetworkError} when the hub cannot be reached
 *
 * @example
 * const { token, hubPublicKey } = await enrol(new URL('https://stue.example.dk/'), 'ABCD-1234', 'Signes tablet');
 */
export async function enrol(api: URL, code: string, name: string): Promise<EnrolAnswer> {
  const body = (await call(new URL('api/v1/devices/enrol', api), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name }),
  })) as EnrolAnswer;
  if (!body?.token || !body.hubPublicKey || !body.device?.id) {
    throw new StueError('invalid_answer', 'The hub’s enrolment answer is incomplete');
  }
  return body;
}

/**
 * The musician's concerts on the hub's today (or `date`), for the device behind `token`.
 *
 * @throws {StueHttpError} `unauthorized` (401) when the device has been revoked
 *
 * @example
 * const { date, items } = await fetchBookings(api, token);
 */
export async function fetchBookings(
  api: URL,
  token: string,
  date?: string,
): Promise<BookingsAnswer> {
  const url = new URL('api/v1/device/bookings', api);
  if (date) url.searchParams.set('date', date);
  const body = (await call(url, {
    headers: { authorization: `Bearer ${token}` },
  })) as BookingsAnswer;
  if (!body || !Array.isArray(body.items) || typeof body.date !== 'string') {
    throw new StueError('invalid_answer', 'The hub’s bookings answer is incomplete');
  }
  return body;
}
