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

/**
 * A UUIDv7 as a regular expression's source (either case), for descriptions of the API such as
 * its OpenAPI document; code checks ids with {@link isUuidV7}.
 */
export const UUID_V7_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';

/** Whether `value` is a UUIDv7 string (the only id form Stue accepts from clients). */
export function isUuidV7(value: unknown): value is string {
  return typeof value === 'string' && validate(value) && version(value) === 7;
}
