import {
  deviceDaySchema,
  enrolmentSchema,
  type DeviceDay,
  type Enrolment,
} from '../schemas/device-answers.js';
import { requestJson, withBearer, type RequestOptions } from './request.js';

export type { DeviceBooking, DeviceDay, Enrolment } from '../schemas/device-answers.js';

/** Where the hub is, and the tablet's device token. */
export interface DeviceClientOptions extends RequestOptions {
  /** The device token (`dt_…`) from {@link enrolDevice}. */
  token: string;
}

// The tablet's answers must never come from an HTTP cache: a revoked token or a cancelled concert
// has to show at once.
const NO_STORE = { cache: 'no-store' } as const;

/**
 * Enrols a tablet with a one-time code a coordinator made for its musician.
 *
 * @throws {StueHttpError} `invalid_enrolment_code` for an unknown, used or expired code (400),
 *   `rate_limited` (429, with `retryAfter`)
 * @throws {StueValidationError} a body the hub refused, with `issues` (e.g. a name holding a CPR
 *   number)
 * @throws {StueNetworkError} the hub could not be reached or did not answer in time
 *
 * @example
 * const { token, hubPublicKey } = await enrolDevice({ api }, { code: '7KQ3-9XZD', name: 'Majas tablet' });
 */
export async function enrolDevice(
  options: RequestOptions,
  input: { code: string; name: string },
): Promise<Enrolment> {
  return requestJson(
    'api/v1/devices/enrol',
    { ...NO_STORE, method: 'POST', body: JSON.stringify(input) },
    enrolmentSchema,
    options,
  );
}

/**
 * The tablet's musician's concerts on a day (`YYYY-MM-DD`; default: today in Denmark, by the
 * hub's clock).
 *
 * @throws {StueHttpError} `unauthorized` (401) when the device has been revoked
 * @throws {StueNetworkError} the hub could not be reached or did not answer in time
 *
 * @example
 * const { items } = await getDeviceBookings({ api, token });
 */
export async function getDeviceBookings(
  options: DeviceClientOptions,
  date?: string,
): Promise<DeviceDay> {
  const query = date === undefined ? '' : `?date=${encodeURIComponent(date)}`;
  return requestJson(
    `api/v1/device/bookings${query}`,
    withBearer({ ...NO_STORE, method: 'GET' }, options.token, options.lang),
    deviceDaySchema,
    options,
  );
}
