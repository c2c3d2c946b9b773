import { newId } from '../ids.js';

/**
 * The fields a tablet's record begins with (see `deviceRecord`): `schemaVersion`, fresh ids for
 * the record and its booking, tablet `kiosk-3`, and `deviceSeq`.
 */
export function tabletRecord<const V extends number>(schemaVersion: V, deviceSeq: number) {
  return { schemaVersion, id: newId(), bookingId: newId(), deviceId: 'kiosk-3', deviceSeq };
}
