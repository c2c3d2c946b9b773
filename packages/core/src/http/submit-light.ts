import { NOMINATION_STATUSES } from '../lifecycle/nomination.js';
import type { NominationV2Input } from '../schemas/nomination-v2.js';
import { validateNominationLight } from '../validation/nomination-light.js';
import type { ClientOptions, SubmitResult } from './client.js';
import { StueHttpError } from '../errors.js';
import { postNomination, readJson } from './request.js';
import { errorFromResponse } from './response-errors.js';

const statuses: readonly unknown[] = NOMINATION_STATUSES;

/**
 * Sends a nomination to the hub exactly as {@link submitNomination} does (the same checks, the
 * same request, the same errors), without zod: for a browser that only sends nominations, such
 * as the CDN widget. The nomination is checked with {@link validateNominationLight} first; the
 * hub checks it again with the schema. A retry after any failure must pass the same `id`.
 *
 * @throws {StueValidationError} the nomination is not valid (nothing was sent), or the hub refused it
 * @throws {StueNetworkError} the hub could not be reached or did not answer in time
 * @throws {StueHttpError} the hub answered with another error (`code` says which)
 *
 * @example
 * const { reference } = await submitNominationLight(nomination, { api, key: 'pk_demo' });
 */
export async function submitNominationLight(
  nomination: NominationV2Input,
  options: ClientOptions,
): Promise<SubmitResult> {
  const response = await postNomination(nomination, options, validateNominationLight);
  if (!response.ok) throw (await errorFromResponse(response)).error;
  const receipt = (await readJson(response)) as { reference?: unknown; status?: unknown } | null;
  if (
    typeof receipt !== 'object' ||
    receipt === null ||
    typeof receipt.reference !== 'string' ||
    !statuses.includes(receipt.status)
  ) {
    // Written out rather than unexpectedAnswer(): in the embed's bundle, where this is its only
    // use, the helper costs bytes (test/size.test.ts).
    throw new StueHttpError(
      response.status,
      'invalid_response',
      'The hub sent an unexpected answer',
    );
  }
  return {
    reference: receipt.reference,
    status: receipt.status as SubmitResult['status'],
    replayed: response.status === 200,
  };
}
