import type * as z from 'zod/mini';
import { CANCELLED_AT_DOOR_TEXTS, type bookingCancelledAtDoorSchema } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { moveBookingIn } from '../planning/bookings/service.js';
import { receiveDeviceRecord, type Device, type DeviceReceiveOutcome } from './store.js';

/**
 * A concert cancelled at the door: the record and the booking's move to `cancelled` (with the
 * reason and its audit entry) commit together. A booking already cancelled stays as it is; one
 * already held or marked a no-show throws the lifecycle's `illegal_transition`, and nothing is
 * kept.
 */
export function receiveDoorCancellation(
  db: HubDatabase,
  device: Device,
  {
    id,
    deviceSeq,
    door,
  }: {
    id: string;
    deviceSeq: number;
    door: z.output<typeof bookingCancelledAtDoorSchema>;
  },
): Promise<DeviceReceiveOutcome> {
  // Whether the booking is this musician's (404) or its pair erased (410) is decided with the
  // other records, in the record's transaction: a look here first would answer an erased
  // pair's booking 404, and the tablet would keep the record instead of purging it.
  const record = {
    id,
    deviceSeq,
    kind: 'booking-cancelled-at-door' as const,
    bookingId: door.bookingId,
    body: door,
  };
  return receiveDeviceRecord(db, device, record, async (tx, now) => {
    const { status } = await tx
      .selectFrom('bookings')
      .select('status')
      .where('id', '=', door.bookingId)
      .executeTakeFirstOrThrow();
    if (status === 'cancelled') return;
    const by = {
      actor: { kind: 'device' as const, id: device.id },
      audit: `device:${device.id}`,
    };
    const reason = `Aflyst ved døren: ${CANCELLED_AT_DOOR_TEXTS.reasons[door.reason].da}`;
    await moveBookingIn(tx, door.bookingId, 'cancel', by, reason, now.toISOString(), {
      because: 'cancelled-at-door',
      atDoor: door.reason,
      recordId: id,
    });
  });
}
