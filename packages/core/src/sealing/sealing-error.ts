import { StueError } from '../errors.js';

/** Why a record could not be sealed or opened. */
export const SEALING_ERROR_CODES = [
  'crypto_unavailable',
  'invalid_key',
  'malformed_envelope',
  'wrong_context',
  'wrong_key',
  'cannot_open',
  'not_json',
] as const;
export type SealingErrorCode = (typeof SEALING_ERROR_CODES)[number];

/**
 * Sealing or opening failed. `code` says why: `crypto_unavailable` (no WebCrypto: browsers offer it
 * only on https and localhost), `invalid_key` (not a P-256 key of the right kind), `malformed_envelope`,
 * `wrong_context` (sealed for another purpose), `wrong_key` (the envelope names another key),
 * `cannot_open` (the wrong private key, or the envelope was altered: by design the two cannot be
 * told apart), `not_json` (opened, but not JSON).
 *
 * @example
 * try {
 *   await openSealedJson(privateKeyJwk, envelope, SEAL_CONTEXTS.feedbackResponse);
 * } catch (error) {
 *   if (error instanceof StueSealingError && error.code === 'cannot_open') quarantine(envelope);
 * }
 */
export class StueSealingError extends StueError {
  override name = 'StueSealingError';
  declare readonly code: SealingErrorCode;
  constructor(code: SealingErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
