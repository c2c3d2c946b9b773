import type { MiddlewareHandler } from 'hono';
import type { HubDatabase } from '../db/database.js';
import { findDevice, type Device } from './store.js';
import { HubError } from '../http/hub-error.js';

/** What the device middleware puts on the context. */
export interface DeviceEnv {
  Variables: { device: Device };
}

/**
 * Requires a kiosk tablet's device token (`Authorization: Bearer dt_…`). A revoked token is
 * refused at once; the tablet keeps what it holds queued until it is enrolled again.
 */
export function deviceAuth(db: HubDatabase): MiddlewareHandler<DeviceEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+(dt_\S+)$/i.exec(c.req.header('authorization') ?? '');
    const device = match?.[1] ? await findDevice(db, match[1]) : undefined;
    if (!device) {
      throw new HubError(401, 'unauthorized', {
        headers: { 'WWW-Authenticate': 'Bearer realm="stue-device"' },
      });
    }
    c.set('device', device);
    await next();
  };
}
