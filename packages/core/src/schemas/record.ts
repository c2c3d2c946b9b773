import * as z from 'zod/mini';
import { clientId } from './fields.js';

/**
 * The fields every versioned record a client creates begins with: the schema version it was
 * written in (any other is refused as `unsupported_version`) and its client-generated UUIDv7 id.
 * Spread first into a record's `z.strictObject`, so that every record refuses a version alike.
 *
 * @example
 * const noteSchema = z.strictObject({ ...versionedRecord(1), text: requiredText() });
 */
export function versionedRecord<const V extends number>(version: V) {
  return {
    schemaVersion: z.literal(version, { error: 'unsupported_version' }),
    id: clientId(),
  };
}
