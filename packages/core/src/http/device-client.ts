import * as z from 'zod/mini';
import { expectJson, request, type RequestOptions } from './request.js';

const enrolmentSchema = z.object({
  device: z.object({ id: z.string(), musicianId: z.string(), name: z.string() }),
  token: z.string(),
  musician: z.object({ id: z.string(), name: z.string() }),
  // Kept whole (with its `kid`): it is handed to `seal` as it came.
  hubPublicKey: z.looseObject({ kty: z.string(), crv: z.string(), x: z.string(), y: z.string() }),
});
/** What a tablet receives when it enrols: keep the token and the hub's key, nothing else. */
export type Enrolment = z.output<typeof enrolmentSchema>;

const deviceBookingSchema = z.object({
  bookingId: z.string(),
  start: z.string(),
  status: z.string(),
  host: z.object({
    firstName: z.string(),
    municipality: z.nullable(z.string()),
    language: z.string(),
  }),
  visitingFriend: z.object({ firstName: z.string() }),
  access: z.record(z.string(), z.boolean()),
  extraGuests: z.number(),
  musicWishes: z.nullable(z.string()),
});
const deviceDaySchema = z.object({ date: z.string(), items: z.array(deviceBookingSchema) });
/** A concert as the musician's tablet sees it: no phone numbers, nothing from earlier feedback. */
export type DeviceBooking = z.output<typeof deviceBookingSchema>;

/** Where the hub is, and the tablet's device token. */
export interface DeviceClientOptions extends RequestOptions {
  /** The device token (`dt_…`) from {@link enrolDevice}. */
  token: string;
}

/**
 * Enrols a tablet with a one-time code a coordinator made for its musician.
 *
 * @throws {StueHttpError} `invalid_enrolment_code` for an unknown, used or expired code
 *
 * @example
 * const { token, hubPublicKey } = await enrolDevice({ api }, { code: '7KQ3-9XZD', name: 'Majas tablet' });
 */
export async function enrolDevice(
  options: RequestOptions,
  input: { code: string; name: string },
): Promise<Enrolment> {
  const response = await request(
    'api/v1/devices/enrol',
    { method: 'POST', body: JSON.stringify(input) },
    options,
  );
  return expectJson(response, enrolmentSchema);
}

/**
 * The tablet's musician's concerts on a day (`YYYY-MM-DD`; default: today in Denmark, by the
 * hub's clock).
 *
 * @example
 * const { items } = await getDeviceBookings({ api, token });
 */
export async function getDeviceBookings(
  options: DeviceClientOptions,
  date?: string,
): Promise<{ date: string; items: DeviceBooking[] }> {
  const query = date === undefined ? '' : `?date=${encodeURIComponent(date)}`;
  const response = await request(
    `api/v1/device/bookings${query}`,
    { method: 'GET', headers: { authorization: `Bearer ${options.token}` } },
    options,
  );
  return expectJson(response, deviceDaySchema);
}
