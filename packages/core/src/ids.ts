import { v7, validate, version } from 'uuid';

/**
 * A new client-generated record id: a UUIDv7, so ids sort by creation time and can be made offline
 * before the record is first sent.
 *
 * @example
 * const id = newId(); // '0193b5a2-7c1e-7a4b-9f3d-2b8c1e6f0a9d'
 */
export function newId(): string {
  return v7();
}

/** Whether `value` is a UUIDv7 string (the only id form Stue accepts from clients). */
export function isUuidV7(value: unknown): value is string {
  return typeof value === 'string' && validate(value) && version(value) === 7;
}
