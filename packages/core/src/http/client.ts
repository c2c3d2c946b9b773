import { nominationReceiptSchema, type NominationReceipt } from '../schemas/nomination.js';
import type { NominationV2Input } from '../schemas/nomination-v2.js';
import { validateNomination } from '../validation/nomination.js';
import {
  expectJson,
  postNomination,
  requestJson,
  withBearer,
  type RequestOptions,
} from './request.js';

/** Where the hub is, and the partner key to speak to it with. */
export interface ClientOptions extends RequestOptions {
  /**
   * A partner key: `pk_…` (publishable, for browsers) or a secret key (server to server).
   * Missing or empty (an unset environment variable), the call fails before sending anything
   * with a `StueError` `missing_key`.
   */
  key: string | undefined;
}

/** A receipt for a sent nomination; `replayed` is true when the hub already had it. */
export interface SubmitResult extends NominationReceipt {
  replayed: boolean;
}

/**
 * Sends a nomination (the current version, {@link nominationV2Schema}) to the hub. The hub also
 * still reads version 1 from older integrations. The nomination is validated first; a retry after any failure
 * must pass the same `id`, so the hub answers it as a replay instead of storing it twice.
 *
 * @throws {StueValidationError} the nomination is not valid (nothing was sent), or the hub refused it
 * @throws {StueNetworkError} the hub could not be reached or did not answer in time
 * @throws {StueHttpError} the hub answered with another error (`code` says which)
 *
 * @example
 * const { reference } = await submitNomination(
 *   { schemaVersion: 1, id: newId(), nominator: { role: 'local-expert', name: 'Hanne', email: 'hanne@example.dk' },
 *     host: { firstName: 'Inger', municipality: 'Aarhus' },
 *     visitingFriend: { firstName: 'Bent', phone: '20 30 40 50' }, consent: true },
 *   { api: 'http://127.0.0.1:8787/', key: 'pk_demo' },
 * );
 */
export async function submitNomination(
  nomination: NominationV2Input,
  options: ClientOptions,
): Promise<SubmitResult> {
  const response = await postNomination(nomination, options, validateNomination);
  const receipt = await expectJson(response, nominationReceiptSchema);
  return { ...receipt, replayed: response.status === 200 };
}

/**
 * Reads a nomination's status by its reference. The answer holds no personal data.
 *
 * @example
 * const { status } = await getNominationStatus('STUE-7KQ3-9XZD', { api, key: 'pk_demo' });
 */
export async function getNominationStatus(
  reference: string,
  options: ClientOptions,
): Promise<NominationReceipt> {
  const path = `api/v1/nominations/${encodeURIComponent(reference)}/status`;
  return requestJson(
    path,
    withBearer({ method: 'GET' }, options.key, options.lang),
    nominationReceiptSchema,
    options,
  );
}
